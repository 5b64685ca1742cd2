/**
 * The shapes of the gateway's answers this page reads, field by field as the queries in
 * queries.ts select them (gateway/national.graphql and the province contract name them).
 */

export type ValueType = "COUNT" | "MONEY_VND" | "RATIO";
export type Aggregation = "SUM" | "RATIO_OF_SUMS" | "NONE";
export type ReportState = "REPORTED" | "PARTIAL" | "NOT_REPORTED" | "NO_SUBGRAPH" | "UNAVAILABLE";

export interface DimensionMember {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface Dimension {
  id: string;
  nameVi: string;
  nameEn: string;
  values: DimensionMember[];
}

export interface Measure {
  code: string;
  nameVi: string;
  nameEn: string;
  definition: string;
  unit: string;
  valueType: ValueType;
  periodType: "YEAR" | "INSTANT";
  aggregation: Aggregation;
  note: string | null;
  dimensions: Dimension[];
}

export interface MeasureCatalogue {
  version: string;
  measures: Measure[];
}

export interface FigureValue {
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
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

export interface CountedFigure {
  dimensions: DimensionValuePair[];
  value: FigureValue;
  periodStart: string | null;
  periodEnd: string | null;
  sources: FigureSource[];
}

export interface ExcludedFigure {
  dimensions: DimensionValuePair[];
  value: FigureValue;
  reason: string;
  sources: FigureSource[];
}

export interface UnitProvince {
  id: string;
  name: string;
  gsoCode: string;
}

export interface Contribution {
  province: UnitProvince;
  state: ReportState;
  value: FigureValue | null;
  reason: string | null;
  figures: CountedFigure[];
  excluded: ExcludedFigure[];
}

export interface UnitFigure {
  province: UnitProvince;
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

export interface NationalFigure {
  year: number;
  validOn: string;
  total: FigureValue | null;
  complete: boolean;
  completeness: string;
  reporting: Reporting;
  units: UnitFigure[];
}

export interface SourceDocument {
  number: string | null;
  title: string;
}

export interface RecordSource {
  section: string | null;
  quote: string;
  note: string | null;
  document: SourceDocument;
}

export interface BudgetLine {
  id: string;
  year: number;
  phase: string;
  fundingSource: string | null;
  amountVnd: number | null;
  amountAsWritten: string | null;
  asOf: string | null;
  purpose: string | null;
  note: string | null;
  source: RecordSource;
}

export interface KeyTask {
  id: string;
  year: number;
  title: string;
  dueDate: string | null;
  leadUnit: string | null;
  status: string;
  note: string | null;
  source: RecordSource;
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; province?: { id: string; name: string }; reason?: string };
}
