import { findMeasure, isLocalCode, type Measure, type MeasureCatalogue, partialDateBounds } from "@khcn/shared";
import { parseStoredDimensions } from "../catalogue.ts";
import type { BudgetLine, Indicator, QmsCoverage, Task } from "../entities.ts";
import { BudgetPhase, QmsTier, ReportingStatus, TaskKind } from "../enums.ts";
import { Source, toSource } from "../sources/source.ts";
import { DimensionValue, MeasureFigure } from "./measure-figure.ts";

/*
 * How the province's records become figures of the national catalogue (docs/CATALOGUE.md, "Province
 * data"). Pure functions over records, so each rule is tested without a database; figures.loader.ts
 * reads the records.
 */

const QMS_COVERAGE = "vn.khcn.qms.coverage";
const ST_FUNDS = "vn.khcn.budget.st_funds";
const KEY_TASK_COUNT = "vn.khcn.keytask.count";

type SourcedFields = { documentId: string; section: string | null; quote: string; note: string | null };

/** A record's own sentence, with the record's caveat: a figure has no note of its own, so the reading's caveat travels with its sentence. */
function sourceOf(record: SourcedFields): Source {
  return Object.assign(toSource(record), { note: record.note });
}

interface FigureParts {
  year: number;
  status: ReportingStatus;
  dimensions: Record<string, string>;
  count?: number | null;
  amountVnd?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  records: { key: string; source: Source }[];
  /** See MeasureFigure.withEvidence; true unless said otherwise. */
  withEvidence?: boolean;
}

/**
 * A figure of `measure`, its dimensions in the catalogue's order; null when the parts do not state a
 * known value for every dimension of the measure: such a figure would belong to no cell.
 */
function makeFigure(catalogue: MeasureCatalogue, measure: Measure, parts: FigureParts): MeasureFigure | null {
  const dimensions: DimensionValue[] = [];
  for (const id of measure.dimensions) {
    const value = parts.dimensions[id];
    const known = catalogue.dimensions.find((d) => d.id === id)?.values.some((v) => v.code === value);
    if (value === undefined || !known) return null;
    dimensions.push(Object.assign(new DimensionValue(), { dimension: id, value }));
  }
  return Object.assign(new MeasureFigure(), {
    measure: measure.code,
    year: parts.year,
    status: parts.status,
    dimensions,
    count: parts.count ?? null,
    amountVnd: parts.amountVnd ?? null,
    numerator: parts.numerator ?? null,
    denominator: parts.denominator ?? null,
    periodStart: parts.periodStart ?? null,
    periodEnd: parts.periodEnd ?? null,
    records: parts.records.map((r) => r.key),
    recordSources: parts.records.map((r) => r.source),
    withEvidence: parts.withEvidence ?? true,
  });
}

const present = <T>(value: T | null): value is T => value !== null;

/**
 * qms.csv → vn.khcn.qms.coverage, by the row's tier. A row of tier ALL (the source does not split by
 * tier) or without a count of agencies applying gives none; a row without a denominator gives a
 * figure whose denominator is null, which a ratio of sums leaves out (never read as 100%).
 */
export function qmsFigures(catalogue: MeasureCatalogue, rows: readonly QmsCoverage[]): MeasureFigure[] {
  const measure = findMeasure(catalogue, QMS_COVERAGE);
  if (!measure) return [];
  return rows
    .filter((q) => q.tier !== QmsTier.ALL && q.applying !== null)
    .map((q) =>
      makeFigure(catalogue, measure, {
        year: q.year,
        status: q.status,
        dimensions: { qmsTier: q.tier },
        numerator: q.applying,
        denominator: q.total,
        records: [{ key: `qms:${q.id}`, source: sourceOf(q) }],
      }),
    )
    .filter(present);
}

