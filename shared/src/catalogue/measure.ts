/** How a measure's figure is written. */
export type ValueType =
  /** A whole number of units (agencies, tasks, enterprises): `count`. */
  | "COUNT"
  /** Whole đồng: `amountVnd`. */
  | "MONEY_VND"
  /** A numerator over a denominator (agencies applying ISO 9001 over agencies in scope): both kept, the ratio derived. */
  | "RATIO";

/** The period one figure of the measure covers. */
export type PeriodType =
  /** A flow over one calendar year, 1 January to 31 December. An 18-month or half-year figure is not one. */
  | "YEAR"
  /** A stock or status at a date within the year (how many agencies apply ISO 9001 in 2023). */
  | "INSTANT";

/** How figures of several provinces combine into a national one. */
export type Aggregation =
  /** Add the counts or the money. */
  | "SUM"
  /** Add the numerators and the denominators, then divide: never an average of the provinces' ratios. */
  | "RATIO_OF_SUMS"
  /** Not comparable enough to add (provinces define key tasks differently): figures side by side, no total. */
  | "NONE";

/** One breakdown of a measure, e.g. QMS coverage by tier. */
export interface Dimension {
  /** lowerCamel, e.g. `qmsTier`. */
  id: string;
  nameVi: string;
  nameEn: string;
  /** The allowed values, UPPER_SNAKE, each with its names. */
  values: { code: string; nameVi: string; nameEn: string }[];
}

/** The official indicator a measure corresponds to, in a national statistical indicator system. */
export interface OfficialCode {
  /** As printed, e.g. `0101`. */
  code: string;
  /** The legal text and its indicator, e.g. "Circular 14/2015/TT-BKHCN, indicator 0101". */
  system: string;
  /** Where it was read. */
  url: string;
}

/** A measure of the national catalogue, comparable across provinces. */
export interface Measure {
  /** Stable and never reused: `vn.khcn.<domain>.<measure>`. */
  code: string;
  nameVi: string;
  nameEn: string;
  /** What is counted, its scope, and what is not counted. */
  definition: string;
  /** The unit a figure is in, e.g. `agency`, `task`, `VND`. */
  unit: string;
  valueType: ValueType;
  periodType: PeriodType;
  aggregation: Aggregation;
  /** Ids of the catalogue's dimensions this measure is broken down by. */
  dimensions: string[];
  /** Empty when no official indicator matches the definition. */
  officialCodes: OfficialCode[];
  /** Caveats a reader of a national figure must know. */
  note: string | null;
}

/** The ministry's catalogue: versioned in the repository, served by the federation. */
export interface MeasureCatalogue {
  /** Changes whenever a measure is added, deprecated or its definition changes, e.g. `2026.1`. */
  version: string;
  dimensions: Dimension[];
  measures: Measure[];
}

/**
 * Province-local codes: figures with no national counterpart, never compared across provinces. A local code is
 * this prefix followed by lowercase dot-separated segments, like `local.tasks.national.count` (see `isLocalCode`).
 */
export const LOCAL_CODE_PREFIX = "local.";
