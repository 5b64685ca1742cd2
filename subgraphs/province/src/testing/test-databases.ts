import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseConfig } from "../data-source.ts";

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * The PostgreSQL of this test run (test/setup/postgres.global-setup.ts): TEST_POSTGRES_URL, the
 * server at 127.0.0.1:5432, or an embedded one started from npm when the machine has neither.
 */
export const postgresAdminUrl = inject("postgresUrl");

async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "khcn-sqlite-"));
  return { config: { type: "sqlite", file: join(dir, "province.sqlite") }, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh database per test file, dropped afterwards: tests never see each other's rows. */
async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `khcn_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    config: { type: "postgres", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Drops a PostgreSQL schema a test made on the test run's server (a hosted province's), with its tables. */
export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The two databases every data-layer test runs on. */
export const testDatabases = [
  { name: "embedded SQLite", create: createSqliteDatabase },
  { name: "PostgreSQL", create: createPostgresDatabase },
] as const;
