import { createHash } from "node:crypto";
import type { Response } from "express";

/** The hash a Content-Security-Policy allows one inline script by, e.g. `'sha256-…'`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/** Every inline `<script>` (without `src`) of an HTML page, as the browser hashes it. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

export interface HtmlSecurityOptions {
  /** Inline scripts the page runs; each is allowed by its hash, nothing else inline is. */
  inlineScripts?: readonly string[];
}

/**
 * The headers of the gateway's HTML pages (GraphiQL, the comparison page): scripts, styles, fonts,
 * images and requests from this server only (`'unsafe-inline'` styles: GraphiQL and React set style
 * attributes; fonts and images also as data: URLs, which GraphiQL's stylesheet inlines), no framing
 * by other sites, no MIME sniffing, and no Referer to other origins.
 */
export function htmlSecurityHeaders({ inlineScripts = [] }: HtmlSecurityOptions = {}): Record<string, string> {
  const scripts = ["'self'", ...inlineScripts.map(scriptHash)].join(" ");
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src ${scripts}`,
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
  };
}

/** Sets htmlSecurityHeaders on a response. */
export function setHtmlSecurityHeaders(res: Response, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
