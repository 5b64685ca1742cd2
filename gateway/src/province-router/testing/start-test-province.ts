import type { ServerResponse } from "node:http";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createGraphQLHttpServer } from "@khcn/shared/server";
import { GraphQLError, parse } from "graphql";
import type { ProvinceRoute } from "../province-route.ts";

/** How a test province answers: normally, never, with HTTP 500, or with a GraphQL error on `budget`. */
export type ProvinceBehaviour = "answer" | "hang" | "http-500" | "budget-error";

/** A small province subgraph: `Province @key(fields: "id")` with `budget` (can fail) and `servedBy` (who answered). */
export const testProvinceSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Province @key(fields: "id") {
    id: ID!
    "The province's S&T budget in a year, in billion đồng"
    budget(year: Int): Float
    "The id of the province whose server answered"
    servedBy: String
  }
`;

/** The same subgraph before `budget` existed: a province that has not upgraded. */
export const oldTestProvinceSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Province @key(fields: "id") {
    id: ID!
    servedBy: String
  }
`;

export interface TestProvinceOptions extends Omit<ProvinceRoute, "url"> {
  budget: number;
  behaviour?: ProvinceBehaviour;
  sdl?: string;
  /** Holds every answer until this settles. */
  answerAfter?: Promise<unknown>;
}

export interface TestProvince {
  route: ProvinceRoute;
  /** Representations received, one list per GraphQL request. */
  received: unknown[][];
  /** Every variable received, one object per GraphQL request (representations included). */
  receivedVariables: Record<string, unknown>[];
  /** Settles when the first GraphQL request arrives. */
  asked: Promise<void>;
  behave(behaviour: ProvinceBehaviour): void;
  stop(): Promise<void>;
}

/** Starts a test province on a free port, refusing representations of other provinces like the real one. */
export async function startTestProvince({ id, name, budget, behaviour = "answer", sdl = testProvinceSdl, answerAfter }: TestProvinceOptions): Promise<TestProvince> {
  let current = behaviour;
  const received: unknown[][] = [];
  const receivedVariables: Record<string, unknown>[] = [];
  const hanging = new Set<ServerResponse>();
  let markAsked!: () => void;
  const asked = new Promise<void>((resolve) => (markAsked = resolve));

  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: {
      Province: {
        __resolveReference: (reference: { id: string }) => {
          if (reference.id !== id) throw new GraphQLError(`This subgraph serves "${id}", not "${reference.id}"`, { extensions: { code: "WRONG_PROVINCE" } });
          return { id };
        },
        budget: (_: unknown, { year }: { year?: number | null }) => {
          if (current === "budget-error") throw new GraphQLError(`${name}'s budget table is locked`, { extensions: { code: "BUDGET_LOCKED" } });
          // The province has figures for 2024 only: a year that does not reach it answers 2024's.
          return year == null || year === 2024 ? budget : null;
        },
        servedBy: () => id,
      },
    } as never,
  });

  const server = await createGraphQLHttpServer({
    apollo: { schema, plugins: [ApolloServerPluginInlineTraceDisabled()] },
    context: async ({ req }) => {
      const variables = (req.body as { variables?: { representations?: unknown[] } }).variables;
      if (variables?.representations) received.push(variables.representations);
      if (variables) receivedVariables.push(variables);
      return {};
    },
    routes: (app) => {
      app.use("/graphql", async (_req, res, next) => {
        markAsked();
        if (current === "hang") return void hanging.add(res);
        if (current === "http-500") return void res.status(500).type("text/plain").send("Internal Server Error");
        await answerAfter;
        next();
      });
    },
  });
  const url = await server.listen(0, "127.0.0.1");
  return {
    route: { id, name, url },
    received,
    receivedVariables,
    asked,
    behave: (next) => {
      current = next;
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      await server.stop();
    },
  };
}
