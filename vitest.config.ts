import { defineConfig } from 'vitest/config';

const shared = { exclude: ['**/node_modules/**', '**/.neo4j*/**', '**/dist/**'] };

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...shared.exclude, '**/*.int.test.ts'],
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
