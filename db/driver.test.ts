import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createDriver } from './driver.ts';

describe('secure URIs', () => {
  it('leaves encryption to a +s scheme (Aura): the driver accepts the settings of createDriver', async () => {
    for (const uri of ['neo4j+s://example.databases.neo4j.io', 'bolt+s://example.databases.neo4j.io']) {
      const secure = createDriver({ uri, user: 'neo4j', password: 'x' });
      await secure.close();
    }
    expect(() =>
      neo4j.driver('neo4j+s://example.databases.neo4j.io', neo4j.auth.basic('neo4j', 'x'), { encrypted: true }),
    ).toThrow(/Encryption\/trust can only be configured either through URL or config/);
  });
});
