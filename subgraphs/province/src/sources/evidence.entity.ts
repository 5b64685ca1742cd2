import { Column, Entity, PrimaryColumn } from "typeorm";
import { SourcedRecord } from "./sourced-record.ts";

/**
 * A further sentence behind a record: a second figure, the lead unit stated elsewhere, a conflict.
 * It carries the same source columns as a record; it is not a GraphQL type of its own.
 */
@Entity({ name: "evidence" })
export class Evidence extends SourcedRecord {
  /** `<file>:<id>`, e.g. `tasks:bg-2023-kt-1-1`. */
  @PrimaryColumn({ type: "varchar", length: 200 })
  record!: string;

  @PrimaryColumn({ type: "integer" })
  ordinal!: number;
}
