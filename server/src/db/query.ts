/** Read queries with a timeout, plain results and mapped errors: what every repository uses. */
import type { Driver } from 'neo4j-driver';
import { fromDriverError } from '../errors.ts';
import { type Plain, toPlain } from './plain.ts';

export const DEFAULT_QUERY_TIMEOUT_MS = 5_000;

/** Runs a parameterised read query and returns each record as a plain object keyed by column. */
export async function readRows<T = Record<string, Plain>>(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  timeoutMs: number = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<T[]> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params), { timeout: timeoutMs });
    return result.records.map((record) => toPlain(record.toObject()) as T);
  } catch (error) {
    throw fromDriverError(error);
  } finally {
    await session.close();
  }
}
