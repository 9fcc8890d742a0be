/**
 * Text normalisation for search, shared by the seed (what is indexed) and the search repository (what is
 * asked), so both sides agree on tokens. Pure; no database.
 *
 * The full-text index uses the `whitespace` analyzer, so the tokens produced here are exactly the indexed terms:
 * every Arabic and Latin rule lives in this file, and a stored `searchText` is a space-separated list of tokens.
 */

/** Arabic diacritics (tashkeel, Quranic annotation marks, superscript alef) and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ARABIC_LETTER_MAP: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u06CC': '\u064A', // Persian ی → ي
  '\u06A9': '\u0643', // Persian ک → ك
};
const ARABIC_LETTERS = /[\u0623\u0625\u0622\u0671\u0649\u0629\u06CC\u06A9]/g;
/** Arabic-Indic and Persian digits → ASCII. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/**
 * Arabic presentation forms (ligatures, contextual letter shapes, as PDFs and old encodings produce) and Arabic
 * mathematical letters: decomposed to plain letters first, so the folding below applies to them too.
 */
const ARABIC_COMPATIBILITY_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]|\uD83B[\uDE00-\uDEFF]/g;
const ARABIC_CHAR = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const ARABIC_ARTICLE = '\u0627\u0644'; // ال

/** Longest token kept; no name has a longer word, and it keeps every term well under Lucene's token limits. */
const MAX_TOKEN_LENGTH = 64;
/** Most tokens a query uses, so a long input cannot build an oversized Lucene query. */
const MAX_QUERY_TOKENS = 12;
/** Exact-name key tokens longer than this are not indexed (the whitespace tokenizer splits terms at 255). */
const MAX_KEY_LENGTH = 200;
/** Marks an exact-name key token in `searchText`; punctuation never survives normalisation, so no word collides. */
const KEY_PREFIX = '_';

/**
 * Normalises Arabic spelling variants: decomposes presentation forms and ligatures, removes diacritics and tatweel, folds أ إ آ ٱ → ا, ى → ي, ة → ه
 * (and Persian ی ک to their Arabic letters), and turns Arabic-Indic digits into ASCII. Other text is unchanged.
 */
export function normalizeArabic(text: string): string {
  return text
    .replace(ARABIC_COMPATIBILITY_FORMS, (c) => c.normalize('NFKD'))
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c)
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/**
 * Normalises Latin text for case- and accent-insensitive matching: compatibility decomposition (NFKD), combining
 * marks removed, lower case. "Raqqá", "RAQQA" and "Raqqa" all become "raqqa".
 */
