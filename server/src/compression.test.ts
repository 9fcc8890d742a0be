import { describe, expect, it } from 'vitest';
import { acceptedEncodings, preferredEncoding } from './compression.ts';

describe('Accept-Encoding', () => {
  it.each([
    [null, []],
    ['', []],
    ['identity', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br;q=0.5, gzip;q=1', ['gzip', 'br']],
    ['GZIP; q=0.8 , BR', ['br', 'gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0.1, gzip', ['gzip', 'br']],
    ['br;q=nonsense, gzip', ['gzip']],
  ] as const)('%j admits %j', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
    expect(preferredEncoding(header)).toBe(expected[0] ?? null);
  });

  it('offers only what is there', () => {
    expect(acceptedEncodings('gzip, br', ['gzip'])).toEqual(['gzip']);
    expect(preferredEncoding('br', ['gzip'])).toBeNull();
  });
});
