import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import { splitByAvailability } from "../api/graphql-client.ts";
import { BUDGETS_QUERY } from "../api/queries.ts";
import type { BudgetLine } from "../api/types.ts";
import { formatBillionsVnd, formatPartialDate, formatVnd } from "../format/format-figure.ts";
import { useGraphQL } from "../hooks/use-graphql.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { CHART_FONT, COLORS, fitText, LABELLED_ROW, textWidth } from "./chart-style.ts";
import { LoadState } from "./LoadState.tsx";
import { PlotFigure } from "./PlotFigure.tsx";
import { RecordSourceDetails } from "./SourceQuote.tsx";
import { budgetRows } from "../download/records-csv.ts";
import { DownloadCsvLink } from "./DownloadCsvLink.tsx";
import { UnavailableNotice } from "./UnavailableNotice.tsx";

interface ProvinceBudgets {
  id: string;
  name: string;
  gsoCode: string;
  budgets: BudgetLine[] | null;
}

const PHASES = ["REQUESTED", "ALLOCATED", "ADJUSTED", "DISBURSED"];
const SOURCES = ["CENTRAL", "LOCAL", "STATE", "NON_BUDGET", null];

/** Year, then phase in budget order, then funding source: the order a budget is read in. */
function byYearPhaseSource(a: BudgetLine, b: BudgetLine): number {
  return a.year - b.year || PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || SOURCES.indexOf(a.fundingSource) - SOURCES.indexOf(b.fundingSource);
}

/** S&T funds by year, phase and funding source, province by province, from each province's own budget lines. */
export function BudgetView({ enabled }: { enabled: boolean }) {
  const { t } = useLanguage();
  const [state, reload] = useGraphQL<{ provinces: ProvinceBudgets[] }>(BUDGETS_QUERY, {}, enabled);
  return (
    <section className="budget" aria-labelledby="budget-title">
      <h2 id="budget-title">{t.budgetTitle}</h2>
      <p className="intro">{t.budgetIntro}</p>
      <LoadState state={state} onRetry={reload}>
        {({ data, errors }) => {
          const { answered, unavailable } = splitByAvailability(data!.provinces, errors);
          return (
            <>
              <UnavailableNotice provinces={unavailable} />
              <DownloadCsvLink rows={budgetRows(answered)} filename="budget-lines.csv" testId="download-budget-csv" />
              {answered.map((province) => (
                <ProvinceBudget key={province.id} name={province.name} lines={[...(province.budgets ?? [])].sort(byYearPhaseSource)} />
              ))}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function ProvinceBudget({ name, lines }: { name: string; lines: BudgetLine[] }) {
  const { t, language } = useLanguage();
  const rowLabel = useCallback(
    (line: BudgetLine) => `${line.year} · ${t.phase[line.phase] ?? line.phase} · ${line.fundingSource ? (t.fundingSource[line.fundingSource] ?? line.fundingSource) : t.unknownFundingSource}`,
    [t],
  );
  const draw = useCallback(
    (width: number) => {
      const rows = lines.map((line) => ({ line, label: rowLabel(line), phase: t.phase[line.phase] ?? line.phase }));
      const drawn = rows.filter((row) => row.line.amountVnd !== null);
      const missing = rows.filter((row) => row.line.amountVnd === null);
      const valueLabel = (amount: number) => `${formatBillionsVnd(amount, language)} ${t.billionsAxis}`;
      const marginRight = Math.min(Math.max(0, ...drawn.map((row) => textWidth(valueLabel(row.line.amountVnd!)))) + 12, width * 0.35);
      const { ROW_HEIGHT, BAR_INSET_TOP, LABEL_DY, VALUE_DY } = LABELLED_ROW;
      return Plot.plot({
        width,
        height: rows.length * ROW_HEIGHT + 60,
        marginBottom: 40,
        marginLeft: 8,
        marginRight,
        style: CHART_FONT,
        x: { grid: true, nice: true, label: t.billionsAxis, labelAnchor: "center", labelArrow: "none", tickFormat: (x: number) => formatBillionsVnd(x, language), ticks: Math.max(2, Math.floor((width - marginRight) / 80)) },
        y: { domain: rows.map((row) => row.label), axis: null },
        color: { domain: PHASES.map((phase) => t.phase[phase] ?? phase), range: [...COLORS.phase], legend: true },
        marks: [
          Plot.barX(drawn, { x1: 0, x2: (row) => row.line.amountVnd, y: "label", fill: "phase", insetTop: BAR_INSET_TOP, title: (row) => `${row.label}: ${formatVnd(row.line.amountVnd!, language)}` }),
          Plot.text(rows, { x: 0, y: "label", text: (row) => fitText(row.label, width - 16), textAnchor: "start", dy: LABEL_DY, fill: COLORS.text, fontWeight: 600 }),
          Plot.text(drawn, { x: (row) => row.line.amountVnd, y: "label", text: (row) => valueLabel(row.line.amountVnd!), textAnchor: "start", dx: 6, dy: VALUE_DY, fill: COLORS.text }),
          Plot.text(missing, { x: 0, y: "label", text: () => `× ${t.noAmount}`, textAnchor: "start", dx: 4, dy: VALUE_DY, fontStyle: "italic", fill: COLORS.missing }),
          Plot.ruleX([0], { stroke: COLORS.axis }),
        ],
      });
    },
    [lines, language, t, rowLabel],
  );
  return (
    <article className="province-block" data-province={name}>
      <h3>{name}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t.budgetNoLines}</p>
      ) : (
        <>
          <PlotFigure draw={draw} label={`${t.budgetTitle}: ${name}`} />
          <div className="table-scroll">
            <table className="budget-lines responsive">
              <caption className="visually-hidden">{`${t.budgetTitle}: ${name}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colYear}</th>
                  <th scope="col">{t.colPhase}</th>
                  <th scope="col">{t.colFundingSource}</th>
                  <th scope="col" className="number">
                    {t.colAmount}
                  </th>
                  <th scope="col">{t.colAsWritten}</th>
                  <th scope="col">{t.colSources}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <td data-label={t.colYear}>
                      {line.year}
                      {line.asOf && <span className="muted"> ({formatPartialDate(line.asOf, language)})</span>}
                    </td>
                    <td data-label={t.colPhase}>{t.phase[line.phase] ?? line.phase}</td>
                    <td data-label={t.colFundingSource}>{line.fundingSource ? (t.fundingSource[line.fundingSource] ?? line.fundingSource) : <span className="muted">{t.unknownFundingSource}</span>}</td>
                    <td data-label={t.colAmount} className="number">
                      {line.amountVnd === null ? <span className="missing">{t.noAmount}</span> : formatVnd(line.amountVnd, language)}
                    </td>
                    <td data-label={t.colAsWritten} lang="vi">
                      {line.amountAsWritten ?? ""}
                    </td>
                    <td data-label={t.colSources}>
                      <RecordSourceDetails source={line.source} note={line.note}>
                        {line.purpose && (
                          <p>
                            <span className="source-key">{t.purpose}:</span> <span lang="vi">{line.purpose}</span>
                          </p>
                        )}
                      </RecordSourceDetails>
                    </td>
                  </tr>
              ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
