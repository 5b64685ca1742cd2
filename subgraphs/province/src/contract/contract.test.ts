import { Kind, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { printProvinceContract, readCommittedContract } from "./contract.ts";

describe("the province contract", () => {
  it("is what the subgraph serves: regenerate with `npm run contract -w @khcn/province` and review the diff", async () => {
    expect(await printProvinceContract()).toBe(await readCommittedContract());
  });

  it("adds only nullable fields to Province, so one province down never nulls the whole answer", async () => {
    // Read as GraphQL, not as lines: a field with arguments spans several lines, and its type is on the last.
    const province = parse(await printProvinceContract()).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Province");
    if (province?.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error("the contract has no type Province");
    const added = (province.fields ?? []).filter((field) => field.name.value !== "id");
    expect(added.map((field) => field.name.value)).toEqual(expect.arrayContaining(["documents", "tasks", "taskCount", "budgets", "qmsCoverage", "indicators", "figures"]));
    for (const field of added) expect(field.type.kind, `Province.${field.name.value}: ${print(field.type)}`).not.toBe(Kind.NON_NULL_TYPE);
  });
});
