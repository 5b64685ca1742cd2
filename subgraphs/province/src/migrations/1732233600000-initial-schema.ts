import { type MigrationInterface, type QueryRunner, Table, TableIndex } from "typeorm";
import type { TableColumnOptions } from "typeorm/schema-builder/options/TableColumnOptions.js";

// Written with TypeORM's Table API rather than SQL, so the same migration builds the schema on the
// embedded SQLite default and on PostgreSQL.
const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: "text", isNullable: nullable });
const varchar = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: "integer", isNullable: nullable });
const bigint = (name: string): TableColumnOptions => ({ name, type: "bigint", isNullable: true });
const double = (name: string): TableColumnOptions => ({ name, type: "double precision", isNullable: true });
const bool = (name: string): TableColumnOptions => ({ name, type: "boolean", isNullable: false });
const id: TableColumnOptions = { ...varchar("id", 100, false), isPrimary: true };
const sourced: TableColumnOptions[] = [varchar("document_id", 100, false), varchar("section", 50), text("quote", false), text("note")];

export class InitialSchema1732233600000 implements MigrationInterface {
  name = "InitialSchema1732233600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "documents",
        columns: [
          id,
          varchar("number", 100),
          text("title", false),
          varchar("kind", 100, false),
          text("issuer", false),
          text("signer"),
          varchar("issued_on", 10),
          varchar("file", 200, false),
          bool("truncated"),
          text("note"),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "tasks",
        columns: [
          id,
          int("year", false),
          varchar("kind", 20, false),
          varchar("level", 20),
          text("title", false),
          text("field"),
          text("lead_unit"),
          text("assigned_by"),
          varchar("start_date", 10),
          varchar("due_date", 10),
          text("expected_result"),
          double("target_quantity"),
          varchar("target_comparator", 20),
          text("target_unit"),
          text("outputs"),
          bigint("total_cost_vnd"),
          varchar("status", 20, false),
          ...sourced,
        ],
        indices: [{ columnNames: ["year"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "task_funding",
        columns: [
          { ...varchar("task_id", 100, false), isPrimary: true },
          { ...varchar("funding_source", 20, false), isPrimary: true },
          bigint("amount_vnd"),
          ...sourced,
        ],
        foreignKeys: [{ columnNames: ["task_id"], referencedTableName: "tasks", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "budget_lines",
        columns: [
          id,
          int("year", false),
          varchar("phase", 20, false),
          varchar("funding_source", 20),
          text("purpose"),
          bigint("amount_vnd"),
          text("amount_as_written"),
          varchar("as_of", 10),
          ...sourced,
        ],
        indices: [{ columnNames: ["year"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "qms_coverage",
        columns: [
          id,
          int("year", false),
          varchar("tier", 30, false),
          varchar("status", 20, false),
          int("applying"),
          int("total"),
          text("standard"),
          ...sourced,
        ],
        checks: [{ expression: "applying IS NULL OR total IS NULL OR applying <= total" }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "indicators",
        columns: [
          id,
          varchar("code", 100, false),
          text("name", false),
          varchar("category", 20, false),
          int("year", false),
          varchar("period_start", 10),
          varchar("period_end", 10),
          bool("target"),
          varchar("comparator", 20),
          double("value"),
          double("numerator"),
          double("denominator"),
          text("unit"),
          text("baseline"),
          varchar("parent_id", 100),
          ...sourced,
        ],
        indices: [{ columnNames: ["year"] }, { columnNames: ["code"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "evidence",
        columns: [
          { ...varchar("record", 200, false), isPrimary: true },
          { ...int("ordinal", false), isPrimary: true },
          varchar("document_id", 100, false),
          varchar("section", 50),
          text("quote", false),
          text("note"),
        ],
      }),
    );
    for (const table of ["tasks", "task_funding", "budget_lines", "qms_coverage", "indicators", "evidence"]) {
      await queryRunner.createIndex(table, new TableIndex({ columnNames: ["document_id"] }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["evidence", "indicators", "qms_coverage", "budget_lines", "task_funding", "tasks", "documents"]) {
      await queryRunner.dropTable(table);
    }
  }
}
