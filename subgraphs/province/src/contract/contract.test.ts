import { describe, expect, it } from "vitest";
import { printProvinceContract, readCommittedContract } from "./contract.ts";

describe("the province contract", () => {
  it("is what the subgraph serves: regenerate with `npm run contract -w @khcn/province` and review the diff", async () => {
    expect(await printProvinceContract()).toBe(await readCommittedContract());
  });

  it("adds only nullable fields to Province, so one province down never nulls the whole answer", async () => {
    const sdl = await printProvinceContract();
    const province = /type Province[^{]*\{([^}]*)\}/.exec(sdl)?.[1] ?? "";
    const fields = province.split("\n").filter((line) => /^\s+\w+/.test(line) && !/^\s+"""|^\s+"/.test(line));
    const added = fields.filter((line) => !/^\s+id: ID!/.test(line));
    expect(added.length).toBeGreaterThanOrEqual(5);
    for (const line of added) expect(line).not.toMatch(/\]!$|[^\]]!$/);
  });
});
