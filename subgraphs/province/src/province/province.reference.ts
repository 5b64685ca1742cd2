import { createError, ErrorCode } from "@khcn/shared";
import type { ProvinceContext } from "../context.ts";
import { createProvince, type Province } from "./province.ts";

/**
 * A subgraph serves one province. Asked for another, it says so instead of answering with its
 * own data: a mis-routed request must never show one province's figures under another's name.
 * It is async on purpose: @apollo/subgraph maps the representations synchronously, so a thrown
 * error would null the whole `_entities` list, while a rejected promise nulls only this entry.
 */
export async function resolveProvinceReference(reference: { id: string }, context: ProvinceContext): Promise<Province> {
  if (reference.id !== context.provinceId) {
    throw createError(
      ErrorCode.WrongProvince,
      `This subgraph serves province "${context.provinceId}"; it was asked for "${reference.id}"`,
      { served: context.provinceId, requested: reference.id },
    );
  }
  return createProvince(reference.id);
}
