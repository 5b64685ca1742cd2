import { validityPeriod } from "@khcn/shared";
import type { ProvinceRecord } from "./province-record.ts";

export { overlaps, type Period, periodOfDate } from "@khcn/shared";

/** A registry record's days of validity (the rule is shared with the gateway's national figures). */
export const periodOf = (record: Pick<ProvinceRecord, "validFrom" | "validTo">) => validityPeriod(record);
