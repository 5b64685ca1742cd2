import { randomUUID } from "node:crypto";
import { type MigrationInterface, type QueryRunner, Table } from "typeorm";
import { DATA_VERSION_ROW, DataVersion } from "../data-version/data-version.entity.ts";

/**
 * The records' version (data-version/data-version.entity.ts), one row. A database that already
 * holds records gets a version of its own here; the next import that changes a row moves it.
 * Written with the Table API like the others, so it runs on SQLite and PostgreSQL alike.
 */
export class DataVersion1796083200000 implements MigrationInterface {
  name = "DataVersion1796083200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "data_version",
        columns: [
          { name: "id", type: "integer", isPrimary: true },
          { name: "version", type: "varchar", length: "36" },
          { name: "changed_at", type: "varchar", length: "30" },
        ],
      }),
    );
    // Through the entity, so the row goes to the table just created, in the province's PostgreSQL schema when it has one.
    await queryRunner.manager.insert(DataVersion, { id: DATA_VERSION_ROW, version: randomUUID(), changedAt: new Date().toISOString() });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("data_version");
  }
}
