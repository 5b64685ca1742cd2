import { Field, Int, ObjectType } from "type-graphql";
import { PartialDateScalar, VndScalar } from "@khcn/shared";
import { ReportingStatus } from "../enums.ts";
import type { Source } from "../sources/source.ts";

@ObjectType({ description: "One value of one dimension of a catalogue measure, e.g. qmsTier = COMMUNE" })
export class DimensionValue {
  @Field(() => String, { description: "The dimension's id in the catalogue, e.g. qmsTier" })
  dimension!: string;

  @Field(() => String, { description: "The value's code in the catalogue, e.g. COMMUNE" })
  value!: string;
}

/**
 * A figure of a national measure as this province's records give it. Not stored: derived per request
 * from the records (figures.loader.ts), so it can never disagree with them.
 */
@ObjectType({
  description:
    "A figure of a measure of the national catalogue (docs/CATALOGUE.md), for one year and one cell of the measure's dimensions, as this province's records give it; comparable with the same measure's figures of every other province",
})
export class MeasureFigure {
  @Field(() => String, { description: "The measure's catalogue code, e.g. vn.khcn.qms.coverage" })
  measure!: string;

  @Field(() => Int, { description: "The year the figure belongs to: the calendar year of a YEAR measure, the year of the date of an INSTANT one" })
  year!: number;

  @Field(() => ReportingStatus, { description: "REPORTED: what happened (an actual); PLANNED: what a plan targets" })
  status!: ReportingStatus;

  @Field(() => [DimensionValue], { description: "Every dimension of the measure, in the catalogue's order, each with this figure's value" })
  dimensions!: DimensionValue[];

  @Field(() => Int, { nullable: true, description: "The figure of a COUNT measure; null for other value types" })
  count!: number | null;

  @Field(() => VndScalar, { nullable: true, description: "The figure of a MONEY_VND measure, in whole đồng; null for other value types" })
  amountVnd!: number | null;

  @Field(() => Int, { nullable: true, description: "The numerator of a RATIO measure; null for other value types" })
  numerator!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "The denominator of a RATIO measure; null when the document states none (then the figure has no ratio, and a national ratio of sums leaves it out)",
  })
  denominator!: number | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "The start of the period, as the document gives it; null when it gives none" })
  periodStart!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "The end of the period (for a status, its date), as the document gives it; null when it gives none" })
  periodEnd!: string | null;

  @Field(() => [String], {
    description: 'The records the figure comes from, named as evidence.csv names them: "qms:<id>", "budgets:<id>", "indicators:<id>", "tasks:<id>"',
  })
  records!: string[];

  /** Each record's own sentence, in `records` order (`sources` is resolved in figures.resolver.ts). */
  recordSources!: Source[];

  /**
   * Whether `sources` adds the further sentences evidence.csv gives for each record. True where they
   * are about the figure itself (a QMS row's conflicting denominator, a budget's split table); false
   * for a key-task count, whose tasks' evidence is about each task (its deadline, its lead unit).
   */
  withEvidence!: boolean;
}
