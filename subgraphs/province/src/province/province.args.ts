import { ArgsType, Field, Int } from "type-graphql";
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
  @Field(() => Int, { nullable: true, description: "At most this many, in (year, id) order" })
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
}

@ArgsType()
export class QmsArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => QmsTier, { nullable: true })
  tier?: QmsTier;

  @Field(() => ReportingStatus, { nullable: true })
  status?: ReportingStatus;
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

  @Field(() => Int, { nullable: true, description: "At most this many, in (year, id) order" })
  limit?: number;

  @Field(() => Int, { nullable: true, description: "Skip this many first" })
  offset?: number;
}
