/** Nearest-rank percentile of samples (milliseconds), rounded to 0.1. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Per-API counts that changed between two readings of the mock's counters. */
export function countersDelta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [path, count] of Object.entries(after)) {
    const changed = count - (before[path] ?? 0);
    if (changed !== 0 && path.startsWith('/cgi-bin/')) delta[path.slice('/cgi-bin/'.length)] = changed;
  }
  return delta;
}

export function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}
