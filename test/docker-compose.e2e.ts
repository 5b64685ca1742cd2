import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseProvinceSubgraphs } from "@khcn/gateway";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs here: this checks what can be checked from the files alone.
const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const built = services.filter(([, s]) => s.build !== undefined);

const rootPackage = JSON.parse(read("package.json")) as { workspaces: string[] };
const workspaces = new Map(
  rootPackage.workspaces.map((dir) => {
    const pkg = JSON.parse(read(join(dir, "package.json"))) as { name: string; scripts?: Record<string, string> };
    return [pkg.name, { dir, scripts: pkg.scripts ?? {} }];
  }),
);

const dockerfileCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1] ?? "[]") as string[];

/** `npm run start -w @khcn/province` → the package and the script. */
function npmScriptOf(command: string[]): { packageName: string; script: string } {
  const [npm, run, script, flag, packageName] = command;
  expect([npm, run, flag]).toEqual(["npm", "run", "-w"]);
  return { packageName: packageName!, script: script! };
}

/** The environment variables a package's config reads: the names passed to the shared readers. */
function configNamesOf(packageDir: string): Set<string> {
  const source = read(join(packageDir, "src/config.ts"));
  return new Set([...source.matchAll(/read\w*\(\s*env,\s*"([A-Z0-9_]+)"/g)].map((m) => m[1]!));
}

const portOf = (service: Service) => Number(service.environment?.PORT);

describe("docker-compose.yml, checked without a Docker engine", () => {
  it("runs PostgreSQL, the three provinces, the directory and the gateway", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["bac-giang", "directory", "gateway", "lang-son", "long-an", "postgres"]);
  });

  it.each(built)("%s: its build context and Dockerfile exist", (_name, service) => {
    const build = typeof service.build === "string" ? { context: service.build } : service.build!;
    const context = join(root, build.context ?? ".");
    expect(existsSync(context)).toBe(true);
    expect(existsSync(join(context, build.dockerfile ?? "Dockerfile"))).toBe(true);
  });

  it("the Dockerfile installs every workspace (npm ci needs each one's package.json)", () => {
    const dockerfile = read("Dockerfile");
    for (const { dir } of workspaces.values()) expect(dockerfile).toContain(`COPY ${dir}/package.json ${dir}/`);
  });

  it.each(built)("%s: its command is a script of the package it names, running the built JavaScript", (_name, service) => {
    const { packageName, script } = npmScriptOf(service.command ?? dockerfileCmd);
    expect(workspaces.has(packageName), `${packageName} is a workspace`).toBe(true);
    expect(Object.keys(workspaces.get(packageName)!.scripts)).toContain(script);
    expect(workspaces.get(packageName)!.scripts[script]).toMatch(/^node (--[\w=-]+ )*dist\/[\w/-]+\.js$/);
  });

  it("the image builds on the current Node LTS, keeps production dependencies only, runs as a non-root user, with a health check", () => {
    const dockerfile = read("Dockerfile");
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    // Node 26 is the Active LTS line from October 2026 (Node 24 is in maintenance).
    expect(bases.length).toBeGreaterThan(1);
    for (const base of bases) expect(base).toMatch(/^node:26-/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(finalStage).toMatch(/^USER node$/m);
    const healthcheck = /^HEALTHCHECK .*CMD \["node", "([^"]+)"\]$/m.exec(finalStage);
    expect(healthcheck, "a HEALTHCHECK run with node").not.toBeNull();
    expect(existsSync(join(root, healthcheck![1]!))).toBe(true);
    expect(read(".dockerignore")).toMatch(/^\*\*\/dist$/m);
  });

  it.each(built)("%s: sets only environment variables its config reads", (_name, service) => {
    const { packageName } = npmScriptOf(service.command ?? dockerfileCmd);
    const read = configNamesOf(workspaces.get(packageName)!.dir);
    expect(Object.keys(service.environment ?? {}).filter((name) => !read.has(name))).toEqual([]);
  });

  it.each(built)("%s: its health check asks its own port, with node (the image has no curl)", (_name, service) => {
    const test = service.healthcheck?.test.join(" ") ?? "";
    expect(test).toMatch(/^CMD node -e /);
    expect(Number(/127\.0\.0\.1:(\d+)\/health/.exec(test)?.[1])).toBe(portOf(service));
  });

  it("publishes no host port twice", () => {
    const hostPorts = services.flatMap(([, s]) => (s.ports ?? []).map((p) => p.split(":").slice(-2, -1)[0] ?? p));
    expect(hostPorts.length).toBeGreaterThan(0);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it("publishes each service's own port", () => {
    for (const [, service] of built) for (const port of service.ports ?? []) expect(Number(port.split(":").at(-1))).toBe(portOf(service));
  });

  it("every depends_on names a service with a health check", () => {
    for (const [name, service] of services) {
      for (const target of Object.keys(service.depends_on ?? {})) {
        expect(compose.services[target], `${name} depends on ${target}`).toBeDefined();
        expect(compose.services[target]!.healthcheck, `${target} has a health check`).toBeDefined();
      }
    }
  });

  it("gives each province its own database, created by the PostgreSQL init script", () => {
    const init = read("docker/postgres/create-province-databases.sql");
    const provinces = built.filter(([, s]) => s.environment?.PROVINCE_ID);
    const databases = provinces.map(([, s]) => new URL(s.environment!.DATABASE_URL!.replace(/\$\{[^}]*\}/g, "secret")).pathname.slice(1));
    expect(new Set(databases).size).toBe(3);
    for (const database of databases) expect(init).toContain(`CREATE DATABASE ${database};`);
    for (const volume of compose.services.postgres!.volumes ?? []) {
      const host = volume.split(":")[0]!;
      if (host.startsWith(".")) expect(existsSync(join(root, host))).toBe(true);
    }
  });

  it("routes the gateway to the directory and to every province service, on their ports", () => {
    const gateway = compose.services.gateway!.environment!;
    const directory = new URL(gateway.DIRECTORY_URL!);
    expect(Number(directory.port)).toBe(portOf(compose.services[directory.hostname]!));
    const routes = parseProvinceSubgraphs(gateway.PROVINCE_SUBGRAPHS!);
    for (const { id, url } of routes) {
      const target = compose.services[new URL(url).hostname];
      expect(target?.environment?.PROVINCE_ID).toBe(id);
      expect(Number(new URL(url).port)).toBe(portOf(target!));
    }
    expect(routes.map((r) => r.id).sort()).toEqual(["bac-giang", "lang-son", "long-an"]);
  });
});
