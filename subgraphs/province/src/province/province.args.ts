import { ArgsType, Field, Int } from "type-graphql";
import { pageSizes } from "./page-sizes.ts";
import { BudgetPhase, FundingSource, IndicatorCategory, QmsTier, ReportingStatus, TaskKind, TaskStatus } from "../enums.ts";

// Every argument is an optional filter: left out, it means "any".

@ArgsType()
export class TaskFilterArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => TaskKind, { nullable: true })
  kind?: TaskKind;

  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatus;
}

@ArgsType()
export class TaskArgs extends TaskFilterArgs {
  @Field(() => Int, { nullable: true, defaultValue: pageSizes.tasks.byDefault, description: `At most this many, in (year, id) order; at most ${pageSizes.tasks.max}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}

@ArgsType()
export class BudgetArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => BudgetPhase, { nullable: true })
  phase?: BudgetPhase;

  @Field(() => FundingSource, { nullable: true })
  fundingSource?: FundingSource;

  @Field(() => Int, { nullable: true, defaultValue: pageSizes.budgets.byDefault, description: `At most this many, in (year, id) order; at most ${pageSizes.budgets.max}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}

@ArgsType()
export class QmsArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => QmsTier, { nullable: true })
  tier?: QmsTier;

  @Field(() => ReportingStatus, { nullable: true })
  status?: ReportingStatus;

  @Field(() => Int, { nullable: true, defaultValue: pageSizes.qmsCoverage.byDefault, description: `At most this many, in (year, id) order; at most ${pageSizes.qmsCoverage.max}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}

@ArgsType()
export class DocumentArgs {
  @Field(() => Int, { nullable: true, defaultValue: pageSizes.documents.byDefault, description: `At most this many, in id order; at most ${pageSizes.documents.max}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}

@ArgsType()
export class IndicatorArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => IndicatorCategory, { nullable: true })
  category?: IndicatorCategory;

  @Field(() => Boolean, { nullable: true, description: "true: goals only; false: what happened only" })
  target?: boolean;

  @Field(() => Int, { nullable: true, defaultValue: pageSizes.indicators.byDefault, description: `At most this many, in (year, id) order; at most ${pageSizes.indicators.max}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}
