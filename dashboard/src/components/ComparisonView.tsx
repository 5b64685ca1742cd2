import type { Measure, NationalFigure } from "../api/types.ts";
import type { QueryState } from "../hooks/use-graphql.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { exportUrlOf, type Selection } from "../selection.ts";
import { LoadState } from "./LoadState.tsx";
import { MeasureAbout } from "./MeasureAbout.tsx";
import { NationalTotal } from "./NationalTotal.tsx";
import { UnitChart } from "./UnitChart.tsx";
import { UnitTable } from "./UnitTable.tsx";

interface ComparisonViewProps {
  measure: Measure;
  selection: Selection;
  /** The nationalFigure answer, asked by the page as soon as it starts (in parallel with the catalogue). */
  figure: QueryState<{ nationalFigure: NationalFigure }>;
  onRetry: () => void;
}

/** One measure for one year on one map: its definition, the national total with who reported, a chart and a table. */
export function ComparisonView({ measure, selection, figure: state, onRetry }: ComparisonViewProps) {
  const { t } = useLanguage();
  return (
    <section className="comparison" aria-labelledby="measure-title">
      <MeasureAbout measure={measure} />
      <LoadState state={state} onRetry={onRetry}>
        {({ data }) => {
          const figure = data!.nationalFigure;
          // 60 of the 63 units run no subgraph yet: listed, they would bury the few that do.
          const units = selection.showAll ? figure.units : figure.units.filter((unit) => unit.state !== "NO_SUBGRAPH");
          const hidden = figure.units.length - units.length;
          return (
            <>
              {/* Side by side on a laptop, so the total and the chart are both in the first screenful. */}
              <div className="overview">
                <NationalTotal measure={measure} figure={figure} />
                <div className="chart-block">
                  <h3>{t.chartTitle}</h3>
                  {hidden > 0 && <p className="muted hidden-units">{t.hiddenWithoutSubgraph(hidden)}</p>}
                  <UnitChart measure={measure} units={units} year={figure.year} />
                </div>
              </div>
              <h3>{t.tableTitle}</h3>
              <p>
                <a className="download" href={exportUrlOf(selection)} download data-testid="download-csv">
                  {t.downloadCsv}
                </a>
              </p>
              <UnitTable measure={measure} figure={figure} units={units} />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
