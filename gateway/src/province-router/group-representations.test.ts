import { describe, expect, it } from "vitest";
import { groupRepresentations } from "./group-representations.ts";

const p = (id: string) => ({ __typename: "Province", id });

describe("grouping representations by province", () => {
  it("keeps each province's representations in their original order, provinces in order of first appearance", () => {
    const { groups, withoutKey } = groupRepresentations([p("long-an"), p("lang-son"), p("long-an"), p("bac-giang"), p("lang-son")]);
    expect(groups).toEqual([
      { provinceId: "long-an", indices: [0, 2], representations: [p("long-an"), p("long-an")] },
      { provinceId: "lang-son", indices: [1, 4], representations: [p("lang-son"), p("lang-son")] },
      { provinceId: "bac-giang", indices: [3], representations: [p("bac-giang")] },
    ]);
    expect(withoutKey).toEqual([]);
  });

  it("sets apart representations without a province id", () => {
    const { groups, withoutKey } = groupRepresentations([{ __typename: "Province" }, p("lang-son"), null, { __typename: "Province", id: 20 }]);
    expect(groups.map((g) => g.provinceId)).toEqual(["lang-son"]);
    expect(withoutKey).toEqual([0, 2, 3]);
  });
});
