import { defineConfig } from 'vitest/config';

/** `npm run test:stress`: crash, outage and load runs against a real Neo4j; minutes long, not part of `npm test`. */
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    include: ['**/*.stress.test.ts'],
    exclude: ['**/node_modules/**', '**/.neo4j*/**', '**/dist/**'],
    globalSetup: ['test/neo4j-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
