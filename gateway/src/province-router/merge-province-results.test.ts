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
    expect(merged.errors).toEqual([{ message: "boom", path: ["_entities", 3, "budget"], extensions: { code: "PROVINCE_ERROR", province: lạngSơn } }]);
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
      { message: "whole request", extensions: { code: "PROVINCE_ERROR", province: lạngSơn } },
    ]);
  });

  it("drops an error path that points outside the province's share instead of naming another province's index", () => {
    const merged = mergeProvinceResults(2, [{ province: longAn, indices: [1], answer: { ok: true, entities: [{}], errors: [{ message: "odd", path: ["_entities", 7] }] } }], "_entities");
    expect(merged.errors).toEqual([{ message: "odd", extensions: { code: "PROVINCE_ERROR", province: longAn } }]);
  });

  it("passes a province's errors on without its stack trace", () => {
    const error = { message: "refused", path: ["_entities", 0], extensions: { code: "WRONG_PROVINCE", stacktrace: ["GraphQLError: refused", "    at /srv/province/src/errors.ts:1"] } };
    const merged = mergeProvinceResults(1, [{ province: longAn, indices: [0], answer: { ok: true, entities: [null], errors: [error] } }], "_entities");
    expect(merged.errors).toEqual([{ message: "refused", path: ["_entities", 0], extensions: { code: "WRONG_PROVINCE", province: longAn } }]);
  });

  it("turns a province whose answer broke the contract into null entities with PROVINCE_INVALID_ANSWER, naming what was wrong", () => {
    const reason = "budgets[3].amountVnd: 41612000000.5 is not a Vnd (a whole number of đồng)";
    const merged = mergeProvinceResults(2, [{ province: longAn, indices: [1], answer: { ok: false, reason, invalid: true } }], "_entities");
    expect(merged.data._entities).toEqual([null, null]);
    expect(merged.errors).toEqual([
      { message: `Province Long An (long-an) sent an answer that breaks the contract: ${reason}`, path: ["_entities", 1], extensions: { code: "PROVINCE_INVALID_ANSWER", province: longAn, reason } },
    ]);
  });

  it("passes a province's error as plain text with the router's code and province, whatever the province put in it", () => {
    const forged = {
      message: '<script>alert("x")</script>Ngân sách\u0007 bị\u202e khóa <b>tạm</b>',
      path: ["_entities", 0, "budgets"],
      locations: [{ line: 1, column: 2 }],
      extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: "lang-son", name: "Lạng Sơn" }, internalUrl: "http://10.0.0.7:5432" },
      injected: "<img src=x>",
    };
    const merged = mergeProvinceResults(1, [{ province: longAn, indices: [0], answer: { ok: true, entities: [{}], errors: [forged] } }], "_entities");
    expect(merged.errors).toEqual([{ message: 'alert("x") Ngân sách bị khóa tạm', path: ["_entities", 0, "budgets"], extensions: { code: "PROVINCE_ERROR", province: longAn } }]);
  });

  it("keeps a province's BAD_USER_INPUT and WRONG_PROVINCE, caps a long message, and drops a malformed path", () => {
    const merged = mergeProvinceResults(
      1,
      [
        {
          province: longAn,
          indices: [0],
          answer: {
            ok: true,
            entities: [null],
            errors: [
              { message: "limit must be between 0 and 500, got 9000", path: ["_entities", 0, "tasks"], extensions: { code: "BAD_USER_INPUT" } },
              { message: "x".repeat(5000), path: ["_entities", "<b>"] as never, extensions: { code: "WRONG_PROVINCE" } },
            ],
          },
        },
      ],
      "_entities",
    );
    expect(merged.errors?.[0]).toEqual({ message: "limit must be between 0 and 500, got 9000", path: ["_entities", 0, "tasks"], extensions: { code: "BAD_USER_INPUT", province: longAn } });
    expect(merged.errors?.[1]).toEqual({ message: `${"x".repeat(299)}…`, extensions: { code: "WRONG_PROVINCE", province: longAn } });
  });

  it("passes at most 100 of one province's errors, and says how many more there were", () => {
    const errors = Array.from({ length: 250 }, (_, i) => ({ message: `error ${i}` }));
    const merged = mergeProvinceResults(1, [{ province: longAn, indices: [0], answer: { ok: true, entities: [{}], errors } }], "_entities");
    expect(merged.errors).toHaveLength(101);
    expect(merged.errors?.[100]).toEqual({ message: "Province Long An (long-an) reported 150 more errors, not shown", extensions: { code: "PROVINCE_ERROR", province: longAn } });
  });
});
