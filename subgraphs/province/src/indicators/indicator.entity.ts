import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PartialDateScalar } from "@khcn/shared";
import { booleanTransformer } from "../columns.ts";
import { Comparator, IndicatorCategory } from "../enums.ts";
import { SourcedRecord } from "../sources/sourced-record.ts";

@Entity({ name: "indicators" })
@ObjectType({ description: "Any other figure a plan counts or targets, as a value or as numerator / denominator" })
export class Indicator extends SourcedRecord {
  @PrimaryColumn({ type: "varchar", length: 100 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String, {
    description:
      "A measure of the national catalogue (vn.khcn.…, docs/CATALOGUE.md) when the figure matches it in meaning, unit, value type and period, else a province-local code (local.…), which is never compared across provinces",
  })
  code!: string;

  /**
   * The catalogue dimensions of a figure with a catalogue code, `id=VALUE` pairs joined by `;` in the
   * catalogue's order (`provinceTaskLevel=DISTRICT`); null for a local code. Served through
   * `Province.figures`, where they are structured, not as a field of its own.
   */
  @Column({ type: "text", nullable: true })
  dimensions!: string | null;

  @Column({ type: "text" })
  @Field(() => String)
  name!: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => IndicatorCategory)
  category!: IndicatorCategory;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "The year the figure belongs to: the last year of its period" })
  year!: number;

  @Column({ name: "period_start", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true })
  periodStart!: string | null;

  @Column({ name: "period_end", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true })
  periodEnd!: string | null;

  @Column({ type: "boolean", transformer: booleanTransformer })
  @Field(() => Boolean, { description: "True for a goal, false for what happened" })
  target!: boolean;

  @Column({ name: "comparator", type: "varchar", length: 20, nullable: true })
  comparatorColumn!: Comparator | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true, description: "Null when the source states no denominator" })
  denominator!: number | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What a relative target compares with, e.g. năm 2020" })
  baseline!: string | null;

  @Column({ name: "parent_id", type: "varchar", length: 100, nullable: true })
  @Field(() => ID, { nullable: true, description: "The indicator this one breaks down" })
  parentId!: string | null;

  @Field(() => Comparator)
  get comparator(): Comparator {
    return this.comparatorColumn ?? Comparator.EXACTLY;
  }

  @Field(() => Float, { nullable: true, description: "numerator / denominator when both are stated" })
  get ratio(): number | null {
    return this.numerator !== null && this.denominator ? this.numerator / this.denominator : null;
  }
}
