/** Pure statistics and scheduling for the benchmark: percentiles, interleaved rounds, side-by-side comparisons. */
import { betterRatio } from './types.ts';

/**
 * The p-th percentile (0–100) of the values by linear interpolation between the closest ranks (numpy's default),
 * so the 50th of an even count is the mean of the middle two. NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100; got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  return {
    count,
    min: count ? Math.min(...values) : Number.NaN,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: count ? Math.max(...values) : Number.NaN,
    mean: count ? values.reduce((a, b) => a + b, 0) / count : Number.NaN,
  };
}

export interface Round<T> {
  /** 0 is the warm-up round, whose results are discarded. */
  index: number;
  warmUp: boolean;
  /** The contenders in the order they run this round. */
  order: T[];
}

/**
 * Interleaved rounds: one warm-up round, then `rounds` measured ones, each running every contender once. The order
 * rotates from round to round (A B, B A, … for two; A B C, B C A, C A B for three) so that drift in the machine's load (other processes, caches
 * warming, the JIT) falls on every contender alike.
 */
export function interleavedRounds<T>(contenders: readonly T[], rounds: number): Round<T>[] {
  if (contenders.length === 0) throw new RangeError('at least one contender is needed');
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a whole number ≥ 1; got ${rounds}`);
  const schedule: Round<T>[] = [];
  for (let index = 0; index <= rounds; index++) {
    const shift = index % contenders.length;
    const rotated = [...contenders.slice(shift), ...contenders.slice(0, shift)];
    schedule.push({ index, warmUp: index === 0, order: rotated });
  }
  return schedule;
}

export interface Comparison {
  subjectValue: number;
  peerValue: number;
  /** > 1 when the subject did better, whichever direction is better. */
  ratio: number;
}

/** Medians of each side's per-round values and the ratio between them, oriented so that > 1 favours the subject. */
export function compareMedians(
  subject: readonly number[],
  peer: readonly number[],
  higherIsBetter: boolean,
): Comparison {
  const subjectValue = median(subject);
  const peerValue = median(peer);
  return { subjectValue, peerValue, ratio: betterRatio(subjectValue, peerValue, higherIsBetter) };
}

/** A goal a measurement is held to: a ratio over the peer, or a bound on the subject's own value. */
export type Goal =
  | { kind: 'ratioAtLeast'; value: number }
  | { kind: 'atMost'; value: number; unit: string }
  | { kind: 'atLeast'; value: number; unit: string };

export function describeGoal(goal: Goal): string {
  switch (goal.kind) {
    case 'ratioAtLeast':
      return `≥${goal.value}×`;
    case 'atMost':
      return `≤${goal.value} ${goal.unit}`;
    case 'atLeast':
      return `≥${goal.value} ${goal.unit}`;
  }
}

export interface GoalCheck {
  met: boolean | null;
  /** How far from the goal, in words, when missed. */
  shortfall: string | null;
}

/** Whether the measured value (or ratio) meets the goal, and by how much it misses. null when nothing was measured. */
export function checkGoal(goal: Goal, value: number | null): GoalCheck {
  if (value === null || !Number.isFinite(value)) return { met: null, shortfall: null };
  const met = goal.kind === 'atMost' ? value <= goal.value : value >= goal.value;
  if (met) return { met, shortfall: null };
  const shortfall =
    goal.kind === 'ratioAtLeast'
      ? `${formatNumber(goal.value / value)}× short of the goal`
      : goal.kind === 'atMost'
        ? `${formatNumber(value - goal.value)} ${goal.unit} over the goal`
        : `${formatNumber(goal.value - value)} ${goal.unit} under the goal`;
  return { met, shortfall };
}

/** Three significant figures at most, thousands separated, no exponent: 1234.5 → "1,235", 0.01234 → "0.0123". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
