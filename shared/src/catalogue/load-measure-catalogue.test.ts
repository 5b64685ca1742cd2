import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CatalogueValidationError,
  defaultCatalogueFile,
  findMeasure,
  isLocalCode,
  loadMeasureCatalogue,
  validateMeasureCatalogue,
} from "./load-measure-catalogue.ts";
import type { MeasureCatalogue } from "./measure.ts";

const tier = {
  id: "qmsTier",
  nameVi: "Nhóm cơ quan",
  nameEn: "QMS tier",
  values: [
    { code: "PROVINCIAL_DISTRICT", nameVi: "Cấp tỉnh, cấp huyện", nameEn: "Provincial and district" },
    { code: "COMMUNE", nameVi: "Cấp xã", nameEn: "Commune" },
  ],
};
const coverage = {
  code: "vn.khcn.qms.coverage",
  nameVi: "Tỷ lệ cơ quan áp dụng ISO 9001",
  nameEn: "ISO 9001 coverage",
  definition: "Agencies applying ISO 9001 over agencies in scope.",
  unit: "agency",
  valueType: "RATIO",
  periodType: "INSTANT",
  aggregation: "RATIO_OF_SUMS",
  dimensions: ["qmsTier"],
  officialCodes: [],
  note: null,
};
const organisations = {
  code: "vn.khcn.org.st_organisations",
  nameVi: "Số tổ chức khoa học và công nghệ",
  nameEn: "S&T organisations",
  definition: "S&T organisations at the reference date.",
  unit: "organisation",
  valueType: "COUNT",
  periodType: "INSTANT",
  aggregation: "SUM",
  dimensions: [],
  officialCodes: [{ code: "0101", system: "Circular 14/2015/TT-BKHCN, indicator 0101", url: "https://example.gov.vn/chi-tieu" }],
  note: null,
};
const valid = { version: "2026.1", dimensions: [tier], measures: [coverage, organisations] };

function problemsOf(data: unknown): readonly string[] {
  try {
    validateMeasureCatalogue(data, "test.json");
  } catch (error) {
    if (error instanceof CatalogueValidationError) return error.problems;
    throw error;
  }
  throw new Error("the catalogue was accepted");
}

/** The valid catalogue with one measure changed. */
function withMeasure(index: number, change: Record<string, unknown>) {
  return { ...valid, measures: valid.measures.map((m, i) => (i === index ? { ...m, ...change } : m)) };
}

describe("the committed catalogue", () => {
  const catalogue = loadMeasureCatalogue();

  it("is read from shared/catalogue/measures.json and validates, at version 2026.1", () => {
    expect(defaultCatalogueFile.replaceAll("\\", "/")).toMatch(/\/shared\/catalogue\/measures\.json$/);
    expect(catalogue.version).toBe("2026.1");
    expect(catalogue.measures.length).toBeGreaterThan(0);
  });

  it("measures QMS coverage as one ratio of sums by the three tiers", () => {
    expect(findMeasure(catalogue, "vn.khcn.qms.coverage")).toMatchObject({
      valueType: "RATIO",
      aggregation: "RATIO_OF_SUMS",
      periodType: "INSTANT",
      unit: "agency",
      dimensions: ["qmsTier"],
    });
    const tiers = catalogue.dimensions.find((d) => d.id === "qmsTier");
    expect(tiers?.values.map((v) => v.code)).toEqual(["PROVINCIAL_DISTRICT", "COMMUNE", "OTHER"]);
  });

  it("keeps S&T funds in đồng per year, and key tasks untotalled with the reason given", () => {
    expect(findMeasure(catalogue, "vn.khcn.budget.st_funds")).toMatchObject({
      valueType: "MONEY_VND",
      unit: "VND",
      periodType: "YEAR",
      aggregation: "SUM",
      dimensions: ["budgetPhase", "fundingSource"],
    });
    const keyTasks = findMeasure(catalogue, "vn.khcn.keytask.count");
    expect(keyTasks).toMatchObject({ valueType: "COUNT", unit: "task", periodType: "YEAR", aggregation: "NONE" });
    expect(keyTasks?.note).toMatch(/\w/);
  });

  it("has no task-lifetime money: a task's approved cost is not a yearly figure", () => {
    expect(findMeasure(catalogue, "vn.khcn.task.approved_cost")).toBeUndefined();
    expect(new Set(catalogue.measures.map((m) => m.periodType))).toEqual(new Set(["YEAR", "INSTANT"]));
  });

  it("names a Vietnamese name with diacritics for every measure", () => {
    for (const measure of catalogue.measures) expect(measure.nameVi, measure.code).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
  });

  it("gives no code to a local name, and finds nothing for one", () => {
    expect(findMeasure(catalogue, "local.tasks.national.count")).toBeUndefined();
    expect(findMeasure(catalogue, "vn.khcn.no.such_measure")).toBeUndefined();
  });
});

