import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { bench, describe } from "vitest";
import { type AnswerValidator, buildContractSchema, compileAnswerValidator, ROUTER_ID_ALIAS, ROUTER_TYPENAME_ALIAS } from "./compile-answer-validator.ts";
import { readEntitiesOperation } from "./read-entities-operation.ts";

// `npx vitest bench gateway/src/province-router/compile-answer-validator.bench.ts --run`
// The cost the router adds per request at 63 provinces: checking every entity of the comparative
// query's province fetch against the contract, with JSON.parse of the same answers for scale.
const contract = buildContractSchema(readFileSync(new URL("../../../subgraphs/province/schema.graphql", import.meta.url), "utf8"));

// What @apollo/gateway asks the province subgraph for the comparative query (gateway/examples/1-comparative-dashboard.graphql).
const query = `query ComparativeDashboard__province__1($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Province {
      qmsCoverage(year: 2023) { year tier applying total ratio source { document { number } quote } }
      budgets(year: 2024) { year phase fundingSource amountVnd }
      tasks(year: 2024) { kind title leadUnit dueDate target { quantity unit } }
      indicators { name value numerator denominator target unit year }
      documents { number title issuedOn }
    }
  }
}`;

const PROVINCES = 63;
const quote = "Đến năm 2025, 100% cơ quan hành chính cấp tỉnh, cấp huyện duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.";

/** One province's entity, about the size of the committed provinces' and the synthetic fleet's: 4 QMS rows, 8 budget lines, 30 tasks, 60 indicators, 6 documents. */
function entityOf(id: string) {
  return {
    qmsCoverage: Array.from({ length: 4 }, (_, i) => ({ year: 2023, tier: ["PROVINCIAL_DISTRICT", "COMMUNE", "OTHER", "ALL"][i], applying: 40 + i, total: 50 + i, ratio: 0.8, source: { document: { number: "147/KH-UBND" }, quote } })),
    budgets: Array.from({ length: 8 }, (_, i) => ({ year: 2024, phase: ["REQUESTED", "ALLOCATED", "ADJUSTED", "DISBURSED"][i % 4], fundingSource: i % 3 === 0 ? null : "LOCAL", amountVnd: 41_612_000_000 + i })),
    tasks: Array.from({ length: 30 }, (_, i) => ({
      kind: i % 2 ? "PROJECT" : "KEY_TASK",
      title: `Nhiệm vụ ${i}: ứng dụng tiến bộ khoa học và công nghệ vào sản xuất nông nghiệp công nghệ cao`,
      leadUnit: "Sở Khoa học và Công nghệ",
      dueDate: "2024-12",
      target: i % 3 ? { quantity: 15, unit: "doanh nghiệp" } : null,
    })),
    indicators: Array.from({ length: 60 }, (_, i) => ({ name: `Chỉ tiêu ${i}`, value: i % 2 ? 183 : null, numerator: i % 2 ? null : 183, denominator: i % 2 ? null : 337, target: i % 4 === 0, unit: "cuộc", year: 2024 })),
    documents: Array.from({ length: 6 }, (_, i) => ({ number: `${140 + i}/KH-UBND`, title: "Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo năm 2024", issuedOn: "2024-01-15" })),
    [ROUTER_TYPENAME_ALIAS]: "Province",
    [ROUTER_ID_ALIAS]: id,
  };
}

const ids = Array.from({ length: PROVINCES }, (_, i) => `province-${i}`);
const representations = ids.map((id) => ({ __typename: "Province", id }));
const texts = ids.map((id) => JSON.stringify({ data: { _entities: [entityOf(id)] } }));
const answers = texts.map((text) => (JSON.parse(text) as { data: { _entities: unknown[] } }).data._entities[0]);

function compile(): AnswerValidator {
  const operation = readEntitiesOperation({ query, variables: { representations } }, parse(query));
  if (operation.kind !== "entities") throw new Error(operation.reason);
  const validator = compileAnswerValidator(contract, operation.document, operation.operation, operation.field);
  if (validator.kind !== "validator") throw new Error(validator.reason);
  return validator;
}
const validator = compile();
for (let i = 0; i < PROVINCES; i++) {
  const violation = validator.check(answers[i], representations[i]!);
  if (violation) throw new Error(violation);
}

describe(`the comparative query's province fetch, ${PROVINCES} provinces (${Math.round(texts.reduce((n, t) => n + t.length, 0) / 1024)} KiB of answers)`, () => {
  bench("check every entity against the contract (per request)", () => {
    for (let i = 0; i < PROVINCES; i++) validator.check(answers[i], representations[i]!);
  });
  bench("JSON.parse of the same answers (for scale)", () => {
    for (const text of texts) JSON.parse(text);
  });
  bench("compile the validator (once per query text)", () => {
    compile();
  });
});
