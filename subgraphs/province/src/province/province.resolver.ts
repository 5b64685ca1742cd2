import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver } from "type-graphql";
import type { FindOptionsWhere, ObjectLiteral } from "typeorm";
import { createError, ErrorCode } from "@khcn/shared";
import type { ProvinceContext } from "../context.ts";
import { BudgetLine, Indicator, QmsCoverage, SourceDocument, Task } from "../entities.ts";
import { BudgetArgs, IndicatorArgs, QmsArgs, TaskArgs, TaskFilterArgs } from "./province.args.ts";
import { createProvince, Province } from "./province.ts";

/** Drops filters the client left out: an absent argument means "any". */
function where<T extends ObjectLiteral>(filters: Partial<Record<keyof T, unknown>>): FindOptionsWhere<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null)) as FindOptionsWhere<T>;
}

const MAX_PAGE = 10_000;

/** Paging arguments, bounded: a negative or huge page is a client mistake, not a query to run. */
function page({ limit, offset }: { limit?: number; offset?: number }): { take?: number; skip?: number } {
  if (limit != null && (limit < 0 || limit > MAX_PAGE)) throw createError(ErrorCode.BadUserInput, `limit must be between 0 and ${MAX_PAGE}, got ${limit}`);
  if (offset != null && offset < 0) throw createError(ErrorCode.BadUserInput, `offset cannot be negative, got ${offset}`);
  return { take: limit ?? undefined, skip: offset ?? undefined };
}

const byYearThenId = { year: "ASC", id: "ASC" } as const;

// Every field here is nullable (DESIGN rule 2): when a province is down, the gateway nulls only
// that province's figures instead of the whole answer.
@Resolver(() => Province)
export class ProvinceResolver {
  @Directive("@inaccessible")
  @Query(() => Province, { description: "This subgraph's own province, for the province team on its own endpoint" })
  thisProvince(@Ctx() context: ProvinceContext): Province {
    return createProvince(context.provinceId);
  }

  @FieldResolver(() => [SourceDocument], { nullable: true, description: "The plans and reports the figures were read from" })
  documents(@Ctx() { dataSource }: ProvinceContext): Promise<SourceDocument[]> {
    return dataSource.getRepository(SourceDocument).find({ order: { id: "ASC" } });
  }

  @FieldResolver(() => [Task], { nullable: true, description: "Key tasks and S&T projects" })
  tasks(@Ctx() { dataSource }: ProvinceContext, @Args(() => TaskArgs) { year, kind, status, ...paging }: TaskArgs): Promise<Task[]> {
    return dataSource.getRepository(Task).find({ where: where<Task>({ year, kind, status }), order: byYearThenId, ...page(paging) });
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many tasks the same filters match, for paging" })
  taskCount(@Ctx() { dataSource }: ProvinceContext, @Args(() => TaskFilterArgs) { year, kind, status }: TaskFilterArgs): Promise<number> {
    return dataSource.getRepository(Task).count({ where: where<Task>({ year, kind, status }) });
  }

  @FieldResolver(() => [BudgetLine], { nullable: true, description: "S&T budget lines by year, phase and funding source" })
  budgets(@Ctx() { dataSource }: ProvinceContext, @Args(() => BudgetArgs) filters: BudgetArgs): Promise<BudgetLine[]> {
    return dataSource.getRepository(BudgetLine).find({ where: where<BudgetLine>({ ...filters }), order: byYearThenId });
  }

  @FieldResolver(() => [QmsCoverage], { nullable: true, description: "ISO 9001 coverage of state agencies, by year and tier" })
  qmsCoverage(@Ctx() { dataSource }: ProvinceContext, @Args(() => QmsArgs) filters: QmsArgs): Promise<QmsCoverage[]> {
    return dataSource.getRepository(QmsCoverage).find({ where: where<QmsCoverage>({ ...filters }), order: byYearThenId });
  }

  @FieldResolver(() => [Indicator], { nullable: true, description: "Every other figure the plans count or target" })
  indicators(
    @Ctx() { dataSource }: ProvinceContext,
    @Args(() => IndicatorArgs) { year, code, category, target, ...paging }: IndicatorArgs,
  ): Promise<Indicator[]> {
    return dataSource
      .getRepository(Indicator)
      .find({ where: where<Indicator>({ year, code, category, target }), order: byYearThenId, ...page(paging) });
  }
}
