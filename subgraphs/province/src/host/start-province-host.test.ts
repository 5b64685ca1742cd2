import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticProvince } from "../synthetic/generate-synthetic-province.ts";
import { dropPostgresSchema, postgresAdminUrl } from "../testing/test-databases.ts";
import { type RunningProvinceHost, startProvinceHost } from "./start-province-host.ts";

const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { id tasks { id } qmsCoverage { applying } } } }`;

async function askFor(url: string, id: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { r: [{ __typename: "Province", id }] } }),
  });
  return (await response.json()) as { data?: { _entities: ({ id: string; tasks: unknown[] } | null)[] }; errors?: { extensions: { code: string } }[] };
}

describe("a host serving several provinces from one process", () => {
  let dir: string;
  let host: RunningProvinceHost;
  const schemaName = `province_host_test_${process.pid}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-host-"));
    await generateSyntheticProvince(join(dir, "synthetic-a"), { provinceId: "synthetic-a", tasks: 5, seed: 1 });
    await generateSyntheticProvince(join(dir, "synthetic-b"), { provinceId: "synthetic-b", tasks: 9, seed: 2 });
    host = await startProvinceHost({
      port: 0,
      host: "127.0.0.1",
      provinces: [
        { provinceId: "lang-son", database: { type: "sqlite", file: join(dir, "lang-son.sqlite") } },
        { provinceId: "synthetic-a", database: { type: "sqlite", file: join(dir, "a.sqlite") }, dataDir: join(dir, "synthetic-a") },
        { provinceId: "synthetic-b", database: { type: "postgres", url: postgresAdminUrl, schema: schemaName }, dataDir: join(dir, "synthetic-b") },
      ],
    });
  });
  afterAll(async () => {
    await host?.stop();
    await dropPostgresSchema(schemaName);
    await rm(dir, { recursive: true, force: true });
  });

  it("gives each province its own URL and its own database", async () => {
    const a = await askFor(host.urls.get("synthetic-a")!, "synthetic-a");
    const b = await askFor(host.urls.get("synthetic-b")!, "synthetic-b");
    expect(a.data?._entities[0]?.tasks).toHaveLength(5);
    expect(b.data?._entities[0]?.tasks).toHaveLength(9);
    const langSon = await askFor(host.urls.get("lang-son")!, "lang-son");
    expect(langSon.data?._entities[0]?.id).toBe("lang-son");
  });

  it("answers a request for one province at another's URL with WRONG_PROVINCE, as a lone subgraph does", async () => {
    const wrong = await askFor(host.urls.get("synthetic-a")!, "synthetic-b");
    expect(wrong.data?._entities).toEqual([null]);
    expect(wrong.errors?.[0]?.extensions.code).toBe("WRONG_PROVINCE");
  });
});
