import { useEffect, useState } from "react";
import { CATALOGUE_QUERY, NATIONAL_FIGURE_QUERY } from "./api/queries.ts";
import type { MeasureCatalogue, NationalFigure } from "./api/types.ts";
import { BudgetView } from "./components/BudgetView.tsx";
import { ComparisonView } from "./components/ComparisonView.tsx";
import { KeyTaskTimeline } from "./components/KeyTaskTimeline.tsx";
import { LanguageToggle } from "./components/LanguageToggle.tsx";
import { LoadState } from "./components/LoadState.tsx";
import { SelectionForm } from "./components/SelectionForm.tsx";
import { useGraphQL } from "./hooks/use-graphql.ts";
import { dictionaries } from "./i18n/dictionary.ts";
import { LanguageProvider } from "./i18n/language-context.tsx";
import { nationalFigureVariables, readSelection, type Selection, writeSelection } from "./selection.ts";

/** The page: the choice of measure, year and map; the comparison; the budget; the key tasks. */
export function App() {
  const [selection, setSelection] = useState<Selection>(() => readSelection(location.search));
  // Both at once: the figure's variables come from the address, not from the catalogue, so the
  // chart waits for the slower of the two answers, not for one after the other.
  const [catalogue, reloadCatalogue] = useGraphQL<{ measureCatalogue: MeasureCatalogue }>(CATALOGUE_QUERY, {});
  const [figure, reloadFigure] = useGraphQL<{ nationalFigure: NationalFigure }>(NATIONAL_FIGURE_QUERY, nationalFigureVariables(selection));
  // The budget and key-task views are below the fold: they ask once the chart's answer is in, so
  // their queries do not compete with it for the gateway (and the provinces) on first load.
  const [belowFoldReady, setBelowFoldReady] = useState(false);
  useEffect(() => {
    if (figure.status !== "loading") setBelowFoldReady(true);
  }, [figure.status]);
  const t = dictionaries[selection.language];

  // The address follows the choice, so reloading or sharing the page shows the same view.
  useEffect(() => {
    const search = writeSelection(selection);
    if (search !== location.search) history.replaceState(null, "", search);
    document.title = t.title;
  }, [selection, t]);

  // An address naming a measure the catalogue does not have (an old bookmark) falls back to the first.
  const measures = catalogue.status === "done" ? catalogue.answer.data!.measureCatalogue.measures : null;
  useEffect(() => {
    const first = measures?.[0];
    if (first && !measures.some((m) => m.code === selection.measure)) setSelection((s) => ({ ...s, measure: first.code, dimensions: {} }));
  }, [measures, selection.measure]);

  return (
    <LanguageProvider language={selection.language}>
      <header className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="subtitle">{t.subtitle}</p>
        </div>
        <nav className="header-links">
          <LanguageToggle onToggle={() => setSelection((s) => ({ ...s, language: s.language === "vi" ? "en" : "vi" }))} />
          <a href="/graphiql">{t.graphiqlLink}</a>
        </nav>
      </header>
      <main>
        <LoadState state={catalogue} onRetry={reloadCatalogue}>
          {({ data }) => {
            const { measures, version } = data!.measureCatalogue;
            const measure = measures.find((m) => m.code === selection.measure) ?? measures[0];
            if (!measure) return null;
            return (
              <>
                <SelectionForm measures={measures} selection={{ ...selection, measure: measure.code }} onChange={setSelection} />
                <p className="muted catalogue-version">{t.catalogueVersion(version)}</p>
                <ComparisonView measure={measure} selection={selection} figure={figure} onRetry={reloadFigure} />
              </>
            );
          }}
        </LoadState>
        <BudgetView enabled={belowFoldReady} />
        <KeyTaskTimeline enabled={belowFoldReady} />
      </main>
      <footer className="page-footer">
        <p>{t.footer}</p>
      </footer>
    </LanguageProvider>
  );
}
