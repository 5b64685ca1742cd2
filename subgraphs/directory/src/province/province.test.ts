import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProvinceRegistry } from "../registry/province-registry.ts";
import { type RunningDirectory, startDirectorySubgraph } from "../start-directory-subgraph.ts";

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

let directory: RunningDirectory;

async function query(source: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(directory.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: source, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

async function ids(filter: string): Promise<string[]> {
  const { data, errors } = await query(`{ provinces${filter} { id } }`);
  expect(errors).toBeUndefined();
  return data!.provinces.map((p: { id: string }) => p.id);
}

beforeAll(async () => {
  directory = await startDirectorySubgraph({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await directory?.stop();
});

describe("provinces, filtered", () => {
  it("without filters: every unit, past and present (the 63 and the 34, 11 in both), in the registry's order", async () => {
    const all = await ids("");
    expect(all).toHaveLength(63 + 34 - 11);
    expect(all).toEqual((await loadProvinceRegistry()).provinces.map((p) => p.id));
  });

  it('by name, ignoring case and accents: "long an" finds Long An, "LẠNG SƠN" and "lang son" find Lạng Sơn', async () => {
    expect(await ids('(name: "long an")')).toEqual(["long-an"]);
    expect(await ids('(name: "LẠNG SƠN")')).toEqual(["lang-son"]);
    expect(await ids('(name: "lang   son")')).toEqual(["lang-son"]);
    expect(await ids('(name: "Bac Ninh")')).toEqual(["bac-ninh-2025", "bac-ninh"]);
    expect(await ids('(name: "ninh")')).toEqual(["quang-ninh", "bac-ninh-2025", "bac-ninh", "ninh-binh-2025", "ninh-binh", "ninh-thuan", "tay-ninh-2025", "tay-ninh"]);
    expect(await ids('(name: "Hà Nội")')).toEqual(["ha-noi"]);
    expect(await ids('(name: "Hà Tây")')).toEqual([]);
  });

  it("valid on 1 July 2025: the 34 units after the merger; on 30 June 2025: the 63 before it", async () => {
    const after = await ids('(validOn: "2025-07-01")');
    expect(after).toHaveLength(34);
    expect(after).toEqual(expect.arrayContaining(["lang-son", "bac-ninh-2025", "tay-ninh-2025"]));
    expect(after).not.toContain("bac-giang");
    const before = await ids('(validOn: "2025-06-30")');
    expect(before).toHaveLength(63);
    expect(before).toEqual(expect.arrayContaining(["lang-son", "bac-giang", "bac-ninh", "tay-ninh", "long-an"]));
    expect(before.filter((id) => id.endsWith("-2025"))).toEqual([]);
  });

  it("valid during a partial date: in 2025 every unit existed at some time, in 1990 neither Bắc Giang nor Bắc Ninh did", async () => {
    expect(await ids('(validOn: "2025")')).toHaveLength(63 + 34 - 11);
    const in1990 = await ids('(validOn: "1990-05")');
    expect(in1990).toEqual(expect.arrayContaining(["lang-son", "tay-ninh", "long-an"]));
    expect(in1990).not.toContain("bac-giang");
    expect(in1990).not.toContain("bac-ninh");
    expect(in1990.filter((id) => id.endsWith("-2025"))).toEqual([]);
  });

  it("filters combine: the Tây Ninh of today", async () => {
    expect(await ids('(name: "tay ninh", validOn: "2026-01-01")')).toEqual(["tay-ninh-2025"]);
    expect(await ids("(hasSubgraph: true)")).toEqual(["lang-son", "bac-giang", "long-an"]);
  });

  it("refuses a date that is not a PartialDate", async () => {
    const { errors } = await query('{ provinces(validOn: "1/7/2025") { id } }');
    expect(errors?.[0]?.message).toMatch(/PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe("succession across the merger of 1 July 2025", () => {
  it("Long An and the old Tây Ninh are succeeded by the new Tây Ninh, which took over Long An's code 80", async () => {
    const { data } = await query(`{
      longAn: province(id: "long-an") { name gsoCode validTo successor { id name gsoCode validFrom } }
      tayNinh: province(id: "tay-ninh") { gsoCode successor { id } }
    }`);
    expect(data!.longAn).toEqual({
      name: "Long An",
      gsoCode: "80",
      validTo: "2025-06-30",
      successor: { id: "tay-ninh-2025", name: "Tây Ninh", gsoCode: "80", validFrom: "2025-07-01" },
    });
    expect(data!.tayNinh).toEqual({ gsoCode: "72", successor: { id: "tay-ninh-2025" } });
  });

  it("the new Bắc Ninh's predecessors are Bắc Giang and the old Bắc Ninh; Lạng Sơn has neither successor nor predecessors", async () => {
    const { data } = await query(`{
      bacNinh: province(id: "bac-ninh-2025") { predecessors { id gsoCode validTo hasSubgraph } successor { id } }
      langSon: province(id: "lang-son") { gsoCode validFrom validTo successor { id } predecessors { id } hasSubgraph }
    }`);
    expect(data!.bacNinh).toEqual({
      predecessors: [
        { id: "bac-giang", gsoCode: "24", validTo: "2025-06-30", hasSubgraph: true },
        { id: "bac-ninh", gsoCode: "27", validTo: "2025-06-30", hasSubgraph: false },
      ],
      successor: null,
    });
    expect(data!.langSon).toEqual({ gsoCode: "20", validFrom: null, validTo: null, successor: null, predecessors: [], hasSubgraph: true });
  });

  it("an unknown id is null, not an error", async () => {
    const { data, errors } = await query('{ province(id: "ha-bac") { id } }');
    expect(errors).toBeUndefined();
    expect(data!.province).toBeNull();
  });

  it("resolves Province entities by key for the gateway", async () => {
    const { data, errors } = await query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { id name successor { id } } } }`,
      { r: [{ __typename: "Province", id: "bac-giang" }, { __typename: "Province", id: "nowhere" }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([{ id: "bac-giang", name: "Bắc Giang", successor: { id: "bac-ninh-2025" } }, null]);
  });
});
