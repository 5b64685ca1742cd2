import { Field, ObjectType } from "type-graphql";

/** Where a figure was read: a document, its section, and the verbatim sentence. */
@ObjectType({ description: "Where a record was read: the document, its section and the verbatim sentence" })
export class Source {
  /** Resolved to a SourceDocument by SourceResolver through the per-request loader. */
  documentId!: string;

  @Field(() => String, { nullable: true, description: "The document's own numbering of the part quoted, e.g. A.III.1.5" })
  section!: string | null;

  @Field(() => String, { description: "The sentence the record was read from, verbatim" })
  quote!: string;

  @Field(() => String, { nullable: true, description: "What this sentence adds, or how it conflicts" })
  note!: string | null;
}

/** The columns every record table carries for its primary source. */
export interface Sourced {
  documentId: string;
  section: string | null;
  quote: string;
}

export function toSource(record: Sourced): Source {
  return Object.assign(new Source(), {
    documentId: record.documentId,
    section: record.section,
    quote: record.quote,
    note: null,
  });
}
