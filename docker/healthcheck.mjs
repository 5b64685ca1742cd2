// The image's HEALTHCHECK: every service (gateway, directory, province, host) answers GET /health
// on its PORT with 2xx while it serves. The gateway's default port when PORT is unset.
const port = process.env.PORT || "4000";
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
