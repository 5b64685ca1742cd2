import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  /** A GraphQL URL on the proxy; requests go on to the target's. */
  url: string;
  /** Requests that reached the proxy, i.e. that the gateway sent to this province. */
  requests(): number;
  /** `_entities` requests among them (the contract check's are not counted here). */
  entityRequests(): number;
  /** The `x-request-id` of each request, in order (undefined: none was sent); it is passed on to the target. */
  requestIds(): (string | undefined)[];
  /** The same, of the `_entities` requests only. */
  entityRequestIds(): (string | undefined)[];
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

/**
 * A province's address in front of its real server, counting what the gateway asks it. While the
 * server is down (killed), the proxy drops the connection as the dead server would, so the gateway
 * sees the province unreachable.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  let requests = 0;
  let entityRequests = 0;
  const requestIds: (string | undefined)[] = [];
  const entityRequestIds: (string | undefined)[] = [];
  const server = createServer(async (req, res) => {
    requests += 1;
    const body = await readBody(req);
    const requestId = req.headers["x-request-id"] as string | undefined;
    requestIds.push(requestId);
    if (body.includes("_entities")) {
      entityRequests += 1;
      entityRequestIds.push(requestId);
    }
    try {
      const headers = { "content-type": "application/json", accept: req.headers.accept ?? "application/json", ...(requestId ? { "x-request-id": requestId } : {}) };
      const answer = await fetch(targetUrl, { method: "POST", headers, body });
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(await answer.text());
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    entityRequests: () => entityRequests,
    requestIds: () => [...requestIds],
    entityRequestIds: () => [...entityRequestIds],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
