import { readFile, writeFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { DataSource } from "typeorm";
import { entities } from "../entities.ts";

/** Every row of every table, as plain values: two snapshots are equal only if nothing changed. */
export async function snapshot(dataSource: DataSource): Promise<unknown> {
  const tables: Record<string, unknown[]> = {};
  for (const entity of entities) {
    const metadata = dataSource.getMetadata(entity);
    // Every column by name: a plain find() leaves out the ones not read by default (a document's text).
    const rows = await dataSource.getRepository(entity).find({ select: Object.fromEntries(metadata.columns.map((c) => [c.propertyName, true])) });
    tables[metadata.tableName] = rows
      .map((row) => metadata.columns.map((c) => c.getEntityValue(row) ?? null))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return tables;
}

/** Rewrites a CSV file of a copied province folder, as an officer's spreadsheet edit would. */
export async function editCsv(path: string, edit: (rows: string[][]) => void): Promise<void> {
  const rows = parse(await readFile(path, "utf8"), { relax_column_count: true }) as string[][];
  edit(rows);
  await writeFile(path, stringify(rows));
}

/** One cell of a parsed CSV, by row (the header is row 0) and column name. */
export function cell(rows: string[][], row: number, column: string): { get(): string; set(value: string): void } {
  const index = rows[0]!.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  return { get: () => rows[row]![index]!, set: (value) => void (rows[row]![index] = value) };
}

/** The row (header = 0) whose `id` is `id`. */
export function rowWithId(rows: string[][], id: string): number {
  const index = rows.findIndex((r, i) => i > 0 && r[rows[0]!.indexOf("id")] === id);
  if (index < 0) throw new Error(`no row with id ${id}`);
  return index;
}
