import { describe, expect, it } from "vitest";
import { readErrorCodes } from "./read-error-codes.ts";

describe("reading an answer's error codes without parsing its data", () => {
  it("reads the codes of errors written after the data (Hive) or before it (Apollo)", () => {
    const errors = [{ message: "Long An is unavailable", path: ["provinces", 1], extensions: { code: "PROVINCE_UNAVAILABLE", reason: 'a "quoted" ] bracket' } }, { message: "no code" }];
    expect(readErrorCodes(JSON.stringify({ data: { provinces: [{ id: "lang-son" }, null] }, errors }))).toEqual(["PROVINCE_UNAVAILABLE", "NONE"]);
    expect(readErrorCodes(JSON.stringify({ errors, data: null }))).toEqual(["PROVINCE_UNAVAILABLE", "NONE"]);
  });

  it("a client's alias named `errors` in the data is not taken for the answer's errors", () => {
    expect(readErrorCodes(JSON.stringify({ data: { errors: [{ message: "x", extensions: { code: "FORGED" } }] }, errors: [{ message: "y", extensions: { code: "BAD_USER_INPUT" } }] }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("an answer without errors, a truncated one, and a code unfit for a label", () => {
    expect(readErrorCodes('{"data":{"provinces":[]}}')).toEqual([]);
    expect(readErrorCodes('{"errors":[{"message":"cut')).toEqual([]);
    expect(readErrorCodes(JSON.stringify({ errors: [{ message: "m", extensions: { code: "<script>" } }] }))).toEqual(["OTHER"]);
  });
});
