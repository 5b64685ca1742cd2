import type { Measure, NationalFigure } from "../api/types.ts";
import { formatFigure } from "../format/format-figure.ts";
import { useLanguage } from "../i18n/language-context.tsx";

/**
 * The national figure and, as prominent as the figure itself, who it covers: with 1 of 63 units
 * reporting, a total is the reporting units' total, never a national figure, and it says so.
 */
export function NationalTotal({ measure, figure }: { measure: Measure; figure: NationalFigure }) {
  const { t, language } = useLanguage();
  const total = formatFigure(figure.total, measure.valueType, language);
  const headline =
    measure.aggregation === "NONE" ? t.noTotalNotAggregable : total !== null ? null : figure.reporting.unavailable > 0 ? t.noTotalUnavailable : t.noTotalNoData;
  return (
    <section className="national-total" aria-labelledby="national-total-title" data-testid="national-total">
      <h3 id="national-total-title">
        {t.nationalTotal} · {figure.year}
      </h3>
      {headline ? (
        <p className="total-missing">{headline}</p>
      ) : (
        <p className="total-value">
          <span className="total-label">{figure.complete ? t.nationalTotal : t.totalOfReporting}:</span> <strong data-testid="national-total-value">{total}</strong>
        </p>
      )}
      <p className="completeness" data-testid="completeness">
        {t.reportingSentence(figure.reporting)}
      </p>
      {/* Without a total there is nothing for "incomplete" to qualify: the sentence above says who reported. */}
      {measure.aggregation !== "NONE" && <p className={figure.complete ? "complete" : "incomplete"}>{figure.complete ? t.complete : t.incomplete}</p>}
      {/* The gateway's own sentence says the same in full; it is written in English. */}
      {language === "en" && <p className="completeness-detail">{figure.completeness}</p>}
    </section>
  );
}
