import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { QmsTier, ReportingStatus } from "../enums.ts";
import { SourcedRecord } from "../sources/sourced-record.ts";

@Entity({ name: "qms_coverage" })
@ObjectType({ description: "How many state agencies apply an ISO 9001 quality management system (Decision 19/2014/QĐ-TTg)" })
export class QmsCoverage extends SourcedRecord {
  @PrimaryColumn({ type: "varchar", length: 100 })
  @Field(() => ID)
  id!: string;

  @Column({ type: "integer" })
  @Field(() => Int)
  year!: number;

  @Column({ type: "varchar", length: 30 })
  @Field(() => QmsTier)
  tier!: QmsTier;

  @Column({ type: "varchar", length: 20 })
  @Field(() => ReportingStatus)
  status!: ReportingStatus;

  @Column({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Agencies applying the system" })
  applying!: number | null;

  @Column({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Agencies in scope; null when the source gives no denominator" })
  total!: number | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  standard!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Mandatory for provincial and district agencies, encouraged elsewhere" })
  get mandatory(): boolean | null {
    if (this.tier === QmsTier.ALL) return null;
    return this.tier === QmsTier.PROVINCIAL_DISTRICT;
  }

  @Field(() => Float, { nullable: true, description: "applying / total; to compare provinces, divide sums, not average ratios" })
  get ratio(): number | null {
    return this.applying !== null && this.total ? this.applying / this.total : null;
  }
}
