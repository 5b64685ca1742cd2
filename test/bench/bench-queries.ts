/** Rows per list in the benchmark's query: the API's paging keeps an answer the same size at 100 and 10,000 records. */
export const BENCH_PAGE_SIZE = 25;

/** The province's share of DESIGN.md's comparative query, with the lists that grow with the records paged. */
const provinceSelection = /* GraphQL */ `
    qmsCoverage(year: 2023) { year tier applying total ratio source { document { number } quote } }
    budgets(year: 2024) { year phase fundingSource amountVnd }
    taskCount(year: 2024)
    tasks(year: 2024, limit: ${BENCH_PAGE_SIZE}) { kind title leadUnit dueDate target { quantity unit } }
    indicators(limit: ${BENCH_PAGE_SIZE}) { name value numerator denominator target unit year }
    documents { number title issuedOn }`;

/** DESIGN.md's comparative query through the gateway: every province of the directory, side by side. */
export const comparativeQuery = /* GraphQL */ `query ComparativeDashboard {
  provinces {
    id name gsoCode validFrom validTo successor { id name }${provinceSelection}
  }
}`;

/** The same selection sent straight to one province subgraph, as the gateway's router sends it. */
export const directProvinceQuery = /* GraphQL */ `query Province($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Province { id${provinceSelection} } }
}`;

export const representationsOf = (provinceId: string) => ({ representations: [{ __typename: "Province", id: provinceId }] });
