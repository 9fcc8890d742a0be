import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.ts';

const result = (text: string) => ({ data: { text } });

describe('ResponseCache', () => {
  it('keeps results within its byte budget, least recently used out first', () => {
    const keys = 'abcdefghij'.split('');
    const entry = Buffer.byteLength(JSON.stringify(result('a'.repeat(1000)))) + 1;
    // Room for exactly ten entries of this size, each a tenth of the budget.
    const cache = new ResponseCache(entry * 10);
    for (const key of keys) cache.set(key, result(key.repeat(1000)));
    expect(cache.size).toEqual({ entries: 10, bytes: entry * 10 });
    expect(cache.get('a')).toEqual(result('a'.repeat(1000)));
    cache.set('k', result('k'.repeat(1000)));
    // 'b' was the least recently used ('a' was just read).
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('k')).toBeDefined();
    expect(cache.size).toEqual({ entries: 10, bytes: entry * 10 });
  });

  it('keeps a copy: what a reader does to a result it got does not change the kept one', () => {
    const cache = new ResponseCache(10_000);
    const stored = { data: { names: ['الباغوز', 'Baghouz'] } };
    cache.set('q', stored);
    stored.data.names.push('changed after set');
    const first = cache.get('q') as typeof stored;
    first.data.names.push('changed after get');
    expect(cache.get('q')).toEqual({ data: { names: ['الباغوز', 'Baghouz'] } });
  });

  it('does not keep a result larger than a tenth of the budget', () => {
    const cache = new ResponseCache(1000);
    cache.set('big', result('x'.repeat(200)));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
