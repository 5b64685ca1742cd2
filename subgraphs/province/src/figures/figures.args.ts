import { ArgsType, Field, Int } from "type-graphql";
import { ReportingStatus } from "../enums.ts";

// Every argument is an optional filter: left out, it means "any".
@ArgsType()
export class FigureArgs {
  @Field(() => String, { nullable: true, description: "A measure's catalogue code, e.g. vn.khcn.qms.coverage" })
  measure?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ReportingStatus, { nullable: true })
  status?: ReportingStatus;
}
