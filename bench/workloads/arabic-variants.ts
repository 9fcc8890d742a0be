/**
 * Spelling variants of an Arabic name as people actually type them: hamza on or off the alef, ة written ه, ى written
 * ي (and back), diacritics or a tatweel added. Pure; W5 uses them to measure search recall.
 */
const ALEF_FORMS = /[أإآ]/;
const DIACRITIC_FATHA = '\u064E';
const TATWEEL = '\u0640';
const ARABIC_LETTER = /[\u0621-\u064A]/;

function replaceWordEnd(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`${from}(?=\\s|$)`, 'gu'), to);
}

/** Distinct variants of `name`, in a fixed order; none when it has no Arabic letter. */
export function arabicVariants(name: string): string[] {
  if (!ARABIC_LETTER.test(name)) return [];
  const candidates = [
    ALEF_FORMS.test(name) ? name.replace(/[أإآ]/gu, 'ا') : name.replace(/(^|\s)ا/u, '$1أ'),
    replaceWordEnd(name, 'ة', 'ه'),
    replaceWordEnd(name, 'ه', 'ة'),
    replaceWordEnd(name, 'ى', 'ي'),
    replaceWordEnd(name, 'ي', 'ى'),
    name.replace(/([\u0621-\u064A])/u, `$1${DIACRITIC_FATHA}`),
    name.replace(/([\u0621-\u064A])([\u0621-\u064A])/u, `$1${TATWEEL}$2`),
  ];
  return [...new Set(candidates.filter((c) => c !== name))];
}
