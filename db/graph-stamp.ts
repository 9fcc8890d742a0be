/**
 * The graph stamp: one `:GraphStamp` node (not labelled KG, so no query, digest or export sees it) whose `stamp`
 * changes in the same transaction as every change to the served graph: a load's last write (seedFiles' one
 * transaction, a streamed or bulk load's completion), a reset, an upgrade of the stored graph. Servers read it with
 * the load check (server/src/load-guard.ts, at most once a second) and report it (/ready, the `x-graph-stamp`
 * header), so anything keyed by it (a response cache) is invalidated by a completed load, on every server, without
 * the servers talking to each other. The stamp is random, not a counter: an offline import replaces the whole store,
 * stamp node included, and only "different" can be relied on, never "greater".
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';
import { readQuery, writeQuery } from './access.ts';

export interface GraphStamp {
  stamp: string;
  /** When the graph last changed (ISO date-time). */
  changedAt: string;
}

/** Cypher that renews the stamp; one row. Append it to a write (or run it in the write's transaction). */
export const RENEW_STAMP =
  "MERGE (s:GraphStamp {id: 'graph'}) SET s.stamp = $graphStamp, s.changedAt = datetime() RETURN s.stamp AS stamp";

export const renewParams = (): { graphStamp: string } => ({ graphStamp: randomUUID() });

const READ_STAMP = "MATCH (s:GraphStamp {id: 'graph'}) RETURN s.stamp AS stamp, toString(s.changedAt) AS changedAt";

/** Renews the stamp inside a write transaction that changed the graph. */
export async function renewStampIn(tx: ManagedTransaction | Transaction): Promise<void> {
  await tx.run(RENEW_STAMP, renewParams());
}

/** Renews the stamp in a transaction of its own (after writes that commit in batches). */
export async function renewStamp(driver: Driver): Promise<void> {
  await writeQuery(driver, RENEW_STAMP, renewParams());
}

function toStamp(record: { get(key: string): unknown } | undefined): GraphStamp | null {
  if (!record) return null;
  return { stamp: String(record.get('stamp')), changedAt: String(record.get('changedAt')) };
}

/** The current stamp; null for a graph never loaded by this version. */
export async function readGraphStamp(driver: Driver): Promise<GraphStamp | null> {
  return toStamp((await readQuery(driver, READ_STAMP)).records[0]);
}
