import { describe, expect, it } from "vitest";
import { loadDirectoryConfig } from "./config.ts";
import { defaultRegistryFile } from "./registry/province-registry.ts";

describe("the directory's configuration", () => {
  it("defaults to port 4001 and the committed registry", () => {
    expect(loadDirectoryConfig({})).toEqual({ port: 4001, registryFile: defaultRegistryFile });
  });

  it("fails fast, naming the variable, on a port that is not one", () => {
    expect(() => loadDirectoryConfig({ PORT: "40o1" })).toThrow('PORT must be a whole number, got "40o1"');
  });
});
