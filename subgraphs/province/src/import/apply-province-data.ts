import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { bumpDataVersion } from "../data-version/bump-data-version.ts";
import { BudgetLine, Evidence, Indicator, QmsCoverage, SourceDocument, Task, TaskFunding } from "../entities.ts";
import type { ProvinceData } from "./read-province-files.ts";

export interface TableChanges {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}
export type ImportReport = Record<keyof ProvinceData, TableChanges>;

interface TablePlan<T extends ObjectLiteral> {
  key: keyof ProvinceData;
  entity: EntityTarget<T>;
  keyOf: (row: T) => string;
}

// Parents before children when writing, children before parents when removing.
const tables: TablePlan<ObjectLiteral>[] = [
  { key: "documents", entity: SourceDocument, keyOf: (d) => d.id },
  { key: "tasks", entity: Task, keyOf: (t) => t.id },
  { key: "taskFunding", entity: TaskFunding, keyOf: (f) => `${f.taskId}:${f.fundingSource}` },
  { key: "budgets", entity: BudgetLine, keyOf: (b) => b.id },
  { key: "qms", entity: QmsCoverage, keyOf: (q) => q.id },
  { key: "indicators", entity: Indicator, keyOf: (i) => i.id },
  { key: "evidence", entity: Evidence, keyOf: (e) => `${e.record}:${e.ordinal}` },
];

const CHUNK = 400;

/**
 * The values that decide whether a row changed. Columns not read back (`select: false`, a
 * document's text) are left out: the existing row does not hold them, and a column read with
 * them (the text's sha256) changes whenever they do.
 */
function columnValues(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral): string {
  return JSON.stringify(
    manager.connection
      .getMetadata(entity)
      .columns.filter((c) => c.isSelect)
      .map((c) => c.getEntityValue(row) ?? null),
  );
}

function primaryKey(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral): ObjectLiteral {
  return Object.fromEntries(manager.connection.getMetadata(entity).primaryColumns.map((c) => [c.propertyName, c.getEntityValue(row)]));
}

/**
 * Makes the database hold exactly the province's files, in one transaction: rows are added,
 * updated or removed by key, so a second run with the same files changes nothing (the data version
 * included), and a failure anywhere leaves the database as it was.
 */
export async function applyProvinceData(dataSource: DataSource, data: ProvinceData): Promise<ImportReport> {
  return dataSource.transaction(async (manager) => {
    const report = Object.fromEntries(tables.map((t) => [t.key, { added: 0, updated: 0, removed: 0, unchanged: 0 }])) as ImportReport;
    const plans = tables.map((table) => ({ table, wanted: new Map(data[table.key].map((row) => [table.keyOf(row), row as ObjectLiteral])) }));
    const existing = new Map<keyof ProvinceData, Map<string, ObjectLiteral>>();
    for (const { table } of plans) {
      existing.set(table.key, new Map((await manager.find(table.entity)).map((row) => [table.keyOf(row), row])));
    }
    for (const { table, wanted } of [...plans].reverse()) {
      const stale = [...existing.get(table.key)!.entries()].filter(([key]) => !wanted.has(key)).map(([, row]) => row);
      for (const row of stale) await manager.delete(table.entity, primaryKey(manager, table.entity, row));
      report[table.key].removed = stale.length;
    }
    for (const { table, wanted } of plans) {
      const current = existing.get(table.key)!;
      const counts = report[table.key];
      const added: ObjectLiteral[] = [];
      for (const [key, row] of wanted) {
        const before = current.get(key);
        if (!before) added.push(row);
        else if (columnValues(manager, table.entity, before) === columnValues(manager, table.entity, row)) counts.unchanged++;
        else {
          await manager.save(table.entity, row);
          counts.updated++;
        }
      }
      for (let i = 0; i < added.length; i += CHUNK) await manager.insert(table.entity, added.slice(i, i + CHUNK));
      counts.added = added.length;
    }
    // Readers (the gateway's cache) learn of a change from the version alone, so it moves with the rows.
    if (countChanges(report) > 0) await bumpDataVersion(manager);
    return report;
  });
}

export function countChanges(report: ImportReport): number {
  return Object.values(report).reduce((n, c) => n + c.added + c.updated + c.removed, 0);
}
