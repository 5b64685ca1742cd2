import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

const column = () => new TableColumn({ name: "dimensions", type: "text", isNullable: true });

/**
 * An indicator with a catalogue code states the measure's dimensions (`provinceTaskLevel=DISTRICT`).
 * Nullable: a local code has none, and the rows already in a database get theirs at the next import.
 * Written with the Table API like the others, so it runs on SQLite and PostgreSQL alike.
 */
export class IndicatorDimensions1795824000000 implements MigrationInterface {
  name = "IndicatorDimensions1795824000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("indicators", column());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("indicators", "dimensions");
  }
}
