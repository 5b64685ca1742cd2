import { Column, Entity, PrimaryColumn } from "typeorm";

/** A further sentence behind a record: a second figure, the lead unit stated elsewhere, a conflict. */
@Entity({ name: "evidence" })
export class Evidence {
  /** `<file>:<id>`, e.g. `tasks:bg-2023-kt-1-1`. */
  @PrimaryColumn({ type: "varchar", length: 200 })
  record!: string;

  @PrimaryColumn({ type: "integer" })
  ordinal!: number;

  @Column({ name: "document_id", type: "varchar", length: 100 })
  documentId!: string;

  @Column({ type: "varchar", length: 50, nullable: true })
  section!: string | null;

  @Column({ type: "text" })
  quote!: string;

  @Column({ type: "text", nullable: true })
  note!: string | null;
}
