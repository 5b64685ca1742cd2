import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createError, ErrorCode, type Measure, type MeasureCatalogue, PartialDateScalar, VndScalar } from "@khcn/shared";
import { type GraphQLSchema, parse } from "graphql";
import type { ProvinceRouter } from "../province-router/index.ts";
import { createDirectoryUnavailableError } from "../resilience/create-directory-unavailable-error.ts";
import { listDirectoryUnits } from "../status/query-directory.ts";
import { subgraphSdlPaths } from "../supergraph/subgraph-sources.ts";
import { askProvincesForFigures } from "./ask-provinces-for-figures.ts";
import { computeNationalFigure, planNationalFigure } from "./compute-national-figure.ts";
import type { DimensionValuePair } from "./national-types.ts";

export interface NationalSchemaOptions {
  catalogue: MeasureCatalogue;
  router: ProvinceRouter;
  directoryUrl: string;
  /** How long the directory has to list the units. */
  timeoutMs: number;
}

interface NationalFigureArgs {
  measure: string;
  year: number;
  validOn?: string | null;
  dimensions?: DimensionValuePair[] | null;
  status: "REPORTED" | "PLANNED";
}

/** Refuses a filter the measure cannot have, naming what it can. */
function checkDimensions(measure: Measure, catalogue: MeasureCatalogue, filters: readonly DimensionValuePair[]): void {
  for (const { dimension, value } of filters) {
    if (!measure.dimensions.includes(dimension)) {
      const known = measure.dimensions.length > 0 ? measure.dimensions.join(", ") : "none";
      throw createError(ErrorCode.BadUserInput, `${measure.code} has no dimension "${dimension}" (its dimensions: ${known})`);
    }
    const values = catalogue.dimensions.find((d) => d.id === dimension)?.values.map((v) => v.code) ?? [];
    if (!values.includes(value)) throw createError(ErrorCode.BadUserInput, `"${value}" is not a value of ${dimension} (one of ${values.join(", ")})`);
  }
}

/**
 * The national subgraph (gateway/national.graphql): the catalogue, and national figures computed
 * in the gateway's process from the directory's units and each province's own figures, asked
 * through the province router.
 */
export function createNationalSchema({ catalogue, router, directoryUrl, timeoutMs }: NationalSchemaOptions): GraphQLSchema {
  const typeDefs = parse(readFileSync(subgraphSdlPaths.national, "utf8"));
  const measures = new Map(catalogue.measures.map((m) => [m.code, m]));
  const findMeasure = (code: string) => {
    const measure = measures.get(code);
    if (!measure) throw createError(ErrorCode.BadUserInput, `"${code}" is not a measure of the catalogue (version ${catalogue.version}); measureCatalogue lists them`);
    return measure;
  };
  return buildSubgraphSchema({
    typeDefs,
    resolvers: {
      PartialDate: PartialDateScalar,
      Vnd: VndScalar,
      Query: {
        measureCatalogue: () => catalogue,
        measure: (_: unknown, { code }: { code: string }) => measures.get(code) ?? null,
        nationalFigure: async (_: unknown, args: NationalFigureArgs) => {
          const measure = findMeasure(args.measure);
          const dimensions = args.dimensions ?? [];
          checkDimensions(measure, catalogue, dimensions);
          const units = await listDirectoryUnits(directoryUrl, timeoutMs);
          // The reason says what failed, never where the directory runs.
          if (!units.ok) throw createDirectoryUnavailableError(units.reason);
          const plan = planNationalFigure(units.value, args.year, args.validOn ?? undefined);
          const answers = await askProvincesForFigures(router, plan.toAsk, measure.code, args.year);
          const computed = computeNationalFigure(plan, answers, { measure, status: args.status, dimensions });
          return { measure, year: args.year, validOn: plan.validOn, status: args.status, dimensions, ...computed };
        },
      },
      Measure: {
        dimensions: (measure: Measure) => measure.dimensions.map((id) => catalogue.dimensions.find((d) => d.id === id)!),
      },
    },
  });
}
