import { loadMeasureCatalogue, type Measure, type MeasureCatalogue } from "@khcn/shared";

let loaded: MeasureCatalogue | undefined;

/**
 * The national measure catalogue (docs/CATALOGUE.md), read once per process: the import checks
 * indicators.csv against it and `Province.figures` orders dimensions by it. Read on first use, not at
 * module load, so that a process that never needs it does not fail on it.
 */
export function measureCatalogue(): MeasureCatalogue {
  loaded ??= loadMeasureCatalogue();
  return loaded;
}

/** One `dimensionId=VALUE` of a figure. */
export interface DimensionPair {
  dimension: string;
  value: string;
}

/**
 * indicators.csv's `dimensions` cell as the database keeps it: `id=VALUE` pairs joined by `;`, in the
 * order of the measure's dimensions in the catalogue (so the same figure is always written the same
 * way, and a re-import of a reordered cell changes nothing). Null when there is none.
 */
export function formatDimensions(measure: Measure | undefined, pairs: readonly DimensionPair[]): string | null {
  if (pairs.length === 0) return null;
  const rank = (pair: DimensionPair) => {
    const index = measure?.dimensions.indexOf(pair.dimension) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...pairs]
    .sort((a, b) => rank(a) - rank(b))
    .map((p) => `${p.dimension}=${p.value}`)
    .join(";");
}

/** The pairs of a stored (already validated) `dimensions` value. */
export function parseStoredDimensions(stored: string | null): DimensionPair[] {
  if (!stored) return [];
  return stored.split(";").map((pair) => {
    const [dimension = "", value = ""] = pair.split("=");
    return { dimension, value };
  });
}
