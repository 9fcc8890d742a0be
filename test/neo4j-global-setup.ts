/**
 * Vitest globalSetup: provides a real Neo4j to the tests.
 *
 * - `NEO4J_TEST_URI` set: use that external server (credentials from
 *   `NEO4J_TEST_USER` / `NEO4J_TEST_PASSWORD`), start nothing.
 * - otherwise: start a separate test instance with its own data in
 *   `<repo>/.neo4j-test` (`NEO4J_TEST_HOME_DIR`) on port 7697
 *   (`NEO4J_TEST_BOLT_PORT`), so tests never touch the developer's `.neo4j`.
 *   It shares the jar folder `.neo4j/lib` with the dev instance. It is
 *   stopped in teardown only if this setup started it.
 *
 * Tests read the connection with `inject('neo4jUri')`, `inject('neo4jUser')`
 * and `inject('neo4jPassword')`. `NEO4J_TEST_SCHEME=neo4j` hands them the
 * routing URI (`neo4j://`) of the same server instead of `bolt://`: the driver
 * then fetches a routing table and sends each transaction by its access mode,
 * as against a cluster (`.ci/run` runs the integration project both ways).
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeSession } from '../db/access.ts';
import { createDriver } from '../db/driver.ts';
import { DEFAULT_LOCAL_PASSWORD, REPO_ROOT, resolveNeo4jConfig, startNeo4j, stopNeo4j } from '../neo4j/launcher.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

/** The launcher's `bolt://` URI, or the same address with the scheme `NEO4J_TEST_SCHEME` names. */
export function withTestScheme(uri: string, scheme: string | undefined): string {
  const wanted = scheme?.trim() || 'bolt';
  if (wanted !== 'bolt' && wanted !== 'neo4j')
    throw new Error(`NEO4J_TEST_SCHEME must be bolt or neo4j, not ${wanted}`);
  return uri.replace(/^bolt:\/\//, `${wanted}://`);
}

/**
 * Empties the dedicated test database: a run stopped half-way (a load job left open, a fixture left loaded) must not
 * decide what the next run sees. Only for the instance this setup started; an external server is never touched.
 */
async function emptyTestDatabase(uri: string, user: string, password: string): Promise<number> {
  const driver = createDriver({ uri, user, password });
  const session = writeSession(driver);
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    const result = await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    return result.summary.counters.updates().nodesDeleted;
  } finally {
    await session.close();
    await driver.close();
  }
}

const log = (line: string): void => {
  console.log(`[neo4j-test] ${line}`);
};

/**
 * Starts (or reuses) the test Neo4j and provides its coordinates.
 *
 * @param project the vitest project this setup runs for
 * @returns teardown that stops the instance if this setup started it
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  const externalUri = env.NEO4J_TEST_URI?.trim();
  if (externalUri) {
    project.provide('neo4jUri', externalUri);
    project.provide('neo4jUser', env.NEO4J_TEST_USER?.trim() || 'neo4j');
    project.provide('neo4jPassword', env.NEO4J_TEST_PASSWORD ?? env.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD);
    return async () => {};
  }

  const config = resolveNeo4jConfig({
    ...env,
    NEO4J_HOME_DIR: env.NEO4J_TEST_HOME_DIR?.trim() || path.join(REPO_ROOT, '.neo4j-test'),
    NEO4J_BOLT_PORT: env.NEO4J_TEST_BOLT_PORT?.trim() || '7697',
    NEO4J_PASSWORD: env.NEO4J_TEST_PASSWORD ?? env.NEO4J_PASSWORD,
  });
  const result = await startNeo4j(config, log);
  log(
    result.alreadyRunning
      ? `reusing the test Neo4j already running at ${result.uri} (pid ${result.pid}); it will be left running`
      : `test Neo4j ${result.version} is up at ${result.uri} (pid ${result.pid})`,
  );
  if (!result.alreadyRunning) {
    const removed = await emptyTestDatabase(result.uri, config.user, config.password);
    if (removed > 0) log(`emptied the test database left by an earlier run (${removed} nodes)`);
  }
  if (env.NEO4J_TEST_SCHEME?.trim() === 'neo4j')
    log(`tests connect through routing: ${withTestScheme(result.uri, 'neo4j')}`);
  project.provide('neo4jUri', withTestScheme(result.uri, env.NEO4J_TEST_SCHEME));
  project.provide('neo4jUser', config.user);
  project.provide('neo4jPassword', config.password);

  return async () => {
    if (result.alreadyRunning) return;
    const stopped = await stopNeo4j(config, log);
    if (stopped.wasRunning) log('test Neo4j stopped');
  };
}
