export interface Summary {
  samples: number;
  medianMs: number;
  p99Ms: number;
}

/** Median and p99 of durations in milliseconds (nearest rank), rounded to 0.01 ms. */
export function summarize(durations: readonly number[]): Summary {
  if (durations.length === 0) throw new Error("no samples to summarize");
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { samples: sorted.length, medianMs: round(rank(0.5)), p99Ms: round(rank(0.99)) };
}
