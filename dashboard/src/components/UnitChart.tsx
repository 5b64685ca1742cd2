import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { Measure, ReportState, UnitFigure } from "../api/types.ts";
import { chartValue, formatBillionsVnd, formatNumber, formatPercent, formatRatio } from "../format/format-figure.ts";
import type { Dictionary, Language } from "../i18n/dictionary.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { CHART_FONT, COLORS, textWidth } from "./chart-style.ts";
import { PlotFigure } from "./PlotFigure.tsx";

interface ChartRow {
  name: string;
  state: ReportState;
  /** What the bar is drawn to; null draws no bar, only the "no data" mark. */
  value: number | null;
  label: string;
}

/** One row per unit, in the directory's order; a unit without a figure keeps its row with a label, never a zero bar. */
export function chartRows(units: readonly UnitFigure[], measure: Measure, language: Language, t: Dictionary): ChartRow[] {
  return units.map(({ province, state, value }) => {
    const drawn = chartValue(value, measure.valueType);
    if (drawn === null || !value) {
      const mark = state === "UNAVAILABLE" || state === "NO_SUBGRAPH" ? t.missingMark[state] : t.missingMark.NOT_REPORTED;
      return { name: province.name, state, value: null, label: `× ${mark}` };
    }
    let label: string;
    if (measure.valueType === "RATIO") label = formatRatio(value, language) ?? "";
    else if (measure.valueType === "MONEY_VND") label = `${formatBillionsVnd(drawn, language)} ${t.billionsAxis}`;
    else label = formatNumber(drawn, language);
    if (state === "PARTIAL") label += ` · ${t.state.PARTIAL.toLowerCase()}`;
    return { name: province.name, state, value: drawn, label };
  });
}

/**
 * The units on one measure as horizontal bars. A ratio is drawn against its denominator (a pale
 * bar to 100 %) with "41/41" written beside it; money is in billions of đồng; a unit without a
 * figure gets a grey "× no data" (red "× unavailable" when its subgraph did not answer), so a
 * missing figure can never be read as zero.
 */
export function UnitChart({ measure, units, year }: { measure: Measure; units: readonly UnitFigure[]; year: number }) {
  const { t, language, nameOf } = useLanguage();
  const draw = useCallback(
    (width: number) => {
      const rows = chartRows(units, measure, language, t);
      const drawn = rows.filter((row) => row.value !== null);
      const missing = rows.filter((row) => row.value === null);
      const isRatio = measure.valueType === "RATIO";
      const max = Math.max(0, ...drawn.map((row) => row.value!));
      const marginLeft = Math.min(Math.max(...rows.map((row) => textWidth(row.name)), 40) + 12, width * 0.4);
      // Room for the widest bar label, and at least for the axis label at the right end.
      const marginRight = Math.min(Math.max(...drawn.map((row) => textWidth(row.label)), 36) + 16, width * 0.4);
      const tickFormat = isRatio
        ? (x: number) => formatPercent(x, language)
        : measure.valueType === "MONEY_VND"
          ? (x: number) => formatBillionsVnd(x, language)
          : (x: number) => formatNumber(x, language);
      return Plot.plot({
        width,
        height: rows.length * 30 + 60,
        marginBottom: 40,
        marginLeft,
        marginRight,
        style: CHART_FONT,
        x: {
          domain: isRatio ? [0, 1] : [0, max || 1],
          nice: !isRatio,
          grid: true,
          tickFormat,
          ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 80)),
          label: isRatio ? t.percentAxis : measure.valueType === "MONEY_VND" ? t.billionsAxis : t.countAxis(t.unitName[measure.unit] ?? measure.unit),
          // Centred below the ticks: at the right end it would sit on the last tick's label.
          labelAnchor: "center",
          labelArrow: "none",
        },
        // The directory's order, not sorted by value: a reader finds a province where it always is.
        y: { domain: rows.map((row) => row.name), label: null, tickSize: 0 },
        marks: [
          isRatio ? Plot.barX(drawn, { x1: 0, x2: 1, y: "name", fill: COLORS.denominator }) : null,
          Plot.barX(drawn, {
            x1: 0,
            x2: "value",
            y: "name",
            fill: (row: ChartRow) => (row.state === "PARTIAL" ? COLORS.partial : COLORS.reported),
            title: (row: ChartRow) => `${row.name}: ${row.label}`,
          }),
          Plot.text(drawn, { x: isRatio ? 1 : "value", y: "name", text: "label", textAnchor: "start", dx: 6, fill: COLORS.text }),
          Plot.text(missing, {
            x: 0,
            y: "name",
            text: "label",
            textAnchor: "start",
            dx: 4,
            fontStyle: "italic",
            fill: (row: ChartRow) => (row.state === "UNAVAILABLE" ? COLORS.unavailable : COLORS.missing),
            className: "missing-mark",
          }),
          Plot.ruleX([0], { stroke: COLORS.axis }),
        ],
      });
    },
    [units, measure, language, t],
  );
  return <PlotFigure draw={draw} label={t.chartDescription(nameOf(measure), year)} testId="unit-chart" />;
}
