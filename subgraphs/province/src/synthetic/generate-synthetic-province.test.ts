import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readProvinceFiles } from "../import/read-province-files.ts";
import { generateSyntheticProvince } from "./generate-synthetic-province.ts";

describe("a synthetic province folder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-synthetic-"));
    await generateSyntheticProvince(dir, { provinceId: "synthetic-01", tasks: 30 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("passes the import's checks, its text included", async () => {
    const { data, problems } = await readProvinceFiles(dir);
    expect(problems).toEqual([]);
    const [document] = data!.documents;
    expect(document!.sha256).toBe(createHash("sha256").update(await readFile(join(dir, "texts", document!.file))).digest("hex"));
  });

  it("quotes every row verbatim from its document's text", async () => {
    const { data } = await readProvinceFiles(dir);
    const text = data!.documents[0]!.text!;
    const rows = [...data!.tasks, ...data!.taskFunding, ...data!.budgets, ...data!.qms, ...data!.indicators, ...data!.evidence];
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(text).toContain(row.quote);
  });
});
