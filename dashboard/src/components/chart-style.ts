/** What every chart on the page shares: the page's font (with its Vietnamese glyphs) and colours. */

export const FONT_FAMILY = "'Be Vietnam Pro', system-ui, sans-serif";
export const CHART_FONT_SIZE = 12;

/** Plot's own default is the system font, which may lack Vietnamese glyphs; the SVG text uses ours. */
export const CHART_FONT = { fontFamily: FONT_FAMILY, fontSize: `${CHART_FONT_SIZE}px`, overflow: "visible" } as const;

export const COLORS = {
  reported: "#1d5f8a",
  partial: "#7fb0cf",
  denominator: "#e3ebf2",
  missing: "#5f6b7a",
  unavailable: "#b42318",
  text: "#1f2933",
  axis: "#9aa5b1",
  phase: ["#1d5f8a", "#2f9e77", "#d98b2b", "#7a5195"],
} as const;

let context: CanvasRenderingContext2D | null | undefined;

/** The width a label takes in the charts' font, so margins fit the longest province name or value. */
export function textWidth(text: string, size = CHART_FONT_SIZE): number {
  context ??= document.createElement("canvas").getContext("2d");
  if (!context) return text.length * size * 0.62;
  context.font = `${size}px ${FONT_FAMILY}`;
  return Math.ceil(context.measureText(text).width);
}

/** Cuts a label to fit a width, with an ellipsis; the full text stays in the table and the tooltip. */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let end = text.length;
  while (end > 1 && textWidth(`${text.slice(0, end)}…`) > width) end = Math.floor(end * 0.9);
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Rows whose label sits above the bar rather than in a left margin: budget lines and task titles
 * are too long for a margin on a phone, and cut to a few letters they say nothing. Each row is
 * ROW_HEIGHT tall; its bar is inset by BAR_INSET_TOP, the label drawn LABEL_DY above the band's
 * middle and the bar's own text VALUE_DY below it.
 */
export const LABELLED_ROW = { ROW_HEIGHT: 44, BAR_INSET_TOP: 20, LABEL_DY: -10, VALUE_DY: 9 } as const;
