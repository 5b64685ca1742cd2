import type { TestProject } from "vitest/node";
import { resolveTestPostgres } from "./test-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The admin URL of the PostgreSQL the data-layer tests use. */
    postgresUrl: string;
    postgresKind: "environment" | "local" | "embedded";
  }
}

/** One PostgreSQL for the whole run: found, or started from npm when the machine has none. */
export default async function setup(project: TestProject) {
  const postgres = await resolveTestPostgres();
  if (postgres.kind === "embedded") console.log(`PostgreSQL: none at 127.0.0.1:5432, started an embedded one for the tests`);
  project.provide("postgresUrl", postgres.url);
  project.provide("postgresKind", postgres.kind);
  return () => postgres.stop();
}
