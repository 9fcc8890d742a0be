/**
 * Property-based tests (fast-check) of the Arabic/Latin search normaliser: any input, in any script, is handled
 * without throwing; the output has a fixed shape; spelling variants fold together; every query built from user
 * text is made of literal terms only; and a name always finds itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTokens, luceneQueryFor, nameKeys, normalizeForSearch } from './normalize.ts';

const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const TASHKEEL = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640', '\u0670'];
const HAMZA_ALEF = ['\u0623', '\u0625', '\u0622', '\u0671'];

const arabicWord = fc.array(fc.constantFrom(...ARABIC_LETTERS), { minLength: 2, maxLength: 10 }).map((l) => l.join(''));
const arabicName = fc.array(arabicWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
/** Any text: full Unicode, Arabic, Latin with accents, punctuation and Lucene syntax mixed. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  arabicName,
  fc.stringMatching(/^[\w\s+\-&|!(){}[\]^"~*?:\\/'’ـًٌٍَُِّْ،؛]{0,60}$/u),
);
const runs = { numRuns: 400 };

/** Lucene query shape: balanced parentheses, paired quotes, and every term plain letters and digits. */
function onlyLiteralTerms(query: string): boolean {
  let depth = 0;
  for (const c of query) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  if (depth !== 0 || (query.match(/"/g) ?? []).length % 2 !== 0) return false;
  const terms = query
    .replace(/\^\d+/g, ' ')
    .replace(/[()"]/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^\+/, '').replace(/\*$/, ''))
    .filter((t) => t !== '' && t !== 'OR');
  return terms.every((t) => /^_?[\p{L}\p{N}]+$/u.test(t));
}

describe('normalizeForSearch on any input', () => {
  it('never throws, and gives letters and digits separated by single spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = normalizeForSearch(text);
        expect(out).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
      }),
      runs,
    );
  });

  it('is idempotent: normalising twice changes nothing more', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
      }),
      runs,
    );
  });
});

describe('Arabic spelling variants fold together', () => {
  it('diacritics and tatweel anywhere inside the letters change nothing', () => {
    fc.assert(
      fc.property(
        arabicName,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TASHKEEL)), { maxLength: 8 }),
        (name, marks) => {
          const chars = [...name];
          for (const [at, mark] of marks) {
            const i = at % (chars.length + 1);
            if (chars[i - 1] !== undefined && chars[i - 1] !== ' ') chars.splice(i, 0, mark);
          }
          expect(normalizeForSearch(chars.join(''))).toBe(normalizeForSearch(name));
        },
      ),
      runs,
    );
  });

  it('presentation forms and ligatures (as PDFs produce) read as their plain letters', () => {
    expect(normalizeForSearch('\uFEDF\uFEE4\uFEE8\uFEF4\uFE8E')).toBe(normalizeForSearch('لمنيا'));
    expect(normalizeForSearch('\uFD78')).toBe('عمي');
    expect(normalizeForSearch('\uFEFB')).toBe('لا');
  });

  it('alef with hamza or madda, alef maqsura and taa marbuta match their plain letters', () => {
    fc.assert(
      fc.property(arabicWord, fc.constantFrom(...HAMZA_ALEF), (word, alef) => {
        expect(nameKeys(`${alef}${word}`)).toEqual(nameKeys(`ا${word}`));
        expect(nameKeys(`${word}ى`)).toEqual(nameKeys(`${word}ي`));
        expect(nameKeys(`${word}ة`)).toEqual(nameKeys(`${word}ه`));
      }),
      runs,
    );
  });

  it('a name with or without its article, written together or apart, shares a key', () => {
    fc.assert(
      fc.property(arabicWord, arabicWord, (a, b) => {
        fc.pre(!a.startsWith('ال') && !b.startsWith('ال'));
        expect(nameKeys(`ال${a}`)).toContain(nameKeys(a)[0]);
        expect(nameKeys(`${a} ${b}`)).toEqual(nameKeys(`${a}${b}`));
      }),
      runs,
    );
  });
});

describe('queries and index tokens', () => {
  it('every query built from user text is made of literal, escaped terms and stays small', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const query = luceneQueryFor(text);
        if (query === null) return;
        expect(onlyLiteralTerms(query), query).toBe(true);
        expect(query.length).toBeLessThan(5_000);
      }),
      runs,
    );
  });

  it('a name always finds itself: its keys and words are among its index tokens', () => {
    fc.assert(
      fc.property(fc.oneof(arabicName, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })), (name) => {
        const tokens = new Set(indexTokens([name]));
        for (const key of nameKeys(name)) if (key.length <= 200) expect(tokens.has(`_${key}`)).toBe(true);
        for (const word of normalizeForSearch(name).split(' '))
          if (word.length > 1) expect(tokens.has(word.slice(0, 64))).toBe(true);
      }),
      runs,
    );
  });
});
