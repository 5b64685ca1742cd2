import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import { TaskFunding } from "./task-funding.entity.ts";
import { Task } from "./task.entity.ts";

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => [TaskFunding], { description: "The task's cost split by funding source, as the document gives it" })
  funding(@Root() task: Task, @Ctx() { loaders }: ProvinceContext): Promise<TaskFunding[]> {
    return loaders.fundingByTask.load(task.id);
  }
}
