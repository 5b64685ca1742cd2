import type { GraphQLDataSource } from "@apollo/gateway";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProvinceRouter, type ProvinceRouterOptions, UNROUTABLE_OPERATION } from "./create-province-router.ts";
import type { ProvinceRoute } from "./province-route.ts";
import { oldTestProvinceSdl, startTestProvince, type TestProvince, testProvinceSdl } from "./testing/start-test-province.ts";

const entitiesQuery = `query Fetch__province__1($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Province { servedBy budget(year: 2024) } }
}`;

interface Answer {
  data?: { _entities?: ({ servedBy: string; budget: number | null } | null)[] } | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Asks the router what @apollo/gateway would ask it: one _entities fetch for these province ids. */
async function ask(router: GraphQLDataSource, ids: string[], query = entitiesQuery): Promise<Answer> {
  const representations = ids.map((id) => ({ __typename: "Province", id }));
  return (await router.process({
    kind: "incoming operation" as never,
    request: { query, variables: { representations } },
    context: {},
    incomingRequestContext: {} as never,
  })) as Answer;
}

function unavailable(province: ProvinceRoute, index: number, reason: string | RegExp) {
  return expect.objectContaining({
    message: expect.stringContaining(`Province ${province.name} (${province.id}) is unavailable`),
    path: ["_entities", index],
    extensions: { code: "PROVINCE_UNAVAILABLE", province: { id: province.id, name: province.name }, reason: typeof reason === "string" ? reason : expect.stringMatching(reason) },
  });
}

let lạngSơn: TestProvince;
let longAn: TestProvince;
let bắcGiang: TestProvince;
const started: TestProvince[] = [];

async function start(options: Parameters<typeof startTestProvince>[0]): Promise<TestProvince> {
  const province = await startTestProvince(options);
  started.push(province);
  return province;
}

function routerFor(provinces: TestProvince[], options: Partial<ProvinceRouterOptions> = {}): GraphQLDataSource {
  return createProvinceRouter({ provinces: provinces.map((p) => p.route), contractSdl: testProvinceSdl, ...options });
}

beforeAll(async () => {
  [lạngSơn, longAn, bắcGiang] = await Promise.all([
    start({ id: "lang-son", name: "Lạng Sơn", budget: 42.1 }),
    start({ id: "long-an", name: "Long An", budget: 41.612 }),
    start({ id: "bac-giang", name: "Bắc Giang", budget: 55.3 }),
  ]);
});
afterEach(() => {
  for (const province of [lạngSơn, longAn, bắcGiang]) {
    province.behave("answer");
    province.received.length = 0;
    province.receivedVariables.length = 0;
  }
});
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe("the province router", () => {
  it("preserves the order of entities when provinces interleave, and asks each province once for its own", async () => {
    const ids = ["long-an", "lang-son", "long-an", "bac-giang", "lang-son"];
    const { data, errors } = await ask(routerFor([lạngSơn, longAn, bắcGiang]), ids);
    expect(errors).toBeUndefined();
    expect(data?._entities?.map((e) => e?.servedBy)).toEqual(ids);
    expect(data?._entities?.[3]).toEqual({ servedBy: "bac-giang", budget: 55.3 });
    // A real province refuses another's representation (WRONG_PROVINCE), so each must get only its own.
    expect(longAn.received).toEqual([[{ __typename: "Province", id: "long-an" }, { __typename: "Province", id: "long-an" }]]);
    expect(lạngSơn.received).toHaveLength(1);
    expect(bắcGiang.received).toHaveLength(1);
  });

  it("answers null, without an error, for a province that has no subgraph (the old Tây Ninh)", async () => {
    const { data, errors } = await ask(routerFor([lạngSơn, longAn]), ["tay-ninh", "lang-son"]);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([null, { servedBy: "lang-son", budget: 42.1 }]);
  });

  it("Long An hangs; the answer still holds Lạng Sơn and Bắc Giang within the timeout", async () => {
    longAn.behave("hang");
    const timeoutMs = 1000;
    const startedAt = performance.now();
    const { data, errors } = await ask(routerFor([lạngSơn, longAn, bắcGiang], { timeoutMs }), ["lang-son", "long-an", "bac-giang"]);
    expect(performance.now() - startedAt).toBeLessThan(timeoutMs + 2000);
    expect(data?._entities).toEqual([{ servedBy: "lang-son", budget: 42.1 }, null, { servedBy: "bac-giang", budget: 55.3 }]);
    expect(errors).toEqual([unavailable(longAn.route, 1, "no answer within 1000 ms")]);
  });

  it("asks the provinces in parallel: each of two provinces answers only once the other has been asked", async () => {
    // Sequential asking would deadlock here until the timeout; parallel asking lets both answer.
    let firstAsked!: () => void;
    let secondAsked!: () => void;
    const [first, second] = await Promise.all([
      start({ id: "lang-son", name: "Lạng Sơn", budget: 1, answerAfter: new Promise<void>((resolve) => (secondAsked = resolve)) }),
      start({ id: "long-an", name: "Long An", budget: 2, answerAfter: new Promise<void>((resolve) => (firstAsked = resolve)) }),
    ]);
    void first.asked.then(firstAsked);
    void second.asked.then(secondAsked);
    const { data, errors } = await ask(routerFor([first, second], { timeoutMs: 5000 }), ["lang-son", "long-an"]);
    expect(errors).toBeUndefined();
    expect(data?._entities?.map((e) => e?.servedBy)).toEqual(["lang-son", "long-an"]);
  });

  it("Bắc Giang returns an error for its entity; the error sits at Bắc Giang's index, with the router's code, and the others keep their data", async () => {
    bắcGiang.behave("budget-error");
    const { data, errors } = await ask(routerFor([lạngSơn, longAn, bắcGiang]), ["lang-son", "long-an", "bac-giang"]);
    expect(data?._entities).toEqual([{ servedBy: "lang-son", budget: 42.1 }, { servedBy: "long-an", budget: 41.612 }, { servedBy: "bac-giang", budget: null }]);
    // BUDGET_LOCKED is Bắc Giang's own code: clients get PROVINCE_ERROR, and only the router's extensions.
    expect(errors).toEqual([
      { message: "Bắc Giang's budget table is locked", path: ["_entities", 2, "budget"], extensions: { code: "PROVINCE_ERROR", province: { id: "bac-giang", name: "Bắc Giang" } } },
    ]);
  });

  it("passes the client's variables to every province unchanged: a year given as a variable filters each province's budget", async () => {
    const query = `query Fetch__province__1($representations: [_Any!]!, $year: Int) {
      _entities(representations: $representations) { ... on Province { servedBy budget(year: $year) } }
    }`;
    const router = routerFor([lạngSơn, longAn]);
    const askFor = async (year: number) =>
      (await router.process({
        kind: "incoming operation" as never,
        request: { query, variables: { representations: [{ __typename: "Province", id: "lang-son" }, { __typename: "Province", id: "long-an" }], year } },
        context: {},
        incomingRequestContext: {} as never,
      })) as Answer;
    // The test provinces have a budget for 2024 only (or when no year is given): a dropped $year would answer 2024's.
    expect(await askFor(2023)).toEqual({ data: { _entities: [{ servedBy: "lang-son", budget: null }, { servedBy: "long-an", budget: null }] } });
    expect(await askFor(2024)).toEqual({ data: { _entities: [{ servedBy: "lang-son", budget: 42.1 }, { servedBy: "long-an", budget: 41.612 }] } });
    for (const province of [lạngSơn, longAn]) {
      expect(province.receivedVariables.map(({ representations: _, ...client }) => client)).toEqual([{ year: 2023 }, { year: 2024 }]);
    }
  });

  it("Long An answers HTTP 500: each of its entities is null with its own PROVINCE_UNAVAILABLE error", async () => {
    longAn.behave("http-500");
    const { data, errors } = await ask(routerFor([lạngSơn, longAn]), ["long-an", "lang-son", "long-an"]);
    expect(data?._entities).toEqual([null, { servedBy: "lang-son", budget: 42.1 }, null]);
    expect(errors).toEqual([unavailable(longAn.route, 0, "HTTP 500"), unavailable(longAn.route, 2, "HTTP 500")]);
  });

  it("Long An is not running: unreachable, named, and the others are unaffected", async () => {
    const stopped = await startTestProvince({ id: "long-an", name: "Long An", budget: 0 });
    await stopped.stop();
    const { data, errors } = await ask(createProvinceRouter({ provinces: [lạngSơn.route, stopped.route], contractSdl: testProvinceSdl }), ["lang-son", "long-an"]);
    expect(data?._entities).toEqual([{ servedBy: "lang-son", budget: 42.1 }, null]);
    expect(errors).toEqual([unavailable(stopped.route, 1, /^unreachable: .*ECONNREFUSED/)]);
  });

  it("Long An still runs an older contract without budget: its refusal becomes PROVINCE_UNAVAILABLE with the province's reason", async () => {
    const older = await start({ id: "long-an", name: "Long An", budget: 0, sdl: oldTestProvinceSdl });
    const { data, errors } = await ask(routerFor([lạngSơn, older]), ["lang-son", "long-an"]);
    expect(data?._entities).toEqual([{ servedBy: "lang-son", budget: 42.1 }, null]);
    expect(errors).toEqual([unavailable(older.route, 1, /Cannot query field "budget" on type "Province"/)]);
  });

  it("reads the routing table on every request: Long An moved to a new server", async () => {
    const moved = await start({ id: "long-an", name: "Long An", budget: 41.612 });
    let table = [lạngSơn.route, { ...longAn.route, url: "http://127.0.0.1:9/graphql" }];
    const router = createProvinceRouter({ provinces: () => table, contractSdl: testProvinceSdl, timeoutMs: 1000 });
    expect((await ask(router, ["long-an"])).errors).toEqual([unavailable(longAn.route, 0, /^unreachable/)]);
    table = [lạngSơn.route, moved.route];
    expect(await ask(router, ["long-an"])).toEqual({ data: { _entities: [{ servedBy: "long-an", budget: 41.612 }] } });
  });

  it("tells the logger which province failed and why", async () => {
    longAn.behave("http-500");
    const warnings: string[] = [];
    await ask(routerFor([lạngSơn, longAn], { logger: { warn: (m) => warnings.push(m) } }), ["lang-son", "long-an"]);
    expect(warnings).toEqual([`province long-an (Long An) at ${longAn.route.url} is unavailable: HTTP 500`]);
  });

  it("refuses a root field of the province subgraph with a clear error, asking no province", async () => {
    const { data, errors } = await ask(routerFor([lạngSơn]), [], "{ _service { sdl } }");
    expect(data).toBeUndefined();
    expect(errors).toEqual([
      {
        message: "The province router cannot route this operation: only _entities can be routed by province, and the province subgraph has no other public root field; the query selects _service",
        extensions: { code: UNROUTABLE_OPERATION },
      },
    ]);
    expect(lạngSơn.received).toEqual([]);
  });

  it("answers an empty fetch without asking anyone", async () => {
    expect(await ask(routerFor([lạngSơn]), [])).toEqual({ data: { _entities: [] } });
    expect(lạngSơn.received).toEqual([]);
  });

  it("answers a province out of routing (its schema drifted) at once with the route's code and reason, without asking it", async () => {
    const excluded = { code: "PROVINCE_CONTRACT_DRIFT", reason: "its schema breaks the contract: Field 'Province.budget' changed type from 'Float' to 'String'" };
    const router = createProvinceRouter({ provinces: [lạngSơn.route, { ...longAn.route, excluded }], contractSdl: testProvinceSdl });
    const { data, errors } = await ask(router, ["long-an", "lang-son"]);
    expect(data?._entities).toEqual([null, { servedBy: "lang-son", budget: 42.1 }]);
    expect(errors).toEqual([
      expect.objectContaining({ path: ["_entities", 0], extensions: { code: "PROVINCE_CONTRACT_DRIFT", province: { id: "long-an", name: "Long An" }, reason: excluded.reason } }),
    ]);
    expect(longAn.received).toEqual([]);
  });

  it("logs no failed province when the breakers log their changes instead", async () => {
    longAn.behave("http-500");
    const warnings: string[] = [];
    await ask(routerFor([longAn], { logger: { warn: (m) => warnings.push(m) }, logProvinceFailures: false }), ["long-an"]);
    expect(warnings).toEqual([]);
  });
});
