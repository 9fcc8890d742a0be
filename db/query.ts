/** Read queries with a timeout, a deadline, plain results and mapped errors: what every repository uses. */
import type { Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, fromDriverError } from './errors.ts';
import { type Plain, toPlain } from './plain.ts';

/** Neo4j stops a read transaction after this long (QUERY_TIMEOUT). */
export const DEFAULT_QUERY_TIMEOUT_MS = 3_500;

/**
 * The server gives up waiting this long after the transaction timeout: a database that is hung, partitioned or too
 * slow to even report its own timeout answers DATABASE_UNAVAILABLE here instead of holding the request open
 * (the driver itself has no read timeout). With the load check's 0.5 s (load-guard.ts), a failed query stays
 * under 5 s.
 */
export const DEADLINE_GRACE_MS = 500;

/** Runs one parameterised query inside a {@link readTransaction} and returns its records as plain objects. */
export type RunQuery = <T = Record<string, Plain>>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>;

/**
 * Runs `work` in one read transaction: every query it runs shares the transaction's timeout and the deadline, and
 * errors come back mapped (QUERY_TIMEOUT, DATABASE_UNAVAILABLE, …). For reads that need several round trips.
 */
export async function readTransaction<T>(
  driver: Driver,
  work: (run: RunQuery) => Promise<T>,
  timeoutMs: number = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<T> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  let timer: NodeJS.Timeout | undefined;
  let missedDeadline = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      missedDeadline = true;
      reject(new DatabaseUnavailableError());
    }, timeoutMs + DEADLINE_GRACE_MS);
  });
  try {
    return await Promise.race([
      session.executeRead(
        (tx) =>
          work(async <R>(cypher: string, params: Record<string, unknown> = {}) => {
            if (missedDeadline) throw new DatabaseUnavailableError();
            const result = await tx.run(cypher, params);
            return result.records.map((record) => toPlain(record.toObject()) as R);
          }),
        { timeout: timeoutMs },
      ),
      deadline,
    ]);
  } catch (error) {
    throw fromDriverError(error);
  } finally {
    clearTimeout(timer);
    // A stalled session would stall its close too: let it finish (or fail) on its own.
    const closing = session.close();
    if (missedDeadline) closing.catch(() => {});
    else await closing;
  }
}

/** Runs a parameterised read query and returns each record as a plain object keyed by column. */
export async function readRows<T = Record<string, Plain>>(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  timeoutMs: number = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<T[]> {
  return readTransaction(driver, (run) => run<T>(cypher, params), timeoutMs);
}
