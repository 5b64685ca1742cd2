import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import { htmlSecurityHeaders, setHtmlSecurityHeaders } from "../graphiql/html-security-headers.ts";

/**
 * The comparison page's bundle, built by `npm run build` (vite, dashboard/). The same relative
 * path holds from gateway/src/dashboard/ (tsx) and gateway/dist/dashboard/ (node): both are three
 * levels below the repository's root.
 */
export const DASHBOARD_DIST = fileURLToPath(new URL("../../../dashboard/dist/", import.meta.url));

export interface DashboardRoutesOptions {
  /** The built bundle's folder; the workspace's dashboard/dist by default. */
  distDir?: string;
}

/**
 * GET /dashboard/: the ministry's comparison page, a static bundle that queries /graphql like any
 * client. Without a bundle (a checkout that never ran `npm run build`) it answers 503 and says how
 * to build one; the check is per request, so building while the gateway runs is enough.
 */
export function mountDashboard(app: Express, { distDir = DASHBOARD_DIST }: DashboardRoutesOptions = {}): void {
  // Vite names every asset by its content hash: cache them for good; index.html is always asked again.
  const assets = join(distDir, "assets");
  const serveBundle = express.static(distDir, {
    index: "index.html",
    setHeaders: (res, path) => {
      res.setHeader("Cache-Control", path.startsWith(assets) ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  // Vite's build has no inline script: everything from this server.
  const headers = htmlSecurityHeaders();
  app.use("/dashboard", (req, res, next) => {
    setHtmlSecurityHeaders(res, headers);
    if (!existsSync(join(distDir, "index.html"))) {
      res.status(503).type("text/plain").send("The dashboard is not built: run `npm run build` (or `npm run build -w @khcn/dashboard`), then reload.\n");
      return;
    }
    serveBundle(req, res, next);
  });
}
