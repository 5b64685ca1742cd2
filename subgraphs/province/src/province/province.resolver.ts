import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver } from "type-graphql";
import type { FindOptionsWhere, ObjectLiteral } from "typeorm";
import type { ProvinceContext } from "../context.ts";
import { BudgetLine, Indicator, QmsCoverage, SourceDocument, Task } from "../entities.ts";
import { page } from "./page-sizes.ts";
import { BudgetArgs, DocumentArgs, IndicatorArgs, QmsArgs, TaskArgs, TaskFilterArgs } from "./province.args.ts";
import { createProvince, Province } from "./province.ts";

/** Drops filters the client left out: an absent argument means "any". */
function where<T extends ObjectLiteral>(filters: Partial<Record<keyof T, unknown>>): FindOptionsWhere<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null)) as FindOptionsWhere<T>;
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

  @FieldResolver(() => [SourceDocument], { nullable: true, description: "The plans and reports the figures were read from, a page at a time" })
  documents(@Ctx() { dataSource }: ProvinceContext, @Args(() => DocumentArgs) paging: DocumentArgs): Promise<SourceDocument[]> {
    return dataSource.getRepository(SourceDocument).find({ order: { id: "ASC" }, ...page("documents", paging) });
  }

  @FieldResolver(() => [Task], { nullable: true, description: "Key tasks and S&T projects, a page at a time (taskCount gives the total)" })
  tasks(@Ctx() { dataSource }: ProvinceContext, @Args(() => TaskArgs) { year, kind, status, ...paging }: TaskArgs): Promise<Task[]> {
    return dataSource.getRepository(Task).find({ where: where<Task>({ year, kind, status }), order: byYearThenId, ...page("tasks", paging) });
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many tasks the same filters match, for paging" })
  taskCount(@Ctx() { dataSource }: ProvinceContext, @Args(() => TaskFilterArgs) { year, kind, status }: TaskFilterArgs): Promise<number> {
    return dataSource.getRepository(Task).count({ where: where<Task>({ year, kind, status }) });
  }

  @FieldResolver(() => [BudgetLine], { nullable: true, description: "S&T budget lines by year, phase and funding source, a page at a time" })
  budgets(@Ctx() { dataSource }: ProvinceContext, @Args(() => BudgetArgs) { year, phase, fundingSource, ...paging }: BudgetArgs): Promise<BudgetLine[]> {
    return dataSource.getRepository(BudgetLine).find({ where: where<BudgetLine>({ year, phase, fundingSource }), order: byYearThenId, ...page("budgets", paging) });
  }

  @FieldResolver(() => [QmsCoverage], { nullable: true, description: "ISO 9001 coverage of state agencies, by year and tier, a page at a time" })
  qmsCoverage(@Ctx() { dataSource }: ProvinceContext, @Args(() => QmsArgs) { year, tier, status, ...paging }: QmsArgs): Promise<QmsCoverage[]> {
    return dataSource.getRepository(QmsCoverage).find({ where: where<QmsCoverage>({ year, tier, status }), order: byYearThenId, ...page("qmsCoverage", paging) });
  }

  @FieldResolver(() => [Indicator], { nullable: true, description: "Every other figure the plans count or target, a page at a time" })
  indicators(
    @Ctx() { dataSource }: ProvinceContext,
    @Args(() => IndicatorArgs) { year, code, category, target, ...paging }: IndicatorArgs,
  ): Promise<Indicator[]> {
    return dataSource
      .getRepository(Indicator)
      .find({ where: where<Indicator>({ year, code, category, target }), order: byYearThenId, ...page("indicators", paging) });
  }
}
