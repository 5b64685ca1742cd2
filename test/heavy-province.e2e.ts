import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, heavyProvinceId, heavyQuery, prepareHeavyHostData, trivialQuery } from "./helpers/heavy-province.ts";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.ts";

describe("an 8,000-task province hosted beside Lạng Sơn", () => {
  let dir: string;
  let host: ServiceProcess;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-heavy-"));
    const { dataRoot, sqliteDir } = await prepareHeavyHostData(dir, 8000);
    host = await startServiceProcess({
      label: "province host",
      cwd: fileURLToPath(new URL("../subgraphs/province/", import.meta.url)),
      entry: "src/host/main.ts",
      env: { HOSTED_PROVINCES: `lang-son,${heavyProvinceId}`, HOST_DATA_ROOT: dataRoot, HOST_SQLITE_DIR: sqliteDir, HOST_WORKERS: "2" },
      healthPath: "/health",
      timeoutMs: 180_000,
    });
  }, 240_000);
  afterAll(async () => {
    await host?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("answers Lạng Sơn's trivial query while three heavy requests to the synthetic province are in flight, before any of them", async () => {
    const finished: string[] = [];
    // Three requests of 3 × 1,000 tasks with their funding and sources: each one blocked the old
    // host's only event loop for over a second.
    const heavy = Array.from({ length: 3 }, async (_, i) => {
      const answer = await ask(`${host.origin}/provinces/${heavyProvinceId}/graphql`, heavyQuery(3));
      finished.push(`heavy ${i}`);
      return answer;
    });
    // Let the heavy requests reach the host first; the ordering below is the assertion, not this delay.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const langSon = await ask(`${host.origin}/provinces/lang-son/graphql`, trivialQuery);
    finished.push("lang-son");

    expect(langSon.body).toEqual({ data: { thisProvince: { id: "lang-son", taskCount: expect.any(Number) } } });
    const answers = await Promise.all(heavy);
    expect(finished[0]).toBe("lang-son");
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.thisProvince?.p2).toHaveLength(1000);
    }
  }, 120_000);

  it("keeps answering Lạng Sơn one request after another while the synthetic province is flooded", async () => {
    const flood = Array.from({ length: 4 }, () => ask(`${host.origin}/provinces/${heavyProvinceId}/graphql`, heavyQuery(2)).then(() => "heavy"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const order: string[] = [];
    void Promise.all(flood.map((p) => p.then((what) => order.push(what))));
    for (let i = 0; i < 5; i++) {
      const answer = await ask(`${host.origin}/provinces/lang-son/graphql`, trivialQuery);
      expect(answer.body.data?.thisProvince?.id).toBe("lang-son");
      order.push("lang-son");
    }
    // Five Lạng Sơn answers, one after another, before the first of four heavy requests ended.
    expect(order.slice(0, 5)).toEqual(Array(5).fill("lang-son"));
    await Promise.all(flood);
  }, 120_000);
});
