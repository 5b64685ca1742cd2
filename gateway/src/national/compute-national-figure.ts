import type { Measure } from "@khcn/shared";
import { createError, ErrorCode, overlaps, partialDateBounds, periodOfDate, validityPeriod } from "@khcn/shared";
import type {
  Contribution,
  CountedFigure,
  DimensionValuePair,
  ExcludedFigure,
  FigureValue,
  ProvinceAnswer,
  ProvinceFigure,
  Reporting,
  ReportState,
  Unit,
  UnitFigure,
} from "./national-types.ts";

/** The units on a map and, for each, the units whose figures roll into it for a year. */
export interface NationalPlan {
  year: number;
  validOn: string;
  units: { unit: Unit; contributors: Unit[] }[];
  /** Every contributor that runs a subgraph: the provinces to ask. */
  toAsk: Unit[];
}

const isValidOn = (unit: Unit, day: string) => overlaps(validityPeriod(unit), periodOfDate(day));

const existedDuring = (unit: Unit, year: number) => overlaps(validityPeriod(unit), periodOfDate(String(year)));

/**
 * The units valid on the last day of `validOn`, each with itself and every unit merged into it
 * (at any depth) that existed during `year`. A figure rolls forward into a successor, never back:
 * a map older than the year has no units to carry its figures.
 */
export function planNationalFigure(units: readonly Unit[], year: number, validOn = `${year}-12-31`): NationalPlan {
  const day = partialDateBounds(validOn).last;
  if (day < `${year}-01-01`) {
    throw createError(ErrorCode.BadUserInput, `validOn ${validOn} is before ${year}: figures roll forward into successors, never back into the units before them`);
  }
  const predecessors = new Map<string, Unit[]>();
  for (const unit of units) if (unit.successorId) predecessors.set(unit.successorId, [...(predecessors.get(unit.successorId) ?? []), unit]);
  const lineage = (unit: Unit, seen = new Set<string>()): Unit[] => {
    if (seen.has(unit.id)) return [];
    seen.add(unit.id);
    return [unit, ...(predecessors.get(unit.id) ?? []).flatMap((p) => lineage(p, seen))];
  };
  const onMap = units
    .filter((unit) => isValidOn(unit, day))
    .map((unit) => ({ unit, contributors: lineage(unit).filter((u) => existedDuring(u, year)) }));
  const toAsk = [...new Map(onMap.flatMap(({ contributors }) => contributors.filter((u) => u.hasSubgraph).map((u) => [u.id, u] as const))).values()];
  return { year, validOn, units: onMap, toAsk };
}

export interface NationalFigureRequest {
  measure: Measure;
  status: "REPORTED" | "PLANNED";
  dimensions: readonly DimensionValuePair[];
}

export interface ComputedNationalFigure {
  total: FigureValue | null;
  complete: boolean;
  completeness: string;
  reporting: Reporting;
  units: UnitFigure[];
}

function safeSum(values: number[], what: string): number {
  const sum = values.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(sum)) throw new Error(`the sum of ${what} exceeds 2^53: it cannot be exact`);
  return sum;
}

/** Figures added up by the measure's value type: counts and money summed, a ratio as the ratio of the sums. */
export function addUp(values: readonly FigureValue[], measure: Measure): FigureValue {
  const none: FigureValue = { count: null, amountVnd: null, numerator: null, denominator: null, ratio: null };
  switch (measure.valueType) {
    case "COUNT":
      return { ...none, count: safeSum(values.map((v) => v.count!), "counts") };
    case "MONEY_VND":
      return { ...none, amountVnd: safeSum(values.map((v) => v.amountVnd!), "amounts") };
    case "RATIO": {
      const numerator = safeSum(values.map((v) => v.numerator!), "numerators");
      const denominator = safeSum(values.map((v) => v.denominator!), "denominators");
      return { ...none, numerator, denominator, ratio: denominator > 0 ? numerator / denominator : null };
    }
  }
}

const valueOf = (figure: ProvinceFigure): FigureValue => ({
  count: figure.count,
  amountVnd: figure.amountVnd,
  numerator: figure.numerator,
  denominator: figure.denominator,
  ratio: figure.numerator !== null && figure.denominator ? figure.numerator / figure.denominator : null,
});

/** Why a figure cannot enter a comparison of the measure for the year, or null when it can. */
function reasonNotCountable(figure: ProvinceFigure, measure: Measure, year: number): string | null {
  const first = figure.periodStart ? partialDateBounds(figure.periodStart).first : null;
  const last = figure.periodEnd ? partialDateBounds(figure.periodEnd).last : null;
  if (measure.periodType === "YEAR" && ((first !== null && first !== `${year}-01-01`) || (last !== null && last !== `${year}-12-31`))) {
    return `covers ${first ?? "…"} to ${last ?? "…"}, not the calendar year ${year}`;
  }
  if (measure.periodType === "INSTANT" && ((first !== null && first < `${year}-01-01`) || (last !== null && last > `${year}-12-31`))) {
    return `stated for ${first ?? "…"} to ${last ?? "…"}, outside ${year}`;
  }
  switch (measure.valueType) {
    case "COUNT":
      return figure.count === null ? "no count stated" : null;
    case "MONEY_VND":
      return figure.amountVnd === null ? "no amount stated" : null;
    case "RATIO":
      if (figure.numerator === null) return "no numerator stated";
      return figure.denominator === null ? "no denominator stated: a ratio of sums needs both parts" : null;
  }
}

