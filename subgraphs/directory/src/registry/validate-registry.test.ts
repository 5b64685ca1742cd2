import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvinceRegistry, loadProvinceRegistry } from "./province-registry.ts";
import { RegistryValidationError } from "./registry-validation-error.ts";

const lạngSơn = { id: "lang-son", name: "Lạng Sơn", gsoCode: "20", validFrom: null, validTo: null, successor: null, hasSubgraph: true };
const longAn = { id: "long-an", name: "Long An", gsoCode: "80", validFrom: null, validTo: "2025-06-30", successor: "tay-ninh-2025", hasSubgraph: true };
const tâyNinh2025 = { id: "tay-ninh-2025", name: "Tây Ninh", gsoCode: "80", validFrom: "2025-07-01", validTo: null, successor: null, hasSubgraph: false };

function problemsOf(provinces: unknown[]): readonly string[] {
  try {
    createProvinceRegistry({ provinces }, "test.json");
  } catch (error) {
    if (error instanceof RegistryValidationError) return error.problems;
    throw error;
  }
  throw new Error("the registry was accepted");
}

describe("the committed registry", () => {
  it("loads, with the three provinces that have data and the two units of 1 July 2025", async () => {
    const registry = await loadProvinceRegistry();
    expect(registry.provinces.filter((p) => p.hasSubgraph).map((p) => p.id)).toEqual(["lang-son", "bac-giang", "long-an"]);
    expect(registry.get("tay-ninh-2025")).toMatchObject({ gsoCode: "80", validFrom: "2025-07-01", validTo: null });
    expect(registry.get("bac-ninh-2025")).toMatchObject({ gsoCode: "24", validFrom: "2025-07-01", validTo: null });
  });
});

describe("a broken registry is refused with the entry and field at fault", () => {
  it("a successor that is not in the registry", () => {
    expect(problemsOf([lạngSơn, { ...longAn, successor: "tay-ninh-2026" }])).toEqual([
      'provinces[1] "long-an", field "successor": "tay-ninh-2026" is not the id of any entry',
    ]);
  });

  it("an id used twice: a new unit may not take an old unit's id", () => {
    expect(problemsOf([lạngSơn, longAn, tâyNinh2025, { ...tâyNinh2025, id: "long-an", gsoCode: "72" }])).toEqual([
      'provinces[3] "long-an", field "id": "long-an" is already the id of provinces[1]; ids are never reused',
    ]);
  });

  it("a GSO code held by two units at the same time (the merged Tây Ninh may take 80 only after Long An ends)", () => {
    const problems = problemsOf([{ ...longAn, validTo: null, successor: null }, tâyNinh2025]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^provinces\[1\] "tay-ninh-2025", field "gsoCode": "80" is also the code of provinces\[0\] "long-an" and their validity overlaps/);
  });

  it("a code reused at year precision overlaps a day-precise end in the same year", () => {
    expect(problemsOf([longAn, { ...tâyNinh2025, validFrom: "2025" }])).toEqual([
      expect.stringContaining('provinces[0] "long-an", field "successor": "tay-ninh-2025" starts (2025) before "long-an" ends (2025-06-30)'),
      expect.stringContaining('provinces[1] "tay-ninh-2025", field "gsoCode": "80" is also the code of provinces[0] "long-an"'),
    ]);
  });

  it("a malformed date, a misspelt field and a code that is not a string, all reported at once", () => {
    const { successor: _, ...withoutSuccessor } = lạngSơn;
    expect(problemsOf([{ ...withoutSuccessor, sucessor: null, validFrom: "1/7/2025", gsoCode: 20 }])).toEqual([
      'provinces[0] "lang-son", field "sucessor": is not a registry field (expected one of id, name, gsoCode, validFrom, validTo, successor, hasSubgraph, source)',
      'provinces[0] "lang-son", field "gsoCode": must be the two-digit GSO code as a string, like "80"; got 20',
      'provinces[0] "lang-son", field "validFrom": must be YYYY, YYYY-MM or YYYY-MM-DD, or null when not known; got "1/7/2025"',
      'provinces[0] "lang-son", field "successor": must be the id of another entry, or null; got nothing',
    ]);
  });

  it("a validity that ends before it starts", () => {
    expect(problemsOf([{ ...lạngSơn, validFrom: "2025-07-01", validTo: "2025-06-30" }])).toEqual([
      'provinces[0] "lang-son", field "validTo": 2025-06-30 is before validFrom 2025-07-01',
    ]);
  });

  it("a successor on a unit that never ends", () => {
    expect(problemsOf([{ ...longAn, validTo: null }, tâyNinh2025])).toContain(
      'provinces[0] "long-an", field "successor": a province with a successor must have a validTo (the last day before "tay-ninh-2025")',
    );
  });

  it("an entry without an id is named by its position", () => {
    expect(problemsOf([lạngSơn, { ...longAn, id: "Long An", successor: null }])).toEqual([
      'provinces[1] "Long An", field "id": must be lower-case words joined by hyphens, like "tay-ninh-2025"; got "Long An"',
    ]);
    expect(problemsOf([lạngSơn, "long-an"])).toEqual(['provinces[1]: must be an object, got "long-an"']);
  });
});

describe("a broken registry file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "directory-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names the file and the problem: invalid JSON", async () => {
    const file = join(dir, "provinces.json");
    await writeFile(file, '{ "provinces": [ { "id": "lang-son", } ] }');
    await expect(loadProvinceRegistry(file)).rejects.toThrow(new RegExp(`^${file}: 1 problem\\n  - not valid JSON`));
  });

  it("names the file and every entry at fault", async () => {
    const file = join(dir, "provinces.json");
    await writeFile(file, JSON.stringify({ provinces: [lạngSơn, { ...longAn, successor: "tay-ninh-2026" }, { ...tâyNinh2025, gsoCode: "8" }] }));
    const error = await loadProvinceRegistry(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryValidationError);
    expect((error as Error).message).toBe(
      `${file}: 2 problems\n` +
        '  - provinces[2] "tay-ninh-2025", field "gsoCode": must be the two-digit GSO code as a string, like "80"; got "8"\n' +
        '  - provinces[1] "long-an", field "successor": "tay-ninh-2026" is not the id of any entry',
    );
  });

  it("refuses a file without a provinces list", async () => {
    const file = join(dir, "provinces.json");
    await writeFile(file, JSON.stringify([lạngSơn]));
    await expect(loadProvinceRegistry(file)).rejects.toThrow('the file must be a JSON object with a "provinces" list');
  });
});
