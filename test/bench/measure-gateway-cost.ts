import type { GraphQLFormattedError } from "graphql";
import { createGatewayServer, DEFAULT_RESPONSE_CACHE, type GatewayEngineName, type GatewayServer, postGraphQL, type ProvinceSubgraph, type ProvinceTransport } from "@khcn/gateway";
import { comparativeQuery } from "./bench-queries.ts";
import { type Summary, summarize } from "./summarize.ts";

export interface GatewayCostOptions {
  directoryUrl: string;
  provinces: ProvinceSubgraph[];
  requests: number;
  warmup: number;
  /** The engines compared on the same replayed answers; @apollo/gateway is always among them (the ratios are to it). */
  engines?: readonly GatewayEngineName[];
}

export interface EngineCost {
  engine: GatewayEngineName;
  /** One POST in process, provinces replayed: the request body parsed, planned, fetched, shaped and the answer serialised. */
  ownCost: Summary;
  /** The same request asked again: answered by the response cache (every province's data version unchanged), from the body to the bytes to send. */
  cachedOwnCost: Summary;
  /** Median own cost ÷ @apollo/gateway's median in the same run. */
  ratioToApollo: number;
  /** Median own cost ÷ the floor's median in the same run. */
  ratioToFloor: number;
  /** In this process, modules loaded: building the engine, the provinces' contract check, and the first whole answer with the provinces over HTTP. */
  firstAnswerInProcessMs: number;
  /** Size of the serialised answer, in bytes. */
  answerBytes: number;
}

export interface EngineComparison {
  /** Requests per engine, interleaved: each round asks every engine (and times the floor) once, in a rotating order. */
  requests: number;
  engines: EngineCost[];
  /**
   * What any engine must do at least: parse the provinces' recorded answers and the directory's,
   * put each province's figures on its directory entry, and serialise the answer. No planning, no engine.
   */
  floor: Summary;
  /** The directory's round trip over loopback, which every engine's own cost includes and the floor does not. */
  directoryRoundTrip: Summary;
  /** Whether every engine answered the same `data` (compared once, after the warm-up). */
  identicalData: boolean;
}

export interface GatewayCost {
  /** Provinces answer in-process with their recorded answers: the time is the gateway's own work (and the directory's round trip). The chosen engine's row of `engines` (Hive's runtime; @apollo/gateway when Hive is not compared). */
  inProcess: Summary;
  /** Provinces over HTTP: the whole request, the slowest province of each request, and what the gateway added over it. */
  overHttp: { total: Summary; slowestProvince: Summary; addedOverSlowest: Summary };
  /** Every engine on the same replayed answers, with the floor. */
  engines: EngineComparison;
}

/** Every province's recorded answer, as JSON text, by URL, query and variables. */
type Recordings = Map<string, { url: string; text: string }>;

/**
 * Records each province's real answer once, then hands out a fresh parse of it on every request:
 * the router, the merge and the engine do all their work, the provinces none.
 */
function createReplayTransport(recorded: Recordings = new Map()): ProvinceTransport {
  return async (url, body, timeoutMs) => {
    const key = `${url}\n${body.query}\n${JSON.stringify(body.variables)}`;
    let text = recorded.get(key)?.text;
    if (text === undefined) {
      const exchange = await postGraphQL(url, body, timeoutMs);
      if (!exchange.ok) return exchange;
      text = JSON.stringify({ data: exchange.data, errors: exchange.errors });
      recorded.set(key, { url, text });
    }
    const { data, errors } = JSON.parse(text) as { data: Record<string, unknown> | null; errors: GraphQLFormattedError[] };
    return { ok: true, data, errors };
  };
}

/** Times every province exchange, so each request knows how long its slowest province took. */
function createTimingTransport(): { transport: ProvinceTransport; takeSlowest(): number } {
  let slowest = 0;
  return {
    transport: async (url, body, timeoutMs) => {
      const started = performance.now();
      try {
        return await postGraphQL(url, body, timeoutMs);
      } finally {
        slowest = Math.max(slowest, performance.now() - started);
      }
    },
    takeSlowest: () => {
      const value = slowest;
      slowest = 0;
      return value;
    },
  };
}

const comparativeBody = JSON.stringify({ query: comparativeQuery });

interface ComparativeData {
  provinces: { id: string; qmsCoverage: unknown }[];
}

