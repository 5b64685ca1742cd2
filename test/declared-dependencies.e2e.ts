import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const knipBin = join(repoRoot, "node_modules", ".bin", "knip");

interface KnipReport {
  issues: { file: string; dependencies?: { name: string }[]; devDependencies?: { name: string }[]; unlisted?: { name: string }[]; unresolved?: { name: string }[] }[];
}

/** knip's findings on dependencies in `cwd`: undeclared imports, unused declarations, unresolvable imports. */
async function findDependencyIssues(cwd: string): Promise<string[]> {
  const run = promisify(execFile);
  const args = ["--include", "dependencies,unlisted,unresolved,binaries", "--reporter", "json", "--no-progress"];
  // knip exits 1 when it finds something; its JSON report is on stdout either way.
  const { stdout } = await run(knipBin, args, { cwd, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    if (!error.stdout) throw error;
    return { stdout: error.stdout };
  });
  const report = JSON.parse(stdout) as KnipReport;
  return report.issues.flatMap((issue) =>
    (["dependencies", "devDependencies", "unlisted", "unresolved"] as const).flatMap((kind) => (issue[kind] ?? []).map(({ name }) => `${issue.file}: ${kind} ${name}`)),
  );
}

describe("every workspace declares what it imports, and nothing more", () => {
  it("holds for this repository", async () => {
    expect(await findDependencyIssues(repoRoot)).toEqual([]);
  }, 120_000);

  it("is caught when a workspace imports a package only another workspace declares", async () => {
    const dir = await mkdtemp(join(tmpdir(), "khcn-deps-"));
    try {
      await writeFile(join(dir, "package.json"), JSON.stringify({ name: "fixture", private: true, type: "module", workspaces: ["packages/*"] }));
      for (const [name, dependencies, source] of [
        ["a", { zod: "^4.0.0" }, 'import { z } from "zod";\nexport const schema = z.string();\n'],
        ["b", {}, 'import { z } from "zod";\nexport const schema = z.number();\n'],
      ] as const) {
        const folder = join(dir, "packages", name);
        await mkdir(join(folder, "src"), { recursive: true });
        await writeFile(join(folder, "package.json"), JSON.stringify({ name: `@fixture/${name}`, version: "1.0.0", private: true, type: "module", exports: "./src/index.ts", dependencies }));
        await writeFile(join(folder, "src", "index.ts"), source);
      }
      // Installed as npm would: hoisted to the root, so b's import resolves, which is why it goes unnoticed at run time.
      await mkdir(join(dir, "node_modules", "zod"), { recursive: true });
      await writeFile(join(dir, "node_modules", "zod", "package.json"), JSON.stringify({ name: "zod", version: "4.0.0", type: "module", exports: "./index.js" }));
      await writeFile(join(dir, "node_modules", "zod", "index.js"), "export const z = {};\n");
      expect(await findDependencyIssues(dir)).toEqual(["packages/b/src/index.ts: unlisted zod"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
