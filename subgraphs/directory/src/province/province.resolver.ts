import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { DirectoryContext } from "../context.ts";
import { findProvinces } from "../registry/find-provinces.ts";
import type { ProvinceRecord } from "../registry/province-record.ts";
import { ProvincesArgs } from "./province.args.ts";
import { Province } from "./province.ts";

@Resolver(() => Province)
export class ProvinceResolver {
  @Query(() => [Province], { description: "The registry's provinces, past and present, in the registry's order" })
  provinces(@Ctx() { registry }: DirectoryContext, @Args(() => ProvincesArgs) filter: ProvincesArgs): ProvinceRecord[] {
    return findProvinces(registry, filter);
  }

  @Query(() => Province, { nullable: true, description: "One unit by its stable id; null when the registry has no such id" })
  province(@Ctx() { registry }: DirectoryContext, @Arg("id", () => ID) id: string): ProvinceRecord | null {
    return registry.get(id) ?? null;
  }

  @FieldResolver(() => Province, { nullable: true, description: "The unit this one merged into" })
  successor(@Root() province: ProvinceRecord, @Ctx() { registry }: DirectoryContext): ProvinceRecord | null {
    return province.successorId === null ? null : (registry.get(province.successorId) ?? null);
  }

  @FieldResolver(() => [Province], { description: "The units that merged into this one" })
  predecessors(@Root() province: ProvinceRecord, @Ctx() { registry }: DirectoryContext): ProvinceRecord[] {
    return registry.predecessorsOf(province.id);
  }
}
