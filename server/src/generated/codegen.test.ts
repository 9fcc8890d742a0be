import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';

describe('generated resolver types', () => {
  it('match schema/schema.graphql (run `npm run codegen` after changing it)', async () => {
    const [output] = await generate({ ...config, cwd: new URL('../../..', import.meta.url).pathname, silent: true }, false);
    expect(output?.filename).toMatch(/server\/src\/generated\/graphql\.ts$/);
    expect(output?.content).toBe(readFileSync(new URL('./graphql.ts', import.meta.url), 'utf8'));
  }, 60_000);
});
