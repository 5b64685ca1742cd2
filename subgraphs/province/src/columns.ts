import type { ValueTransformer } from "typeorm";

/** PostgreSQL returns bigint as text; money must come back as an exact whole number or fail. */
export const safeIntegerTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`stored amount ${value} is not a safe integer`);
    return n;
  },
};

/** Lists of names are stored as JSON text: portable between SQLite and PostgreSQL. */
export const jsonListTransformer: ValueTransformer = {
  to: (value: string[] | null | undefined) => (value && value.length > 0 ? JSON.stringify(value) : null),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};

/** SQLite has no boolean; both drivers round-trip through this. */
export const booleanTransformer: ValueTransformer = {
  to: (value: boolean | null | undefined) => value,
  from: (value: boolean | number | null) => (value === null || value === undefined ? null : Boolean(value)),
};
