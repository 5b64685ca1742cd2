import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { PROVINCE_IDS, type ProvinceId, type RunningSystem, startSystem } from "./helpers/start-system.ts";

// Every province runs as its own OS process, so that it can die the way a real server does.
const NAMES: Record<ProvinceId, string> = { "lang-son": "Lạng Sơn", "long-an": "Long An", "bac-giang": "Bắc Giang" };

let system: RunningSystem;
let query: string;
let healthy: ComparativeAnswer;

beforeAll(async () => {
  query = await readComparativeQuery();
  system = await startSystem({ processes: PROVINCE_IDS });
  const before = await system.query<ComparativeAnswer>(query);
  expect(before.errors).toBeUndefined();
  healthy = before.data!;
});

afterAll(() => system?.stop());

async function readiness(): Promise<{ status: number; provinces: { id: string; name: string; state: string }[] }> {
  await system.refreshStatus();
  const response = await system.get("/health/ready");
  const body = (await response.json()) as { provinces: { id: string; name: string; state: string }[] };
  return { status: response.status, provinces: body.provinces.map(({ id, name, state }) => ({ id, name, state })) };
}

describe("Long An's subgraph process is killed (SIGKILL)", () => {
  it("the dashboard still gets Lạng Sơn and Bắc Giang in full, and one error naming Long An", async () => {
    await system.processes["long-an"]!.kill();
    // The gateway learns of it at its next data-version check (DATA_VERSION_CHECK_MS); until then the cache may answer.
    await system.refreshStatus();

    const { data, errors } = await system.query<ComparativeAnswer>(query);

    expect(provinceOf(data, "lang-son")).toEqual(provinceOf(healthy, "lang-son"));
    expect(provinceOf(data, "bac-giang")).toEqual(provinceOf(healthy, "bac-giang"));
    // The directory still knows Long An: its own fields stay, its figures are null.
    expect(provinceOf(data, "long-an")).toMatchObject({ id: "long-an", name: "Long An", gsoCode: "80", qmsCoverage: null, budgets: null, tasks: null, indicators: null, documents: null });
    const index = data!.provinces.findIndex((p) => p.id === "long-an");
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      message: expect.stringContaining("Long An"),
      path: ["provinces", index],
      extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" } },
    });
  });

  it("readiness stays 200 (the directory answers) and reports Long An unreachable", async () => {
    expect(await readiness()).toEqual({
      status: 200,
      provinces: [
        { id: "lang-son", name: "Lạng Sơn", state: "ok" },
        { id: "long-an", name: "Long An", state: "unreachable" },
        { id: "bac-giang", name: "Bắc Giang", state: "ok" },
      ],
    });
  });

  it("once Long An's process is back, its figures are back, without restarting the gateway", async () => {
    await system.restartProcess("long-an");
    // As with its death, the gateway learns of its return at its next data-version check.
    await system.refreshStatus();
    const { data, errors } = await system.query<ComparativeAnswer>(query);
    expect(errors).toBeUndefined();
    expect(data).toEqual(healthy);
    expect((await readiness()).provinces.every((p) => p.state === "ok")).toBe(true);
  });
});

describe("killing any one province's process never removes the others' figures", () => {
  it.each(PROVINCE_IDS)("%s is killed", async (killed) => {
    await system.processes[killed]!.kill();
    // The gateway learns of it at its next data-version check (DATA_VERSION_CHECK_MS); until then the cache may answer.
    await system.refreshStatus();
    try {
      const { data, errors } = await system.query<ComparativeAnswer>(query);
      for (const id of PROVINCE_IDS.filter((id) => id !== killed)) expect(provinceOf(data, id), id).toEqual(provinceOf(healthy, id));
      expect(provinceOf(data, killed).documents).toBeNull();
      expect(errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: killed, name: NAMES[killed] } })]);
    } finally {
      await system.restartProcess(killed);
    }
  });
});
