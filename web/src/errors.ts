/** What the explorer tells the user when a request fails, by the server's error code. */
import { ApiError } from './api.ts';
import type { Strings } from './i18n.ts';

export interface Failure {
  message: string;
  /** The database (or the server) cannot be reached: the view waits for it to come back. */
  databaseDown: boolean;
}

export function describeFailure(error: unknown, s: Strings): Failure {
  if (error instanceof ApiError) {
    if (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'NETWORK')
      return { message: s.errorDatabase, databaseDown: true };
    // The database is up: the request was too big, and saying it is down would be wrong.
    if (error.code === 'QUERY_TIMEOUT') return { message: s.errorTooLarge, databaseDown: false };
  }
  return { message: error instanceof Error ? error.message : s.errorGeneric, databaseDown: false };
}
