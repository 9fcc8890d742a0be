import { describe, expect, it } from 'vitest';
import {
  checkGoal,
  compareMedians,
  describeGoal,
  formatNumber,
  interleavedRounds,
  median,
  percentile,
  summarize,
} from './stats.ts';

describe('percentile and median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between the closest ranks and does not reorder its input', () => {
    const values = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(percentile(values, 95)).toBeCloseTo(9.55, 10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(values[0]).toBe(10);
  });

  it('gives NaN for no values and refuses a percentile outside 0–100', () => {
    expect(median([])).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarises count, extremes, percentiles and mean', () => {
    const s = summarize(Array.from({ length: 101 }, (_, i) => i));
    expect(s).toMatchObject({ count: 101, min: 0, max: 100, p50: 50, p95: 95, p99: 99, mean: 50 });
  });
});

describe('interleavedRounds', () => {
  it('runs a warm-up round then alternates the order of two contenders', () => {
    const rounds = interleavedRounds(['A', 'B'], 4);
    expect(rounds.map((r) => r.order.join(''))).toEqual(['AB', 'BA', 'AB', 'BA', 'AB']);
    expect(rounds.map((r) => r.warmUp)).toEqual([true, false, false, false, false]);
  });

  it('rotates three contenders so each goes first equally often', () => {
    const orders = interleavedRounds(['A', 'B', 'C'], 3).slice(1);
    expect(orders.map((r) => r.order.join(''))).toEqual(['BCA', 'CAB', 'ABC']);
  });

  it('refuses zero rounds and no contenders', () => {
    expect(() => interleavedRounds(['A'], 0)).toThrow(RangeError);
    expect(() => interleavedRounds([], 2)).toThrow(RangeError);
  });
});

describe('compareMedians', () => {
  it('orients the ratio so that above 1 favours the subject for throughput', () => {
    expect(compareMedians([200, 100, 300], [100, 90, 110], true)).toEqual({
      subjectValue: 200,
      peerValue: 100,
      ratio: 2,
    });
  });

  it('orients the ratio so that above 1 favours the subject for latency', () => {
    const c = compareMedians([5, 5, 5], [20, 20, 20], false);
    expect(c.ratio).toBe(4);
    expect(compareMedians([20], [5], false).ratio).toBe(0.25);
  });
});

describe('goals', () => {
  it('checks a ratio goal and says by how much it is missed', () => {
    expect(checkGoal({ kind: 'ratioAtLeast', value: 1.5 }, 1.6)).toEqual({ met: true, shortfall: null });
    const missed = checkGoal({ kind: 'ratioAtLeast', value: 100 }, 50);
    expect(missed.met).toBe(false);
    expect(missed.shortfall).toBe('2× short of the goal');
  });

  it('checks an upper bound on a latency', () => {
    expect(checkGoal({ kind: 'atMost', value: 25, unit: 'ms' }, 25).met).toBe(true);
    expect(checkGoal({ kind: 'atMost', value: 10, unit: 'ms' }, 15).shortfall).toBe('5 ms over the goal');
  });

  it('has no verdict without a value', () => {
    expect(checkGoal({ kind: 'atLeast', value: 1, unit: 'fps' }, null)).toEqual({ met: null, shortfall: null });
    expect(checkGoal({ kind: 'atLeast', value: 1, unit: 'fps' }, Number.NaN).met).toBeNull();
  });

  it('describes goals in words', () => {
    expect(describeGoal({ kind: 'ratioAtLeast', value: 0.9 })).toBe('≥0.9×');
    expect(describeGoal({ kind: 'atMost', value: 30, unit: 's' })).toBe('≤30 s');
  });
});

describe('formatNumber', () => {
  it('keeps three significant figures, groups thousands and marks missing values', () => {
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
