import { describe, expect, it } from "vitest";
import { readPath } from "./env.ts";

describe("reading a path from the environment", () => {
  it("takes a relative path from where the user typed the command, not from the workspace npm switched to", () => {
    expect(readPath({ INIT_CWD: "/home/officer/khcn", SQLITE_FILE: "data/long-an.sqlite" }, "SQLITE_FILE")).toBe("/home/officer/khcn/data/long-an.sqlite");
  });

  it("keeps an absolute path, and falls back when the variable is unset", () => {
    expect(readPath({ INIT_CWD: "/home/officer", SQLITE_FILE: "/var/lib/khcn/a.sqlite" }, "SQLITE_FILE")).toBe("/var/lib/khcn/a.sqlite");
    expect(readPath({ INIT_CWD: "/home/officer" }, "SQLITE_FILE", "/srv/default.sqlite")).toBe("/srv/default.sqlite");
  });
});

describe("reading a switch and the operation limits", () => {
  it("takes true/false, 1/0, yes/no, and refuses anything else with the variable's name", async () => {
    const { readBoolean } = await import("./env.ts");
    expect(readBoolean({ GRAPHQL_DEBUG: "true" }, "GRAPHQL_DEBUG", false)).toBe(true);
    expect(readBoolean({ GRAPHQL_DEBUG: "0" }, "GRAPHQL_DEBUG", true)).toBe(false);
    expect(readBoolean({}, "GRAPHQL_DEBUG", false)).toBe(false);
    expect(() => readBoolean({ GRAPHQL_DEBUG: "on" }, "GRAPHQL_DEBUG", false)).toThrow(/GRAPHQL_DEBUG must be true or false/);
  });

  it("reads each limit by its name, and refuses 0 or garbage at start", async () => {
    const { defaultOperationLimits, loadOperationLimits } = await import("./operation-limits.ts");
    expect(loadOperationLimits({})).toEqual(defaultOperationLimits);
    expect(loadOperationLimits({ GRAPHQL_MAX_DEPTH: "20", SUBGRAPH_MAX_REPRESENTATIONS: "5" })).toMatchObject({ maxDepth: 20, maxRepresentations: 5 });
    expect(() => loadOperationLimits({ GRAPHQL_MAX_ALIASES: "0" })).toThrow(/GRAPHQL_MAX_ALIASES must be between 1/);
    expect(() => loadOperationLimits({ GRAPHQL_MAX_COST: "lots" })).toThrow(/GRAPHQL_MAX_COST must be a whole number/);
  });
});
