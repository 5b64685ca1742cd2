import { describe, expect, it } from "vitest";
import { mergeProvinceResults } from "./merge-province-results.ts";

const longAn = { id: "long-an", name: "Long An" };
const lạngSơn = { id: "lang-son", name: "Lạng Sơn" };

describe("merging the provinces' answers", () => {
  it("puts entities back at their original index and moves each province error to its entity's index", () => {
    const merged = mergeProvinceResults(
      4,
      [
        { province: lạngSơn, indices: [1, 3], answer: { ok: true, entities: [{ n: "LS1" }, { n: "LS2" }], errors: [{ message: "boom", path: ["_entities", 1, "budget"] }] } },
        { province: longAn, indices: [0], answer: { ok: true, entities: [{ n: "LA" }], errors: [] } },
      ],
      "_entities",
    );
    expect(merged.data._entities).toEqual([{ n: "LA" }, { n: "LS1" }, null, { n: "LS2" }]);
    expect(merged.errors).toEqual([{ message: "boom", path: ["_entities", 3, "budget"], extensions: { province: lạngSơn } }]);
  });

  it("turns a failed province into null entities and one PROVINCE_UNAVAILABLE error per entity, ordered by index", () => {
    const merged = mergeProvinceResults(
      3,
      [
        { province: lạngSơn, indices: [1], answer: { ok: true, entities: [{ n: "LS" }], errors: [{ message: "whole request", extensions: { code: "X" } }] } },
        { province: longAn, indices: [0, 2], answer: { ok: false, reason: "HTTP 500" } },
      ],
      "_entities",
    );
    expect(merged.data._entities).toEqual([null, { n: "LS" }, null]);
    expect(merged.errors).toEqual([
      { message: "Province Long An (long-an) is unavailable: HTTP 500", path: ["_entities", 0], extensions: { code: "PROVINCE_UNAVAILABLE", province: longAn, reason: "HTTP 500" } },
      { message: "Province Long An (long-an) is unavailable: HTTP 500", path: ["_entities", 2], extensions: { code: "PROVINCE_UNAVAILABLE", province: longAn, reason: "HTTP 500" } },
      { message: "whole request", extensions: { code: "X", province: lạngSơn } },
    ]);
  });

  it("drops an error path that points outside the province's share instead of naming another province's index", () => {
    const merged = mergeProvinceResults(2, [{ province: longAn, indices: [1], answer: { ok: true, entities: [{}], errors: [{ message: "odd", path: ["_entities", 7] }] } }], "_entities");
    expect(merged.errors).toEqual([{ message: "odd", extensions: { province: longAn } }]);
  });

  it("passes a province's errors on without its stack trace", () => {
    const error = { message: "refused", path: ["_entities", 0], extensions: { code: "WRONG_PROVINCE", stacktrace: ["GraphQLError: refused", "    at /srv/province/src/errors.ts:1"] } };
    const merged = mergeProvinceResults(1, [{ province: longAn, indices: [0], answer: { ok: true, entities: [null], errors: [error] } }], "_entities");
    expect(merged.errors).toEqual([{ message: "refused", path: ["_entities", 0], extensions: { code: "WRONG_PROVINCE", province: longAn } }]);
  });
});
