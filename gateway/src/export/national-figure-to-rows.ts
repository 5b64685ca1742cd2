import { stringify } from "csv-stringify/sync";

/**
 * The query the CSV export runs through the gateway's own GraphQL execution: everything a row
 * needs, so the file holds exactly what the API answers for the same arguments.
 */
export const NATIONAL_FIGURE_EXPORT_QUERY = /* GraphQL */ `
  query NationalFigureExport($measure: String!, $year: Int!, $validOn: PartialDate, $dimensions: [DimensionFilter!], $status: FigureStatus!) {
    nationalFigure(measure: $measure, year: $year, validOn: $validOn, dimensions: $dimensions, status: $status) {
      measure { code nameVi nameEn unit valueType }
      year
      validOn
      status
      dimensions { dimension value }
      units {
        province { id name gsoCode }
        state
        contributions {
          province { id name gsoCode }
          state
          reason
          figures {
            dimensions { dimension value }
            value { count amountVnd numerator denominator ratio }
            periodStart
            periodEnd
            records
            sources { documentNumber documentTitle section quote note }
          }
          excluded {
            dimensions { dimension value }
            value { count amountVnd numerator denominator ratio }
            records
            reason
            sources { documentNumber documentTitle section quote note }
          }
        }
      }
    }
  }
`;

interface Pair {
  dimension: string;
  value: string;
}
interface Value {
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
}
interface Source {
  documentNumber: string | null;
  documentTitle: string;
  section: string | null;
  quote: string;
  note: string | null;
}
interface Province {
  id: string;
  name: string | null;
  gsoCode: string | null;
}
interface Figure {
  dimensions: Pair[];
  value: Value;
  periodStart?: string | null;
  periodEnd?: string | null;
  records: string[];
  sources: Source[];
  reason?: string;
}

/** The answer to NATIONAL_FIGURE_EXPORT_QUERY's `nationalFigure`. */
export interface ExportedNationalFigure {
  measure: { code: string; nameVi: string; nameEn: string; unit: string; valueType: "COUNT" | "MONEY_VND" | "RATIO" };
  year: number;
  validOn: string;
  status: "REPORTED" | "PLANNED";
  dimensions: Pair[];
  units: {
    province: Province;
    state: string;
    contributions: { province: Province; state: string; reason: string | null; figures: Figure[]; excluded: Figure[] }[];
  }[];
}

/** The CSV's columns, in order. README.md ("Downloads") says what each holds. */
export const EXPORT_COLUMNS = [
  "unit_id",
  "unit_name",
  "unit_gso_code",
  "unit_state",
  "province_id",
  "province_name",
  "province_gso_code",
  "state",
  "measure",
  "measure_name_vi",
  "measure_name_en",
  "year",
  "valid_on",
  "status",
  "dimensions",
  "value",
  "numerator",
  "denominator",
  "ratio",
  "unit",
  "period_start",
  "period_end",
  "counted",
  "note",
  "document_number",
  "document_title",
  "section",
  "quote",
  "source_note",
  "records",
] as const;

type Column = (typeof EXPORT_COLUMNS)[number];
/** A cell: null is an empty cell, never 0. */
export type ExportRow = Record<Column, string | number | null>;

/** `qmsTier=COMMUNE`, several joined by `;`, in the order the API gives them. */
const formatDimensions = (pairs: readonly Pair[]) => pairs.map((p) => `${p.dimension}=${p.value}`).join(";");

/** The one number a reader compares: the count, the amount in đồng, or the ratio. */
function headlineValue(value: Value, valueType: ExportedNationalFigure["measure"]["valueType"]): number | null {
  switch (valueType) {
    case "COUNT":
      return value.count;
    case "MONEY_VND":
      return value.amountVnd;
    case "RATIO":
      return value.ratio;
  }
}

/**
 * A figure with several sources stays one row (one row per source would count its value once per
 * source when a reader adds a column up): each source column holds one line per source, in the
 * same order, so the n-th line of `quote` is the n-th line of `document_title`.
 */
