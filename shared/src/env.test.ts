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
