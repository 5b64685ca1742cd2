import { createServer, type Socket } from "node:net";

export interface HangingServer {
  /** A GraphQL URL on it. */
  url: string;
  /** HTTP requests received so far (their first line), over every connection. */
  requests(): number;
  /** Connections open now: a caller that gives up closes its own. */
  openConnections(): number;
  stop(): Promise<void>;
}

/** A province that hangs: a real TCP server that accepts every connection and never answers. */
export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    // Read each request, answer nothing.
    socket.on("data", (chunk: Buffer) => {
      requests += chunk.toString("latin1").match(/^(POST|GET) \S+ HTTP\/1\.1\r$/gm)?.length ?? 0;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    requests: () => requests,
    openConnections: () => sockets.size,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
