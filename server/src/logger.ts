/**
 * Logs (pino): one JSON object per line for log collectors, or readable lines in a terminal (LOG_FORMAT, by default
 * `pretty` when stdout is a TTY). Yoga's messages go through the same logger, and every refused or failed request is
 * logged with its code, operation name and duration, never with variables or query text.
 */
import { Writable } from 'node:stream';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from './config.ts';

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service']);

/** One pino JSON line as `12:04:05 WARN  message key=value …` (an `err` with its stack on the lines below). */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toISOString().slice(11, 19);
  const level = (LEVEL_NAMES[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN_KEYS.has(key) && key !== 'err')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? '').split('\n').join('\n    ')}` : '';
  return `${time} ${level} ${entry.msg ?? ''}${fields.length ? ` ${fields.join(' ')}` : ''}${stack}\n`;
}

/** A pino destination that writes each line readable to `out`. */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      out.write(prettyLine(String(chunk).trimEnd()));
      done();
    },
  });
}

export function createLogger(
  config: Pick<AppConfig, 'logLevel'> & Partial<Pick<AppConfig, 'logFormat'>>,
  destination?: DestinationStream,
): Logger {
  const options = { level: config.logLevel, base: { service: 'baghouz-explorer' } };
  if (destination) return pino(options, destination);
  return config.logFormat === 'pretty' ? pino(options, prettyDestination()) : pino(options);
}

/** Adapts pino to the logger interface Yoga expects. */
export function yogaLogger(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => logger.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => logger.warn({ args }, 'yoga'),
    error: (...args: unknown[]) => logger.error({ args }, 'yoga'),
  };
}

/** Codes of failures on the server's side (the client's request was fine): logged at warn, the rest at info. */
const SERVER_SIDE = new Set(['INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT', 'DATA_LOADING']);

/** What is logged of a refused or failed request: no variables, no query text, no error messages. */
export interface RequestLogEntry {
  codes: string[];
  /** The operation's name as the client gave it, or the path of a non-GraphQL route (an export). */
  operation: string | null;
  durationMs: number;
  /** The limit an operation broke (QUERY_TOO_COMPLEX), the argument refused (BAD_USER_INPUT). */
  limit?: string;
  argument?: string;
}

/** Logs one refused or failed request. */
export function logRefusal(logger: Logger, entry: RequestLogEntry): void {
  const level = entry.codes.some((c) => SERVER_SIDE.has(c)) ? 'warn' : 'info';
  logger[level]({ request: entry }, `request refused or failed: ${entry.codes.join(', ')}`);
}

/** A GraphQL name (the spec's Name), at most 100 characters: anything else is not logged. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,99})\b/;

/** The operation's name: the `operationName` sent, or the name of a named operation at the start of the query. */
export function operationNameOf(params: { operationName?: string | null; query?: string | null }): string | null {
  if (typeof params.operationName === 'string') return NAME.test(params.operationName) ? params.operationName : null;
  return typeof params.query === 'string' ? (NAMED_OPERATION.exec(params.query.slice(0, 300))?.[1] ?? null) : null;
}

/** Logs every GraphQL request answered with errors: codes, operation name, duration. */
export function requestLog(logger: Logger): Plugin {
  const started = new WeakMap<Request, number>();
  const names = new WeakMap<Request, string | null>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onParams({ request, params }) {
      names.set(request, operationNameOf(params));
    },
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in result) return;
      const errors = (Array.isArray(result) ? result : [result]).flatMap(
        (r) => (r.errors ?? []) as readonly GraphQLError[],
      );
      if (errors.length === 0) return;
      const first = errors[0]?.extensions ?? {};
      logRefusal(logger, {
        codes: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNCODED')))],
        operation: names.get(request) ?? null,
        durationMs: Math.round(performance.now() - (started.get(request) ?? performance.now())),
        ...(typeof first.limit === 'string' ? { limit: first.limit } : {}),
        ...(typeof first.argument === 'string' ? { argument: first.argument } : {}),
      });
    },
  };
}
