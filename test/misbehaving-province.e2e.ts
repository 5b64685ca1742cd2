import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_RESPONSE_CACHE } from "@khcn/gateway";
import { type RunningProvince, startProvinceSubgraph } from "@khcn/province";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeProvince, forwardTo, type Misbehaviour, startFakeProvince } from "../gateway/src/province-router/testing/start-fake-province.ts";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

// Long An's route leads to a proxy in front of Long An's real subgraph, which can tamper with its
// answers; Lạng Sơn and Bắc Giang are real subgraphs. Runs on the engine GATEWAY_ENGINE names.
let workDir: string;
let realLongAn: RunningProvince;
let longAn: FakeProvince;
let system: RunningSystem;
let query: string;
let healthy: ComparativeAnswer;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "khcn-misbehaving-"));
  realLongAn = await startProvinceSubgraph({ provinceId: "long-an", database: { type: "sqlite", file: join(workDir, "long-an.sqlite") }, port: 0, host: "127.0.0.1" });
  longAn = await startFakeProvince({ answer: forwardTo(realLongAn.url) });
  // The router's checks, request by request: no answer is served again from the response cache.
  system = await startSystem({ routeElsewhere: { "long-an": longAn.url }, gateway: { responseCache: { ...DEFAULT_RESPONSE_CACHE, kind: "off" } } });
  query = await readComparativeQuery();
  const before = await system.query<ComparativeAnswer>(query);
  expect(before.errors).toBeUndefined();
  healthy = before.data!;
});
afterEach(() => longAn.misbehave(undefined));
afterAll(async () => {
  await system?.stop();
  await longAn?.stop();
  await realLongAn?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const firstEntity = (answer: Parameters<Misbehaviour>[0]) => answer.data!._entities![0] as Record<string, unknown>;
const longAnIndex = () => healthy.provinces.findIndex((p) => p.id === "long-an");

/** Asks the comparative query and checks that Lạng Sơn and Bắc Giang are exactly as when every province behaved. */
async function askExpectingHealthyNeighbours() {
  const answer = await system.query<ComparativeAnswer>(query);
  expect(provinceOf(answer.data, "lang-son")).toEqual(provinceOf(healthy, "lang-son"));
  expect(provinceOf(answer.data, "bac-giang")).toEqual(provinceOf(healthy, "bac-giang"));
  return answer;
}

describe("Long An's server answers what the contract does not allow", () => {
  it("a Float amount of đồng: Long An's figures are null with PROVINCE_INVALID_ANSWER at its place, the others are complete", async () => {
    longAn.misbehave((answer) => {
      firstEntity(answer).budgets = [{ year: 2024, phase: "ALLOCATED", fundingSource: "LOCAL", amountVnd: 41612000000.5 }];
    });
    const { data, errors } = await askExpectingHealthyNeighbours();
    expect(provinceOf(data, "long-an")).toMatchObject({ id: "long-an", name: "Long An", budgets: null, tasks: null, documents: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: "Province Long An (long-an) sent an answer that breaks the contract: budgets[0].amountVnd: 41612000000.5 is not a Vnd (a whole number of đồng)",
        path: ["provinces", longAnIndex()],
        extensions: expect.objectContaining({ code: "PROVINCE_INVALID_ANSWER", province: { id: "long-an", name: "Long An" } }),
      }),
    ]);
  });

  it("a string where the contract has Vnd: the gateway still answers 200 with the others' figures (it answered HTTP 400, data null)", async () => {
    longAn.misbehave((answer) => {
      firstEntity(answer).budgets = [{ year: 2024, phase: "ALLOCATED", fundingSource: "LOCAL", amountVnd: "41,6 tỷ" }];
    });
    const response = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as { data: ComparativeAnswer; errors: { extensions: { code: string } }[] };
    expect(provinceOf(data, "lang-son")).toEqual(provinceOf(healthy, "lang-son"));
    expect(provinceOf(data, "bac-giang")).toEqual(provinceOf(healthy, "bac-giang"));
    expect(errors.map((e) => e.extensions.code)).toEqual(["PROVINCE_INVALID_ANSWER"]);
  });

  it("Lạng Sơn's id for Long An's representation: no second Lạng Sơn, no forged tasks", async () => {
    longAn.misbehave((answer) => {
      const entity = firstEntity(answer);
      for (const key in entity) if (entity[key] === "long-an") entity[key] = "lang-son";
      entity.tasks = [];
    });
    const { data, errors } = await askExpectingHealthyNeighbours();
    expect(data!.provinces.filter((p) => p.id === "lang-son")).toHaveLength(1);
    expect(provinceOf(data, "long-an").tasks).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        path: ["provinces", longAnIndex()],
        extensions: expect.objectContaining({ code: "PROVINCE_INVALID_ANSWER", reason: 'id: "lang-son" where "long-an" was asked for' }),
      }),
    ]);
  });

  it("an error with markup and a code of Long An's own: plain text, PROVINCE_ERROR, and the province the router knows", async () => {
    longAn.misbehave((answer) => {
      firstEntity(answer).budgets = null;
      answer.errors = [
        {
          message: "<script>alert(document.cookie)</script>Sổ ngân sách đang khóa",
          path: ["_entities", 0, "budgets"],
          extensions: { code: "BUDGET_LOCKED", province: { id: "lang-son", name: "Lạng Sơn" } },
        },
      ];
    });
    const { data, errors } = await askExpectingHealthyNeighbours();
    expect(provinceOf(data, "long-an").budgets).toBeNull();
    expect(provinceOf(data, "long-an").documents).toEqual(provinceOf(healthy, "long-an").documents);
    expect(errors).toEqual([
      expect.objectContaining({
        message: "alert(document.cookie) Sổ ngân sách đang khóa",
        path: ["provinces", longAnIndex(), "budgets"],
        extensions: expect.objectContaining({ code: "PROVINCE_ERROR", province: { id: "long-an", name: "Long An" } }),
      }),
    ]);
  });
});

describe("the client's variables reach every province", () => {
  const byYear = "query TasksOfYear($year: Int) { provinces { id tasks(year: $year) { year title } } }";

  it("a year given as a variable filters every province's tasks, and Long An's server sees it as sent", async () => {
    const of2024 = await system.query<{ provinces: { id: string; tasks: { year: number }[] | null }[] }>(byYear, { year: 2024 });
    expect(of2024.errors).toBeUndefined();
    const served = of2024.data!.provinces.filter((p) => p.tasks !== null);
    expect(served.map((p) => p.id).sort()).toEqual(["bac-giang", "lang-son", "long-an"]);
    expect(served.flatMap((p) => p.tasks!).length).toBeGreaterThan(0);
    expect(served.every((p) => p.tasks!.every((t) => t.year === 2024))).toBe(true);

    // No plan has tasks for 1990: a dropped or altered variable would bring back every task.
    longAn.requests.length = 0;
    const of1990 = await system.query<{ provinces: { id: string; tasks: unknown[] | null }[] }>(byYear, { year: 1990 });
    expect(of1990.errors).toBeUndefined();
    expect(of1990.data!.provinces.filter((p) => p.tasks !== null).map((p) => p.tasks)).toEqual([[], [], []]);
    expect(longAn.requests.map((r) => r.variables?.year)).toEqual([1990]);
  });
});
