import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A province, keyed by the directory's stable id; this subgraph adds the figures of its plans" })
export class Province {
  @Field(() => ID)
  id!: string;
}

export function createProvince(id: string): Province {
  return Object.assign(new Province(), { id });
}
