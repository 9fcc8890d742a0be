import { describe, expect, it } from 'vitest';
import {
  MAX_VIEWS,
  mergeViews,
  parseViewsFile,
  readViews,
  type SavedView,
  STORAGE_KEY,
  ViewsFileError,
  viewQuery,
  viewsFileText,
  writeViews,
} from './saved-views.ts';

const view = (name: string, query: string, savedAt = '2026-12-05T20:00:00.000Z'): SavedView => ({
  name,
  query,
  savedAt,
});

/** The browser's storage as the page sees it: a map of strings. */
function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('saved views', () => {
  it('leave the reader’s language out of a view, and keep its parameters in a stable order', () => {
    expect(viewQuery('?sel=actor:sdf&lang=ar&from=2019-03-01&to=2019-03-31')).toBe(
      'from=2019-03-01&sel=actor%3Asdf&to=2019-03-31',
    );
    expect(viewQuery('to=2019-03-31&sel=actor:sdf&from=2019-03-01')).toBe(
      viewQuery('?sel=actor:sdf&from=2019-03-01&to=2019-03-31'),
    );
  });

  it('round-trip through a file, and through the browser’s storage', () => {
    const views = [view('SDF in March', 'sel=actor%3Asdf'), view('الباغوز', 'sel=place%3Abaghouz')];
    expect(parseViewsFile(viewsFileText(views))).toEqual(views);
    const storage = memoryStorage();
    writeViews(storage, views);
    expect(storage.map.has(STORAGE_KEY)).toBe(true);
    expect(readViews(storage)).toEqual(views);
  });

  it('refuse a file that is not theirs, saying where it is wrong', () => {
    const attempt = (text: string) => {
      try {
        parseViewsFile(text);
        return null;
      } catch (error) {
        return error instanceof ViewsFileError ? [error.where, error.what] : ['unexpected', String(error)];
      }
    };
    expect(attempt('{not json')?.[0]).toBe('file');
    expect(attempt(JSON.stringify({ format: 'other', version: 1, views: [] }))).toEqual([
      'format',
      'format is not "baghouz-explorer/saved-views"',
    ]);
    const bad = {
      format: 'baghouz-explorer/saved-views',
      version: 1,
      views: [view('a', 'x'), { ...view('b', 'y'), name: ' ' }],
    };
    expect(attempt(JSON.stringify(bad))).toEqual(['views[1].name', 'a name is empty']);
    const badDate = { ...bad, views: [{ ...view('a', 'x'), savedAt: 'yesterday' }] };
    expect(attempt(JSON.stringify(badDate))).toEqual(['views[0].savedAt', 'savedAt is not an ISO date-time']);
  });

  it('read damaged storage as no views instead of failing the page', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"baghouz-explorer/saved-views","version":1,"views":[{"name":1}]}');
    expect(readViews(storage)).toEqual([]);
    expect(readViews(memoryStorage())).toEqual([]);
  });

  it('merge newest first, a view with a kept name replacing it, and say how many were added and replaced', () => {
    const kept = [view('A', 'sel=a', '2026-12-01T00:00:00.000Z'), view('B', 'sel=b', '2026-12-02T00:00:00.000Z')];
    const incoming = [view('B', 'sel=b2', '2026-12-03T00:00:00.000Z'), view('C', 'sel=c', '2026-11-30T00:00:00.000Z')];
    const merged = mergeViews(kept, incoming);
    expect(merged).toMatchObject({ added: 1, replaced: 1 });
    expect(merged.views.map((v) => `${v.name}:${v.query}`)).toEqual(['B:sel=b2', 'A:sel=a', 'C:sel=c']);
    const many = Array.from({ length: MAX_VIEWS + 5 }, (_, i) =>
      view(`v${i}`, '', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()),
    );
    expect(mergeViews([], many).views).toHaveLength(MAX_VIEWS);
    expect(mergeViews([], many).views[0]?.name).toBe(`v${MAX_VIEWS + 4}`);
  });
});
