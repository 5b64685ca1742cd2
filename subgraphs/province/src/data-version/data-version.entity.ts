import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The one row saying which state of the records this database holds. Every import or edit that
 * changes a row gives it a new version in the same transaction, so a reader that sees the version
 * unchanged knows the figures are too (the gateway's cache relies on it).
 */
@Entity("data_version")
export class DataVersion {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  /** Opaque: a fresh UUID per change, so a rebuilt database never repeats an earlier version. */
  @Column({ type: "varchar", length: 36 })
  version!: string;

  /** When the records last changed, ISO 8601 in UTC. */
  @Column({ type: "varchar", length: 30, name: "changed_at" })
  changedAt!: string;
}

/** The single row's id. */
export const DATA_VERSION_ROW = 1;
