import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { findProvinces } from "./find-provinces.ts";
import type { ProvinceRecord } from "./province-record.ts";
import { defaultRegistryFile, loadProvinceRegistry, type ProvinceRegistry } from "./province-registry.ts";

// The committed registry, read through the loader (and so the validator) the directory serves from.

const LAST_DAY_BEFORE_MERGER = "2025-06-30";
const FIRST_DAY_AFTER_MERGER = "2025-07-01";

let registry: ProvinceRegistry;
beforeAll(async () => {
  registry = await loadProvinceRegistry();
});

const idsOn = (day: string) => findProvinces(registry, { validOn: day }).map((p) => p.id);
const codesOn = (day: string) => findProvinces(registry, { validOn: day }).map((p) => p.gsoCode);

/** The day after a YYYY-MM-DD date. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function duplicates(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

describe("the committed registry: every provincial-level unit before and after 1 July 2025", () => {
  it("holds 63 units on 30 June 2025 and 34 on 1 July 2025, 11 of them the same units", () => {
    const before = idsOn(LAST_DAY_BEFORE_MERGER);
    const after = idsOn(FIRST_DAY_AFTER_MERGER);
    expect(before).toHaveLength(63);
    expect(after).toHaveLength(34);
    const unchanged = before.filter((id) => after.includes(id));
    expect(unchanged.sort()).toEqual(["cao-bang", "dien-bien", "ha-noi", "ha-tinh", "hue", "lai-chau", "lang-son", "nghe-an", "quang-ninh", "son-la", "thanh-hoa"]);
    // Nothing else: every entry is one of the 63 or one of the 34.
    expect(new Set([...before, ...after]).size).toBe(registry.provinces.length);
  });

  it("gives the 63 the codes of Decision 124/2004/QĐ-TTg and the 34 those of Decision 19/2025/QĐ-TTg", () => {
    // Decision 124/2004/QĐ-TTg as amended: 28 (Hà Tây) was closed in 2008.
    expect(codesOn(LAST_DAY_BEFORE_MERGER).sort()).toEqual(
      ["01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33", "34", "35", "36", "37", "38",
        "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80", "82",
        "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"],
    );
    expect(codesOn(FIRST_DAY_AFTER_MERGER).sort()).toEqual(
      ["01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68",
        "75", "79", "80", "82", "86", "91", "92", "96"],
    );
  });

  it("every unit that ended on 30 June 2025 has a successor in existence on 1 July 2025", () => {
    const ended = registry.provinces.filter((p) => p.validTo === LAST_DAY_BEFORE_MERGER);
    expect(ended).toHaveLength(52);
    const after = idsOn(FIRST_DAY_AFTER_MERGER);
    for (const unit of ended) {
      expect(unit.successorId, unit.id).not.toBeNull();
      expect(after, `${unit.id} → ${unit.successorId}`).toContain(unit.successorId);
      expect(registry.get(unit.successorId!)?.validFrom, unit.id).toBe(FIRST_DAY_AFTER_MERGER);
    }
    // And the 23 merged units are exactly the successors, each of at least two units.
    const merged = registry.provinces.filter((p) => p.validFrom === FIRST_DAY_AFTER_MERGER);
    expect(merged).toHaveLength(23);
    for (const unit of merged) expect(registry.predecessorsOf(unit.id).length, unit.id).toBeGreaterThanOrEqual(2);
    expect(new Set(ended.map((p) => p.successorId))).toEqual(new Set(merged.map((p) => p.id)));
  });

  it("no GSO code is held by two units on the same day, on every day the set of units changes", () => {
    // The units valid on a day change only on a validFrom or on the day after a validTo, so
    // checking those days (and the day before the first of them) checks every day.
    const fullDays = (values: (string | null)[]) => values.filter((v): v is string => v !== null && v.length === 10);
    const changes = [
      ...fullDays(registry.provinces.map((p) => p.validFrom)),
      ...fullDays(registry.provinces.map((p) => p.validTo)).map(nextDay),
    ].sort();
    const days = [...new Set([previousDay(changes[0]!), ...changes, ...fullDays(registry.provinces.map((p) => p.validTo))])].sort();
    expect(days).toEqual(expect.arrayContaining(["1996-12-31", "1997-01-01", "2004-01-01", "2008-08-01", LAST_DAY_BEFORE_MERGER, FIRST_DAY_AFTER_MERGER]));
    for (const day of days) expect(duplicates(codesOn(day)), day).toEqual([]);
    // Codes are reused across the merger (Long An's 80 by the new Tây Ninh), never on one day.
    expect(findProvinces(registry, { validOn: "2025" }).filter((p) => p.gsoCode === "80").map((p) => p.id)).toEqual(["tay-ninh-2025", "long-an"]);
  });

  it("every entry states where its facts come from, with the address of a page", async () => {
    const raw = JSON.parse(await readFile(defaultRegistryFile, "utf8")) as { provinces: { id: string; source?: unknown }[] };
    expect(raw.provinces.map((p) => p.id)).toEqual(registry.provinces.map((p) => p.id));
    for (const entry of raw.provinces) {
      expect(typeof entry.source, entry.id).toBe("string");
      expect((entry.source as string).trim(), entry.id).not.toBe("");
      expect(entry.source, entry.id).toMatch(/https?:\/\//);
    }
  });

  it("only Lạng Sơn, Long An and Bắc Giang have a subgraph", () => {
    const withSubgraph = (r: ProvinceRecord[]) => r.map((p) => p.id).sort();
    expect(withSubgraph(findProvinces(registry, { hasSubgraph: true }))).toEqual(["bac-giang", "lang-son", "long-an"]);
    expect(withSubgraph(registry.provinces.filter((p) => p.hasSubgraph))).toEqual(["bac-giang", "lang-son", "long-an"]);
  });
});
