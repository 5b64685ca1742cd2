import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts listening (port 0 picks a free port) and resolves to the URL of `path` on it. */
export function listenHttpServer(httpServer: Server, port: number, host: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => {
      const { port: actual } = httpServer.address() as AddressInfo;
      resolve(`http://127.0.0.1:${actual}${path}`);
    });
  });
}
