import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPersistedOperations } from '../server/src/http-cache.ts';
import { PERSISTED_OPERATION_HASHES } from '../web/src/generated/persisted-operations.ts';
import { persistedOperationFiles, persistedQueries, SERVER_FILE, WEB_FILE } from './persisted-operations.ts';

const root = new URL('..', import.meta.url);

describe('persisted operations', () => {
  it('are current with the generated client operations (run `npm run codegen` after changing them)', () => {
    const { server, web } = persistedOperationFiles();
    expect(readFileSync(new URL(SERVER_FILE, root), 'utf8')).toBe(server);
    expect(readFileSync(new URL(WEB_FILE, root), 'utf8')).toBe(web);
  });

  it('hash to the same keys on the server as in the explorer, one per query', () => {
    const server = loadPersistedOperations();
    expect([...server.keys()].sort()).toEqual([...PERSISTED_OPERATION_HASHES.values()].sort());
    expect(persistedQueries().map((q) => q.operationName)).toEqual(
      expect.arrayContaining(['Details', 'Neighborhood', 'Overview', 'Paths', 'Search', 'Timeline']),
    );
  });
});
