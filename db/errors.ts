/**
 * Typed errors with codes. Anything else thrown in a resolver is masked by Yoga as "Unexpected error.".
 * Driver errors are mapped in one place, {@link fromDriverError}.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { isPartialIsoDate, PARTIAL_ISO_DATE } from '../schema/dates.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'DATA_LOADING'
  | 'EXPORT_TOO_LARGE';

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument ? { argument } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(kind: string, id: string) {
    super('NOT_FOUND', `No ${kind} with id "${id}".`, { id });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super('DATABASE_UNAVAILABLE', 'The database is unavailable. Try again shortly.');
  }
}

/** The database is up, but the query ran out of time: the request asked for too much at once. */
export class QueryTimeoutError extends AppError {
  constructor() {
    super(
      'QUERY_TIMEOUT',
      'The request was too large to answer in time and was stopped. Narrow it: a smaller limit or depth, a shorter time window (from/to), fewer ids, or a minimum certainty.',
    );
  }
}

/** A dataset load is in progress (or was interrupted): the graph may be incomplete, so nothing is served. */
export class DataLoadingError extends AppError {
  constructor() {
    super(
      'DATA_LOADING',
      'A dataset load is in progress or was interrupted; queries are refused until it completes (rerun the load to finish it).',
      { http: { status: 503 } },
    );
  }
}

/** An export would read more of the graph than an export may hold in memory. */
export class ExportTooLargeError extends AppError {
  constructor(size: number, max: number, what: string) {
    super(
      'EXPORT_TOO_LARGE',
      `This export would read ${size >= max ? `more than ${max.toLocaleString('en')}` : size.toLocaleString('en')} nodes and relationships of ${what}; an export holds at most ${max.toLocaleString('en')}. Export one loaded dataset (dataset=…), or load a smaller graph.`,
      { max },
    );
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Turns a neo4j-driver failure into a typed error; returns anything else unchanged. */
export function fromDriverError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || error.retriable) return new DatabaseUnavailableError();
    if (error.code.includes('TransactionTimedOut') || error.code.includes('Transaction.TransactionTimedOut'))
      return new QueryTimeoutError();
  }
  if (error instanceof Error && /connect|ECONNREFUSED|acquisition timed out/i.test(error.message))
    return new DatabaseUnavailableError();
  return error;
}

/** A partial ISO date argument (schema/dates.ts), or a BAD_USER_INPUT error naming the argument. */
export function checkPartialIsoDate(value: string, argument: string): string {
  if (!isPartialIsoDate(value))
    throw new BadUserInputError(`${argument} must be ${PARTIAL_ISO_DATE}; got "${value.slice(0, 40)}".`, argument);
  return value;
}
