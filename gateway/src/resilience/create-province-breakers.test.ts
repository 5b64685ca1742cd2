import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GraphQLExchange, ProvinceTransport } from "../province-router/index.ts";
import { createProvinceBreakers, isProvinceOutage, type ProvinceCircuit } from "./create-province-breakers.ts";

const LONG_AN = "http://long-an/graphql";
const LẠNG_SƠN = "http://lang-son/graphql";
const body = { query: "{ _entities { __typename } }" };
const answered: GraphQLExchange = { ok: true, data: { _entities: [] }, errors: [] };
const refused: GraphQLExchange = { ok: false, reason: "unreachable: connect ECONNREFUSED" };

/** A transport whose answer per URL the test sets, counting the calls that reach each URL. */
function fakeTransport() {
  const answers = new Map<string, GraphQLExchange>();
  const calls = new Map<string, number>();
  const transport: ProvinceTransport = async (url) => {
    calls.set(url, (calls.get(url) ?? 0) + 1);
    return answers.get(url) ?? answered;
  };
  return { transport, answer: (url: string, exchange: GraphQLExchange) => answers.set(url, exchange), calls: (url: string) => calls.get(url) ?? 0 };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a circuit breaker per province", () => {
  it("counts no answer, timeouts, HTTP 5xx and non-GraphQL answers; not an HTTP 4xx (a refused query) nor GraphQL errors", () => {
    expect(isProvinceOutage(refused)).toBe(true);
    expect(isProvinceOutage({ ok: false, reason: "no answer within 3000 ms" })).toBe(true);
    expect(isProvinceOutage({ ok: false, reason: "HTTP 503" })).toBe(true);
    expect(isProvinceOutage({ ok: false, reason: "the answer is not GraphQL JSON" })).toBe(true);
    expect(isProvinceOutage({ ok: false, reason: "HTTP 400: Cannot query field \"budgets\"" })).toBe(false);
    expect(isProvinceOutage({ ok: true, data: null, errors: [{ message: "locked" }] })).toBe(false);
  });

  it("Long An fails 3 times in a row: its circuit opens, and it is answered at once without being asked, while Lạng Sơn is asked as usual", async () => {
    const fake = fakeTransport();
    const breakers = createProvinceBreakers({ failures: 3, cooldownMs: 5000 });
    const send = breakers.wrap(fake.transport);
    fake.answer(LONG_AN, refused);

    for (let i = 0; i < 3; i++) expect(await send(LONG_AN, body, 1000)).toEqual(refused);
    expect(fake.calls(LONG_AN)).toBe(3);
    expect(breakers.circuitOf(LONG_AN)).toMatchObject({ state: "open", failures: 3, lastFailure: refused.reason, retryInMs: 5000 });

    vi.setSystemTime(Date.now() + 1200);
    expect(await send(LONG_AN, body, 1000)).toEqual({ ok: false, reason: "circuit open, retrying in 4 s" });
    expect(fake.calls(LONG_AN)).toBe(3);
    expect(await send(LẠNG_SƠN, body, 1000)).toEqual(answered);
    expect(breakers.circuitOf(LẠNG_SƠN)).toEqual({ state: "closed", failures: 0 });
  });

  it("after the cool-down one request probes the province: a success closes the circuit, a failure opens it again", async () => {
    const fake = fakeTransport();
    const breakers = createProvinceBreakers({ failures: 2, cooldownMs: 5000 });
    const changes: ProvinceCircuit["state"][] = [];
    breakers.onChange((url, circuit) => changes.push(circuit.state));
    const send = breakers.wrap(fake.transport);
    fake.answer(LONG_AN, refused);
    await send(LONG_AN, body, 1000);
    await send(LONG_AN, body, 1000);

    vi.setSystemTime(Date.now() + 5001);
    expect(await send(LONG_AN, body, 1000)).toEqual(refused); // the probe, still down
    expect(fake.calls(LONG_AN)).toBe(3);
    expect(breakers.circuitOf(LONG_AN).state).toBe("open");
    expect(await send(LONG_AN, body, 1000)).toMatchObject({ reason: "circuit open, retrying in 5 s" });

    fake.answer(LONG_AN, answered);
    vi.setSystemTime(Date.now() + 5001);
    expect(await send(LONG_AN, body, 1000)).toEqual(answered);
    expect(breakers.circuitOf(LONG_AN)).toMatchObject({ state: "closed", failures: 0 });
    expect(await send(LONG_AN, body, 1000)).toEqual(answered);
    expect(fake.calls(LONG_AN)).toBe(5);
    // Each change is told once, whatever the number of requests.
    expect(changes).toEqual(["open", "half-open", "open", "half-open", "closed"]);
  });

  it("a success between failures starts the count again; a 4xx neither counts nor opens", async () => {
    const fake = fakeTransport();
    const breakers = createProvinceBreakers({ failures: 2, cooldownMs: 5000 });
    const send = breakers.wrap(fake.transport);
    fake.answer(LONG_AN, refused);
    await send(LONG_AN, body, 1000);
    fake.answer(LONG_AN, answered);
    await send(LONG_AN, body, 1000);
    fake.answer(LONG_AN, refused);
    await send(LONG_AN, body, 1000);
    fake.answer(LONG_AN, { ok: false, reason: "HTTP 400" });
    await send(LONG_AN, body, 1000);
    await send(LONG_AN, body, 1000);
    expect(breakers.circuitOf(LONG_AN).state).toBe("closed");
  });

  it("a transport that throws counts as unreachable, and is answered, not thrown", async () => {
    const breakers = createProvinceBreakers({ failures: 1, cooldownMs: 5000 });
    const send = breakers.wrap(async () => {
      throw new Error("socket hang up");
    });
    expect(await send(LONG_AN, body, 1000)).toEqual({ ok: false, reason: "unreachable: socket hang up" });
    expect(breakers.circuitOf(LONG_AN)).toMatchObject({ state: "open", lastFailure: "unreachable: socket hang up" });
  });
});
