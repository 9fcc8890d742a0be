import { describe, expect, it } from 'vitest';
import {
  escapeLuceneTerm,
  indexTokens,
  luceneQueryFor,
  nameKeys,
  normalizeArabic,
  normalizeForSearch,
  normalizeLatin,
  searchTextFor,
} from './normalize.ts';

/** The words of a Lucene query string that are not syntax: what the classic parser would read as terms. */
function luceneTerms(query: string): string[] {
  // Our own syntax: boosts, grouping, phrase quotes, required markers, trailing wildcards, the OR between clauses.
  return query
    .replace(/\^\d+/g, ' ')
    .replace(/[()"+*]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '' && t !== 'OR');
}

/**
 * Checks a query string the way the Lucene classic parser reads it: after removing our own syntax (groups,
 * phrases, boosts, `OR`, required `+`, a trailing `*`), no special character or operator word is left unescaped.
 */
function expectOnlyLiteralTerms(query: string): void {
  const parens = [...query].reduce((depth, c) => {
    const next = depth + (c === '(' ? 1 : c === ')' ? -1 : 0);
    expect(next).toBeGreaterThanOrEqual(0);
    return next;
  }, 0);
  expect(parens).toBe(0);
  expect((query.match(/"/g) ?? []).length % 2).toBe(0);
  for (const term of luceneTerms(query)) {
    expect(term).not.toMatch(/^(AND|OR|NOT|&&|\|\|)$/);
    // Every special character inside a term is escaped (our normalisation leaves none at all).
    expect(term.replace(/\\./g, '')).not.toMatch(/[+\-&|!(){}[\]^"~*?:\\/]/);
    expect(term).toMatch(/^_?[\p{L}\p{N}]+$/u);
  }
}

describe('normalizeArabic', () => {
  it('removes diacritics (tashkeel) and tatweel', () => {
    expect(normalizeArabic('قَسَدٌ')).toBe('قسد');
    expect(normalizeArabic('قـسـد')).toBe('قسد');
    expect(normalizeArabic('الدَّوْلَةُ')).toBe('الدوله');
  });

  it('folds hamzated alefs and alef wasla to a bare alef', () => {
    expect(normalizeArabic('أمريكا')).toBe('امريكا');
    expect(normalizeArabic('إسلامية')).toBe('اسلاميه');
    expect(normalizeArabic('آمريكا')).toBe('امريكا');
    expect(normalizeArabic('ٱلله')).toBe('الله');
  });

  it('folds alef maqsura to yeh and teh marbuta to heh', () => {
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
    expect(normalizeArabic('الرقة')).toBe('الرقه');
  });

  it('turns Arabic-Indic digits into ASCII and leaves Latin text alone', () => {
    expect(normalizeArabic('٢٠١٩ and ۱۴')).toBe('2019 and 14');
    expect(normalizeArabic('Raqqá (SDF)')).toBe('Raqqá (SDF)');
  });
});

describe('normalizeLatin', () => {
  it('is case- and accent-insensitive', () => {
    for (const variant of ['Raqqa', 'RAQQA', 'Raqqá', 'raqqa']) expect(normalizeLatin(variant)).toBe('raqqa');
    expect(normalizeLatin('Türkiye')).toBe('turkiye');
  });

  it('applies compatibility decomposition (ligatures, full-width letters)', () => {
    expect(normalizeLatin('ﬁeld')).toBe('field');
    expect(normalizeLatin('ＳＤＦ')).toBe('sdf');
  });
});

describe('normalizeForSearch', () => {
  it('turns punctuation and quote marks into spaces and collapses them', () => {
    expect(normalizeForSearch('“قسد”')).toBe('قسد');
    expect(normalizeForSearch('لـ”داعش”')).toBe('ل داعش');
    expect(normalizeForSearch('  Syrian Democratic Forces (SDF)  ')).toBe('syrian democratic forces sdf');
    expect(normalizeForSearch('Deir ez-Zor')).toBe('deir ez zor');
    expect(normalizeForSearch('الحدود السورية – العراقية')).toBe('الحدود السوريه العراقيه');
  });

  it('removes apostrophes inside words and an English possessive', () => {
    expect(normalizeForSearch("al-Qa'ida")).toBe('al qaida');
    expect(normalizeForSearch('ISIS’s fighters')).toBe('isis fighters');
  });

  it('returns an empty string for text with nothing searchable', () => {
    expect(normalizeForSearch(' ()"\\*:~ ')).toBe('');
    expect(normalizeForSearch('ـــ')).toBe('');
  });
});

describe('index tokens', () => {
  const same = (values: string[]) => indexTokens(values).filter((t) => !t.startsWith('_'));

  it('maps spelling variants of a name to the same tokens', () => {
    expect(same(['أمريكا'])).toEqual(['امريكا']);
    expect(same(['امريكا'])).toEqual(['امريكا']);
    expect(same(['آمريكا'])).toEqual(['امريكا']);
    expect(same(['قَسَد'])).toEqual(same(['قـسـد']));
    expect(same(['قـسـد'])).toEqual(['قسد']);
    expect(same(['Raqqá'])).toEqual(same(['RAQQA']));
  });

  it('adds Arabic words without their article', () => {
    expect(indexTokens(['الباغوز'])).toContain('باغوز');
    expect(indexTokens(['باغوز'])).toContain('باغوز');
    // Too short to be an article plus a word.
    expect(indexTokens(['الم'])).not.toContain('م');
  });

  it('adds adjacent words written together, so "دير الزور" and "ديرالزور" meet', () => {
    expect(indexTokens(['دير الزور'])).toEqual(expect.arrayContaining(['دير', 'الزور', 'زور', 'ديرالزور']));
    expect(indexTokens(['ديرالزور'])).toContain('ديرالزور');
    expect(indexTokens(['Deir ez-Zor'])).toEqual(expect.arrayContaining(['deir', 'ez', 'zor', 'ezzor']));
  });

  it('drops detached one-letter Arabic prefixes', () => {
    expect(indexTokens(['الخلايا النائمة لـ”داعش”'])).not.toContain('ل');
    expect(indexTokens(['الخلايا النائمة لـ”داعش”'])).toContain('داعش');
  });

  it('adds exact-name keys per name that spelling variants share', () => {
    const shared = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));
    expect(shared('دير الزور', 'ديرالزور')).toBe(true);
    expect(shared('دير الزور', 'دير زور')).toBe(true);
    expect(shared('الباغوز', 'باغوز')).toBe(true);
    expect(shared('أمريكا', 'امريكا')).toBe(true);
    expect(shared('Deir ez-Zor', 'deir ezzor')).toBe(true);
    expect(shared('الباغوز', 'الباغوز فوقاني')).toBe(false);
    expect(nameKeys('دير الزور')).toEqual(['ديرزور', 'ديرالزور']);
    expect(indexTokens(['الباغوز'])).toContain('_باغوز');
  });

  it('builds the stored text from name, Arabic name and aliases, once each', () => {
    const text = searchTextFor({ name: 'Baghouz', nameAr: 'الباغوز', aliases: ['Baghouz', 'منطقة الباغوز'] });
    expect(text.startsWith('baghouz الباغوز منطقه الباغوز')).toBe(true);
    expect(text.split(' ')).toEqual(expect.arrayContaining(['باغوز', '_baghouz', '_باغوز', '_منطقهباغوز']));
    expect(searchTextFor({ name: 'X', nameAr: null, aliases: [] })).toBe('x _x');
  });
});

describe('luceneQueryFor', () => {
  it('returns null when nothing searchable is left', () => {
    for (const text of ['', '   ', '()', '"', '\\', '*', '~', '“”', 'ـ', 'ل']) expect(luceneQueryFor(text)).toBeNull();
  });

  it('gives spelling variants the same query', () => {
    expect(luceneQueryFor('أمريكا')).toBe(luceneQueryFor('امريكا'));
    expect(luceneQueryFor('آمريكا')).toBe(luceneQueryFor('امريكا'));
    expect(luceneQueryFor('قـسـد')).toBe(luceneQueryFor('قَسَد'));
    expect(luceneQueryFor('RAQQA')).toBe(luceneQueryFor('Raqqá'));
    expect(luceneQueryFor('“قسد”')).toBe(luceneQueryFor('قسد'));
  });

  it('requires every word, searches a word with an article also without it, and the last word as a prefix', () => {
    expect(luceneQueryFor('الباغوز')).toBe('_باغوز^20 OR _باغوز*^8 OR (+(الباغوز OR باغوز OR الباغوز* OR باغوز*))');
    expect(luceneQueryFor('Islamic State')).toBe(
      '_islamicstate^20 OR _islamicstate*^8 OR (+islamic +(state OR state*)) OR "islamic state"^4 OR islamicstate^2',
    );
  });

  it('finds words written together or apart: "دير الزور" also asks for "ديرالزور"', () => {
    expect(luceneQueryFor('دير الزور')).toContain('ديرالزور^2');
    expect(luceneQueryFor('دير الزور')).toContain('_ديرالزور^20');
    expect(luceneQueryFor('ديرالزور')).toContain('_ديرالزور^20');
  });

  it('does not add prefixes for one character', () => {
    expect(luceneQueryFor('x')).toBe('_x^20 OR (+x)');
    expect(luceneQueryFor('xy')).toBe('_xy^20 OR _xy*^8 OR (+(xy OR xy*))');
  });

  it('escapes hostile input so Lucene reads only literal terms', () => {
    const hostile = [
      'SDF) OR *:*',
      '"',
      '\\',
      'name:x',
      'AND',
      'a AND b OR NOT c',
      'a && b || !c',
      '(x) [y] {z} ^2 ~1 ? / -',
      '+a -b',
      "' OR 1=1 --",
      'قسد) OR *:*',
      'x'.repeat(10_000),
      'a '.repeat(5_000),
    ];
    for (const text of hostile) {
      const query = luceneQueryFor(text);
      if (query === null) continue;
      expectOnlyLiteralTerms(query);
    }
    expect(luceneQueryFor('SDF) OR *:*')).toBe(
      '_sdfor^20 OR _sdfor*^8 OR (+sdf +(or OR or*)) OR "sdf or"^4 OR sdfor^2',
    );
    expect(luceneQueryFor('AND')).toBe('_and^20 OR _and*^8 OR (+(and OR and*))');
  });

  it('keeps queries from long input small', () => {
    const long = luceneQueryFor('x'.repeat(10_000)) ?? '';
    expect(long.length).toBeLessThan(400);
    const many = luceneQueryFor('word '.repeat(5_000)) ?? '';
    expect(many.match(/\+/g)?.length).toBeLessThanOrEqual(12);
  });
});

describe('escapeLuceneTerm', () => {
  it('escapes every special character and neutralises operator words', () => {
    expect(escapeLuceneTerm('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    expect(escapeLuceneTerm('AND')).toBe('and');
    expect(escapeLuceneTerm('OR')).toBe('or');
    expect(escapeLuceneTerm('NOT')).toBe('not');
    expect(escapeLuceneTerm('name:x')).toBe('name\\:x');
  });
});