function sourceCells(sources: readonly Source[]): Pick<ExportRow, "document_number" | "document_title" | "section" | "quote" | "source_note"> {
  if (sources.length === 0) return { document_number: null, document_title: null, section: null, quote: null, source_note: null };
  const lines = (pick: (s: Source) => string | null) => (sources.some((s) => pick(s) !== null) ? sources.map((s) => pick(s) ?? "").join("\n") : null);
  return {
    document_number: lines((s) => s.documentNumber),
    document_title: lines((s) => s.documentTitle),
    section: lines((s) => s.section),
    quote: lines((s) => s.quote),
    source_note: lines((s) => s.note),
  };
}

/**
 * One row per contributing province and figure (a figure is one period and one set of dimension
 * values), counted or excluded; a unit or contribution without figures still gets one row, with
 * its values empty and the reason in `note`, so a missing province is visible and never reads as 0.
 */
export function nationalFigureToRows(figure: ExportedNationalFigure): ExportRow[] {
  const { measure } = figure;
  const common = {
    measure: measure.code,
    measure_name_vi: measure.nameVi,
    measure_name_en: measure.nameEn,
    year: figure.year,
    valid_on: figure.validOn,
    status: figure.status.toLowerCase(),
    unit: measure.unit,
  };
  const empty = {
    value: null,
    numerator: null,
    denominator: null,
    ratio: null,
    period_start: null,
    period_end: null,
    ...sourceCells([]),
    records: null,
  };
  const rows: ExportRow[] = [];
  for (const unit of figure.units) {
    const unitCells = { unit_id: unit.province.id, unit_name: unit.province.name, unit_gso_code: unit.province.gsoCode, unit_state: unit.state };
    if (unit.contributions.length === 0) {
      // No unit that existed during the year rolls into it: there is no province to name.
      rows.push({
        ...unitCells,
        province_id: null,
        province_name: null,
        province_gso_code: null,
        state: unit.state,
        ...common,
        // The figure asked for is the one missing, so the row carries the filter it was asked with.
        dimensions: formatDimensions(figure.dimensions),
        ...empty,
        counted: "false",
        note: `no unit that existed during ${figure.year} is part of it`,
      });
      continue;
    }
    for (const contribution of unit.contributions) {
      const provinceCells = { province_id: contribution.province.id, province_name: contribution.province.name, province_gso_code: contribution.province.gsoCode, state: contribution.state };
      const figureRow = (f: Figure, counted: boolean): ExportRow => ({
        ...unitCells,
        ...provinceCells,
        ...common,
        dimensions: formatDimensions(f.dimensions),
        value: headlineValue(f.value, measure.valueType),
        numerator: f.value.numerator,
        denominator: f.value.denominator,
        ratio: f.value.ratio,
        period_start: f.periodStart ?? null,
        period_end: f.periodEnd ?? null,
        counted: String(counted),
        note: counted ? null : (f.reason ?? null),
        ...sourceCells(f.sources),
        records: f.records.join(";"),
      });
      rows.push(...contribution.figures.map((f) => figureRow(f, true)), ...contribution.excluded.map((f) => figureRow(f, false)));
      if (contribution.figures.length === 0 && contribution.excluded.length === 0) {
        rows.push({ ...unitCells, ...provinceCells, ...common, dimensions: formatDimensions(figure.dimensions), ...empty, counted: "false", note: contribution.reason });
      }
    }
  }
  return rows;
}

/**
 * The rows as CSV: a header, RFC 4180 quoting (line breaks inside a quote stay inside its quoted
 * cell) and CRLF between records, in UTF-8 with a byte order mark. Excel takes a CSV without a BOM
 * for the Windows code page and shows "Lạng Sơn" as "Láº¡ng SÆ¡n"; Python reads it with
 * encoding="utf-8-sig"; pandas.read_csv skips a UTF-8 BOM with its default encoding, which it has
 * done since pandas-dev/pandas#13885 (fixing #4793, tested as test_utf8_bom in
 * pandas/tests/io/parser/test_encoding.py). Quotes are written verbatim, so a quote starting with
 * "-" or "=" is one Excel may read as a formula when it opens the file directly (README.md says how
 * to import it as text).
 */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  // csv-stringify quotes a cell holding the record delimiter (CRLF) but not one holding a bare line
  // break, which every reader would then take for the end of the record: quote those too.
  return stringify(rows as ExportRow[], { bom: true, header: true, columns: [...EXPORT_COLUMNS], record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
