import { isPartialDate } from "@khcn/shared";

/** The catalogue as the export checks a request against it (from the API's `measureCatalogue`). */
export interface ExportCatalogue {
  measures: { code: string; dimensions: { id: string; values: { code: string }[] }[] }[];
}

/** The variables of NATIONAL_FIGURE_EXPORT_QUERY. */
export interface ExportRequest {
  measure: string;
  year: number;
  validOn: string | null;
  dimensions: { dimension: string; value: string }[];
  status: "REPORTED" | "PLANNED";
}

/** A request the export refuses, with a message that names the parameter: a 400. */
export class ExportParameterError extends Error {}

const PARAMETERS = ["year", "validOn", "status", "dimension"];

/** One value of a parameter that may be given at most once; express gives an array for a repeated one. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ExportParameterError(`${name} is given more than once; give it once, e.g. ?${name}=${name === "year" ? "2023" : "…"}`);
  return value;
}

/**
 * Reads `/export/<measure>.csv?year=…&validOn=…&status=…&dimension=<id>:<value>` into the query's
 * variables, checking each parameter against the catalogue so a mistake is refused by its name
 * (the API would refuse most of them too, but naming its own arguments, not this URL's).
 */
export function parseExportRequest(file: string, query: Record<string, unknown>, catalogue: ExportCatalogue): ExportRequest {
  const measureCode = file.endsWith(".csv") ? file.slice(0, -".csv".length) : null;
  if (!measureCode) throw new ExportParameterError(`the path names a measure and ends in .csv, e.g. /export/vn.khcn.qms.coverage.csv; got /export/${file}`);
  const measure = catalogue.measures.find((m) => m.code === measureCode);
  if (!measure) throw new ExportParameterError(`measure "${measureCode}" is not in the catalogue; the measures are ${catalogue.measures.map((m) => m.code).join(", ")}`);

  const unknown = Object.keys(query).filter((name) => !PARAMETERS.includes(name));
  if (unknown.length > 0) throw new ExportParameterError(`unknown parameter ${unknown.map((n) => `"${n}"`).join(", ")}; the parameters are ${PARAMETERS.join(", ")}`);

  const yearText = single(query, "year");
  if (yearText === undefined) throw new ExportParameterError("year is required, e.g. ?year=2023");
  if (!/^\d{4}$/.test(yearText)) throw new ExportParameterError(`year must be a year such as 2023; got "${yearText}"`);

  const validOn = single(query, "validOn") ?? null;
  if (validOn !== null && !isPartialDate(validOn)) throw new ExportParameterError(`validOn must be a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-07-01; got "${validOn}"`);

  const statusText = single(query, "status") ?? "REPORTED";
  const status = statusText.toUpperCase();
  if (status !== "REPORTED" && status !== "PLANNED") throw new ExportParameterError(`status must be REPORTED (actuals) or PLANNED (targets); got "${statusText}"`);

  const dimensionTexts = query.dimension === undefined ? [] : Array.isArray(query.dimension) ? (query.dimension as unknown[]) : [query.dimension];
  const dimensions = dimensionTexts.map((text) => {
    const match = typeof text === "string" ? /^([^:]+):(.+)$/.exec(text) : null;
    if (!match) throw new ExportParameterError(`dimension must be <dimension>:<value>, e.g. dimension=qmsTier:COMMUNE; got "${String(text)}"`);
    const [, id, value] = match as unknown as [string, string, string];
    const dimension = measure.dimensions.find((d) => d.id === id);
    if (!dimension) {
      const known = measure.dimensions.map((d) => d.id).join(", ") || "none";
      throw new ExportParameterError(`dimension "${id}" is not a dimension of ${measure.code} (its dimensions: ${known})`);
    }
    if (!dimension.values.some((v) => v.code === value)) {
      throw new ExportParameterError(`dimension ${id}:${value}: "${value}" is not a value of ${id} (one of ${dimension.values.map((v) => v.code).join(", ")})`);
    }
    return { dimension: id, value };
  });

  return { measure: measure.code, year: Number(yearText), validOn, dimensions, status };
}

/** e.g. vn.khcn.qms.coverage_2023_validOn-2025-07-01_qmsTier-COMMUNE.csv: what was asked, in the name. */
export function exportFileName({ measure, year, validOn, dimensions, status }: ExportRequest): string {
  const parts = [measure, String(year)];
  if (validOn) parts.push(`validOn-${validOn}`);
  if (status === "PLANNED") parts.push("planned");
  for (const { dimension, value } of dimensions) parts.push(`${dimension}-${value}`);
  return `${parts.join("_")}.csv`;
}
