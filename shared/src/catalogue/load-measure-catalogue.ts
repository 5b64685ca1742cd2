import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  LOCAL_CODE_PREFIX,
  type Aggregation,
  type Dimension,
  type Measure,
  type MeasureCatalogue,
  type OfficialCode,
  type PeriodType,
  type ValueType,
} from "./measure.ts";

/** The committed catalogue. Two levels up from both `src/catalogue/` and the compiled `dist/catalogue/`. */
export const defaultCatalogueFile = fileURLToPath(new URL("../../catalogue/measures.json", import.meta.url));

/** `vn.khcn.<domain>.<measure>`: a lowercase domain, then one or more lowercase segments. */
export const MEASURE_CODE_PATTERN = /^vn\.khcn\.[a-z_]+(\.[a-z0-9_]+)+$/;

/**
 * What follows {@link LOCAL_CODE_PREFIX} in a local code: one or more dot-separated segments, each a
 * lowercase letter followed by lowercase letters, digits or underscores (`local.tasks.national.count`,
 * `local.ip.collective_marks_supported`). The same shape as the province files' own `code` column, so a
 * province label becomes a local code by prefixing it.
 */
const LOCAL_CODE_SEGMENTS = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** `2026.1`: the year, then the release within it. */
const VERSION = /^\d{4}\.[1-9]\d*$/;
const DIMENSION_ID = /^[a-z][a-zA-Z0-9]*$/;
const VALUE_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

// Records over the union types, so that a member added to measure.ts fails to compile here until
// the validator accepts it too.
const VALUE_TYPES = Object.keys({ COUNT: 0, MONEY_VND: 0, RATIO: 0 } satisfies Record<ValueType, 0>);
const PERIOD_TYPES = Object.keys({ YEAR: 0, INSTANT: 0 } satisfies Record<PeriodType, 0>);
const AGGREGATIONS = Object.keys({ SUM: 0, RATIO_OF_SUMS: 0, NONE: 0 } satisfies Record<Aggregation, 0>);

const CATALOGUE_FIELDS = ["version", "dimensions", "measures"] satisfies (keyof MeasureCatalogue)[];
const DIMENSION_FIELDS = ["id", "nameVi", "nameEn", "values"] satisfies (keyof Dimension)[];
const VALUE_FIELDS = ["code", "nameVi", "nameEn"] satisfies (keyof Dimension["values"][number])[];
const MEASURE_FIELDS = [
  "code",
  "nameVi",
  "nameEn",
  "definition",
  "unit",
  "valueType",
  "periodType",
  "aggregation",
  "dimensions",
  "officialCodes",
  "note",
] satisfies (keyof Measure)[];
const OFFICIAL_CODE_FIELDS = ["code", "system", "url"] satisfies (keyof OfficialCode)[];

