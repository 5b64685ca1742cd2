import DataLoader from "dataloader";
import { type DataSource, type FindOptionsSelect, In, type ObjectLiteral, type Repository } from "typeorm";
import { DataVersion, Evidence, SourceDocument, TaskFunding } from "./entities.ts";
import { createFiguresLoader } from "./figures/figures.loader.ts";
import type { MeasureFigure } from "./figures/measure-figure.ts";

/**
 * Past this many keys a loader reads the whole table once instead of binding every key: the
 * statement count stays one per loader whatever the number of records, and SQLite's limit on bound
 * parameters is never reached.
 */
const IN_LIST_LIMIT = 500;

async function findByKeys<T extends ObjectLiteral>(
  repository: Repository<T>,
  column: keyof T & string,
  keys: readonly string[],
  select?: FindOptionsSelect<T>,
): Promise<T[]> {
  if (keys.length > IN_LIST_LIMIT) return repository.find({ select });
  return repository.find({ select, where: { [column]: In([...keys]) } as never });
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export interface Loaders {
  documentById: DataLoader<string, SourceDocument | null>;
  /** Apart from documentById: the text is read only when a query asks for it (see SourceDocument.text). */
  documentTextById: DataLoader<string, string | null>;
  fundingByTask: DataLoader<string, TaskFunding[]>;
  evidenceByRecord: DataLoader<string, Evidence[]>;
  /** Every catalogue figure of the province, by province id (see figures/figures.loader.ts). */
  figures: DataLoader<string, MeasureFigure[]>;
  /** The records' version row (a single row, id 1): read once per request however many fields ask. */
  dataVersion: DataLoader<number, DataVersion | null>;
}

/** Loaders live for one request: they batch, and they never serve another request's data. */
export function createLoaders(dataSource: DataSource): Loaders {
  const documents = dataSource.getRepository(SourceDocument);
  const funding = dataSource.getRepository(TaskFunding);
  const evidence = dataSource.getRepository(Evidence);
  const documentById = new DataLoader<string, SourceDocument | null>(async (ids) => {
    const byId = new Map((await findByKeys(documents, "id", ids)).map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    documentById,
    documentTextById: new DataLoader(async (ids) => {
      const byId = new Map((await findByKeys(documents, "id", ids, { id: true, text: true })).map((d) => [d.id, d.text ?? null]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    fundingByTask: new DataLoader(async (taskIds) => {
      const groups = groupBy(await findByKeys(funding, "taskId", taskIds), (f) => f.taskId);
      return taskIds.map((id) => groups.get(id) ?? []);
    }),
    evidenceByRecord: new DataLoader(async (records) => {
      const rows = (await findByKeys(evidence, "record", records)).sort((a, b) => a.ordinal - b.ordinal);
      const groups = groupBy(rows, (e) => e.record);
      return records.map((record) => groups.get(record) ?? []);
    }),
    figures: createFiguresLoader(dataSource, documentById),
    dataVersion: new DataLoader(async (ids) => {
      const byId = new Map((await dataSource.getRepository(DataVersion).find()).map((v) => [v.id, v]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
