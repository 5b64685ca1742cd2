import { useEffect, useRef } from "react";
import { useElementWidth } from "../hooks/use-element-width.ts";

interface PlotFigureProps {
  /** Draws the chart at the given width; Observable Plot returns a detached SVG or figure element. */
  draw: (width: number) => Element;
  /** What the chart shows, for screen readers (the table next to it has every figure). */
  label: string;
  testId?: string;
}

/**
 * Hosts an Observable Plot chart in React: Plot draws plain DOM, so React owns only the container
 * and the chart is redrawn when its inputs or the container's width change.
 */
export function PlotFigure({ draw, label, testId }: PlotFigureProps) {
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container);
  useEffect(() => {
    const element = container.current;
    // A container not laid out yet (or squeezed while a screenshot resizes the page) has no room for margins.
    if (!element || width < 120) return;
    const chart = draw(width);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, width]);
  return <div className="plot" ref={container} role="img" aria-label={label} data-testid={testId} />;
}