/** A catalogue that cannot be served, with every problem found, each naming its entry and field. */
export class CatalogueValidationError extends Error {
  override name = "CatalogueValidationError";

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Entry = Record<string, unknown>;

function describe(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function asEntry(raw: unknown): Entry | undefined {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Entry) : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Checks a parsed catalogue and returns it, or throws a CatalogueValidationError listing every problem
 * (not only the first), each as `measures[i] "code", field "x": what is wrong`.
 */
export function validateMeasureCatalogue(data: unknown, source: string): MeasureCatalogue {
  const catalogue = asEntry(data);
  if (!catalogue) {
    throw new CatalogueValidationError(source, [`the file must be a JSON object with "version", "dimensions" and "measures"; got ${describe(data)}`]);
  }

  const problems: string[] = [];
  const unknownFields = (entry: Entry, allowed: readonly string[], report: (field: string, message: string) => void) => {
    for (const field of Object.keys(entry)) if (!allowed.includes(field)) report(field, `is not a catalogue field (expected one of ${allowed.join(", ")})`);
  };
  const text = (value: unknown, field: string, report: (field: string, message: string) => void) => {
    if (!isText(value)) report(field, `must be a non-empty string; got ${describe(value)}`);
  };

  unknownFields(catalogue, CATALOGUE_FIELDS, (field, message) => problems.push(`field "${field}": ${message}`));
  if (typeof catalogue.version !== "string" || !VERSION.test(catalogue.version)) {
    problems.push(`field "version": must be the year and the release within it, like "2026.1"; got ${describe(catalogue.version)}`);
  }
  for (const list of ["dimensions", "measures"] as const) {
    if (!Array.isArray(catalogue[list])) problems.push(`field "${list}": must be a list; got ${describe(catalogue[list])}`);
  }
  const rawDimensions: unknown[] = Array.isArray(catalogue.dimensions) ? catalogue.dimensions : [];
  const rawMeasures: unknown[] = Array.isArray(catalogue.measures) ? catalogue.measures : [];

  const dimensionIndex = new Map<string, number>();
  rawDimensions.forEach((raw, index) => {
    const entry = asEntry(raw);
    const label = typeof entry?.id === "string" ? `dimensions[${index}] "${entry.id}"` : `dimensions[${index}]`;
    if (!entry) return problems.push(`${label}: must be an object, got ${describe(raw)}`);
    const problem = (field: string, message: string) => problems.push(`${label}, field "${field}": ${message}`);

    unknownFields(entry, DIMENSION_FIELDS, problem);
    const { id, nameVi, nameEn, values } = entry;
    if (typeof id !== "string" || !DIMENSION_ID.test(id)) problem("id", `must be lowerCamel, like "qmsTier"; got ${describe(id)}`);
    else if (dimensionIndex.has(id)) problem("id", `"${id}" is already the id of dimensions[${dimensionIndex.get(id)}]`);
    else dimensionIndex.set(id, index);
    text(nameVi, "nameVi", problem);
    text(nameEn, "nameEn", problem);

    if (!Array.isArray(values) || values.length === 0) return problem("values", `must be a non-empty list of {code, nameVi, nameEn}; got ${describe(values)}`);
    const codeIndex = new Map<string, number>();
    values.forEach((rawValue: unknown, v) => {
      const value = asEntry(rawValue);
      const field = `values[${v}]`;
      if (!value) return problem(field, `must be an object {code, nameVi, nameEn}; got ${describe(rawValue)}`);
      unknownFields(value, VALUE_FIELDS, (name, message) => problem(`${field}.${name}`, message));
      const { code } = value;
      if (typeof code !== "string" || !VALUE_CODE.test(code)) problem(`${field}.code`, `must be UPPER_SNAKE, like "PROVINCIAL_DISTRICT"; got ${describe(code)}`);
      else if (codeIndex.has(code)) problem(`${field}.code`, `"${code}" is already the code of values[${codeIndex.get(code)}]`);
      else codeIndex.set(code, v);
      text(value.nameVi, `${field}.nameVi`, problem);
      text(value.nameEn, `${field}.nameEn`, problem);
    });
  });

  const usedDimensions = new Set<string>();
  const measureIndex = new Map<string, number>();
  rawMeasures.forEach((raw, index) => {
    const entry = asEntry(raw);
    const label = typeof entry?.code === "string" ? `measures[${index}] "${entry.code}"` : `measures[${index}]`;
    if (!entry) return problems.push(`${label}: must be an object, got ${describe(raw)}`);
    const problem = (field: string, message: string) => problems.push(`${label}, field "${field}": ${message}`);

    unknownFields(entry, MEASURE_FIELDS, problem);
    const { code, unit, valueType, periodType, aggregation, dimensions, officialCodes, note } = entry;
    if (typeof code !== "string" || !MEASURE_CODE_PATTERN.test(code)) {
      problem("code", `must match ${MEASURE_CODE_PATTERN.source}, like "vn.khcn.qms.coverage"; got ${describe(code)}`);
    } else if (measureIndex.has(code)) {
      problem("code", `"${code}" is already the code of measures[${measureIndex.get(code)}]; a code is never reused`);
    } else {
      measureIndex.set(code, index);
    }
    for (const field of ["nameVi", "nameEn", "definition", "unit"] as const) text(entry[field], field, problem);

    const oneOf = (field: string, value: unknown, allowed: readonly string[]): value is string => {
      if (typeof value === "string" && allowed.includes(value)) return true;
      problem(field, `must be one of ${allowed.join(", ")}; got ${describe(value)}`);
      return false;
    };
    const validValueType = oneOf("valueType", valueType, VALUE_TYPES);
    oneOf("periodType", periodType, PERIOD_TYPES);
    const validAggregation = oneOf("aggregation", aggregation, AGGREGATIONS);

    // A national ratio is the sum of numerators over the sum of denominators; adding provinces'
    // ratios, or dividing counts that have no denominator, gives a number that means nothing.
    if (validValueType && validAggregation) {
      if (valueType === "RATIO" && aggregation === "SUM") {
        problem("aggregation", "a RATIO measure is never summed: use RATIO_OF_SUMS (add numerators and denominators, then divide) or NONE");
      } else if (valueType !== "RATIO" && aggregation === "RATIO_OF_SUMS") {
        problem("aggregation", `RATIO_OF_SUMS needs a numerator and a denominator, which a ${valueType} measure has not: use SUM or NONE`);
      }
    }
    if (validValueType && isText(unit)) {
      if (valueType === "MONEY_VND" && unit !== "VND") problem("unit", `a MONEY_VND measure is in "VND"; got ${describe(unit)}`);
      else if (valueType !== "MONEY_VND" && unit === "VND") problem("valueType", `a measure in "VND" must be MONEY_VND; got ${describe(valueType)}`);
    }

    if (note !== null && !isText(note)) problem("note", `must be a non-empty string, or null when there is no caveat; got ${describe(note)}`);
    else if (aggregation === "NONE" && note === null) problem("note", "must say why the measure is not totalled across provinces (aggregation NONE)");

    if (!Array.isArray(dimensions)) {
      problem("dimensions", `must be a list of dimension ids (empty when none); got ${describe(dimensions)}`);
    } else {
      const seen = new Set<string>();
      for (const id of dimensions as unknown[]) {
        if (typeof id !== "string") problem("dimensions", `must hold dimension ids; got ${describe(id)}`);
        else if (seen.has(id)) problem("dimensions", `"${id}" is listed twice`);
        else if (!dimensionIndex.has(id)) {
          const known = [...dimensionIndex.keys()].join(", ") || "none: the catalogue has no dimensions";
          problem("dimensions", `"${id}" is not a dimension of the catalogue (expected one of ${known})`);
        }
        if (typeof id === "string") {
          seen.add(id);
          usedDimensions.add(id);
        }
      }
    }

    if (!Array.isArray(officialCodes)) {
      problem("officialCodes", `must be a list of {code, system, url} (empty when no official indicator matches); got ${describe(officialCodes)}`);
    } else {
      const seen = new Map<string, number>();
      officialCodes.forEach((rawCode: unknown, c) => {
        const official = asEntry(rawCode);
        const field = `officialCodes[${c}]`;
        if (!official) return problem(field, `must be an object {code, system, url}; got ${describe(rawCode)}`);
        unknownFields(official, OFFICIAL_CODE_FIELDS, (name, message) => problem(`${field}.${name}`, message));
        text(official.code, `${field}.code`, problem);
        text(official.system, `${field}.system`, problem);
        if (typeof official.url !== "string" || !isHttpUrl(official.url)) {
          problem(`${field}.url`, `must be the http(s) address where the code was read; got ${describe(official.url)}`);
        }
        if (isText(official.code) && isText(official.system)) {
          const key = `${official.code}\u0000${official.system}`;
          if (seen.has(key)) problem(`${field}.code`, `"${official.code}" of the same system is already officialCodes[${seen.get(key)}]`);
          else seen.set(key, c);
        }
      });
    }
  });

  for (const [id, index] of dimensionIndex) {
    if (!usedDimensions.has(id)) problems.push(`dimensions[${index}] "${id}": no measure uses it; a dimension is added with the measure that needs it`);
  }

  if (problems.length > 0) throw new CatalogueValidationError(source, problems);
  return data as MeasureCatalogue;
}

/** Reads and validates the catalogue; throws a CatalogueValidationError naming every problem. */
export function loadMeasureCatalogue(file: string = defaultCatalogueFile): MeasureCatalogue {
  const text = readFileSync(file, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CatalogueValidationError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return validateMeasureCatalogue(data, file);
}

/** The measure with this code, or undefined (always for a local code: those are not in the catalogue). */
export function findMeasure(catalogue: MeasureCatalogue, code: string): Measure | undefined {
  return catalogue.measures.find((measure) => measure.code === code);
}

/**
 * Whether a code is a province-local one: {@link LOCAL_CODE_PREFIX} followed by lowercase dotted
 * segments, like `local.tasks.national.count`. A local code means something within its province only,
 * so the same local code in two provinces is never compared.
 */
export function isLocalCode(code: string): boolean {
  return code.startsWith(LOCAL_CODE_PREFIX) && LOCAL_CODE_SEGMENTS.test(code.slice(LOCAL_CODE_PREFIX.length));
}
