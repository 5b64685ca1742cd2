#!/usr/bin/env node
// `npm start`: the whole federation on this machine, one process per service, as it runs for real:
// the directory, three province subgraphs (each on its own embedded SQLite database under
// subgraphs/province/.data/, loaded from its CSV files on first start) and the gateway.
// Ports: GATEWAY_PORT (4000), DIRECTORY_PORT (4001), LANG_SON_PORT (4101), LONG_AN_PORT (4102),
// BAC_GIANG_PORT (4103). SQLITE_DIR: where the provinces' database files live
// (subgraphs/province/.data). Ctrl-C stops them all; a service that fails at start-up stops the rest.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;

/** Each port and the variable that chose it, for messages. */
const portVariables = new Map();

function readPort(name, fallback) {
  const raw = process.env[name]?.trim();
  const port = raw ? Number(raw) : fallback;
  if (raw && (!/^\d+$/.test(raw) || port < 1 || port > 65535)) fail(`${name} must be a port between 1 and 65535, got "${raw}"`);
  portVariables.set(port, name);
  return port;
}

/**
 * Whether Node's fetch refuses the port outright (the Fetch standard's "bad ports", e.g. 6000 for
 * X11, which browsers refuse too): the health checks here, the gateway's calls and a browser opening
 * GraphiQL would all fail on it. Asked of fetch itself, so the list is always Node's own; the port is
 * free at this point, so a good one fails at once with ECONNREFUSED instead.
 */
async function fetchRefusesPort(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (error) {
    return error?.cause?.message === "bad port";
  }
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const provinces = [
  { id: "lang-son", name: "Lạng Sơn", port: readPort("LANG_SON_PORT", 4101) },
  { id: "long-an", name: "Long An", port: readPort("LONG_AN_PORT", 4102) },
  { id: "bac-giang", name: "Bắc Giang", port: readPort("BAC_GIANG_PORT", 4103) },
];
const directoryPort = readPort("DIRECTORY_PORT", 4001);
const sqliteDir = resolve(process.env.SQLITE_DIR?.trim() || join(root, "subgraphs/province/.data"));
const gatewayPort = readPort("GATEWAY_PORT", 4000);
const local = (port, path) => `http://127.0.0.1:${port}${path}`;

// Settings meant for one service must not leak from the caller's shell into all of them
// (a DATABASE_URL would put three provinces in one database).
const inherited = { ...process.env };
for (const name of ["PORT", "SQLITE_DIR", "DATABASE_URL", "DATABASE_SCHEMA", "SQLITE_FILE", "PROVINCE_ID", "PROVINCE_DATA_DIR", "DIRECTORY_URL", "PROVINCE_SUBGRAPHS"]) delete inherited[name];

/** @type {{ label: string; cwd: string; env: Record<string, string>; port: number; url: string; health: string }[]} */
const subgraphs = [
  { label: "directory", cwd: "subgraphs/directory", env: { PORT: String(directoryPort) }, port: directoryPort, url: local(directoryPort, "/graphql"), health: local(directoryPort, "/health") },
  ...provinces.map((p) => ({
    label: p.id,
    title: `province ${p.name}`,
    cwd: "subgraphs/province",
    env: { PROVINCE_ID: p.id, PORT: String(p.port), SQLITE_FILE: join(sqliteDir, `${p.id}.sqlite`) },
    port: p.port,
    url: local(p.port, "/graphql"),
    health: local(p.port, "/health"),
  })),
];
const gateway = {
  label: "gateway",
  cwd: "gateway",
  env: {
    PORT: String(gatewayPort),
    DIRECTORY_URL: local(directoryPort, "/graphql"),
    PROVINCE_SUBGRAPHS: provinces.map((p) => `${p.id}=${local(p.port, "/graphql")}`).join(","),
  },
  port: gatewayPort,
  url: local(gatewayPort, "/graphql"),
  health: local(gatewayPort, "/health/ready"),
};
const width = Math.max(...[...subgraphs, gateway].map((s) => s.label.length));

/** @type {Map<string, { child: import("node:child_process").ChildProcess; exited: Promise<unknown> }>} */
const running = new Map();
let stopping = false;

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function prefixLines(stream, label, write) {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) write(`${label.padEnd(width)} | ${line}\n`);
  });
  stream.on("end", () => buffered && write(`${label.padEnd(width)} | ${buffered}\n`));
}

/** The node flags a package asks its service to run with (package.json "nodeFlags"), as its start script does. */
function nodeFlagsOf(cwd) {
  return JSON.parse(readFileSync(new URL(`../${cwd}/package.json`, import.meta.url), "utf8")).nodeFlags ?? [];
}

