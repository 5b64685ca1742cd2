import { loadMeasureCatalogue } from "@khcn/shared";
import { describe, expect, it } from "vitest";
import { BudgetLine, Indicator, QmsCoverage } from "../entities.ts";
import { BudgetPhase, FundingSource, QmsTier, ReportingStatus, TaskKind } from "../enums.ts";
import { budgetFigures, indicatorFigures, type KeyTaskRecord, keyTaskAssignedBy, keyTaskFigures, qmsFigures } from "./derive-figures.ts";

const catalogue = loadMeasureCatalogue();
const sourced = { documentId: "doc", section: "A.1", quote: "câu", note: null };

const qms = (id: string, tier: QmsTier, applying: number | null, total: number | null) =>
  Object.assign(new QmsCoverage(), { id, year: 2023, tier, status: ReportingStatus.REPORTED, applying, total, standard: null, ...sourced });
const budget = (id: string, phase: BudgetPhase, fundingSource: FundingSource | null, amountVnd: number | null, asOf: string | null = null) =>
  Object.assign(new BudgetLine(), { id, year: 2023, phase, fundingSource, amountVnd, asOf, purpose: null, amountAsWritten: null, ...sourced });
const keyTask = (id: string, assignedBy: string | null, section: string | null, documentId = "plan"): KeyTaskRecord => ({
  id,
  year: 2024,
  kind: TaskKind.KEY_TASK,
  assignedBy,
  documentId,
  section,
  quote: `Nhiệm vụ ${id}`,
  note: null,
});

describe("QMS rows as figures of vn.khcn.qms.coverage", () => {
  it("give one figure per tier with a count applying; ALL and a row without applying give none; a missing total stays null", () => {
    const figures = qmsFigures(catalogue, [
      qms("a", QmsTier.PROVINCIAL_DISTRICT, 41, 41),
      qms("b", QmsTier.OTHER, 8, null),
      qms("c", QmsTier.ALL, 10, 10),
      qms("d", QmsTier.COMMUNE, null, 188),
    ]);
    expect(figures.map((f) => [f.dimensions, f.numerator, f.denominator, f.records])).toEqual([
      [[{ dimension: "qmsTier", value: "PROVINCIAL_DISTRICT" }], 41, 41, ["qms:a"]],
      [[{ dimension: "qmsTier", value: "OTHER" }], 8, null, ["qms:b"]],
    ]);
  });
});

describe("budget lines as figures of vn.khcn.budget.st_funds", () => {
  it("need an amount and a funding source, and a DISBURSED amount needs the whole year", () => {
    const figures = budgetFigures(catalogue, [
      budget("requested", BudgetPhase.REQUESTED, FundingSource.LOCAL, 41_612_000_000),
      budget("no-amount", BudgetPhase.REQUESTED, FundingSource.CENTRAL, null),
      budget("no-source", BudgetPhase.ALLOCATED, null, 39_651_000_000),
      budget("mid-year", BudgetPhase.DISBURSED, FundingSource.LOCAL, 13_572_000_000, "2023-06"),
      budget("undated", BudgetPhase.DISBURSED, FundingSource.LOCAL, 13_572_000_000),
      budget("year-end", BudgetPhase.DISBURSED, FundingSource.LOCAL, 39_000_000_000, "2023-12-31"),
      budget("final-accounts", BudgetPhase.DISBURSED, FundingSource.STATE, 39_500_000_000, "2024-03"),
    ]);
    expect(figures.map((f) => [f.records[0], f.dimensions.map((d) => d.value), f.amountVnd, f.status])).toEqual([
      ["budgets:requested", ["REQUESTED", "LOCAL"], 41_612_000_000, "REPORTED"],
      ["budgets:year-end", ["DISBURSED", "LOCAL"], 39_000_000_000, "REPORTED"],
      ["budgets:final-accounts", ["DISBURSED", "STATE"], 39_500_000_000, "REPORTED"],
    ]);
  });
});

