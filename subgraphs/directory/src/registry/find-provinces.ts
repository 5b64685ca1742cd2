import { normalizeName } from "./normalize-name.ts";
import type { ProvinceRecord } from "./province-record.ts";
import type { ProvinceRegistry } from "./province-registry.ts";
import { overlaps, periodOf, periodOfDate } from "./validity.ts";

export interface ProvinceFilter {
  /** Units in existence at some time during this PartialDate: "2025" holds units before and after the July merger. */
  validOn?: string | null;
  /** Part of the name, ignoring case and accents: "long an" finds "Long An", "ninh" both Ninhs. */
  name?: string | null;
  hasSubgraph?: boolean | null;
}

/** The registry's units that match every filter given, in the registry's order. */
export function findProvinces(registry: ProvinceRegistry, { validOn, name, hasSubgraph }: ProvinceFilter): ProvinceRecord[] {
  const wanted = name != null ? normalizeName(name) : undefined;
  const during = validOn != null ? periodOfDate(validOn) : undefined;
  return registry.provinces.filter(
    (p) =>
      (wanted === undefined || normalizeName(p.name).includes(wanted)) &&
      (during === undefined || overlaps(periodOf(p), during)) &&
      (hasSubgraph == null || p.hasSubgraph === hasSubgraph),
  );
}