function contributionOf(unit: Unit, answer: ProvinceAnswer | undefined, request: NationalFigureRequest, year: number): Contribution {
  const province = { id: unit.id };
  const empty = { value: null, figures: [], excluded: [] };
  if (!unit.hasSubgraph) return { province, state: "NO_SUBGRAPH", reason: `${unit.name} runs no subgraph`, ...empty };
  if (!answer || !answer.answered) return { province, state: "UNAVAILABLE", reason: answer ? answer.reason : `${unit.name} was not asked`, ...empty };

  const wanted = (pairs: DimensionValuePair[]) => request.dimensions.every((f) => pairs.some((p) => p.dimension === f.dimension && p.value === f.value));
  const figures: CountedFigure[] = [];
  const excluded: ExcludedFigure[] = [];
  for (const figure of answer.figures) {
    if (figure.measure !== request.measure.code || figure.year !== year || figure.status !== request.status || !wanted(figure.dimensions)) continue;
    const common = { dimensions: figure.dimensions, value: valueOf(figure), records: figure.records, sources: figure.sources };
    const reason = reasonNotCountable(figure, request.measure, year);
    if (reason) excluded.push({ ...common, reason });
    else figures.push({ ...common, periodStart: figure.periodStart, periodEnd: figure.periodEnd });
  }
  if (figures.length === 0) {
    const reason = excluded.length > 0 ? `its figures cannot be counted: ${excluded.map((e) => e.reason).join("; ")}` : `no figure of this measure for ${year}`;
    return { province, state: "NOT_REPORTED", reason, value: null, figures, excluded };
  }
  return { province, state: "REPORTED", reason: null, value: addUp(figures.map((f) => f.value), request.measure), figures, excluded };
}

function stateOf(contributions: readonly Contribution[]): ReportState {
  const states = new Set(contributions.map((c) => c.state));
  if (states.has("REPORTED")) return states.size === 1 ? "REPORTED" : "PARTIAL";
  if (states.has("UNAVAILABLE")) return "UNAVAILABLE";
  if (states.has("NOT_REPORTED")) return "NOT_REPORTED";
  return "NO_SUBGRAPH";
}

const countedIn = (contributions: readonly Contribution[]) => contributions.flatMap((c) => c.figures.map((f) => f.value));

/**
 * The national figure from the provinces' answers to this very request: each unit's contributions,
 * the total by the measure's rule over exactly the figures shown, and who is missing from it.
 */
export function computeNationalFigure(plan: NationalPlan, answers: ReadonlyMap<string, ProvinceAnswer>, request: NationalFigureRequest): ComputedNationalFigure {
  const { measure } = request;
  const names = new Map(plan.units.flatMap(({ contributors }) => contributors.map((u) => [u.id, u.name] as const)));
  const units: UnitFigure[] = plan.units.map(({ unit, contributors }) => {
    const contributions = contributors.map((c) => contributionOf(c, answers.get(c.id), request, plan.year));
    const reporting = contributions.filter((c) => c.state === "REPORTED");
    // Not aggregable across provinces: a unit formed by a merger shows its predecessors' figures, not their sum.
    const addable = measure.aggregation !== "NONE" || reporting.length === 1;
    const value = reporting.length > 0 && addable ? addUp(countedIn(contributions), measure) : null;
    return { province: { id: unit.id }, state: contributions.length > 0 ? stateOf(contributions) : "NO_SUBGRAPH", value, contributions };
  });

  const counted = units.flatMap((u) => countedIn(u.contributions));
  const total = measure.aggregation === "NONE" || counted.length === 0 ? null : addUp(counted, measure);
  const count = (state: ReportState) => units.filter((u) => u.state === state).length;
  const reporting: Reporting = {
    expected: units.length,
    reported: count("REPORTED"),
    partial: count("PARTIAL"),
    notReported: count("NOT_REPORTED"),
    withoutSubgraph: count("NO_SUBGRAPH"),
    unavailable: count("UNAVAILABLE"),
  };
  const complete = units.length > 0 && reporting.reported === units.length;
  const unavailable = units.flatMap((u) => u.contributions.filter((c) => c.state === "UNAVAILABLE").map((c) => names.get(c.province.id) ?? c.province.id));
  return { total, complete, completeness: describeCompleteness(reporting, unavailable, measure, plan), reporting, units };
}

function describeCompleteness(reporting: Reporting, unavailable: string[], measure: Measure, plan: NationalPlan): string {
  const parts: string[] = [];
  const reported = reporting.reported + reporting.partial;
  parts.push(`${reported} of ${reporting.expected} units on the map of ${plan.validOn} reported ${measure.code} for ${plan.year}`);
  if (reporting.partial > 0) parts.push(`${reporting.partial} of them only in part (not every unit merged into it reported)`);
  if (reporting.notReported > 0) parts.push(`${reporting.notReported} run a subgraph but did not report it`);
  if (reporting.withoutSubgraph > 0) parts.push(`${reporting.withoutSubgraph} run no subgraph`);
  if (unavailable.length > 0) parts.push(`unavailable during this request: ${unavailable.join(", ")}`);
  const sentence = `${parts.join("; ")}.`;
  if (measure.aggregation === "NONE") return `${sentence} The measure is not aggregable: figures side by side, no national total.`;
  if (reporting.reported === reporting.expected && reporting.expected > 0) return `${sentence} The total is national.`;
  return reported === 0 ? `${sentence} No total.` : `${sentence} The total covers the reporting units alone; it is not a national figure.`;
}
