import { PartialDateScalar } from "@khcn/shared";
import { ArgsType, Field } from "type-graphql";

// Every argument is an optional filter: left out, it means "any".

@ArgsType()
export class ProvincesArgs {
  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "Units in existence at some time during this date: 2025-07-01 gives the units after the merger, 2025 those before and after",
  })
  validOn?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the name, ignoring case and accents: \"long an\" finds Long An" })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only provinces whose figures can be queried" })
  hasSubgraph?: boolean | null;
}
