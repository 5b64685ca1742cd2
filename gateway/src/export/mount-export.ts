import type { Express, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { type ExportedNationalFigure, NATIONAL_FIGURE_EXPORT_QUERY, nationalFigureToRows, rowsToCsv } from "./national-figure-to-rows.ts";
import { type ExportCatalogue, exportFileName, ExportParameterError, parseExportRequest } from "./parse-export-request.ts";

/** One GraphQL operation through the gateway's own engine, in process, as a client's POST would run. */
export type ExecuteOperation = (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>;

export interface ExportOptions {
  /** The gateway's own execution: the export asks exactly what a client would, in process. */
  execute: ExecuteOperation;
}

const CATALOGUE_QUERY = /* GraphQL */ `
  query ExportCatalogue {
    measureCatalogue { measures { code dimensions { id values { code } } } }
  }
`;

interface Answer<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** A request the API refused or could not answer, with the status the download answers. */
class ExportFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs an operation through the gateway's GraphQL execution and returns its data, or throws what it refused. */
async function execute<T>(run: ExecuteOperation, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = (await run(query, variables)) as Answer<T>;
  if (errors && errors.length > 0) {
    // One line for a client: what the API said, e.g. that the directory of provinces is unavailable.
    const message = errors.map((e) => e.message).join("; ");
    const refused = errors.every((e) => ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"].includes(String(e.extensions?.code)));
    // Never a partial file: a CSV with some cells silently missing reads as if they were empty.
    throw new ExportFailure(refused ? 400 : 502, refused ? message : `the national figure could not be computed: ${message}`);
  }
  if (!data) throw new ExportFailure(502, "the API answered without data");
  return data;
}

function sendText(res: Response, status: number, message: string): void {
  res.status(status).type("text/plain; charset=utf-8").send(`${message.replace(/\s*\n\s*/g, " ")}\n`);
}

/**
 * GET /export/<measure>.csv?year=2023&validOn=2025-07-01&status=REPORTED&dimension=qmsTier:COMMUNE:
 * the national figure of a measure as a tidy CSV for a spreadsheet or pandas, computed by the same
 * `nationalFigure` query a GraphQL client runs, so the file says exactly what the API says.
 */
export function mountExport(app: Express, { execute: run }: ExportOptions): void {
  app.get("/export/:file", async (req, res, next) => {
    try {
      const { measureCatalogue } = await execute<{ measureCatalogue: ExportCatalogue }>(run, CATALOGUE_QUERY);
      const request = parseExportRequest(req.params.file, req.query as Record<string, unknown>, measureCatalogue);
      const { nationalFigure } = await execute<{ nationalFigure: ExportedNationalFigure }>(run, NATIONAL_FIGURE_EXPORT_QUERY, { ...request });
      const csv = rowsToCsv(nationalFigureToRows(nationalFigure));
      res.attachment(exportFileName(request));
      res.set({
        "content-type": "text/csv; charset=utf-8",
        // A province down now is UNAVAILABLE in this file and back in the next: never serve an old answer.
        "cache-control": "no-store",
      });
      res.send(csv);
    } catch (error) {
      if (error instanceof ExportParameterError) return sendText(res, 400, error.message);
      if (error instanceof ExportFailure) return sendText(res, error.status, error.message);
      next(error);
    }
  });
}
