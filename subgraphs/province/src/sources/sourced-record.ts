import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/** Columns every record carries: its primary source and an honest note. Concrete tables inherit them. */
@ObjectType()
export abstract class SourcedRecord {
  @Column({ name: "document_id", type: "varchar", length: 100 })
  documentId!: string;

  @Column({ type: "varchar", length: 50, nullable: true })
  section!: string | null;

  @Column({ type: "text" })
  quote!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "A caveat: a contradiction, a garbled passage, an assumption made in reading" })
  note!: string | null;
}
