import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PartialDateScalar } from "@khcn/shared";
import { booleanTransformer } from "../columns.ts";

@Entity({ name: "documents" })
@ObjectType({ description: "A plan or report the figures were read from" })
export class SourceDocument {
  @PrimaryColumn({ type: "varchar", length: 100 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "varchar", length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: "As printed, e.g. 147/KH-UBND; null when the document has none" })
  number!: string | null;

  @Column({ type: "text" })
  @Field(() => String)
  title!: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String, { description: "e.g. Kế hoạch" })
  kind!: string;

  @Column({ type: "text" })
  @Field(() => String)
  issuer!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  signer!: string | null;

  @Column({ name: "issued_on", type: "varchar", length: 10, nullable: true })
  @Field(() => PartialDateScalar, { nullable: true, description: "At the precision the document gives; null when it gives none" })
  issuedOn!: string | null;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String, { description: "The text file the document was read from" })
  file!: string;

  // Nullable: a database loaded before the texts were stored has none until the next import.
  @Column({ type: "varchar", length: 64, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The SHA-256 of the text's UTF-8 bytes, in hex: the same text anywhere has the same hash. Null when `text` is null",
  })
  sha256!: string | null;

  /**
   * Not read with the row (`select: false`): it is tens of kilobytes where the other columns are a
   * few hundred bytes, and lists of documents (the comparative dashboard's) never ask for it.
   * SourceDocumentResolver serves the GraphQL field through a per-request loader. Undefined when
   * not read, null when the database holds none.
   */
  @Column({ type: "text", nullable: true, select: false })
  text?: string | null;

  @Column({ type: "boolean", transformer: booleanTransformer })
  @Field(() => Boolean, { description: "True when the available text stops before the document's end" })
  truncated!: boolean;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
