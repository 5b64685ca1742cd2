import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PartialDateScalar, VndScalar } from "@khcn/shared";
import { jsonListTransformer, safeIntegerTransformer } from "../columns.ts";
import { Comparator, TaskKind, TaskLevel, TaskStatus } from "../enums.ts";
import { SourcedRecord } from "../sources/sourced-record.ts";

@ObjectType({ description: "A numeric target: 15 enterprises, at least 1 national task" })
export class Quantity {
  @Field(() => Float, { nullable: true, description: "Null when the target names a unit but no number" })
  quantity!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Comparator)
  comparator!: Comparator;
}

@Entity({ name: "tasks" })
@ObjectType({ description: "A key task of the year or an S&T project" })
export class Task extends SourcedRecord {
  @PrimaryColumn({ type: "varchar", length: 100 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "The plan or report year that lists the task" })
  year!: number;

  @Column({ type: "varchar", length: 20 })
  @Field(() => TaskKind)
  kind!: TaskKind;

  @Column({ type: "varchar", length: 20, nullable: true })
  @Field(() => TaskLevel, { nullable: true })
  level!: TaskLevel | null;

  @Column({ type: "text" })
  @Field(() => String)
  title!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Scientific or administrative field" })
  field!: string | null;

  @Column({ name: "lead_unit", type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The unit in charge (chủ trì)" })
  leadUnit!: string | null;

  @Column({ name: "assigned_by", type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  assignedBy!: string | null;

  @Column({ name: "start_date", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true })
  startDate!: string | null;

  @Column({ name: "due_date", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true, description: "Deadline or end; month precision is common" })
  dueDate!: string | null;

  @Column({ name: "expected_result", type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  expectedResult!: string | null;

  @Column({ name: "target_quantity", type: "double precision", nullable: true })
  targetQuantity!: number | null;

  @Column({ name: "target_comparator", type: "varchar", length: 20, nullable: true })
  targetComparator!: Comparator | null;

  @Column({ name: "target_unit", type: "text", nullable: true })
  targetUnit!: string | null;

  @Column({ type: "text", nullable: true, transformer: jsonListTransformer })
  @Field(() => [String], { description: "Named products the task must deliver" })
  outputs!: string[];

  @Column({ name: "total_cost_vnd", type: "bigint", nullable: true, transformer: safeIntegerTransformer })
  @Field(() => VndScalar, { nullable: true })
  totalCostVnd!: number | null;

  @Column({ type: "varchar", length: 20 })
  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => Quantity, { nullable: true })
  get target(): Quantity | null {
    if (this.targetQuantity === null && this.targetUnit === null) return null;
    return Object.assign(new Quantity(), {
      quantity: this.targetQuantity,
      unit: this.targetUnit,
      comparator: this.targetComparator ?? Comparator.EXACTLY,
    });
  }
}
