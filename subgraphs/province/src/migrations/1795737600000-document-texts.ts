import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

const columns = () => [
  new TableColumn({ name: "sha256", type: "varchar", length: "64", isNullable: true }),
  new TableColumn({ name: "text", type: "text", isNullable: true }),
];

/**
 * Each document keeps the text its quotes are verbatim spans of, and that text's SHA-256. Both are
 * nullable: the rows already in a database get them at the next import, which the migration cannot
 * run (it has no province folder). Written with the Table API like the initial schema, so it runs on
 * SQLite (where TypeORM rebuilds the table) as on PostgreSQL (ALTER TABLE ... ADD COLUMN).
 */
export class DocumentTexts1795737600000 implements MigrationInterface {
  name = "DocumentTexts1795737600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("documents", columns());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns("documents", columns());
  }
}
