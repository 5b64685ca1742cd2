import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PartialDateScalar, VndScalar } from "@khcn/shared";
import { safeIntegerTransformer } from "../columns.ts";
import { BudgetPhase, FundingSource } from "../enums.ts";
import { SourcedRecord } from "../sources/sourced-record.ts";

@Entity({ name: "budget_lines" })
@ObjectType({ description: "A figure of the province's S&T budget: a year, a phase, a funding source, an exact amount" })
export class BudgetLine extends SourcedRecord {
  @PrimaryColumn({ type: "varchar", length: 100 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "integer" })
  @Field(() => Int)
  year!: number;

  @Column({ type: "varchar", length: 20 })
  @Field(() => BudgetPhase)
  phase!: BudgetPhase;

  @Column({ name: "funding_source", type: "varchar", length: 20, nullable: true })
  @Field(() => FundingSource, { nullable: true, description: "Null when the document does not say" })
  fundingSource!: FundingSource | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Column({ name: "amount_vnd", type: "bigint", nullable: true, transformer: safeIntegerTransformer })
  @Field(() => VndScalar, { nullable: true })
  amountVnd!: number | null;

  @Column({ name: "amount_as_written", type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The amount as the document writes it" })
  amountAsWritten!: string | null;

  @Column({ name: "as_of", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true })
  asOf!: string | null;

  @Field(() => String)
  get currency(): string {
    return "VND";
  }
}
