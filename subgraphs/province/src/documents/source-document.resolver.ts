import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import { SourceDocument } from "./source-document.entity.ts";

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  // Nullable because a database loaded before the texts were stored holds none until the next
  // import; a non-null field would turn that into an error that nulls every record quoting the document.
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The document's full text, as the province's texts/ folder holds it: every quote is a verbatim span of it, so a client can open a sentence in its context. Null when the database was loaded before texts were stored (import again)",
  })
  text(@Root() document: SourceDocument, @Ctx() { loaders }: ProvinceContext): Promise<string | null> | string | null {
    // A document read with its text (the import's own rows) needs no second statement.
    if (document.text !== undefined) return document.text;
    return loaders.documentTextById.load(document.id);
  }
}
