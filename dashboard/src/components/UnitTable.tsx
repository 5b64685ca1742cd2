import type { Measure, NationalFigure, UnitFigure } from "../api/types.ts";
import { formatFigure } from "../format/format-figure.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { StateBadge } from "./StateBadge.tsx";
import { UnitSources } from "./UnitSources.tsx";

/** The reason a unit's subgraph gave no answer, from its own contribution (the router's words). */
function unavailableReason(unit: UnitFigure): string | null {
  return unit.contributions.find((c) => c.state === "UNAVAILABLE")?.reason ?? null;
}

/** The chart's figures as a table, one row per unit, each with its sources; on a phone each row becomes a card (styles.css). */
export function UnitTable({ measure, figure, units }: { measure: Measure; figure: NationalFigure; units: readonly UnitFigure[] }) {
  const { t, language } = useLanguage();
  const total = measure.aggregation === "NONE" ? null : formatFigure(figure.total, measure.valueType, language);
  return (
    <div className="table-scroll">
      <table className="units responsive" data-testid="unit-table">
        <caption className="visually-hidden">{t.tableTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colUnit}</th>
            <th scope="col">{t.colGso}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col" className="number">
              {t.colValue}
            </th>
            <th scope="col">{t.colSources}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => {
            const value = formatFigure(unit.value, measure.valueType, language);
            const reason = unit.state === "UNAVAILABLE" ? unavailableReason(unit) : null;
            return (
              <tr key={unit.province.id} data-unit={unit.province.id} data-state={unit.state}>
                <th scope="row" data-label={t.colUnit}>
                  {unit.province.name}
                </th>
                <td data-label={t.colGso}>{unit.province.gsoCode}</td>
                <td data-label={t.colState}>
                  <StateBadge state={unit.state} />
                </td>
                <td data-label={t.colValue} className="number">
                  {value ?? <span className={unit.state === "UNAVAILABLE" ? "missing unavailable" : "missing"}>{unit.state === "UNAVAILABLE" ? t.missingMark.UNAVAILABLE : t.missingMark.NOT_REPORTED}</span>}
                  {reason && (
                    <span className="reason" lang="en">
                      {reason}
                    </span>
                  )}
                </td>
                <td data-label={t.colSources}>
                  <UnitSources measure={measure} unit={unit} />
                </td>
              </tr>
            );
          })}
        </tbody>
        {total !== null && (
          <tfoot>
            <tr>
              <th scope="row" data-label={t.colUnit}>
                {figure.complete ? t.nationalTotal : t.totalOfReporting}
              </th>
              <td data-label={t.colGso} />
              <td data-label={t.colState}>{t.reportingSentence(figure.reporting)}</td>
              <td data-label={t.colValue} className="number">
                <strong>{total}</strong>
              </td>
              <td data-label={t.colSources} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