export function normalizeLatin(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Full search normalisation of any text in either script: {@link normalizeArabic}, {@link normalizeLatin}, an
 * English possessive "'s" dropped, apostrophes inside a word removed ("al-Qa'ida" → "al qaida"), every other
 * character that is not a letter or digit (punctuation, quote marks, symbols) turned into a space, spaces collapsed.
 */
export function normalizeForSearch(text: string): string {
  return normalizeLatin(normalizeArabic(text))
    .replace(/(\p{L})['’ʼ]s(?![\p{L}\p{N}])/gu, '$1')
    .replace(/(\p{L})['’‘ʼʾʿ`´](?=\p{L})/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const isArabic = (token: string): boolean => ARABIC_CHAR.test(token);

/**
 * The words of a text after normalisation. A lone Arabic letter is dropped: it is a detached prefix such as the
 * "لـ" in «لـ”داعش”» or a spaced "و", never a word of a name.
 */
function wordsOf(text: string): string[] {
  return normalizeForSearch(text)
    .split(' ')
    .filter((w) => w !== '' && !(w.length === 1 && isArabic(w)))
    .map((w) => w.slice(0, MAX_TOKEN_LENGTH));
}

/** The token without its Arabic article, when it has one and enough is left ("الباغوز" → "باغوز"). */
function withoutArticle(token: string): string | undefined {
  return token.length > 3 && token.startsWith(ARABIC_ARTICLE) ? token.slice(ARABIC_ARTICLE.length) : undefined;
}

/**
 * Spelling-independent keys of a whole name: its words joined without spaces, once with every word's leading ال
 * removed and once with only the name's first article removed. Two names sharing a key are the same name written
 * differently: "دير الزور" / "ديرالزور" / "دير زور", "الباغوز" / "باغوز", "Deir ez-Zor" / "deir ezzor".
 */
export function nameKeys(text: string): string[] {
  const words = wordsOf(text);
  if (words.length === 0) return [];
  const [first = '', ...rest] = words;
  const keys = [words.map((w) => withoutArticle(w) ?? w).join(''), (withoutArticle(first) ?? first) + rest.join('')];
  return [...new Set(keys)];
}

/** Adjacent words written together: every Arabic pair, and Latin pairs with a short particle (al, ez, abu). */
function joinedPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] ?? '';
    const b = words[i + 1] ?? '';
    if ((isArabic(a) && isArabic(b)) || (!isArabic(a) && !isArabic(b) && Math.min(a.length, b.length) <= 3))
      out.push(a + b);
  }
  return out;
}

/**
 * Normalised index tokens for a list of names: every word, each Arabic word with its article also without it,
 * adjacent words joined ("دير الزور" → also "ديرالزور"), and the exact-name key tokens of each name (see
 * {@link nameKeys}) so an exact name match can be boosted inside Lucene. Distinct, in first-seen order.
 */
export function indexTokens(values: string[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    const words = wordsOf(value);
    for (const token of [...words, ...joinedPairs(words)]) {
      tokens.add(token);
      const bare = withoutArticle(token);
      if (bare) tokens.add(bare);
    }
    for (const key of nameKeys(value)) if (key.length <= MAX_KEY_LENGTH) tokens.add(KEY_PREFIX + key);
  }
  return [...tokens];
}

/** The names an entity is found by. */
export interface SearchableNames {
  name: string;
  nameAr?: string | null | undefined;
  aliases: readonly string[];
}

/**
 * The text stored on a node (`searchText`) and indexed by the full-text index `node_search`: each distinct
 * normalised name in full (so phrase queries match), followed by the extra tokens of {@link indexTokens}.
 */
export function searchTextFor(entity: SearchableNames): string {
  const values = [entity.name, entity.nameAr ?? '', ...entity.aliases].filter((v) => v.trim() !== '');
  const phrases = [...new Set(values.map((v) => wordsOf(v).join(' ')).filter((p) => p !== ''))];
  const seen = new Set(phrases.flatMap((p) => p.split(' ')));
  const extra = indexTokens(values).filter((t) => !seen.has(t));
  return [...phrases, ...extra].join(' ');
}

/** Characters the Lucene classic query parser treats as syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const LUCENE_OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * Escapes one term for the Lucene classic query parser: every special character gets a backslash, and the
 * operator words AND, OR, NOT are lower-cased so they are read as terms. Normalised tokens never contain
 * special characters; this is the second line of defence.
 */
export function escapeLuceneTerm(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return LUCENE_OPERATORS.has(escaped) ? escaped.toLowerCase() : escaped;
}

/**
 * Turns what a user typed into a safe Lucene query over `searchText`, or null when nothing searchable is left.
 *
 * All words are required; a word with an Arabic article also matches without it, and the last word (two or more
 * characters) also matches as a prefix, so results follow typing. Boosted alternatives rank the best hits first:
 * the exact-name keys (`_key^20`), names starting with what was typed (`_key*^8`, a constant score), the words as a
 * phrase (`"…"^4`) and the words written together (`…^2`). At most 12 words are used; every term is escaped.
 */
export function luceneQueryFor(userText: string): string | null {
  const words = wordsOf(userText).slice(0, MAX_QUERY_TOKENS);
  if (words.length === 0) return null;
  const term = escapeLuceneTerm;
  const groups = words.map((word, i) => {
    const forms = [word];
    const bare = withoutArticle(word);
    if (bare) forms.push(bare);
    const options = forms.map(term);
    if (i === words.length - 1 && word.length >= 2) options.push(...forms.map((f) => `${term(f)}*`));
    return options.length === 1 ? `+${options[0]}` : `+(${options.join(' OR ')})`;
  });
  const clauses = [`(${groups.join(' ')})`];
  const keys = nameKeys(userText).filter((key) => key.length <= MAX_KEY_LENGTH);
  clauses.unshift(
    ...keys.map((key) => `${term(KEY_PREFIX + key)}^20`),
    ...keys.filter((key) => key.length >= 2).map((key) => `${term(KEY_PREFIX + key)}*^8`),
  );
  if (words.length > 1) {
    clauses.push(`"${words.map(term).join(' ')}"^4`);
    const joined = words.join('');
    if (joined.length <= MAX_KEY_LENGTH) clauses.push(`${term(joined)}^2`);
  }
  return clauses.join(' OR ');
}
