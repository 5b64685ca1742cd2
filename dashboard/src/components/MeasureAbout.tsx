import type { Measure } from "../api/types.ts";
import { useLanguage } from "../i18n/language-context.tsx";

/** The measure's definition, aggregation rule and caveats: what a reader must know before comparing. */
export function MeasureAbout({ measure }: { measure: Measure }) {
  const { t, nameOf } = useLanguage();
  return (
    <div className="measure-about">
      <h2 id="measure-title">{nameOf(measure)}</h2>
      <p className="measure-meta">
        <code>{measure.code}</code> · {t.unit}: {t.unitName[measure.unit] ?? measure.unit} · {t.aggregationRule[measure.aggregation]}
      </p>
      <details>
        <summary>{t.aboutMeasure}</summary>
        {/* The catalogue writes definitions and notes in English only. */}
        <p lang="en">{measure.definition}</p>
        {measure.note && (
          <p lang="en" className="caveat">
            {measure.note}
          </p>
        )}
      </details>
    </div>
  );
}
