/** One administrative unit of the registry, as the data file states it. */
export interface ProvinceRecord {
  /** Stable, never reused: a unit created by a merger gets a new id even when it keeps a name. */
  id: string;
  name: string;
  /** The GSO code; reused after mergers, so it is data, not identity. */
  gsoCode: string;
  /** First day as this unit (PartialDate); null when not known for certain. */
  validFrom: string | null;
  /** Last day as this unit (PartialDate); null while it exists. */
  validTo: string | null;
  /** The id of the unit it merged into. */
  successorId: string | null;
  /** Whether the province runs a subgraph with its figures. */
  hasSubgraph: boolean;
  /** Where the row's facts come from, and what about them is uncertain. */
  source: string | null;
}
