/** One row of the routing table: where a province's subgraph answers. */
export interface ProvinceRoute {
  /** The directory's stable id, the `id` of the province's representations, e.g. `long-an`. */
  id: string;
  /** Shown in errors and reports, e.g. `Long An`. */
  name: string;
  /** The province subgraph's GraphQL endpoint. */
  url: string;
  /**
   * Set while the province is out of routing (its schema broke the contract, or the route leads to
   * another province's server): its entities are answered null at once, each with this error code
   * and reason, and the province is not asked.
   */
  excluded?: { code: string; reason: string };
}

/** The routing table, or a function that returns the current one (read on every use). */
export type ProvinceRoutes = readonly ProvinceRoute[] | (() => readonly ProvinceRoute[] | Promise<readonly ProvinceRoute[]>);

export async function resolveRoutes(routes: ProvinceRoutes): Promise<readonly ProvinceRoute[]> {
  return typeof routes === "function" ? routes() : routes;
}