/** Parses an answer and checks it is whole: every province listed, each with its figures, no error. */
function readWholeAnswer(label: string, status: number, body: string, provinces: number): ComparativeData {
  const result = JSON.parse(body) as { data?: ComparativeData; errors?: unknown[] };
  if (status !== 200 || !result.data || result.errors?.length) throw new Error(`${label} failed (HTTP ${status}): ${body.slice(0, 300)}`);
  const listed = result.data.provinces;
  if (listed.length !== provinces || listed.some((p) => p.qmsCoverage === null)) throw new Error(`${label} answered ${listed.length} provinces, some without figures`);
  return result.data;
}

async function startInProcessGateway(options: GatewayCostOptions, transport: ProvinceTransport, engine: GatewayEngineName): Promise<GatewayServer> {
  const gateway = await createGatewayServer({
    config: {
      directoryUrl: options.directoryUrl,
      provinces: options.provinces,
      provinceTimeoutMs: 60_000,
      contractCheckIntervalMs: 0,
      // No data-version round during the measurement: the versions are the replayed ones, learnt at start.
      responseCache: { ...DEFAULT_RESPONSE_CACHE, kind: "memory", maxAgeMs: 3_600_000, versionCheckMs: 1_800_000 },
    },
    provinceTransport: transport,
    engine,
  });
  try {
    await gateway.start();
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  return gateway;
}

async function ask(gateway: GatewayServer, provinces: number): Promise<ComparativeData> {
  const { status, body } = await gateway.server.handle({ body: comparativeBody });
  return readWholeAnswer(`the in-process gateway (${gateway.server.engine})`, status, body, provinces);
}

/** The directory's share of the comparative query, as an engine's plan asks it. */
const directoryQuery = "{ provinces { __typename id name gsoCode validFrom validTo successor { __typename id name } } }";

/**
 * The floor: from the recorded texts to the serialised answer with nothing but JSON.parse, one
 * object spread per province and JSON.stringify. Each province's share is its `_entities` answer
 * for its own representation, as the router asks it.
 */
function createFloor(directoryText: string, provinceTexts: Map<string, string>): () => string {
  return () => {
    const directory = JSON.parse(directoryText) as { data: { provinces: { __typename?: string; id: string; successor: { __typename?: string } | null }[] } };
    const figures = new Map<string, Record<string, unknown>>();
    for (const [id, text] of provinceTexts) {
      const answer = JSON.parse(text) as { data: { _entities: Record<string, unknown>[] } };
      figures.set(id, answer.data._entities[0]!);
    }
    const provinces = directory.data.provinces.map(({ __typename: _t, successor, ...unit }) => {
      const { __typename: _e, ...own } = figures.get(unit.id) ?? {};
      return { ...unit, successor: successor && { ...successor, __typename: undefined }, ...own };
    });
    return JSON.stringify({ data: { provinces } });
  };
}

/**
 * Every engine on the same replayed answers, interleaved request by request (a slower moment of
 * the machine costs every engine alike), with the floor and the directory's round trip timed in
 * the same rounds.
 */
async function compareEngines(options: GatewayCostOptions): Promise<EngineComparison> {
  const names: GatewayEngineName[] = ["apollo", ...(options.engines ?? ["hive", "hive-js"]).filter((e) => e !== "apollo")];
  const recorded: Recordings = new Map();
  const gateways: GatewayServer[] = [];
  const firstAnswer = new Map<GatewayEngineName, number>();
  try {
    for (const engine of names) {
      // The engine's modules are loaded by a first, untimed build: the figure is building, not importing.
      await (await startInProcessGateway(options, createReplayTransport(), engine)).stop();
      const started = performance.now();
      const gateway = await startInProcessGateway(options, createReplayTransport(recorded), engine);
      gateways.push(gateway);
      // The first answer records the provinces' answers over HTTP: the engine's cold path, provinces included.
      await ask(gateway, options.provinces.length);
      firstAnswer.set(engine, performance.now() - started);
    }
    const answers = await Promise.all(gateways.map((g) => g.server.handle({ body: comparativeBody })));
    const canonical = answers.map(({ status, body }, i) => JSON.stringify(readWholeAnswer(names[i]!, status, body, options.provinces.length)));
    const identicalData = canonical.every((c) => c === canonical[0]);
    for (let i = 0; i < options.warmup; i++) for (const gateway of gateways) await ask(gateway, options.provinces.length);

    // The floor's inputs: the directory's answer, and one recorded `_entities` answer per province (the first engine's).
    const directoryText = JSON.stringify(await postGraphQL(options.directoryUrl, { query: directoryQuery }, 60_000).then((e) => (e.ok ? { data: e.data } : Promise.reject(new Error(e.reason)))));
    const idOfUrl = new Map(options.provinces.map((p) => [p.url, p.id]));
    const provinceTexts = new Map<string, string>();
    for (const { url, text } of recorded.values()) {
      const id = idOfUrl.get(url);
      // Only the figures' answers: the data-version and contract checks are recorded too.
      if (id && !provinceTexts.has(id) && text.includes('"_entities"')) provinceTexts.set(id, text);
    }
    const floor = createFloor(directoryText, provinceTexts);
    JSON.parse(floor()); // checks it runs

    // The cached path: the first ask through the response cache keeps the answer, the next must be a hit.
    for (const gateway of gateways) {
      await gateway.handle({ body: comparativeBody });
      const again = JSON.parse((await gateway.handle({ body: comparativeBody })).body) as { extensions?: { freshness?: { fromCache?: boolean } } };
      if (again.extensions?.freshness?.fromCache !== true) throw new Error(`the ${gateway.server.engine} gateway's response cache did not answer the second ask`);
    }

    const samples = new Map<string, number[]>([...names, ...names.map((n) => `${n}:cached`), "floor", "directory"].map((n) => [n, []]));
    const steps: [string, () => Promise<unknown> | unknown][] = [
      ...gateways.map((g, i): [string, () => Promise<unknown>] => [names[i]!, () => g.server.handle({ body: comparativeBody })]),
      ...gateways.map((g, i): [string, () => Promise<unknown>] => [`${names[i]!}:cached`, () => g.respond({ body: comparativeBody })]),
      ["floor", floor],
      ["directory", () => postGraphQL(options.directoryUrl, { query: directoryQuery }, 60_000)],
    ];
    for (let round = 0; round < options.requests; round++) {
      for (let k = 0; k < steps.length; k++) {
        const [name, step] = steps[(round + k) % steps.length]!;
        const started = performance.now();
        await step();
        samples.get(name)!.push(performance.now() - started);
      }
    }
    // The last answers are checked too: nothing below was timed on an error.
    for (const gateway of gateways) await ask(gateway, options.provinces.length);

    const floorSummary = summarize(samples.get("floor")!);
    const summaries = new Map(names.map((n) => [n, summarize(samples.get(n)!)]));
    const apollo = summaries.get("apollo")!.medianMs;
    return {
      requests: options.requests,
      engines: names.map((engine, i) => ({
        engine,
        ownCost: summaries.get(engine)!,
        cachedOwnCost: summarize(samples.get(`${engine}:cached`)!),
        ratioToApollo: Math.round((summaries.get(engine)!.medianMs / apollo) * 100) / 100,
        ratioToFloor: Math.round((summaries.get(engine)!.medianMs / floorSummary.medianMs) * 100) / 100,
        firstAnswerInProcessMs: Math.round(firstAnswer.get(engine)! * 100) / 100,
        answerBytes: Buffer.byteLength(answers[i]!.body),
      })),
      floor: floorSummary,
      directoryRoundTrip: summarize(samples.get("directory")!),
      identicalData,
    };
  } finally {
    await Promise.all(gateways.map((g) => g.stop()));
  }
}

/**
 * The gateway's own cost, in this process, one request at a time: every engine with the
 * provinces' answers replayed in-process, then @apollo/gateway over HTTP with each request's
 * slowest province timed.
 */
export async function measureGatewayCost(options: GatewayCostOptions): Promise<GatewayCost> {
  const engines = await compareEngines(options);

  const timing = createTimingTransport();
  const total: number[] = [];
  const slowest: number[] = [];
  const added: number[] = [];
  const gateway = await startInProcessGateway(options, timing.transport, options.engines?.includes("hive") ? "hive" : "apollo");
  try {
    for (let i = 0; i < options.warmup; i++) await ask(gateway, options.provinces.length);
    for (let i = 0; i < options.requests; i++) {
      timing.takeSlowest();
      const started = performance.now();
      const { status, body } = await gateway.server.handle({ body: comparativeBody });
      const ms = performance.now() - started;
      const slowestMs = timing.takeSlowest();
      readWholeAnswer("the in-process gateway over HTTP", status, body, options.provinces.length);
      total.push(ms);
      slowest.push(slowestMs);
      added.push(ms - slowestMs);
    }
  } finally {
    await gateway.stop();
  }
  const inProcess = (engines.engines.find((e) => e.engine === "hive") ?? engines.engines.find((e) => e.engine === "apollo")!).ownCost;
  return { inProcess, overHttp: { total: summarize(total), slowestProvince: summarize(slowest), addedOverSlowest: summarize(added) }, engines };
}
