import { Field, ObjectType } from "type-graphql";
import { Entity, PrimaryColumn, Column } from "typeorm";
import { VndScalar } from "@khcn/shared";
import { safeIntegerTransformer } from "../columns.ts";
import { FundingSource } from "../enums.ts";
import { SourcedRecord } from "../sources/sourced-record.ts";

@Entity({ name: "task_funding" })
@ObjectType({ description: "One funding source's share of a task's cost" })
export class TaskFunding extends SourcedRecord {
  @PrimaryColumn({ name: "task_id", type: "varchar", length: 100 })
  taskId!: string;

  @PrimaryColumn({ name: "funding_source", type: "varchar", length: 20 })
  @Field(() => FundingSource)
  fundingSource!: FundingSource;

  @Column({ name: "amount_vnd", type: "bigint", nullable: true, transformer: safeIntegerTransformer })
  @Field(() => VndScalar, { nullable: true, description: "Null when the document names the source but no amount" })
  amountVnd!: number | null;
}
