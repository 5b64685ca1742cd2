import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import type { Evidence } from "./evidence.entity.ts";
import { Source, toSource } from "./source.ts";
import type { SourcedRecord } from "./sourced-record.ts";

export function evidenceToSource(evidence: Evidence): Source {
  return Object.assign(toSource(evidence), { note: evidence.note });
}

/**
 * Gives a record type its `source` and `evidence` fields. `recordKey` names the record the way
 * evidence.csv does (`tasks:<id>`).
 */
export function createSourcedResolver<T extends SourcedRecord>(type: ClassType<T>, recordKey: (record: T) => string) {
  @Resolver(() => type)
  class SourcedResolver {
    @FieldResolver(() => Source, { description: "The sentence this record was read from" })
    source(@Root() record: T): Source {
      return toSource(record);
    }

    @FieldResolver(() => [Source], { description: "Further sentences behind this record: a figure stated elsewhere, a conflict" })
    async evidence(@Root() record: T, @Ctx() { loaders }: ProvinceContext): Promise<Source[]> {
      return (await loaders.evidenceByRecord.load(recordKey(record))).map(evidenceToSource);
    }
  }
  return SourcedResolver;
}