/**
 * budgets.csv → vn.khcn.budget.st_funds, by phase and funding source. No figure from a row without an
 * amount (absent is not 0), nor from one without a funding source: the measure is broken down by
 * source, and an amount of unstated source belongs to no cell (it is not STATE, "state budget, level
 * not stated", unless the document says state budget). A DISBURSED amount counts only when it is
 * stated at 31 December of its year or later: one used up to a report date inside the year is a
 * partial-year amount, and one with no date cannot be shown to cover the year.
 *
 * A requested or allocated amount is REPORTED, not PLANNED: the figure is the amount the document
 * states for that phase, and the phase (a dimension) says it is a request or an allocation.
 */
export function budgetFigures(catalogue: MeasureCatalogue, rows: readonly BudgetLine[]): MeasureFigure[] {
  const measure = findMeasure(catalogue, ST_FUNDS);
  if (!measure) return [];
  const wholeYear = (b: BudgetLine) => b.phase !== BudgetPhase.DISBURSED || (b.asOf !== null && partialDateBounds(b.asOf).last >= `${b.year}-12-31`);
  return rows
    .filter((b) => b.amountVnd !== null && b.fundingSource !== null && wholeYear(b))
    .map((b) =>
      makeFigure(catalogue, measure, {
        year: b.year,
        status: ReportingStatus.REPORTED,
        dimensions: { budgetPhase: b.phase, fundingSource: b.fundingSource! },
        amountVnd: b.amountVnd,
        records: [{ key: `budgets:${b.id}`, source: sourceOf(b) }],
      }),
    )
    .filter(present);
}

/**
 * Who set a key task, from tasks.csv's free-text `assigned_by`: the Director's own registration
 * ("Giám đốc Sở (đăng ký)") or the provincial People's Committee or its Chairman ("UBND tỉnh (Quyết
 * định số 145/QĐ-UBND …)", "Chủ tịch UBND tỉnh"). Null for anything else: a key task whose setter is
 * not recognised is not guessed into either count.
 */
export function keyTaskAssignedBy(assignedBy: string | null): "PROVINCE_ASSIGNED" | "DIRECTOR_REGISTERED" | null {
  if (assignedBy === null) return null;
  const text = assignedBy.normalize("NFC").toLowerCase();
  if (text.includes("giám đốc sở")) return "DIRECTOR_REGISTERED";
  if (["ubnd tỉnh", "ủy ban nhân dân tỉnh", "uỷ ban nhân dân tỉnh"].some((name) => text.includes(name))) return "PROVINCE_ASSIGNED";
  return null;
}

/** "II.1.3" → the 3rd item of list "II.1."; null when the section does not end in an item number. */
function listPosition(section: string | null): { list: string; position: number } | null {
  const match = /^(.*?)(\d+)$/.exec(section ?? "");
  return match ? { list: match[1]!, position: Number(match[2]) } : null;
}

export type KeyTaskRecord = Pick<Task, "id" | "year" | "kind" | "assignedBy" | "documentId" | "section" | "quote" | "note">;

/**
 * tasks.csv → vn.khcn.keytask.count: the number of key tasks of a year by who set them. A count is
 * only as good as the list it counts, and tasks.csv says nothing of what it leaves out, so a count is
 * given only where the records show the plan's list read whole (a judgement, from the data):
 * - every key task of the year has a setter the dimension knows (else one of them could belong to
 *   either count, and both would be in doubt);
 * - none comes from a document whose text is truncated;
 * - within each setter, the tasks' sections are one numbered list, items 1 to n, none missing or
 *   repeated (Lạng Sơn 2024: II.1 … II.5; Bắc Giang 2023: II.1.1 … II.1.3 and II.2.1 … II.2.3).
 * Long An's tasks.csv has no key tasks (its projects are named examples, not a list). The count is
 * REPORTED: that the plan sets n key tasks is a fact of the plan, though the tasks themselves are planned.
 * Its sources are the tasks' own sentences, one a task.
 */
