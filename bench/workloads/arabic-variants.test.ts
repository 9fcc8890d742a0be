import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../server/src/search/normalize.ts';
import { arabicVariants } from './arabic-variants.ts';

describe('arabicVariants', () => {
  it('drops the hamza from an alef, or adds one to a bare leading alef', () => {
    expect(arabicVariants('أبو بكر')).toContain('ابو بكر');
    expect(arabicVariants('اسلام')).toContain('أسلام');
  });

  it('swaps ة and ه, ى and ي at word ends, and adds a diacritic and a tatweel', () => {
    const variants = arabicVariants('الباغوز مدينة على');
    expect(variants).toContain('الباغوز مدينه على');
    expect(variants).toContain('الباغوز مدينة علي');
    expect(variants).toContain('اَلباغوز مدينة على');
    expect(variants).toContain('اـلباغوز مدينة على');
  });

  it('never returns the name itself or duplicates, and nothing for a name without Arabic letters', () => {
    const variants = arabicVariants('دير الزور');
    expect(variants).not.toContain('دير الزور');
    expect(new Set(variants).size).toBe(variants.length);
    expect(arabicVariants('Baghouz')).toEqual([]);
  });

  it('gives variants that the product normaliser folds back onto the original spelling', () => {
    for (const name of ['قوات سوريا الديمقراطية', 'أبو بكر البغدادي', 'مصطفى'])
      for (const variant of arabicVariants(name)) expect(normalizeArabic(variant)).toBe(normalizeArabic(name));
  });
});
