import { execFile } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.ts";
import { postQuery } from "./helpers/start-system.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const packages = { directory: "subgraphs/directory", province: "subgraphs/province", gateway: "gateway", shared: "shared" } as const;
const TOOLING = ["tsx", "typescript", "vitest", "esbuild", "@types/node"];

/*
 * Production runs what `npm run build` compiled, with node alone: no loader, no TypeScript tooling.
 * The services here are started as the Dockerfile starts them, then asked the dashboard's query.
 */
describe("the production build", () => {
  const services: ServiceProcess[] = [];
  let workDir: string;

  beforeAll(async () => {
    await promisify(execFile)("npm", ["run", "build"], { cwd: repoRoot });
    workDir = await mkdtemp(join(tmpdir(), "khcn-built-"));
  }, 180_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("declares no TypeScript tooling as a dependency of any service", async () => {
    for (const folder of Object.values(packages)) {
      const { dependencies = {} } = JSON.parse(await readFile(join(repoRoot, folder, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
      expect(Object.keys(dependencies).filter((name) => TOOLING.includes(name)), folder).toEqual([]);
    }
  });

  it("starts with node dist/main.js and answers the comparative query", async () => {
    const asDeployed = { NODE_ENV: "production" };
    const start = (label: string, folder: string, env: Record<string, string>, healthPath = "/health") =>
      startServiceProcess({ label, cwd: join(repoRoot, folder), entry: "dist/main.js", env: { ...asDeployed, ...env }, healthPath }).then((service) => {
        services.push(service);
        return service;
      });
    const [directory, province] = await Promise.all([
      start("directory", packages.directory, {}),
      start("province long-an", packages.province, { PROVINCE_ID: "long-an", SQLITE_FILE: join(workDir, "long-an.sqlite") }),
    ]);
    const gateway = await start(
      "gateway",
      packages.gateway,
      {
        DIRECTORY_URL: `${directory.origin}/graphql`,
        PROVINCE_SUBGRAPHS: `long-an=${province.origin}/graphql`,
        CONTRACT_CHECK_INTERVAL_MS: "0",
      },
      "/health/ready",
    );
    // Started without tsx: the command line holds no loader.
    for (const service of services) expect(service.child.spawnargs.join(" ")).not.toMatch(/tsx|--conditions/);

    const answer = await postQuery<ComparativeAnswer>(`${gateway.origin}/graphql`, await readComparativeQuery());
    const longAn = provinceOf(answer.data, "long-an");
    expect(longAn.qmsCoverage).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2023, applying: 41, total: 41 })]));
    expect(longAn.budgets?.length).toBeGreaterThan(0);
    // Lạng Sơn and Bắc Giang have no route here: they are absent, not an error of the build.
    expect(provinceOf(answer.data, "lang-son").qmsCoverage).toBeNull();
    // The build bundled the comparison page, and the compiled gateway finds it from dist/.
    const dashboard = await fetch(`${gateway.origin}/dashboard/`);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("/dashboard/assets/");
  }, 120_000);
});
