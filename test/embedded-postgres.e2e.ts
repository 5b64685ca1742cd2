import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { answers, resolveTestPostgres } from "./setup/test-postgres.ts";

/*
 * The data-layer tests run on a real PostgreSQL whatever the machine has. When nothing answers,
 * the harness starts one from npm; this proves that path really runs a server, even on a machine
 * (like CI's) where a system PostgreSQL hides it.
 */
describe("the tests' PostgreSQL", () => {
  it("is a real server for this run, whichever way it was found", async () => {
    const client = new pg.Client({ connectionString: inject("postgresUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>("SELECT version()");
      expect(rows[0]!.version).toMatch(/^PostgreSQL \d+/);
    } finally {
      await client.end();
    }
    expect(["environment", "local", "embedded"]).toContain(inject("postgresKind"));
  });

  it("starts from npm when neither TEST_POSTGRES_URL nor 127.0.0.1:5432 answers, and is gone after stop", async () => {
    // Port 1 never has PostgreSQL: the harness must fall back to the embedded server.
    const postgres = await resolveTestPostgres({ environmentUrl: "", localUrl: "postgres://postgres@127.0.0.1:1/postgres" });
    try {
      expect(postgres.kind).toBe("embedded");
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ server_version: string; port: string }>(
          "SELECT current_setting('server_version') AS server_version, current_setting('port') AS port",
        );
        // The npm package's server, not the machine's: its own version line and its own port.
        expect(rows[0]!.server_version).toMatch(/^18\./);
        expect(rows[0]!.port).not.toBe("5432");
        await client.query("CREATE TABLE proof (figure bigint)");
        await client.query("INSERT INTO proof VALUES (41612000000)");
        expect((await client.query("SELECT figure FROM proof")).rows).toEqual([{ figure: "41612000000" }]);
      } finally {
        await client.end();
      }
    } finally {
      await postgres.stop();
    }
    expect(await answers(postgres.url, 500)).toBe(false);
  }, 120_000);
});