function launch(service) {
  // Each service runs its own main.ts through tsx, as `npm run dev -w <package>` does, without
  // npm in between: signals reach the service itself. Its own process group keeps the terminal's
  // Ctrl-C to this launcher, which stops the gateway before the subgraphs.
  const child = spawn(process.execPath, [...nodeFlagsOf(service.cwd), "--conditions=@khcn/source", "--import", "tsx", "src/main.ts"], {
    cwd: new URL(`../${service.cwd}/`, import.meta.url),
    env: { ...inherited, ...service.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  prefixLines(child.stdout, service.label, (line) => process.stdout.write(line));
  prefixLines(child.stderr, service.label, (line) => process.stderr.write(line));
  const exited = once(child, "exit").then(([code, signal]) => {
    running.delete(service.label);
    if (!stopping) onUnexpectedExit(service, code, signal);
  });
  running.set(service.label, { child, exited });
  return exited;
}

let started = false;
function onUnexpectedExit(service, code, signal) {
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  if (!started) {
    console.error(`\nnpm start: ${service.label} ${how} during start-up; stopping the others.`);
    void stopAll(1);
  } else if (service.label === "gateway" || service.label === "directory") {
    console.error(`\nnpm start: ${service.label} ${how}; without it nothing can be queried, stopping the others.`);
    void stopAll(1);
  } else {
    console.error(`\nnpm start: ${service.label} ${how}; the gateway answers null for its figures, with a PROVINCE_UNAVAILABLE error, until it is back.`);
  }
}

async function waitHealthy(service) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    if (!running.has(service.label)) throw new Error(`${service.label} is not running`);
    try {
      const response = await fetch(service.health, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.label} was not healthy at ${service.health} within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopOne(label) {
  const entry = running.get(label);
  if (!entry) return;
  const { child, exited } = entry;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  await stopOne("gateway");
  await Promise.all([...running.keys()].map(stopOne));
  process.exit(exitCode);
}

// Whatever happens to this launcher, no service outlives it.
process.on("exit", () => {
  for (const { child } of running.values()) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
// `npm start` runs this under npm and sh; a SIGTERM to npm ends both without passing it on, which
// would leave this launcher and its services running. An orphaned launcher stops everything.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) {
    if (!stopping) console.log("\nnpm start: the parent process is gone, stopping every service…");
    void stopAll(0);
  }
}, 500).unref();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nnpm start: ${signal}, stopping every service…`);
    void stopAll(0);
  });
}

/**
 * The gateway serves the comparison page from dashboard/dist, which `npm run build` makes; a fresh
 * clone has none, so the first `npm start` builds it (a few seconds). A failed build costs only the
 * page: the gateway answers 503 at /dashboard and everything else starts.
 */
function buildDashboardIfMissing() {
  if (existsSync(join(root, "dashboard/dist/index.html"))) return;
  console.log("npm start: the comparison page is not built yet; building it (npm run build -w @khcn/dashboard)…");
  const build = spawnSync("npm", ["run", "build", "-w", "@khcn/dashboard"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (build.status !== 0) console.error(`npm start: the comparison page did not build; /dashboard will answer 503.\n${build.stdout ?? ""}${build.stderr ?? build.error?.message ?? ""}`);
}

async function main() {
  const refused = [];
  for (const service of [...subgraphs, gateway]) if (await fetchRefusesPort(service.port)) refused.push(`${portVariables.get(service.port)}=${service.port} (${service.label})`);
  if (refused.length) {
    fail(
      `${refused.join(", ")}: Node's fetch (and every browser) refuses ${refused.length > 1 ? "these ports" : "this port"} as unsafe (the Fetch standard's "bad ports"), so the services could not reach each other there. Choose another, e.g. 4000–4999.`,
    );
  }

  const busy = [];
  for (const service of [...subgraphs, gateway]) if (!(await portIsFree(service.port))) busy.push(`${service.label} (${service.port})`);
  if (busy.length) fail(`port already in use: ${busy.join(", ")}. Stop what holds it, or choose others with GATEWAY_PORT, DIRECTORY_PORT, LANG_SON_PORT, LONG_AN_PORT, BAC_GIANG_PORT.`);

  buildDashboardIfMissing();
  console.log("npm start: starting the directory and the three provinces (the first start loads each province's data)…");
  for (const service of subgraphs) launch(service);
  await Promise.all(subgraphs.map(waitHealthy));
  if (stopping) return;
  console.log("npm start: starting the gateway…");
  launch(gateway);
  await waitHealthy(gateway);
  if (stopping) return;
  started = true;

  const rows = [...subgraphs, gateway].map((s) => [s.title ?? s.label, s.url.replace("127.0.0.1", "localhost"), String(s.port)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ["service", "URL", "port"][i].length));
  const line = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join("   ")}`;
  console.log(`\nKH&CN federation is up:\n${line(["service", "URL", "port"])}\n${rows.map(line).join("\n")}`);
  console.log(`\n  GraphiQL: http://localhost:${gatewayPort}/   readiness: http://localhost:${gatewayPort}/health/ready`);
  console.log(`  The ministry's comparison page: http://localhost:${gatewayPort}/dashboard/`);
  console.log("  Press Ctrl-C to stop every service.\n");
}

main().catch((error) => {
  if (stopping) return;
  console.error(`\nnpm start: ${error.message}; stopping the others.`);
  void stopAll(1);
});
