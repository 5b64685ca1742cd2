import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProvinceContext } from "../context.ts";
import { Province } from "../province/province.ts";
import { Source } from "../sources/source.ts";
import { evidenceToSource } from "../sources/sourced-resolver.ts";
import { FigureArgs } from "./figures.args.ts";
import { MeasureFigure } from "./measure-figure.ts";

@Resolver(() => Province)
export class FiguresResolver {
  // Nullable (DESIGN rule 2): a province that is down costs only its own figures.
  @FieldResolver(() => [MeasureFigure], {
    nullable: true,
    description:
      "Figures of the national measure catalogue (docs/CATALOGUE.md) as this province's records give them: QMS coverage by tier, S&T funds by phase and source, key tasks by who set them, and the indicators that carry a catalogue code. Arguments filter; none gives every figure",
  })
  async figures(@Root() province: Province, @Ctx() { loaders }: ProvinceContext, @Args(() => FigureArgs) { measure, year, status }: FigureArgs): Promise<MeasureFigure[]> {
    const figures = await loaders.figures.load(province.id);
    return figures.filter((f) => (measure == null || f.measure === measure) && (year == null || f.year === year) && (status == null || f.status === status));
  }
}

@Resolver(() => MeasureFigure)
export class MeasureFigureResolver {
  @FieldResolver(() => [Source], {
    description:
      "The verbatim sentences the figure was read from: each record's own sentence (with the caveat of its reading), then, except for a key-task count, the further sentences evidence.csv gives for it; each sentence once",
  })
  async sources(@Root() figure: MeasureFigure, @Ctx() { loaders }: ProvinceContext): Promise<Source[]> {
    // One batch for every figure of the request: the loader reads the evidence of all their records at once.
    const evidence = figure.withEvidence ? await loaders.evidenceByRecord.loadMany(figure.records) : [];
    const seen = new Set<string>();
    const sources: Source[] = [];
    figure.records.forEach((_, i) => {
      const found = evidence[i];
      if (found instanceof Error) throw found;
      for (const source of [figure.recordSources[i]!, ...(found ?? []).map(evidenceToSource)]) {
        // The same sentence can stand behind several records (one quote holds Long An's communes and its other agencies).
        const key = `${source.documentId}\u0000${source.section ?? ""}\u0000${source.quote}`;
        if (!seen.has(key)) {
          seen.add(key);
          sources.push(source);
        }
      }
    });
    return sources;
  }
}
