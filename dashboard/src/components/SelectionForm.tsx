import type { Measure } from "../api/types.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { type MapChoice, NEVER_ADDED, type Selection, YEARS } from "../selection.ts";

interface SelectionFormProps {
  measures: readonly Measure[];
  selection: Selection;
  onChange: (next: Selection) => void;
}

/**
 * The measure, year, administrative map and dimension values, as native <select> elements: they
 * are keyboard-usable and readable by screen readers as they are, and a phone shows its own picker.
 */
export function SelectionForm({ measures, selection, onChange }: SelectionFormProps) {
  const { t, nameOf } = useLanguage();
  const measure = measures.find((m) => m.code === selection.measure);
  const neverAdded = NEVER_ADDED[selection.measure] ?? {};
  const update = (patch: Partial<Selection>) => onChange({ ...selection, ...patch });
  return (
    <form className="selection" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t.pickerLegend}</legend>
        <label className="field field-wide">
          <span>{t.measure}</span>
          <select
            name="measure"
            value={selection.measure}
            // Another measure has other dimensions: the values chosen for this one do not carry over.
            onChange={(event) => update({ measure: event.target.value, dimensions: {} })}
          >
            {measures.map((m) => (
              <option key={m.code} value={m.code}>
                {nameOf(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.year}</span>
          <select name="year" value={selection.year} onChange={(event) => update({ year: Number(event.target.value) })}>
            {YEARS.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.map}</span>
          <select name="map" value={selection.map} onChange={(event) => update({ map: event.target.value as MapChoice })}>
            <option value="year">{t.mapOfYear(selection.year)}</option>
            <option value="before-2025-07">{t.mapBefore}</option>
            <option value="after-2025-07">{t.mapAfter}</option>
          </select>
        </label>
        {measure?.dimensions.map((dimension) => (
          <label className="field" key={dimension.id}>
            <span>{nameOf(dimension)}</span>
            <select
              name={`dim.${dimension.id}`}
              value={selection.dimensions[dimension.id] ?? neverAdded[dimension.id] ?? ""}
              onChange={(event) => {
                const { [dimension.id]: _previous, ...others } = selection.dimensions;
                update({ dimensions: event.target.value ? { ...others, [dimension.id]: event.target.value } : others });
              }}
            >
              {!(dimension.id in neverAdded) && <option value="">{t.allValues}</option>}
              {dimension.values.map((value) => (
                <option key={value.code} value={value.code}>
                  {nameOf(value)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field field-check">
          <input type="checkbox" name="all" checked={selection.showAll} onChange={(event) => update({ showAll: event.target.checked })} />
          <span>{t.showUnitsWithoutSubgraph}</span>
        </label>
      </fieldset>
    </form>
  );
}
