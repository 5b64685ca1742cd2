/** A provincial unit as the directory lists it, with what the national figures need. */
export interface Unit {
  id: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
  hasSubgraph: boolean;
}

export interface DimensionValuePair {
  dimension: string;
  value: string;
}

export interface FigureSource {
  documentNumber: string | null;
  documentTitle: string;
  section: string | null;
  quote: string;
  note: string | null;
}

/** One figure as a province serves it (`Province.figures`), its sources flattened. */
export interface ProvinceFigure {
  measure: string;
  year: number;
  status: "REPORTED" | "PLANNED";
  dimensions: DimensionValuePair[];
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  records: string[];
  sources: FigureSource[];
}

/** What one province said during this request. */
export type ProvinceAnswer = { answered: true; figures: ProvinceFigure[] } | { answered: false; reason: string };

export interface FigureValue {
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
}

export type ReportState = "REPORTED" | "PARTIAL" | "NOT_REPORTED" | "NO_SUBGRAPH" | "UNAVAILABLE";

export interface CountedFigure {
  dimensions: DimensionValuePair[];
  value: FigureValue;
  periodStart: string | null;
  periodEnd: string | null;
  records: string[];
  sources: FigureSource[];
}

export interface ExcludedFigure extends Omit<CountedFigure, "periodStart" | "periodEnd"> {
  reason: string;
}

export interface Contribution {
  province: { id: string };
  state: Exclude<ReportState, "PARTIAL">;
  value: FigureValue | null;
  reason: string | null;
  figures: CountedFigure[];
  excluded: ExcludedFigure[];
}

export interface UnitFigure {
  province: { id: string };
  state: ReportState;
  value: FigureValue | null;
  contributions: Contribution[];
}

export interface Reporting {
  expected: number;
  reported: number;
  partial: number;
  notReported: number;
  withoutSubgraph: number;
  unavailable: number;
}
