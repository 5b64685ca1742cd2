import type { DimensionValuePair, Measure, UnitFigure } from "../api/types.ts";
import { formatFigure, formatPartialDate } from "../format/format-figure.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { SourceQuote } from "./SourceQuote.tsx";

/**
 * A unit's figures and where each was read, behind a <details>: closed, the table stays a table;
 * opened (click, Enter or Space), every counted figure shows its breakdown, value and sources, and
 * every figure left out says why.
 */
export function UnitSources({ measure, unit }: { measure: Measure; unit: UnitFigure }) {
  const { t, language, nameOf } = useLanguage();
  const count = unit.contributions.reduce((n, c) => n + c.figures.reduce((m, f) => m + f.sources.length, 0) + c.excluded.length, 0);
  if (count === 0) return <span className="muted">{t.noSource}</span>;
  const dimensionLabel = (pairs: readonly DimensionValuePair[]) =>
    pairs
      .map(({ dimension, value }) => {
        const member = measure.dimensions.find((d) => d.id === dimension)?.values.find((v) => v.code === value);
        return member ? nameOf(member) : value;
      })
      .join(" · ");
  return (
    <details className="unit-sources">
      <summary>{t.sources(count)}</summary>
      {unit.contributions.map((contribution) => (
        <div key={contribution.province.id} className="contribution">
          {(unit.contributions.length > 1 || contribution.province.id !== unit.province.id) && <h4>{t.contributionOf(contribution.province.name)}</h4>}
          {contribution.figures.map((figure, index) => (
            <section key={index} className="figure">
              <p className="figure-head">
                {figure.dimensions.length > 0 && <span className="figure-dimensions">{dimensionLabel(figure.dimensions)}: </span>}
                <strong>{formatFigure(figure.value, measure.valueType, language) ?? t.noAmount}</strong>
                {figure.periodEnd && (
                  <span className="muted">
                    {" "}
                    · {t.period}: {figure.periodStart ? `${formatPartialDate(figure.periodStart, language)} – ` : ""}
                    {formatPartialDate(figure.periodEnd, language)}
                  </span>
                )}
              </p>
              {figure.sources.map((source, i) => (
                <SourceQuote key={i} source={source} />
              ))}
            </section>
          ))}
          {contribution.excluded.map((figure, index) => (
            <section key={`x${index}`} className="figure excluded">
              <p className="figure-head">
                {t.notCounted}: {figure.dimensions.length > 0 && `${dimensionLabel(figure.dimensions)}: `}
                <strong>{formatFigure(figure.value, measure.valueType, language) ?? t.noAmount}</strong>
              </p>
              <p lang="en">
                <span className="source-key">{t.reason}:</span> {figure.reason}
              </p>
              {figure.sources.map((source, i) => (
                <SourceQuote key={i} source={source} />
              ))}
            </section>
          ))}
        </div>
      ))}
    </details>
  );
}
