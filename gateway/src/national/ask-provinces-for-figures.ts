import type { ProvinceRouter } from "../province-router/index.ts";
import type { FigureSource, ProvinceAnswer, ProvinceFigure, Unit } from "./national-types.ts";

/** What the national figure needs of each province: its own figures of one measure and year, with their sentences. */
const FIGURES_QUERY = `query NationalFigures($representations: [_Any!]!, $measure: String, $year: Int) {
  _entities(representations: $representations) {
    ... on Province {
      figures(measure: $measure, year: $year) {
        measure year status dimensions { dimension value }
        count amountVnd numerator denominator periodStart periodEnd records
        sources { section quote note document { number title } }
      }
    }
  }
}`;

interface ServedFigure extends Omit<ProvinceFigure, "sources"> {
  sources: { section: string | null; quote: string; note: string | null; document: { number: string | null; title: string } }[];
}

const flattenSource = ({ section, quote, note, document }: ServedFigure["sources"][number]): FigureSource => ({
  documentNumber: document.number,
  documentTitle: document.title,
  section,
  quote,
  note,
});

/**
 * Asks every province in `provinces` for its figures of a measure and year, through the province
 * router: the same routes, timeouts and failure handling as any fetch of the federation. A province
 * whose answer carries an error is unavailable for this request, whatever else it sent.
 */
export async function askProvincesForFigures(router: ProvinceRouter, provinces: readonly Unit[], measure: string, year: number): Promise<Map<string, ProvinceAnswer>> {
  const answers = new Map<string, ProvinceAnswer>();
  if (provinces.length === 0) return answers;
  const result = await router.routeEntities({
    query: FIGURES_QUERY,
    operationName: "NationalFigures",
    variables: { representations: provinces.map(({ id }) => ({ __typename: "Province", id })), measure, year },
  });
  const entities = "data" in result ? (result.data._entities ?? []) : [];
  const errorsAt = new Map<number, string>();
  for (const error of result.errors ?? []) {
    const index = error.path?.[0] === "_entities" && typeof error.path[1] === "number" ? error.path[1] : undefined;
    // An error without an entity's place (the router refused the operation) concerns every province.
    for (const i of index === undefined ? provinces.keys() : [index]) if (!errorsAt.has(i)) errorsAt.set(i, error.message);
  }
  provinces.forEach((province, i) => {
    const entity = entities[i] as { figures?: ServedFigure[] | null } | null | undefined;
    const error = errorsAt.get(i);
    if (error !== undefined) answers.set(province.id, { answered: false, reason: error });
    else if (!entity || !Array.isArray(entity.figures)) answers.set(province.id, { answered: false, reason: `${province.name} sent no figures` });
    else answers.set(province.id, { answered: true, figures: entity.figures.map((f) => ({ ...f, sources: f.sources.map(flattenSource) })) });
  });
  return answers;
}
