/**
 * Access modes against a real Neo4j, through the routing driver (`neo4j://`) whatever scheme the run uses: the
 * server hands out a routing table with reader and writer roles, a READ transaction refuses to write (which is what
 * makes the integration suite's second pass, NEO4J_TEST_SCHEME=neo4j, prove every write is in WRITE), and the
 * sessions of db/access.ts chain to the process's bookmarks.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testConnection } from '../test/seeded-database.ts';
import { readQuery, readSession, writeQuery, writeSession } from './access.ts';
import { createDriver } from './driver.ts';

/** A net change, so its commit moves the bookmark on; the node is removed after the file. */
const MARK = 'MERGE (p:AccessModeProbe {id: 1}) SET p.at = timestamp()';
const PROBE = 'CREATE (p:AccessModeProbe {at: timestamp()}) WITH p DELETE p RETURN 1 AS done';

let driver: Driver;
beforeAll(async () => {
  const connection = testConnection();
  driver = createDriver({ ...connection, uri: connection.uri.replace(/^bolt:\/\//, 'neo4j://') });
  await driver.verifyConnectivity();
});
afterAll(async () => {
  await writeQuery(driver, 'MATCH (p:AccessModeProbe) DELETE p');
  await driver.close();
});

async function errorCode(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => 'no error',
    (error: { code?: string }) => String(error.code),
  );
}

describe('access modes through routing', () => {
  it('uses the scheme NEO4J_TEST_SCHEME asks for', () => {
    expect(inject('neo4jUri').split('://')[0]).toBe(process.env.NEO4J_TEST_SCHEME?.trim() || 'bolt');
  });

  it('gets a routing table with readers and a writer from the test server', async () => {
    const { records } = await readQuery(
      driver,
      "CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers RETURN servers",
    );
    const roles = ((records[0]?.get('servers') ?? []) as Array<{ role: string }>).map((server) => server.role).sort();
    expect(roles).toEqual(expect.arrayContaining(['READ', 'ROUTE', 'WRITE']));
  });

  it('refuses a write in a READ query or a READ session, and takes it in WRITE', async () => {
    expect(await errorCode(readQuery(driver, PROBE))).toBe('Neo.ClientError.Statement.AccessMode');
    const reading = readSession(driver);
    try {
      expect(await errorCode(reading.run(PROBE))).toBe('Neo.ClientError.Statement.AccessMode');
      expect(await errorCode(reading.executeRead((tx) => tx.run(PROBE)))).toBe('Neo.ClientError.Statement.AccessMode');
    } finally {
      await reading.close();
    }
    expect((await writeQuery(driver, PROBE)).records[0]?.get('done').toNumber()).toBe(1);
    const writing = writeSession(driver);
    try {
      expect((await writing.executeWrite((tx) => tx.run(PROBE))).records).toHaveLength(1);
    } finally {
      await writing.close();
    }
  });

  it('chains every session to the bookmarks of the process, so a read starts from the last write', async () => {
    await writeQuery(driver, MARK);
    const before = [...(await driver.executeQueryBookmarkManager.getBookmarks())];
    expect(before.length).toBeGreaterThan(0);
    const writing = writeSession(driver);
    try {
      await writing.executeWrite((tx) => tx.run(MARK));
      // The session's commit moved the process's bookmark on: the next read of the process, on any member, waits for it.
      expect(writing.lastBookmarks()).not.toEqual(before);
      expect([...(await driver.executeQueryBookmarkManager.getBookmarks())]).toEqual(writing.lastBookmarks());
    } finally {
      await writing.close();
    }
    const reading = readSession(driver);
    try {
      await reading.executeRead((tx) => tx.run('RETURN 1'));
      expect([...(await driver.executeQueryBookmarkManager.getBookmarks())]).toEqual(reading.lastBookmarks());
    } finally {
      await reading.close();
    }
  });
});