export function keyTaskFigures(catalogue: MeasureCatalogue, tasks: readonly KeyTaskRecord[], truncatedDocuments: ReadonlySet<string>): MeasureFigure[] {
  const measure = findMeasure(catalogue, KEY_TASK_COUNT);
  if (!measure) return [];
  const byYear = new Map<number, KeyTaskRecord[]>();
  for (const task of tasks) if (task.kind === TaskKind.KEY_TASK) byYear.set(task.year, [...(byYear.get(task.year) ?? []), task]);

  const figures: MeasureFigure[] = [];
  for (const [year, yearTasks] of byYear) {
    if (yearTasks.some((t) => keyTaskAssignedBy(t.assignedBy) === null || truncatedDocuments.has(t.documentId))) continue;
    const bySetter = new Map<string, KeyTaskRecord[]>();
    for (const task of yearTasks) {
      const setter = keyTaskAssignedBy(task.assignedBy)!;
      bySetter.set(setter, [...(bySetter.get(setter) ?? []), task]);
    }
    for (const [setter, listed] of bySetter) {
      const items = listed.map((task) => ({ task, at: listPosition(task.section) }));
      if (items.some((i) => i.at === null)) continue;
      const lists = new Set(items.map((i) => i.at!.list));
      items.sort((a, b) => a.at!.position - b.at!.position);
      if (lists.size !== 1 || items.some((i, n) => i.at!.position !== n + 1)) continue;
      const figure = makeFigure(catalogue, measure, {
        year,
        status: ReportingStatus.REPORTED,
        dimensions: { keyTaskAssignedBy: setter },
        count: items.length,
        records: items.map(({ task }) => ({ key: `tasks:${task.id}`, source: sourceOf(task) })),
        withEvidence: false,
      });
      if (figure) figures.push(figure);
    }
  }
  return figures;
}

/**
 * indicators.csv rows with a catalogue code → a figure as the measure's value type says. The import
 * has checked unit, value shape, period and dimensions against the catalogue; a row whose code the
 * catalogue no longer knows (loaded under an earlier catalogue, or before the codes were recoded)
 * gives none until the next import checks it again.
 */
export function indicatorFigures(catalogue: MeasureCatalogue, rows: readonly Indicator[]): MeasureFigure[] {
  const figures: MeasureFigure[] = [];
  for (const i of rows) {
    if (isLocalCode(i.code)) continue;
    const measure = findMeasure(catalogue, i.code);
    if (!measure) continue;
    const value = i.value === null ? null : Math.round(i.value);
    const figure = makeFigure(catalogue, measure, {
      year: i.year,
      status: i.target ? ReportingStatus.PLANNED : ReportingStatus.REPORTED,
      dimensions: Object.fromEntries(parseStoredDimensions(i.dimensions).map((d) => [d.dimension, d.value])),
      count: measure.valueType === "COUNT" ? value : null,
      amountVnd: measure.valueType === "MONEY_VND" ? value : null,
      numerator: measure.valueType === "RATIO" && i.numerator !== null ? Math.round(i.numerator) : null,
      denominator: measure.valueType === "RATIO" && i.denominator !== null ? Math.round(i.denominator) : null,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      records: [{ key: `indicators:${i.id}`, source: sourceOf(i) }],
    });
    if (figure) figures.push(figure);
  }
  return figures;
}

/** In the catalogue's order of measures, then by year, status, and the catalogue's order of each dimension's values. */
export function sortFigures(catalogue: MeasureCatalogue, figures: MeasureFigure[]): MeasureFigure[] {
  const measureRank = (f: MeasureFigure) => catalogue.measures.findIndex((m) => m.code === f.measure);
  const valueRank = (d: DimensionValue) => catalogue.dimensions.find((c) => c.id === d.dimension)?.values.findIndex((v) => v.code === d.value) ?? -1;
  const statusRank = (f: MeasureFigure) => (f.status === ReportingStatus.REPORTED ? 0 : 1);
  return figures.sort((a, b) => {
    const byKey = measureRank(a) - measureRank(b) || a.year - b.year || statusRank(a) - statusRank(b);
    if (byKey !== 0) return byKey;
    for (let i = 0; i < a.dimensions.length; i++) {
      const d = valueRank(a.dimensions[i]!) - valueRank(b.dimensions[i]!);
      if (d !== 0) return d;
    }
    return a.records.join().localeCompare(b.records.join());
  });
}
