import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { DATA_VERSION_ROW, DataVersion } from "./data-version.entity.ts";

/** Marks the records as changed; call it inside the transaction that changed them. */
export async function bumpDataVersion(manager: EntityManager, now: Date = new Date()): Promise<DataVersion> {
  const row: DataVersion = { id: DATA_VERSION_ROW, version: randomUUID(), changedAt: now.toISOString() };
  await manager.save(DataVersion, row);
  return row;
}
