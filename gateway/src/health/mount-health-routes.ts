import type { Express } from "express";
import type { StatusMonitor } from "../status/create-status-monitor.ts";
import { probeDirectory } from "../status/query-directory.ts";

export interface HealthRoutesOptions {
  directoryUrl: string;
  monitor: StatusMonitor;
  /** How long the directory has to answer the readiness probe. */
  timeoutMs: number;
}

/**
 * GET /health/live (and /health, the path every service of the image answers for its health
 * check): the process serves HTTP. GET /health/ready: 200 when the directory answers
 * now (without it no query has an entry point), else 503; the body also carries each province's
 * state (the last contract check's, its routing, and its circuit breaker's, live), which never
 * makes the gateway unready: a province down costs only its own figures.
 */
export function mountHealthRoutes(app: Express, { directoryUrl, monitor, timeoutMs }: HealthRoutesOptions): void {
  app.get(["/health", "/health/live"], (_req, res) => {
    res.json({ status: "live" });
  });
  app.get("/health/ready", async (_req, res) => {
    const directory = await probeDirectory(directoryUrl, timeoutMs);
    res.status(directory.ok ? 200 : 503).json({
      status: directory.ok ? "ready" : "unready",
      directory: directory.ok ? { url: directoryUrl, state: "ok" } : { url: directoryUrl, state: "unreachable", detail: directory.reason },
      provinces: monitor.provinceStatuses(),
      unrouted: monitor.unrouted(),
    });
  });
}
