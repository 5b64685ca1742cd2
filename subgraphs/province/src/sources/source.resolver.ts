import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import { SourceDocument } from "../documents/source-document.entity.ts";
import { Source } from "./source.ts";

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => SourceDocument)
  async document(@Root() source: Source, @Ctx() { loaders }: ProvinceContext): Promise<SourceDocument> {
    const document = await loaders.documentById.load(source.documentId);
    // The import refuses rows whose document is unknown, so this only fires on a hand-edited database.
    if (!document) throw new Error(`source document "${source.documentId}" is missing from the database`);
    return document;
  }
}
