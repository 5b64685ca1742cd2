import { isPartialDate } from "@khcn/shared";
import type { ProvinceRecord } from "./province-record.ts";
import { RegistryValidationError } from "./registry-validation-error.ts";
import { overlaps, periodOf } from "./validity.ts";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const GSO_CODE = /^\d{2}$/;
const FIELDS = new Set(["id", "name", "gsoCode", "validFrom", "validTo", "successor", "hasSubgraph", "source"]);

type Entry = Record<string, unknown>;

function describe(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function describePeriod(record: ProvinceRecord): string {
  return `${record.validFrom ?? "…"} to ${record.validTo ?? "…"}`;
}

/**
 * Checks the parsed registry file and returns its records, or throws a RegistryValidationError
 * listing every problem (not only the first), each as `provinces[i] "id", field "name": what is wrong`.
 */
export function validateRegistry(data: unknown, source: string): ProvinceRecord[] {
  const problems: string[] = [];
  const entries = (data as { provinces?: unknown } | null)?.provinces;
  if (typeof data !== "object" || data === null || !Array.isArray(entries)) {
    throw new RegistryValidationError(source, ['the file must be a JSON object with a "provinces" list']);
  }

  const records: { index: number; label: string; record: ProvinceRecord }[] = [];
  entries.forEach((raw: unknown, index) => {
    const entry = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Entry;
    const label = typeof entry.id === "string" ? `provinces[${index}] "${entry.id}"` : `provinces[${index}]`;
    const problem = (field: string, message: string) => problems.push(`${label}, field "${field}": ${message}`);
    const problemsBefore = problems.length;
    if (entry !== raw) return problems.push(`${label}: must be an object, got ${describe(raw)}`);

    for (const field of Object.keys(entry)) if (!FIELDS.has(field)) problem(field, `is not a registry field (expected one of ${[...FIELDS].join(", ")})`);
    const { id, name, gsoCode, validFrom, validTo, successor, hasSubgraph, source: note } = entry;
    if (typeof id !== "string" || !ID.test(id)) problem("id", `must be lower-case words joined by hyphens, like "tay-ninh-2025"; got ${describe(id)}`);
    if (typeof name !== "string" || !name.trim()) problem("name", `must be a non-empty string; got ${describe(name)}`);
    if (typeof gsoCode !== "string" || !GSO_CODE.test(gsoCode)) problem("gsoCode", `must be the two-digit GSO code as a string, like "80"; got ${describe(gsoCode)}`);
    for (const [field, value] of [["validFrom", validFrom], ["validTo", validTo]] as const) {
      if (value !== null && (typeof value !== "string" || !isPartialDate(value))) {
        problem(field, `must be YYYY, YYYY-MM or YYYY-MM-DD, or null when not known; got ${describe(value)}`);
      }
    }
    if (successor !== null && typeof successor !== "string") problem("successor", `must be the id of another entry, or null; got ${describe(successor)}`);
    if (typeof hasSubgraph !== "boolean") problem("hasSubgraph", `must be true or false; got ${describe(hasSubgraph)}`);
    if (note !== undefined && typeof note !== "string") problem("source", `must be a string when given; got ${describe(note)}`);

    const record: ProvinceRecord = {
      id: id as string,
      name: name as string,
      gsoCode: gsoCode as string,
      validFrom: validFrom as string | null,
      validTo: validTo as string | null,
      successorId: successor as string | null,
      hasSubgraph: hasSubgraph as boolean,
      source: (note as string | undefined) ?? null,
    };
    if (typeof validFrom === "string" && typeof validTo === "string" && periodOf(record).from > periodOf(record).to) {
      problem("validTo", `${validTo} is before validFrom ${validFrom}`);
    }
    if (problems.length === problemsBefore) records.push({ index, label, record });
  });

  // Checks across entries, on the entries that are well-formed on their own.
  const byId = new Map<string, (typeof records)[number]>();
  for (const entry of records) {
    const first = byId.get(entry.record.id);
    if (first) problems.push(`${entry.label}, field "id": "${entry.record.id}" is already the id of provinces[${first.index}]; ids are never reused`);
    else byId.set(entry.record.id, entry);
  }
  for (const { label, record } of records) {
    if (record.successorId === null) continue;
    const successor = byId.get(record.successorId)?.record;
    const problem = (message: string) => problems.push(`${label}, field "successor": ${message}`);
    if (!successor) problem(`"${record.successorId}" is not the id of any entry`);
    else if (successor.id === record.id) problem("a province cannot succeed itself");
    else if (record.validTo === null) problem(`a province with a successor must have a validTo (the last day before "${successor.id}")`);
    else if (periodOf(successor).from <= periodOf(record).to) {
      problem(`"${successor.id}" starts (${successor.validFrom ?? "unknown"}) before "${record.id}" ends (${record.validTo})`);
    }
  }
  records.forEach((a, i) => {
    for (const b of records.slice(i + 1)) {
      if (a.record.gsoCode === b.record.gsoCode && overlaps(periodOf(a.record), periodOf(b.record))) {
        problems.push(
          `${b.label}, field "gsoCode": "${b.record.gsoCode}" is also the code of ${a.label} and their validity overlaps ` +
            `(${describePeriod(a.record)} and ${describePeriod(b.record)}); a code may be reused only after the previous holder ends`,
        );
      }
    }
  });

  if (problems.length > 0) throw new RegistryValidationError(source, problems);
  return records.map((r) => r.record);
}
