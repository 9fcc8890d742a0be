/**
 * The only ways this code base opens a transaction, each with its access mode stated: reads READ, writes WRITE. With a
 * `neo4j://` URI the driver routes READ to secondaries (or any member) and WRITE to the primary that leads the
 * database, and Neo4j refuses a write in a READ transaction, so a wrong mode fails loudly instead of quietly landing
 * on the wrong member. access.test.ts keeps every other module from calling `session()` or `executeQuery()` itself.
 *
 * Every session shares the driver's `executeQueryBookmarkManager` (the one `executeQuery` uses), so each transaction
 * of a process starts from everything that process has already seen or written, on whichever member it lands:
 * a loader reads its own writes, and a server that has read a newer graph never reads an older one again
 * (docs/scaling.md, "Reads that follow writes").
 */
import neo4j, { type Driver, type EagerResult, type QueryConfig, type RecordShape, type Session } from 'neo4j-driver';

type Params = Record<string, unknown>;
type Config = Omit<QueryConfig<EagerResult<RecordShape>>, 'routing' | 'resultTransformer'>;

/** A session whose transactions are reads (auto-commit `run` included), chained to this process's bookmarks. */
export function readSession(driver: Driver): Session {
  return driver.session({
    defaultAccessMode: neo4j.session.READ,
    bookmarkManager: driver.executeQueryBookmarkManager,
  });
}

/** A session whose transactions write (on the primary), chained to this process's bookmarks. */
export function writeSession(driver: Driver): Session {
  return driver.session({
    defaultAccessMode: neo4j.session.WRITE,
    bookmarkManager: driver.executeQueryBookmarkManager,
  });
}

/**
 * A READ session outside the bookmark chain: for "does the database answer at all" probes, which must not wait for
 * a lagging member to catch up (that is a slow answer, not an outage).
 */
export function probeSession(driver: Driver): Session {
  return driver.session({ defaultAccessMode: neo4j.session.READ });
}

/** One read query in its own READ transaction (retried by the driver on transient errors). */
export function readQuery(driver: Driver, cypher: string, params: Params = {}, config: Config = {}) {
  return driver.executeQuery(cypher, params, { ...config, routing: neo4j.routing.READ });
}

/** One write query in its own WRITE transaction. */
export function writeQuery(driver: Driver, cypher: string, params: Params = {}, config: Config = {}) {
  return driver.executeQuery(cypher, params, { ...config, routing: neo4j.routing.WRITE });
}
