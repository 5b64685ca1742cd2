import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticProvince } from "../synthetic/generate-synthetic-province.ts";
import { dropPostgresSchema, postgresAdminUrl } from "../testing/test-databases.ts";
import { type RunningIsolatedProvinceHost, startIsolatedProvinceHost } from "./start-isolated-province-host.ts";

async function ask(url: string, query: string) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: { thisProvince: Record<string, unknown> }; errors?: { message: string; extensions: { code: string } }[] } };
}

const pages = (n: number) =>
  `{ thisProvince { ${Array.from({ length: n }, (_, i) => `p${i}: tasks(limit: 1000, offset: ${i * 1000}) { id title funding { amountVnd source { quote } } source { quote document { id } } }`).join(" ")} } }`;

describe("a host whose provinces are served by worker threads behind one front", () => {
  let dir: string;
  let host: RunningIsolatedProvinceHost;
  const schemaName = `province_isolated_test_${process.pid}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-isolated-"));
    await generateSyntheticProvince(join(dir, "synthetic-heavy"), { provinceId: "synthetic-heavy", tasks: 3000, seed: 3 });
    host = await startIsolatedProvinceHost({
      port: 0,
      host: "127.0.0.1",
      workers: 2,
      provinces: [
        { provinceId: "lang-son", database: { type: "sqlite", file: join(dir, "lang-son.sqlite") } },
        // PostgreSQL is asynchronous, but executing a large answer is not: the heavy one is there.
        { provinceId: "synthetic-heavy", database: { type: "postgres", url: postgresAdminUrl, schema: schemaName, poolSize: 1 }, dataDir: join(dir, "synthetic-heavy") },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await host?.stop();
    await dropPostgresSchema(schemaName);
    await rm(dir, { recursive: true, force: true });
  });

  it("answers at the same URLs as the single-loop host, and /health lists the provinces", async () => {
    expect([...host.urls.keys()]).toEqual(["lang-son", "synthetic-heavy"]);
    const health = (await (await fetch(`${host.origin}/health`)).json()) as { provinces: string[] };
    expect(health.provinces).toEqual(["lang-son", "synthetic-heavy"]);
    const langSon = await ask(host.urls.get("lang-son")!, "{ thisProvince { id } }");
    expect(langSon.body).toEqual({ data: { thisProvince: { id: "lang-son" } } });
  });

  it("answers Lạng Sơn before heavy requests to a PostgreSQL neighbour that were asked first", async () => {
    const finished: string[] = [];
    const heavy = [0, 1, 2].map(() => ask(host.urls.get("synthetic-heavy")!, pages(3)).then((answer) => (finished.push("heavy"), answer)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ask(host.urls.get("lang-son")!, "{ thisProvince { id taskCount } }");
    finished.push("lang-son");
    const answers = await Promise.all(heavy);
    expect(finished[0]).toBe("lang-son");
    expect(answers.map((a) => (a.body.data?.thisProvince.p2 as unknown[]).length)).toEqual([1000, 1000, 1000]);
  }, 60_000);

  it("passes the worker's answers through unchanged: errors, status and all", async () => {
    const unknown = await ask(`${host.origin}/provinces/nowhere/graphql`, "{ thisProvince { id } }");
    expect(unknown.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const malformed = await fetch(host.urls.get("lang-son")!, { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    expect(malformed.headers.get("x-powered-by")).toBeNull();
  });
});
