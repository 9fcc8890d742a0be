/** Whitespace-insensitive matching of verbatim quotes against a source text. */

/** Collapses every run of whitespace to one space and trims, so line breaks in a quote do not matter. */
export function normalizeWhitespace(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

export interface QuoteSpan {
  start: number;
  end: number;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every span of `sourceText` equal to `quote` up to whitespace, as JavaScript string offsets (end exclusive). */
export function findQuoteSpans(sourceText: string, quote: string): QuoteSpan[] {
  const words = normalizeWhitespace(quote).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const spans: QuoteSpan[] = [];
  for (const match of sourceText.matchAll(pattern)) {
    const start = match.index;
    spans.push({ start, end: start + match[0].length });
  }
  return spans;
}

/** True when the text between the offsets is the quote, up to whitespace. */
export function quoteMatchesSpan(sourceText: string, quote: string, span: QuoteSpan): boolean {
  if (span.start < 0 || span.end > sourceText.length || span.end <= span.start) return false;
  return normalizeWhitespace(sourceText.slice(span.start, span.end)) === normalizeWhitespace(quote);
}
