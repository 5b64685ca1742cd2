import { loadExampleQueries } from "@khcn/gateway";

/** The public query of DESIGN.md, as GraphiQL's first tab holds it. */
export async function readComparativeQuery(): Promise<string> {
  const examples = await loadExampleQueries();
  const comparative = examples.find((e) => e.file === "1-comparative-dashboard.graphql");
  if (!comparative) throw new Error("the comparative example query is missing");
  return comparative.query;
}

export interface ComparedProvince {
  id: string;
  name: string;
  gsoCode: string;
  validFrom: string | null;
  validTo: string | null;
  successor: { id: string; name: string } | null;
  qmsCoverage: { year: number; tier: string; applying: number | null; total: number | null; ratio: number | null; source: { document: { number: string | null }; quote: string } }[] | null;
  budgets: { year: number; phase: string; fundingSource: string | null; amountVnd: number | null }[] | null;
  tasks: { kind: string; title: string; leadUnit: string | null; dueDate: string | null; target: { quantity: number | null; unit: string | null } | null }[] | null;
  indicators: { name: string; value: number | null; numerator: number | null; denominator: number | null; target: boolean; unit: string | null; year: number }[] | null;
  documents: { number: string | null; title: string; issuedOn: string | null }[] | null;
}

export type ComparativeAnswer = { provinces: ComparedProvince[] };

export function provinceOf(answer: ComparativeAnswer | null | undefined, id: string): ComparedProvince {
  const province = answer?.provinces.find((p) => p.id === id);
  if (!province) throw new Error(`${id} is not in the answer`);
  return province;
}
