import { describe, expect, it } from "vitest";
import { splitByAvailability } from "./graphql-client.ts";

const provinces = [
  { id: "lang-son", name: "Lạng Sơn" },
  { id: "long-an", name: "Long An" },
  { id: "bac-giang", name: "Bắc Giang" },
];

describe("the provinces a view shows as unavailable", () => {
  it("are those the router says gave no figures: down, a broken answer, or out of routing for drift", () => {
    const errors = [
      { message: "Province Long An is unavailable: no answer within 3000 ms", extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: "no answer within 3000 ms" } },
      { message: "…", extensions: { code: "PROVINCE_INVALID_ANSWER", province: { id: "bac-giang", name: "Bắc Giang" }, reason: "budgets[0].amountVnd: 1.5 is not a Vnd" } },
      { message: "…", extensions: { code: "PROVINCE_INVALID_ANSWER", province: { id: "bac-giang", name: "Bắc Giang" }, reason: "a second error for the same province" } },
    ];
    expect(splitByAvailability(provinces, errors)).toEqual({
      answered: [{ id: "lang-son", name: "Lạng Sơn" }],
      unavailable: [
        { name: "Long An", reason: "no answer within 3000 ms" },
        { name: "Bắc Giang", reason: "budgets[0].amountVnd: 1.5 is not a Vnd" },
      ],
    });
  });

  it("are not those with an error of their own beside their figures", () => {
    const errors = [{ message: "a task has no due date", extensions: { code: "PROVINCE_ERROR", province: { id: "long-an", name: "Long An" } } }];
    expect(splitByAvailability(provinces, errors).unavailable).toEqual([]);
  });

  it("include a province whose schema drifted, out of routing", () => {
    const errors = [{ message: "…", extensions: { code: "PROVINCE_CONTRACT_DRIFT", province: { id: "lang-son", name: "Lạng Sơn" }, reason: "its schema breaks the contract" } }];
    expect(splitByAvailability(provinces, errors).unavailable).toEqual([{ name: "Lạng Sơn", reason: "its schema breaks the contract" }]);
  });
});
