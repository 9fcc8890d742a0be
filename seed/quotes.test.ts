import { describe, expect, it } from 'vitest';
import { findQuoteSpans, normalizeWhitespace, quoteMatchesSpan } from './quotes.ts';

const text = 'قالت قوات “قسد”،  السبت\n23 آذار: “قسد” هنا.';

describe('verbatim quotes', () => {
  it('finds every occurrence, across line breaks and doubled spaces', () => {
    expect(findQuoteSpans(text, '“قسد”')).toHaveLength(2);
    const [span] = findQuoteSpans(text, 'السبت 23 آذار');
    expect(span).toBeDefined();
    expect(text.slice(span?.start, span?.end)).toBe('السبت\n23 آذار');
  });

  it('treats regular-expression characters in a quote literally', () => {
    expect(findQuoteSpans('a (b) c.d', '(b) c.d')).toEqual([{ start: 2, end: 9 }]);
    expect(findQuoteSpans('a (b) cxd', '(b) c.d')).toEqual([]);
  });

  it('checks a span against a quote up to whitespace only', () => {
    expect(quoteMatchesSpan(text, 'قوات “قسد”،', { start: 5, end: 16 })).toBe(true);
    expect(quoteMatchesSpan(text, 'قوات “قسد”', { start: 5, end: 16 })).toBe(false);
    expect(quoteMatchesSpan(text, 'x', { start: 5, end: 500 })).toBe(false);
    expect(normalizeWhitespace(' a \n\t b ')).toBe('a b');
  });
});
