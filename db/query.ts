/** Read queries with a timeout, a deadline, plain results and mapped errors: what every repository uses. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Driver } from 'neo4j-driver';
import { probeSession, readSession } from './access.ts';
import { DatabaseUnavailableError, fromDriverError, QueryTimeoutError } from './errors.ts';
import { type Plain, toPlain } from './plain.ts';

/** Neo4j stops a read transaction after this long (QUERY_TIMEOUT). */
export const DEFAULT_QUERY_TIMEOUT_MS = 3_500;

/**
 * The server gives up waiting this long after the transaction timeout. Neo4j reports a timed-out query late when it
 * is busy or the query is in a step it does not interrupt (a big sort, a long list expression); a database that is
 * hung, partitioned or too slow to answer at all never reports. So at the transaction timeout the server also asks
 * the database a trivial question: if that is answered by the deadline, the database is up and the query was too
 * big (QUERY_TIMEOUT); if not, DATABASE_UNAVAILABLE. Either way the request is not held open (the driver has no read
 * timeout). With the load check's 0.5 s (load-guard.ts), a failed query stays under 5 s.
 */
export const DEADLINE_GRACE_MS = 500;

const requestTimeouts = new AsyncLocalStorage<number>();

/** Runs `work` with `timeoutMs` as the transaction timeout of every query it starts that names none (a request's). */
export function withQueryTimeout<T>(timeoutMs: number, work: () => T): T {
  return requestTimeouts.run(timeoutMs, work);
}

/** The timeout of a query that names none: the request's (withQueryTimeout), or the default. */
export const currentQueryTimeout = (): number => requestTimeouts.getStore() ?? DEFAULT_QUERY_TIMEOUT_MS;

/** Whether the database answers a trivial read within `ms`. */
async function answersWithin(driver: Driver, ms: number): Promise<boolean> {
  const session = probeSession(driver);
  let timer: NodeJS.Timeout | undefined;
  const answered = session
    .executeRead((tx) => tx.run('RETURN 1'), { timeout: ms })
    .then(
      () => true,
      () => false,
    );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([answered, late]);
  clearTimeout(timer);
  // A stalled session would stall its close too.
  void answered.finally(() => session.close().catch(() => {}));
  return result;
}

/** Runs one parameterised query inside a {@link readTransaction} and returns its records as plain objects. */
export type RunQuery = <T = Record<string, Plain>>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>;

/**
 * Runs `work` in one read transaction: every query it runs shares the transaction's timeout and the deadline, and
 * errors come back mapped (QUERY_TIMEOUT, DATABASE_UNAVAILABLE, …). For reads that need several round trips.
 */
export async function readTransaction<T>(
  driver: Driver,
  work: (run: RunQuery) => Promise<T>,
  timeoutMs: number = currentQueryTimeout(),
): Promise<T> {
  const session = readSession(driver);
  let probeTimer: NodeJS.Timeout | undefined;
  let deadlineTimer: NodeJS.Timeout | undefined;
  let missedDeadline: Error | undefined;
  const deadline = new Promise<never>((_, reject) => {
    probeTimer = setTimeout(() => {
      const alive = answersWithin(driver, DEADLINE_GRACE_MS);
      deadlineTimer = setTimeout(async () => {
        missedDeadline = (await Promise.race([alive, Promise.resolve(false)]))
          ? new QueryTimeoutError()
          : new DatabaseUnavailableError();
        reject(missedDeadline);
      }, DEADLINE_GRACE_MS);
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      session.executeRead(
        (tx) =>
          work(async <R>(cypher: string, params: Record<string, unknown> = {}) => {
            if (missedDeadline) throw missedDeadline;
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
    clearTimeout(probeTimer);
    clearTimeout(deadlineTimer);
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
  timeoutMs: number = currentQueryTimeout(),
): Promise<T[]> {
  return readTransaction(driver, (run) => run<T>(cypher, params), timeoutMs);
}