describe("key tasks as figures of vn.khcn.keytask.count", () => {
  it("reads who set a key task from assigned_by", () => {
    expect(keyTaskAssignedBy("UBND tỉnh (Quyết định số 145/QĐ-UBND ngày 20/01/2024)")).toBe("PROVINCE_ASSIGNED");
    expect(keyTaskAssignedBy("Chủ tịch UBND tỉnh")).toBe("PROVINCE_ASSIGNED");
    expect(keyTaskAssignedBy("Giám đốc Sở (đăng ký)")).toBe("DIRECTOR_REGISTERED");
    expect(keyTaskAssignedBy("Phòng Quản lý khoa học")).toBeNull();
    expect(keyTaskAssignedBy(null)).toBeNull();
  });

  it("count each setter's numbered list when it is whole", () => {
    const figures = keyTaskFigures(
      catalogue,
      [
        keyTask("p2", "Chủ tịch UBND tỉnh", "II.1.2"),
        keyTask("p1", "Chủ tịch UBND tỉnh", "II.1.1"),
        keyTask("d1", "Giám đốc Sở (đăng ký)", "II.2.1"),
      ],
      new Set(),
    );
    expect(figures.map((f) => [f.dimensions[0]!.value, f.count, f.records, f.withEvidence])).toEqual([
      ["PROVINCE_ASSIGNED", 2, ["tasks:p1", "tasks:p2"], false],
      ["DIRECTOR_REGISTERED", 1, ["tasks:d1"], false],
    ]);
  });

  it("give no count where the list may not be whole", () => {
    const count = (tasks: KeyTaskRecord[], truncated: string[] = []) => keyTaskFigures(catalogue, tasks, new Set(truncated)).map((f) => f.count);
    // A gap in the numbering: item 2 is not in tasks.csv.
    expect(count([keyTask("a", "UBND tỉnh", "II.1"), keyTask("c", "UBND tỉnh", "II.3")])).toEqual([]);
    // Two lists mixed under one setter, or an item without a number.
    expect(count([keyTask("a", "UBND tỉnh", "II.1"), keyTask("b", "UBND tỉnh", "III.1")])).toEqual([]);
    expect(count([keyTask("a", "UBND tỉnh", "II.1"), keyTask("b", "UBND tỉnh", null)])).toEqual([]);
    // A task whose setter is not recognised could belong to either count: the year gives none.
    expect(count([keyTask("a", "UBND tỉnh", "II.1"), keyTask("b", null, "III.1")])).toEqual([]);
    // From a truncated text: the list may go on after the cut.
    expect(count([keyTask("a", "UBND tỉnh", "II.1")], ["plan"])).toEqual([]);
    expect(count([keyTask("a", "UBND tỉnh", "II.1")])).toEqual([1]);
  });
});

describe("indicators with a catalogue code as figures", () => {
  it("give the value as the measure's value type says; local codes give none", () => {
    const indicator = (id: string, code: string, fields: Partial<Indicator>) =>
      Object.assign(new Indicator(), { id, code, year: 2023, target: false, value: null, numerator: null, denominator: null, periodStart: null, periodEnd: null, dimensions: null, ...sourced, ...fields });
    const figures = indicatorFigures(catalogue, [
      indicator("district", "vn.khcn.task.active_count", { value: 18, dimensions: "provinceTaskLevel=DISTRICT", periodStart: "2023", periodEnd: "2023" }),
      indicator("coverage", "vn.khcn.qms.coverage", { numerator: 8, dimensions: "qmsTier=OTHER", target: true }),
      indicator("local", "local.inspections.facilities", { value: 183 }),
      indicator("stale", "st_organisations.count", { value: 9 }),
    ]);
    expect(figures.map((f) => ({ measure: f.measure, status: f.status, count: f.count, numerator: f.numerator, denominator: f.denominator, periodEnd: f.periodEnd }))).toEqual([
      { measure: "vn.khcn.task.active_count", status: "REPORTED", count: 18, numerator: null, denominator: null, periodEnd: "2023" },
      { measure: "vn.khcn.qms.coverage", status: "PLANNED", count: null, numerator: 8, denominator: null, periodEnd: null },
    ]);
  });
});
