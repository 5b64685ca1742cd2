import DataLoader from "dataloader";
import { type DataSource, IsNull, Like, Not } from "typeorm";
import { LOCAL_CODE_PREFIX } from "@khcn/shared";
import { measureCatalogue } from "../catalogue.ts";
import { BudgetLine, Indicator, QmsCoverage, type SourceDocument, Task } from "../entities.ts";
import { QmsTier, TaskKind } from "../enums.ts";
import { budgetFigures, indicatorFigures, keyTaskFigures, qmsFigures, sortFigures } from "./derive-figures.ts";
import type { MeasureFigure } from "./measure-figure.ts";

/**
 * Every catalogue figure of the province, derived from its records in a fixed number of statements
 * (four reads, one of documents through the shared loader) whatever the number of records; the
 * resolver filters them. Keyed by province id: one subgraph serves one province, so one batch.
 */
export function createFiguresLoader(dataSource: DataSource, documentById: DataLoader<string, SourceDocument | null>): DataLoader<string, MeasureFigure[]> {
  return new DataLoader(async (provinceIds) => {
    const catalogue = measureCatalogue();
    // The rows that can give a figure, narrowed in SQL; derive-figures.ts applies the full rules.
    const [qms, budgets, keyTasks, indicators] = await Promise.all([
      dataSource.getRepository(QmsCoverage).find({ where: { tier: Not(QmsTier.ALL), applying: Not(IsNull()) } }),
      dataSource.getRepository(BudgetLine).find({ where: { amountVnd: Not(IsNull()), fundingSource: Not(IsNull()) } }),
      dataSource.getRepository(Task).find({
        select: { id: true, year: true, kind: true, assignedBy: true, documentId: true, section: true, quote: true, note: true },
        where: { kind: TaskKind.KEY_TASK },
      }),
      dataSource.getRepository(Indicator).find({ where: { code: Not(Like(`${LOCAL_CODE_PREFIX}%`)) } }),
    ]);
    // A key-task list from a truncated text may be missing its end; a document that cannot be read counts as truncated.
    const documentIds = [...new Set(keyTasks.map((t) => t.documentId))];
    const documents = await documentById.loadMany(documentIds);
    const truncated = new Set(documentIds.filter((_, i) => {
      const document = documents[i];
      return !document || document instanceof Error || document.truncated;
    }));
    const figures = sortFigures(catalogue, [
      ...qmsFigures(catalogue, qms),
      ...budgetFigures(catalogue, budgets),
      ...keyTaskFigures(catalogue, keyTasks, truncated),
      ...indicatorFigures(catalogue, indicators),
    ]);
    return provinceIds.map(() => figures);
  });
}
