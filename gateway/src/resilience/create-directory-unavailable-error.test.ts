import { describe, expect, it } from "vitest";
import { createDirectoryUnavailableError, describeDirectoryFailure } from "./create-directory-unavailable-error.ts";

describe("the error a client gets when the directory does not answer", () => {
  it("says what failed, never where the directory runs", () => {
    const error = createDirectoryUnavailableError("unreachable: connect ECONNREFUSED 10.0.3.7:4001 (http://directory.internal:4001/graphql)");
    expect(error.message).toBe("The directory of provinces is unavailable: unreachable: connect ECONNREFUSED … (…)");
    expect(error.extensions).toEqual({ code: "DIRECTORY_UNAVAILABLE", reason: "unreachable: connect ECONNREFUSED … (…)" });
  });

  it("tells a timeout, a refused connection and an HTTP status apart", () => {
    expect(describeDirectoryFailure(Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" }), 800)).toBe("no answer within 800 ms");
    expect(describeDirectoryFailure(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }), 800)).toBe("unreachable (ECONNREFUSED)");
    expect(describeDirectoryFailure(new Error("connect ECONNREFUSED 127.0.0.1:1"), 800)).toBe("unreachable (ECONNREFUSED)");
    expect(describeDirectoryFailure(new Error("502: Bad Gateway"), 800)).toBe("HTTP 502");
  });
});