describe("loading a file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "catalogue-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("returns a valid file's catalogue", async () => {
    const file = join(dir, "valid.json");
    await writeFile(file, JSON.stringify(valid));
    const catalogue: MeasureCatalogue = loadMeasureCatalogue(file);
    expect(catalogue.measures.map((m) => m.code)).toEqual(["vn.khcn.qms.coverage", "vn.khcn.org.st_organisations"]);
  });

  it("names the file when it is not JSON", async () => {
    const file = join(dir, "broken.json");
    await writeFile(file, "{ version: 2026.1 ");
    expect(() => loadMeasureCatalogue(file)).toThrow(CatalogueValidationError);
    expect(() => loadMeasureCatalogue(file)).toThrow(`${file}: 1 problem\n  - not valid JSON`);
  });

  it("names the file and every problem in the message", async () => {
    const file = join(dir, "invalid.json");
    await writeFile(file, JSON.stringify(withMeasure(1, { valueType: "PERCENT", periodType: "TASK_LIFETIME" })));
    expect(() => loadMeasureCatalogue(file)).toThrow(
      `${file}: 2 problems\n` +
        `  - measures[1] "vn.khcn.org.st_organisations", field "valueType": must be one of COUNT, MONEY_VND, RATIO; got "PERCENT"\n` +
        `  - measures[1] "vn.khcn.org.st_organisations", field "periodType": must be one of YEAR, INSTANT; got "TASK_LIFETIME"`,
    );
  });
});

