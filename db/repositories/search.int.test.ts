import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDriver } from '../../test/seeded-database.ts';
import type { SearchHitRecord } from '../records.ts';
import { searchNodes } from './search.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await seededDriver();
});

afterAll(async () => {
  await driver?.close();
});

const nameOf = (hit: SearchHitRecord) => String(hit.node.props.name);
const ids = async (text: string, limit = 20) => (await searchNodes(driver, { text, limit })).map((h) => h.node.id);

describe('searching names in either script', () => {
  it.each([
    ['قسد', 'actor:sdf'],
    ['“قسد”', 'actor:sdf'],
    ['قـسـد', 'actor:sdf'],
    ['SDF', 'actor:sdf'],
    ['Syrian Democratic Forces', 'actor:sdf'],
    ['قوات سوريا الديمقراطية', 'actor:sdf'],
    ['داعش', 'actor:isis'],
    ['لـ”داعش”', 'actor:isis'],
    ['ISIS', 'actor:isis'],
    ['Islamic State', 'actor:isis'],
    ['الدولة الإسلامية', 'actor:isis'],
    ['الدولة الاسلامية', 'actor:isis'],
    ['باغوز', 'place:baghouz'],
    ['الباغوز', 'place:baghouz'],
    ['Baghouz', 'place:baghouz'],
    ['BAGHOUZ', 'place:baghouz'],
    ['امريكا', 'actor:us'],
    ['أمريكا', 'actor:us'],
    ['آمريكا', 'actor:us'],
    ['ديرالزور', 'place:deir-ez-zor-governorate'],
    ['دير الزور', 'place:deir-ez-zor-governorate'],
    ['Deir ez-Zor', 'place:deir-ez-zor-governorate'],
    ['الرقة', 'place:raqqa'],
    ['الرقه', 'place:raqqa'],
    ['Raqqa', 'place:raqqa'],
    ['raqqá', 'place:raqqa'],
    ['Türkiye', 'actor:turkey'],
    ['تلفزيون الخبر', 'actor:al-khabar-tv'],
  ])('%s finds %s first, as an exact match', async (text, id) => {
    const hits = await searchNodes(driver, { text, limit: 10 });
    expect(hits[0]?.node.id).toBe(id);
    expect(hits[0]?.exact).toBe(true);
    expect(hits[0]?.node.kind).toBe(id.split(':')[0]?.toUpperCase());
  });

  it('finds what is typed so far (the last word as a prefix)', async () => {
    expect((await ids('Bagh'))[0]).toBe('place:baghouz');
    expect(await ids('الأقليا')).toContain('actor:minorities-under-isis');
    expect(await ids('Syrian Democratic F')).toContain('actor:sdf');
  });

  it('finds a Deir ez-Zor place whichever way the name is joined', async () => {
    const apart = await ids('دير الزور');
    const joined = await ids('ديرالزور');
    for (const id of [
      'place:deir-ez-zor-countryside',
      'place:eastern-deir-ez-zor',
      'actor:local-sources-deir-ez-zor',
    ]) {
      expect(apart).toContain(id);
      expect(joined).toContain(id);
    }
  });

  it('finds sources by title, outlet and author', async () => {
    expect(await ids('الحكاية الكاملة')).toEqual(['source:alkhabar-baghouz-2019']);
    expect(await ids('Attiya al-Attiya')).toEqual(['actor:attiya-al-attiya', 'source:alkhabar-baghouz-2019']);
  });
});

describe('ranking', () => {
  it('puts an exact name before names that only contain it', async () => {
    const hits = await searchNodes(driver, { text: 'ISIS', limit: 100 });
    const found = hits.map((h) => h.node.id);
    expect(found[0]).toBe('actor:isis');
    expect(found).toContain('actor:isis-sleeper-cells');
    expect(hits.filter((h) => h.exact).map((h) => h.node.id)).toEqual(['actor:isis']);
    expect(found.indexOf('actor:isis')).toBeLessThan(found.indexOf('actor:isis-sleeper-cells'));
  });

  it('orders hits by exactness, then score, then shorter name, then name', async () => {
    const hits = await searchNodes(driver, { text: 'Baghouz', limit: 100 });
    expect(hits.length).toBeGreaterThan(5);
    for (const [i, hit] of hits.entries()) {
      const next = hits[i + 1];
      if (!next) break;
      const inOrder =
        hit.exact !== next.exact
          ? hit.exact
          : hit.score !== next.score
            ? hit.score > next.score
            : nameOf(hit).length !== nameOf(next).length
              ? nameOf(hit).length < nameOf(next).length
              : nameOf(hit) <= nameOf(next);
      expect(inOrder, `${hit.node.id} before ${next.node.id}`).toBe(true);
    }
    expect(await searchNodes(driver, { text: 'Baghouz', limit: 100 })).toEqual(hits);
  });

  it('returns at most limit hits, and none for a limit of zero or less', async () => {
    expect(await searchNodes(driver, { text: 'ISIS', limit: 3 })).toHaveLength(3);
    expect(await searchNodes(driver, { text: 'ISIS', limit: 0 })).toEqual([]);
    expect(await searchNodes(driver, { text: 'ISIS', limit: -5 })).toEqual([]);
  });
});

describe('filtering by kind', () => {
  it('returns only events when asked for events', async () => {
    const hits = await searchNodes(driver, { text: 'Baghouz', kinds: ['EVENT'], limit: 100 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.node.kind).toBe('EVENT');
    expect(hits.map((h) => h.node.id)).toContain('event:baghouz-captured');
  });

  it('combines kinds, and treats an empty list as no filter', async () => {
    const kinds = new Set(
      (await searchNodes(driver, { text: 'Baghouz', kinds: ['PLACE', 'AGREEMENT'], limit: 100 })).map(
        (h) => h.node.kind,
      ),
    );
    expect(kinds).toEqual(new Set(['PLACE', 'AGREEMENT']));
    expect(await searchNodes(driver, { text: 'Baghouz', kinds: [], limit: 100 })).toEqual(
      await searchNodes(driver, { text: 'Baghouz', limit: 100 }),
    );
  });
});

describe('hostile and empty input', () => {
  it.each([
    'SDF) OR *:*',
    '"',
    '\\',
    '*',
    '~',
    '?',
    'name:SDF',
    "' OR 1=1 --",
    'AND',
    'NOT SDF',
    'SDF~2',
    'S*F',
    '/.*/',
    '[a TO z]',
    '{!lucene}x',
    '}',
    'ISIS^1000',
    'قسد) OR (*',
    'x'.repeat(5_000),
    'ISIS '.repeat(1_000),
  ])('%s never throws and returns an array', async (text) => {
    const hits = await searchNodes(driver, { text, limit: 20 });
    expect(Array.isArray(hits)).toBe(true);
  });

  it('reads operators and syntax as plain words', async () => {
    // Every word is required, so "OR" and "*:*" do not widen the search to everything.
    expect(await ids('SDF) OR *:*')).toEqual([]);
    expect((await ids('name:SDF'))[0]).not.toBe('actor:sdf');
    expect((await ids('"SDF"'))[0]).toBe('actor:sdf');
  });

  it('returns [] for an empty or punctuation-only query', async () => {
    for (const text of ['', '   ', '()', '“”', '*', 'ـ'])
      expect(await searchNodes(driver, { text, limit: 20 })).toEqual([]);
  });
});
