export interface RepresentationGroup {
  /** The province key shared by the group's representations. */
  provinceId: string;
  /** Where each representation stood in the original list, in order. */
  indices: number[];
  representations: unknown[];
}

export interface GroupedRepresentations {
  /** One group per province, in the order each province first appears. */
  groups: RepresentationGroup[];
  /** Indices of representations without a string `id`, which no province can answer. */
  withoutKey: number[];
}

/** Splits the gateway's representations by their province key `id`, keeping each group in the original order. */
export function groupRepresentations(representations: readonly unknown[]): GroupedRepresentations {
  const byProvince = new Map<string, RepresentationGroup>();
  const withoutKey: number[] = [];
  representations.forEach((representation, index) => {
    const id = (representation as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return void withoutKey.push(index);
    let group = byProvince.get(id);
    if (!group) byProvince.set(id, (group = { provinceId: id, indices: [], representations: [] }));
    group.indices.push(index);
    group.representations.push(representation);
  });
  return { groups: [...byProvince.values()], withoutKey };
}
