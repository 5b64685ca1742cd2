import { PartialDateScalar } from "@khcn/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ProvinceRecord } from "../registry/province-record.ts";

// Resolvers return ProvinceRecords as they are; successor and predecessors are resolved from successorId.
@Directive('@key(fields: "id")')
@ObjectType({ description: "A province-level unit in the ministry's registry, past or present" })
export class Province implements ProvinceRecord {
  @Field(() => ID, { description: "Stable and never reused: a unit created by a merger gets a new id, even under an old name" })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The GSO code. Codes are reused after mergers (Long An's 80 went to the new Tây Ninh), so it does not identify a province across time" })
  gsoCode!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: "First day as this unit; null when not known for certain" })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Last day as this unit; null while it exists" })
  validTo!: string | null;

  @Field(() => Boolean, { description: "Whether the province runs a subgraph, so its plans' figures can be queried" })
  hasSubgraph!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Where this row's facts come from (the decision or resolution, and the page read), and what about them is uncertain",
  })
  source!: string | null;

  successorId!: string | null;
}
