import { defineConfig } from 'vitest/config';

// Long reliability and load runs (`*.stress.test.ts`) live behind `npm run test:stress` (vitest.stress.config.ts).
export const shared = { exclude: ['**/node_modules/**', '**/.neo4j*/**', '**/dist/**', '**/*.stress.test.ts'] };

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...shared.exclude, '**/*.int.test.ts'],
          // Unit tests assert results, not speed; a few start a process (tsx) or build the schema, which on a
          // loaded 2-core machine took over vitest's 5 s default (seed/find-quote.test.ts, 5.0 s at load 16).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: shared.exclude,
          globalSetup: ['test/neo4j-global-setup.ts'],
          // One real Neo4j serves every integration file; files run one at a time so their data never mixes.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
