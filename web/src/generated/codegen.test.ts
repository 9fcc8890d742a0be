import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';

const TARGET = 'web/src/generated/graphql.ts';

describe('generated client operations', () => {
  it('match web/src/operations.graphql and schema/schema.graphql (run `npm run codegen` after changing either)', async () => {
    const target = config.generates[TARGET];
    expect(target).toBeDefined();
    const [output] = await generate(
      { ...config, generates: { [TARGET]: target as NonNullable<typeof target> }, cwd: new URL('../../..', import.meta.url).pathname, silent: true },
      false,
    );
    expect(output?.filename).toMatch(/web\/src\/generated\/graphql\.ts$/);
    expect(output?.content).toBe(readFileSync(new URL('./graphql.ts', import.meta.url), 'utf8'));
  }, 60_000);

  it('send every operation with its fragments inlined (the server counts a spread as two levels of depth)', () => {
    const generated = readFileSync(new URL('./graphql.ts', import.meta.url), 'utf8');
    const operations = [...generated.matchAll(/export const (\w+Document) = [^`]*`([^`]*)`/g)];
    expect(operations.map(([, name]) => name)).toContain('DetailsDocument');
    for (const [, name, text] of operations) expect({ name, spreads: text?.match(/\.\.\.\s*(?!on\b)[A-Za-z_]\w*/g) ?? [] }).toEqual({ name, spreads: [] });
  });
});