describe("a broken catalogue is refused with the entry and field at fault", () => {
  it("accepts the valid fixture", () => {
    expect(validateMeasureCatalogue(valid, "test.json")).toBe(valid);
  });

  it("something other than an object, or lists that are not lists", () => {
    expect(problemsOf([])).toEqual(['the file must be a JSON object with "version", "dimensions" and "measures"; got []']);
    expect(problemsOf({ version: "2026", measures: {}, dimension: [] })).toEqual([
      'field "dimension": is not a catalogue field (expected one of version, dimensions, measures)',
      'field "version": must be the year and the release within it, like "2026.1"; got "2026"',
      'field "dimensions": must be a list; got nothing',
      'field "measures": must be a list; got {}',
    ]);
  });

  it("a code off the convention, a local code, and a code used twice", () => {
    expect(problemsOf({ ...valid, measures: [{ ...coverage, code: "vn.khcn.QMS.coverage" }, { ...organisations, code: "local.st_organisations.count" }, coverage] })).toEqual([
      'measures[0] "vn.khcn.QMS.coverage", field "code": must match ^vn\\.khcn\\.[a-z_]+(\\.[a-z0-9_]+)+$, like "vn.khcn.qms.coverage"; got "vn.khcn.QMS.coverage"',
      'measures[1] "local.st_organisations.count", field "code": must match ^vn\\.khcn\\.[a-z_]+(\\.[a-z0-9_]+)+$, like "vn.khcn.qms.coverage"; got "local.st_organisations.count"',
    ]);
    expect(problemsOf({ ...valid, measures: [coverage, organisations, { ...organisations, nameEn: "Organisations" }] })).toEqual([
      'measures[2] "vn.khcn.org.st_organisations", field "code": "vn.khcn.org.st_organisations" is already the code of measures[1]; a code is never reused',
    ]);
    expect(problemsOf(withMeasure(0, { code: "vn.khcn.qms" }))).toEqual([expect.stringContaining('measures[0] "vn.khcn.qms", field "code": must match')]);
  });

  it("value, period and aggregation types outside their enums", () => {
    expect(problemsOf(withMeasure(1, { valueType: "count", periodType: "MONTH", aggregation: "AVERAGE" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "valueType": must be one of COUNT, MONEY_VND, RATIO; got "count"',
      'measures[1] "vn.khcn.org.st_organisations", field "periodType": must be one of YEAR, INSTANT; got "MONTH"',
      'measures[1] "vn.khcn.org.st_organisations", field "aggregation": must be one of SUM, RATIO_OF_SUMS, NONE; got "AVERAGE"',
    ]);
  });

  it("a ratio that would be summed: a national ratio is a ratio of sums, never a sum or average of ratios", () => {
    expect(problemsOf(withMeasure(0, { aggregation: "SUM" }))).toEqual([
      'measures[0] "vn.khcn.qms.coverage", field "aggregation": a RATIO measure is never summed: use RATIO_OF_SUMS (add numerators and denominators, then divide) or NONE',
    ]);
    expect(validateMeasureCatalogue(withMeasure(0, { aggregation: "NONE", note: "Tiers differ by province." }), "test.json")).toBeTruthy();
  });

  it("a count or an amount of money taken as a ratio of sums", () => {
    expect(problemsOf(withMeasure(1, { aggregation: "RATIO_OF_SUMS" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "aggregation": RATIO_OF_SUMS needs a numerator and a denominator, which a COUNT measure has not: use SUM or NONE',
    ]);
    expect(problemsOf(withMeasure(1, { valueType: "MONEY_VND", unit: "VND", aggregation: "RATIO_OF_SUMS" }))).toEqual([
      expect.stringContaining("which a MONEY_VND measure has not"),
    ]);
  });

  it("money not in VND, and VND that is not money", () => {
    expect(problemsOf(withMeasure(1, { valueType: "MONEY_VND", unit: "million VND" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "unit": a MONEY_VND measure is in "VND"; got "million VND"',
    ]);
    expect(problemsOf(withMeasure(1, { unit: "VND" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "valueType": a measure in "VND" must be MONEY_VND; got "COUNT"',
    ]);
  });

  it("a measure that is not totalled without saying why", () => {
    expect(problemsOf(withMeasure(1, { aggregation: "NONE" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "note": must say why the measure is not totalled across provinces (aggregation NONE)',
    ]);
  });

  it("a dimension the catalogue does not define, or one listed twice", () => {
    expect(problemsOf(withMeasure(0, { dimensions: ["qmsTier", "qmsLevel", "qmsTier", 3] }))).toEqual([
      'measures[0] "vn.khcn.qms.coverage", field "dimensions": "qmsLevel" is not a dimension of the catalogue (expected one of qmsTier)',
      'measures[0] "vn.khcn.qms.coverage", field "dimensions": "qmsTier" is listed twice',
      'measures[0] "vn.khcn.qms.coverage", field "dimensions": must hold dimension ids; got 3',
    ]);
    expect(problemsOf(withMeasure(0, { dimensions: "qmsTier" }))).toEqual([
      'measures[0] "vn.khcn.qms.coverage", field "dimensions": must be a list of dimension ids (empty when none); got "qmsTier"',
      'dimensions[0] "qmsTier": no measure uses it; a dimension is added with the measure that needs it',
    ]);
  });

  it("dimension value codes that are not UPPER_SNAKE or not unique, and a dimension id used twice", () => {
    const values = [
      { code: "PROVINCIAL_DISTRICT", nameVi: "Cấp tỉnh", nameEn: "Provincial" },
      { code: "commune", nameVi: "Cấp xã", nameEn: "Commune" },
      { code: "PROVINCIAL_DISTRICT", nameVi: "Cấp tỉnh", nameEn: "Provincial" },
      { code: "OTHER_", nameVi: "", nameEn: "Other", description: "x" },
    ];
    expect(problemsOf({ ...valid, dimensions: [{ ...tier, values }, { ...tier, id: "QmsTier" }, tier] })).toEqual([
      'dimensions[0] "qmsTier", field "values[1].code": must be UPPER_SNAKE, like "PROVINCIAL_DISTRICT"; got "commune"',
      'dimensions[0] "qmsTier", field "values[2].code": "PROVINCIAL_DISTRICT" is already the code of values[0]',
      'dimensions[0] "qmsTier", field "values[3].description": is not a catalogue field (expected one of code, nameVi, nameEn)',
      'dimensions[0] "qmsTier", field "values[3].code": must be UPPER_SNAKE, like "PROVINCIAL_DISTRICT"; got "OTHER_"',
      'dimensions[0] "qmsTier", field "values[3].nameVi": must be a non-empty string; got ""',
      'dimensions[1] "QmsTier", field "id": must be lowerCamel, like "qmsTier"; got "QmsTier"',
      'dimensions[2] "qmsTier", field "id": "qmsTier" is already the id of dimensions[0]',
    ]);
    expect(problemsOf({ ...valid, dimensions: [{ ...tier, values: [] }] })).toEqual([
      'dimensions[0] "qmsTier", field "values": must be a non-empty list of {code, nameVi, nameEn}; got []',
    ]);
  });

  it("empty names, definition or unit, and a note that is neither text nor null", () => {
    expect(problemsOf(withMeasure(1, { nameVi: " ", nameEn: undefined, definition: "", unit: null, note: "" }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "nameVi": must be a non-empty string; got " "',
      'measures[1] "vn.khcn.org.st_organisations", field "nameEn": must be a non-empty string; got nothing',
      'measures[1] "vn.khcn.org.st_organisations", field "definition": must be a non-empty string; got ""',
      'measures[1] "vn.khcn.org.st_organisations", field "unit": must be a non-empty string; got null',
      'measures[1] "vn.khcn.org.st_organisations", field "note": must be a non-empty string, or null when there is no caveat; got ""',
    ]);
    expect(problemsOf({ ...valid, dimensions: [{ ...tier, nameVi: "" }] })).toEqual([
      'dimensions[0] "qmsTier", field "nameVi": must be a non-empty string; got ""',
    ]);
  });

  it("official codes that are incomplete, carry no http(s) address, or repeat", () => {
    const official = organisations.officialCodes[0]!;
    const officialCodes = [
      official,
      { code: "1401", system: "Law on Statistics 89/2015/QH13, indicator 1401" },
      { code: "", system: "Decision 54/2016/QĐ-TTg", url: "ftp://example.gov.vn/list" },
      { ...official, url: "sokhoahoc.sonla.gov.vn/he-thong-chi-tieu" },
      "T1401",
    ];
    expect(problemsOf(withMeasure(1, { officialCodes }))).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[1].url": must be the http(s) address where the code was read; got nothing',
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[2].code": must be a non-empty string; got ""',
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[2].url": must be the http(s) address where the code was read; got "ftp://example.gov.vn/list"',
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[3].url": must be the http(s) address where the code was read; got "sokhoahoc.sonla.gov.vn/he-thong-chi-tieu"',
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[3].code": "0101" of the same system is already officialCodes[0]',
      'measures[1] "vn.khcn.org.st_organisations", field "officialCodes[4]": must be an object {code, system, url}; got "T1401"',
    ]);
    expect(problemsOf(withMeasure(1, { officialCodes: null }))).toEqual([
      expect.stringContaining('field "officialCodes": must be a list of {code, system, url}'),
    ]);
  });

  it("the draft's fields, which the catalogue does not have, and a missing field", () => {
    const { note: _, ...withoutNote } = organisations;
    expect(problemsOf({ ...valid, measures: [coverage, { ...withoutNote, officialCode: "0101", aggregationNote: "x" }] })).toEqual([
      'measures[1] "vn.khcn.org.st_organisations", field "officialCode": is not a catalogue field (expected one of code, nameVi, nameEn, definition, unit, valueType, periodType, aggregation, dimensions, officialCodes, note)',
      'measures[1] "vn.khcn.org.st_organisations", field "aggregationNote": is not a catalogue field (expected one of code, nameVi, nameEn, definition, unit, valueType, periodType, aggregation, dimensions, officialCodes, note)',
      'measures[1] "vn.khcn.org.st_organisations", field "note": must be a non-empty string, or null when there is no caveat; got nothing',
    ]);
    expect(problemsOf({ ...valid, measures: [coverage, "vn.khcn.org.st_organisations"] })).toEqual([
      'measures[1]: must be an object, got "vn.khcn.org.st_organisations"',
    ]);
  });

  it("lists every problem of every entry at once", () => {
    const problems = problemsOf({
      version: "2026.1",
      dimensions: [tier, { ...tier, id: "unusedDimension" }],
      measures: [
        { ...coverage, aggregation: "SUM", dimensions: ["qmsTier", "tier"] },
        { ...organisations, code: "vn.khcn.org", unit: "VND" },
        { ...organisations, code: "vn.khcn.budget.st_funds", valueType: "MONEY_VND", unit: "đồng", periodType: "TASK_LIFETIME" },
      ],
    });
    expect(problems).toEqual([
      'measures[0] "vn.khcn.qms.coverage", field "aggregation": a RATIO measure is never summed: use RATIO_OF_SUMS (add numerators and denominators, then divide) or NONE',
      'measures[0] "vn.khcn.qms.coverage", field "dimensions": "tier" is not a dimension of the catalogue (expected one of qmsTier, unusedDimension)',
      expect.stringContaining('measures[1] "vn.khcn.org", field "code": must match'),
      'measures[1] "vn.khcn.org", field "valueType": a measure in "VND" must be MONEY_VND; got "COUNT"',
      'measures[2] "vn.khcn.budget.st_funds", field "periodType": must be one of YEAR, INSTANT; got "TASK_LIFETIME"',
      'measures[2] "vn.khcn.budget.st_funds", field "unit": a MONEY_VND measure is in "VND"; got "đồng"',
      'dimensions[1] "unusedDimension": no measure uses it; a dimension is added with the measure that needs it',
    ]);
  });
});

describe("local codes", () => {
  it("are local. followed by lowercase dotted segments", () => {
    for (const code of ["local.tasks.national.count", "local.ip.collective_marks_supported", "local.revenue", "local.training.ip.participants2"]) {
      expect(isLocalCode(code), code).toBe(true);
    }
  });

  it("are not national codes, bare province labels or malformed names", () => {
    for (const code of [
      "vn.khcn.qms.coverage",
      "tasks.national.count",
      "local.",
      "local",
      "local.Tasks.count",
      "local.tasks..count",
      "local.tasks.count.",
      "local.2023.tasks",
      "local.tasks-national",
      "LOCAL.tasks.count",
      " local.tasks.count",
    ]) {
      expect(isLocalCode(code), code).toBe(false);
    }
  });
});
