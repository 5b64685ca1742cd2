import { Ctx, FieldResolver, Resolver } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import { Province } from "../province/province.ts";
import { DATA_VERSION_ROW, DataVersion } from "./data-version.entity.ts";

// Nullable like every field the province adds (DESIGN rule 2): a province that is down is null, not an error for all.
@Resolver(() => Province)
export class DataVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Changes whenever this province's records change (an import or an edit); opaque. Equal versions mean equal figures",
  })
  async dataVersion(@Ctx() { loaders }: ProvinceContext): Promise<string | null> {
    return (await loaders.dataVersion.load(DATA_VERSION_ROW))?.version ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "When this province's records last changed, ISO 8601 in UTC" })
  async dataChangedAt(@Ctx() { loaders }: ProvinceContext): Promise<string | null> {
    return (await loaders.dataVersion.load(DATA_VERSION_ROW))?.changedAt ?? null;
  }
}

export { DataVersion };
