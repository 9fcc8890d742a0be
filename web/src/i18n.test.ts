import { describe, expect, it } from 'vitest';
import { strings } from './i18n.ts';

describe('plural forms in both languages', () => {
  it('says "1 step" and the Arabic forms for one, two, a few and many', () => {
    expect(strings('en').pathSteps(1)).toBe('1 step');
    expect(strings('en').pathSteps(3)).toBe('3 steps');
    expect(strings('ar').pathSteps(1)).toBe('خطوة واحدة');
    expect(strings('ar').pathSteps(2)).toBe('خطوتان');
    expect(strings('ar').pathSteps(4)).toBe('4 خطوات');
    expect(strings('ar').pathSteps(11)).toBe('11 خطوة');
  });

  it('has every English string in Arabic too, none left in English', () => {
    const en = strings('en');
    const ar = strings('ar');
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const value = ar[key];
      expect(value, key).toBeDefined();
      if (
        typeof value === 'string' &&
        !['exportPng', 'exportJson', 'exportGraphml', 'exportCsv', 'language'].includes(key)
      )
        expect(/[\u0600-\u06FF]/.test(value), `${key}: ${value}`).toBe(true);
    }
  });
});
