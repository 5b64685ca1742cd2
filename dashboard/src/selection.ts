/**
 * What the reader chose, kept in the address (?measure=…&year=…&map=…&lang=en) so that a view can
 * be bookmarked, shared or reloaded as it was.
 */
import type { Language } from "./i18n/dictionary.ts";

/** The administrative map: the year's own (31 December), or either side of the 1 July 2025 merger. */
export type MapChoice = "year" | "before-2025-07" | "after-2025-07";

export interface Selection {
  measure: string;
  year: number;
  map: MapChoice;
  /** Dimension id → value code; a dimension left out is every value, added up. */
  dimensions: Record<string, string>;
  /** Also list the units that run no subgraph (60 of 63 today), which otherwise fill the chart with "not connected". */
  showAll: boolean;
  language: Language;
}

/** The plan years the provinces' documents cover, and the year of the merger. */
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const DEFAULT_MEASURE = "vn.khcn.qms.coverage";
export const DEFAULT_YEAR = 2023;

/**
 * Dimensions whose values must never be added together, by measure, with the value shown when none
 * is chosen. The catalogue says it in words only (vn.khcn.budget.st_funds: "Never add across
 * phases: a requested and an allocated amount are the same money at two stages"), so the picker
 * offers no "all" for them. Keyed by measure code so the figure can be asked before the catalogue
 * has arrived.
 */
export const NEVER_ADDED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "vn.khcn.budget.st_funds": { budgetPhase: "REQUESTED" },
};

/** The dimension filters to ask for: the chosen ones, plus the default of every never-added dimension of the measure. */
export function dimensionFilters(measure: string, chosen: Readonly<Record<string, string>>): { dimension: string; value: string }[] {
  const merged = { ...NEVER_ADDED[measure], ...chosen };
  return Object.entries(merged).map(([dimension, value]) => ({ dimension, value }));
}

/** nationalFigure's variables for a selection; needs nothing from the catalogue, so it is asked at once. */
export function nationalFigureVariables(selection: Selection): Record<string, unknown> {
  const dimensions = dimensionFilters(selection.measure, selection.dimensions);
  return { measure: selection.measure, year: selection.year, validOn: validOnOf(selection.map), dimensions: dimensions.length ? dimensions : null };
}

/** The gateway's CSV of the same view (/export/<measure>.csv), for a spreadsheet or pandas. */
export function exportUrlOf(selection: Selection): string {
  const params = new URLSearchParams({ year: String(selection.year) });
  const validOn = validOnOf(selection.map);
  if (validOn) params.set("validOn", validOn);
  for (const { dimension, value } of dimensionFilters(selection.measure, selection.dimensions)) params.append("dimension", `${dimension}:${value}`);
  return `/export/${encodeURIComponent(selection.measure)}.csv?${params}`;
}

const VALID_ON: Record<MapChoice, string | null> = { year: null, "before-2025-07": "2025-06-30", "after-2025-07": "2025-07-01" };

/** The `validOn` argument of nationalFigure; null leaves the gateway's default, 31 December of the year. */
export function validOnOf(map: MapChoice): string | null {
  return VALID_ON[map];
}

export function readSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const year = Number(params.get("year"));
  const map = params.get("map");
  const dimensions: Record<string, string> = {};
  for (const [key, value] of params) if (key.startsWith("dim.") && value) dimensions[key.slice(4)] = value;
  return {
    measure: params.get("measure") || DEFAULT_MEASURE,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : DEFAULT_YEAR,
    map: map === "before-2025-07" || map === "after-2025-07" ? map : "year",
    dimensions,
    showAll: params.get("all") === "1",
    language: params.get("lang") === "en" ? "en" : "vi",
  };
}

export function writeSelection(selection: Selection): string {
  const params = new URLSearchParams({ measure: selection.measure, year: String(selection.year) });
  if (selection.map !== "year") params.set("map", selection.map);
  for (const [id, value] of Object.entries(selection.dimensions)) params.set(`dim.${id}`, value);
  if (selection.showAll) params.set("all", "1");
  if (selection.language !== "vi") params.set("lang", selection.language);
  return `?${params}`;
}
