/**
 * Common Arabic spelling variants of a name, as writers actually produce them: hamza seats dropped
 * (أ إ آ → ا), ta marbuta written as ha (ة → ه), alef maqsura written as ya (ى → ي) and final ya written as
 * alef maqsura (ي → ى). Search should find a name whichever of these spellings is typed.
 */
export const VARIANT_RULES = ['hamza', 'ta-marbuta', 'alef-maqsura', 'ya'] as const;
export type VariantRule = (typeof VARIANT_RULES)[number];

const RULE_PATTERNS: Record<VariantRule, { pattern: RegExp; replace: (match: string) => string }> = {
  hamza: { pattern: /[أإآ]/gu, replace: () => 'ا' },
  'ta-marbuta': { pattern: /ة(?=$|[\s\u060C.،])/gu, replace: () => 'ه' },
  'alef-maqsura': { pattern: /ى/gu, replace: () => 'ي' },
  ya: { pattern: /ي(?=$|[\s\u060C.،])/gu, replace: () => 'ى' },
};

/** The spelling of `name` with one rule applied everywhere it can be, or undefined when the rule does not apply. */
export function applyVariantRule(name: string, rule: VariantRule): string | undefined {
  const { pattern, replace } = RULE_PATTERNS[rule];
  const variant = name.replace(pattern, replace);
  return variant === name ? undefined : variant;
}

/** Every rule that changes `name`, with the variant it gives. */
export function spellingVariants(name: string): Array<{ rule: VariantRule; variant: string }> {
  const out: Array<{ rule: VariantRule; variant: string }> = [];
  for (const rule of VARIANT_RULES) {
    const variant = applyVariantRule(name, rule);
    if (variant !== undefined) out.push({ rule, variant });
  }
  return out;
}
