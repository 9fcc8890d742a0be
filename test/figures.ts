/**
 * Figures that reliability tests measure (latencies, recovery times, memory growth): printed, and appended to
 * `test-results/reliability/figures.jsonl` so docs/reliability.md can quote what a run actually produced.
 * Recording never decides a test; the assertions do.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const OUT_DIR = path.join(import.meta.dirname, '..', 'test-results', 'reliability');

export interface Figure {
  test: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function recordFigure(figure: Figure): void {
  mkdirSync(OUT_DIR, { recursive: true });
  appendFileSync(
    path.join(OUT_DIR, 'figures.jsonl'),
    `${JSON.stringify({ ...figure, value: Math.round(figure.value * 100) / 100, at: new Date().toISOString() })}\n`,
  );
  console.log(`[figure] ${figure.test} — ${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}`);
}

/** The p-th percentile (0–100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
