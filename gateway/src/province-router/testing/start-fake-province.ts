import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { execute, parse } from "graphql";
import { request as undiciRequest } from "undici";

/** A GraphQL request as the fake received it. */
export interface FakeRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** An answer as JSON (a GraphQL result), or raw: any text with any status, or `bytes` bytes streamed without end. */
export type FakeReply = { json: unknown; status?: number } | { text: string; status?: number } | { streamBytes: number };

/** Changes an honest answer: edits it in place (nothing returned), or returns a reply of its own. */
export type Misbehaviour = (answer: { data?: { _entities?: Record<string, unknown>[] } | null; errors?: unknown[] }, request: FakeRequest) => FakeReply | void;

export interface FakeProvince {
  url: string;
  /** Every GraphQL request received, parsed. */
  requests: FakeRequest[];
  /** Streamed answers whose reader closed the connection before the last byte. */
  abortedStreams(): number;
  /** How the next answers are changed; undefined: honest. */
  misbehave(misbehaviour: Misbehaviour | undefined): void;
  stop(): Promise<void>;
}

export interface FakeProvinceOptions {
  /** The honest answer to a request: see `executeOn` and `forwardTo`. */
  answer: (request: FakeRequest) => Promise<unknown>;
  misbehaviour?: Misbehaviour;
}

/**
 * Honest answers from a subgraph of the contract whose every Province is `province` (whatever id
 * was asked for, as a misrouted or forging server would answer), executed by graphql-js.
 */
export function executeOn(contractSdl: string, province: Record<string, unknown>): FakeProvinceOptions["answer"] {
  const schema = buildSubgraphSchema({ typeDefs: parse(contractSdl), resolvers: { Province: { __resolveReference: () => province } } as never });
  return async ({ query, variables, operationName }) => execute({ schema, document: parse(query), variableValues: variables, operationName });
}

/** Honest answers from a real province server: the fake is a proxy that can tamper with them. */
export function forwardTo(url: string): FakeProvinceOptions["answer"] {
  return async (request) => {
    const response = await undiciRequest(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
    return response.body.json();
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function streamBytes(res: ServerResponse, total: number, onAbort: () => void): void {
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.from(`{"data":{"_entities":[{"note":"${"x".repeat(64 * 1024)}`);
  let sent = 0;
  const write = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    res.end('"}]}}');
  };
  res.on("close", () => {
    if (!res.writableFinished) onAbort();
  });
  write();
}

/**
 * A province that misbehaves: a real HTTP server on a free port that answers GraphQL POSTs with
 * an honest answer (executed on the contract, or forwarded to a real province) changed by the
 * current misbehaviour. Not a mock of the router: the router reaches it over HTTP like any province.
 */
export async function startFakeProvince({ answer, misbehaviour }: FakeProvinceOptions): Promise<FakeProvince> {
  let current = misbehaviour;
  let aborted = 0;
  const requests: FakeRequest[] = [];
  const server = createServer(async (req, res) => {
    try {
      const request = JSON.parse(await readBody(req)) as FakeRequest;
      requests.push(request);
      const honest = (await answer(request)) as Parameters<Misbehaviour>[0];
      // A deep copy, so a misbehaviour may edit it freely.
      const copy = JSON.parse(JSON.stringify(honest)) as Parameters<Misbehaviour>[0];
      const reply: FakeReply = current?.(copy, request) ?? { json: copy };
      if ("streamBytes" in reply) return streamBytes(res, reply.streamBytes, () => aborted++);
      const text = "json" in reply ? JSON.stringify(reply.json) : reply.text;
      res.writeHead(reply.status ?? 200, { "content-type": "json" in reply ? "application/json" : "text/plain" }).end(text);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(`fake province failed: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    abortedStreams: () => aborted,
    misbehave: (next) => {
      current = next;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
