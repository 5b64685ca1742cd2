import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@khcn/shared/server";
import { DataVersionResolver } from "./data-version/data-version.resolver.ts";
import { SourceDocumentResolver } from "./documents/source-document.resolver.ts";
import { BudgetLine, Indicator, QmsCoverage, Task, TaskFunding } from "./entities.ts";
import { resolveProvinceReference } from "./province/province.reference.ts";
import { ProvinceResolver } from "./province/province.resolver.ts";
// After ProvinceResolver: type-graphql lists a type's fields in the order their modules load, and
// Province's own lists come first in the contract, the figures derived from them after.
import { FiguresResolver, MeasureFigureResolver } from "./figures/figures.resolver.ts";
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
    { resolvers: [ProvinceResolver, FiguresResolver, DataVersionResolver, MeasureFigureResolver, TaskResolver, SourceResolver, SourceDocumentResolver, ...sourcedResolvers] },
    { Province: { __resolveReference: resolveProvinceReference } },
  );
  return cached;
}
