import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@khcn/shared";
import { SourceDocumentResolver } from "./documents/source-document.resolver.ts";
import { BudgetLine, Indicator, QmsCoverage, Task, TaskFunding } from "./entities.ts";
import { resolveProvinceReference } from "./province/province.reference.ts";
import { ProvinceResolver } from "./province/province.resolver.ts";
import { SourceResolver } from "./sources/source.resolver.ts";
import { createSourcedResolver } from "./sources/sourced-resolver.ts";
import { TaskResolver } from "./tasks/task.resolver.ts";

const sourcedResolvers = [
  createSourcedResolver(Task, (t) => `tasks:${t.id}`),
  createSourcedResolver(TaskFunding, (f) => `task_funding:${f.taskId}:${f.fundingSource}`),
  createSourcedResolver(BudgetLine, (b) => `budgets:${b.id}`),
  createSourcedResolver(QmsCoverage, (q) => `qms:${q.id}`),
  createSourcedResolver(Indicator, (i) => `indicators:${i.id}`),
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The province subgraph's schema: the same for every province, which is what makes it a contract. */
export function buildProvinceSchema(): Promise<GraphQLSchema> {
  cached ??= buildFederatedSchema(
    { resolvers: [ProvinceResolver, TaskResolver, SourceResolver, SourceDocumentResolver, ...sourcedResolvers] },
    { Province: { __resolveReference: resolveProvinceReference } },
  );
  return cached;
}
