import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { files } from "../import/row-schemas.ts";

export interface SyntheticProvinceOptions {
  provinceId: string;
  /** Tasks to write; budgets, QMS rows and indicators scale with it. */
  tasks: number;
  /** Seed for the pseudo-random figures, so two runs write the same files. */
  seed?: number;
}

export const SYNTHETIC_MARK = "SYNTHETIC";

/** Small, seeded PRNG (mulberry32): reproducible figures without a dependency. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function toCsv(file: keyof typeof files, rows: Record<string, string | number | boolean | null>[]): string {
  const columns = Object.keys(files[file].shape);
  return stringify(rows.map((row) => columns.map((c) => String(row[c] ?? ""))), { header: true, columns });
}

/**
 * Writes a province folder of made-up records with the shapes and proportions of the real ones
 * (tasks with funding splits and evidence, yearly budgets by phase and source, QMS tiers,
 * indicators with breakdowns), for measuring scale. Every document and note says SYNTHETIC, and
 * `npm start` never serves these folders.
 */
export async function generateSyntheticProvince(dir: string, options: SyntheticProvinceOptions): Promise<void> {
  const random = createRandom(options.seed ?? 1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const docId = "synthetic-plan";
  const note = `${SYNTHETIC_MARK}: generated for benchmarks, not a real figure`;
  const sourced = (quote: string) => ({ document: docId, section: "S.1", quote, note });
  const years = [2022, 2023, 2024];

  const tasks = [];
  const funding = [];
  const evidence = [];
  // Key tasks are numbered lists per year and setter, as in a real key-task plan, so that they give
  // key-task counts (Province.figures) whose size grows with the folder. No random draw is added:
  // the figures of earlier folders stay as they were.
  const setters = ["Chủ tịch UBND tỉnh", "Giám đốc Sở (đăng ký)"] as const;
  const listed = new Map<string, number>();
  for (let i = 1; i <= options.tasks; i++) {
    const id = `syn-task-${i}`;
    const cost = int(1_000, 30_000) * 1_000_000;
    const target = int(1, 50);
    const kind = i % 3 === 0 ? "PROJECT" : "KEY_TASK";
    const year = pick(years);
    const setter = i % 2;
    const item = kind === "KEY_TASK" ? (listed.get(`${year}:${setter}`) ?? 0) + 1 : 0;
    if (kind === "KEY_TASK") listed.set(`${year}:${setter}`, item);
    tasks.push({
      id,
      year,
      kind,
      level: kind === "PROJECT" ? pick(["NATIONAL", "PROVINCIAL", "GRASSROOTS"]) : null,
      title: `Nhiệm vụ tổng hợp số ${i}`,
      field: pick(["nông nghiệp", "khoa học xã hội và nhân văn", "y dược", "kỹ thuật - công nghệ"]),
      lead_unit: pick(["Phòng Quản lý khoa học", "Phòng Kế hoạch và Quản lý chuyên ngành", "Trung tâm Ứng dụng KH&CN"]),
      start: "2023-01",
      due: `2024-${String(int(1, 12)).padStart(2, "0")}`,
      expected_result: `Kết quả của nhiệm vụ ${i}`,
      target_quantity: target,
      target_unit: "mô hình",
      total_cost_vnd: kind === "PROJECT" ? cost : null,
      status: pick(["PLANNED", "ONGOING", "COMPLETED"]),
      ...sourced(`Nhiệm vụ ${i}: ${target} mô hình, tổng kinh phí ${cost / 1_000_000} triệu đồng.`),
      ...(kind === "KEY_TASK" ? { assigned_by: setters[setter], section: `II.${setter + 1}.${item}` } : {}),
    });
    if (kind === "PROJECT") {
      const central = Math.floor(cost * 0.6 / 1_000_000) * 1_000_000;
      funding.push({ task: id, funding_source: "CENTRAL", amount_vnd: central, ...sourced(`Trung ương ${central / 1_000_000} triệu đồng.`) });
      funding.push({ task: id, funding_source: "LOCAL", amount_vnd: cost - central, ...sourced(`Địa phương ${(cost - central) / 1_000_000} triệu đồng.`) });
    }
    if (i % 4 === 0) evidence.push({ record: `tasks:${id}`, ...sourced(`Nhiệm vụ ${i} được nhắc lại ở mục khác.`) });
  }
  const budgets = years.flatMap((year) =>
    (["REQUESTED", "ALLOCATED", "DISBURSED"] as const).flatMap((phase) =>
      (["CENTRAL", "LOCAL"] as const).map((source) => {
        const amount = int(5_000, 60_000) * 1_000_000;
        return {
          id: `syn-budget-${year}-${phase.toLowerCase()}-${source.toLowerCase()}`,
          year,
          phase,
          funding_source: source,
          purpose: "sự nghiệp khoa học và công nghệ",
          amount_vnd: amount,
          amount_as_written: `${amount / 1_000_000} triệu đồng`,
          ...sourced(`Kinh phí ${amount / 1_000_000} triệu đồng.`),
        };
      }),
    ),
  );
  const qms = years.flatMap((year) =>
    (["PROVINCIAL_DISTRICT", "COMMUNE", "OTHER"] as const).map((tier) => {
      const total = tier === "COMMUNE" ? int(100, 250) : int(20, 50);
      const applying = int(Math.floor(total * 0.8), total);
      return { id: `syn-qms-${year}-${tier.toLowerCase().replaceAll("_", "-")}`, year, tier, status: "REPORTED", applying, total, standard: "TCVN ISO 9001:2015", ...sourced(`${applying}/${total} cơ quan.`) };
    }),
  );
  const indicatorCount = Math.max(10, Math.floor(options.tasks / 2));
  const indicators = [];
  for (let i = 1; i <= indicatorCount; i++) {
    const denominator = int(50, 400);
    const numerator = int(0, denominator);
    indicators.push({
      id: `syn-ind-${i}`,
      code: pick(["local.inspections.facilities", "local.ip.products_supported", "local.st_enterprises.count", "local.tasks.provincial"]),
      name: `Chỉ tiêu tổng hợp ${i}`,
      category: pick(["INSPECTION", "IP", "ENTERPRISES", "TASKS"]),
      year: pick(years),
      target: random() < 0.3,
      value: numerator,
      numerator,
      denominator,
      unit: "cơ sở",
      parent: i > 10 && i % 5 === 0 ? `syn-ind-${int(1, 10)}` : null,
      ...sourced(`${numerator}/${denominator} cơ sở.`),
    });
  }
  // One figure of a catalogue measure a year, as a real province's indicators.csv carries a few.
  for (const year of years) {
    const organisations = 5 + (year % 7);
    indicators.push({
      id: `syn-ind-st-organisations-${year}`,
      code: "vn.khcn.org.st_organisations",
      name: "Tổ chức khoa học và công nghệ",
      category: "ENTERPRISES",
      year,
      target: false,
      value: organisations,
      unit: "organisation",
      ...sourced(`Tổng số tổ chức khoa học và công nghệ năm ${year} là ${organisations} tổ chức.`),
    });
  }
  // The document's text is every quote it is cited for, one a line: as in a real province's folder,
  // each row's quote is a verbatim span of its document's text, and a client asking for the text
  // gets one the size of what it quotes.
  const quotes = new Set([...tasks, ...funding, ...evidence, ...budgets, ...qms, ...indicators].map((row) => row.quote));
  const text = [`${SYNTHETIC_MARK} plan of ${options.provinceId}: generated for benchmarks, not a real document.`, ...quotes].join("\n") + "\n";
  const textFile = "synthetic-plan.txt";
  const documents = [
    {
      id: docId,
      number: null,
      title: `${SYNTHETIC_MARK} plan of ${options.provinceId}: generated for benchmarks`,
      kind: "Kế hoạch",
      issuer: `${SYNTHETIC_MARK} generator`,
      issued_on: "2024",
      file: textFile,
      sha256: createHash("sha256").update(text, "utf8").digest("hex"),
      truncated: false,
      note,
    },
  ];
  await mkdir(join(dir, "texts"), { recursive: true });
  await Promise.all([
    writeFile(join(dir, "texts", textFile), text),
    writeFile(join(dir, "documents.csv"), toCsv("documents", documents)),
    writeFile(join(dir, "tasks.csv"), toCsv("tasks", tasks)),
    writeFile(join(dir, "task_funding.csv"), toCsv("task_funding", funding)),
    writeFile(join(dir, "budgets.csv"), toCsv("budgets", budgets)),
    writeFile(join(dir, "qms.csv"), toCsv("qms", qms)),
    writeFile(join(dir, "indicators.csv"), toCsv("indicators", indicators)),
    writeFile(join(dir, "evidence.csv"), toCsv("evidence", evidence)),
    writeFile(join(dir, "README.md"), `# ${SYNTHETIC_MARK} data\n\nGenerated for benchmarks (${options.tasks} tasks, seed ${options.seed ?? 1}). Not real figures; never served by \`npm start\`.\n`),
  ]);
}
