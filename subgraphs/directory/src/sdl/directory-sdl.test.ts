import { type DefinitionNode, Kind, parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDirectory, startDirectorySubgraph } from "../start-directory-subgraph.ts";
import { printDirectorySdl, readCommittedDirectorySdl } from "./directory-sdl.ts";

describe("the directory's committed SDL", () => {
  let directory: RunningDirectory;
  beforeAll(async () => {
    directory = await startDirectorySubgraph({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await directory?.stop();
  });

  it("is what the schema prints: regenerate with `npm run schema -w @khcn/directory` and review the diff", async () => {
    expect(await printDirectorySdl()).toBe(await readCommittedDirectorySdl());
  });

  it("is what the running directory serves to the federation", async () => {
    const response = await fetch(directory.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ _service { sdl } }" }),
    });
    const { data } = (await response.json()) as { data: { _service: { sdl: string } } };
    // _service.sdl also holds federation's own definitions (@link, _Any, _Entity, _entities...): compare ours.
    const committed = parse(await readCommittedDirectorySdl()).definitions;
    const served = new Map(parse(data._service.sdl).definitions.map((d) => [nameOf(d), d]));
    for (const definition of committed) {
      const counterpart = served.get(nameOf(definition));
      expect(counterpart && print(withoutFederationFields(counterpart)), nameOf(definition)).toBe(print(definition));
    }
  });
});

function nameOf(definition: DefinitionNode): string {
  return "name" in definition && definition.name ? definition.name.value : definition.kind;
}

function withoutFederationFields(definition: DefinitionNode): DefinitionNode {
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== "Query") return definition;
  return { ...definition, fields: definition.fields?.filter((f) => !["_entities", "_service"].includes(f.name.value)) };
}
