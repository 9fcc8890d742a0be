/** Server settings from the environment, validated once at start. */
import { z } from 'zod';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../../db/query.ts';

/**
 * Most nodes and relationships (citations, sources and parts included) an export reads: it holds them in memory to
 * select and write a complete, valid file, about 3.5 KB each (140 MB for the 40 000 of synthetic S, measured by
 * server/src/export/size.int.test.ts), so under 200 MB at the bound. Above it, the export is refused with EXPORT_TOO_LARGE (413)
 * before anything is read. The curated dataset is far below it.
 */
export const DEFAULT_EXPORT_MAX_ITEMS = 50_000;

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  NODE_ENV: z.string().default('development'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `true`/`false`; unset: on in development, off in production. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** `pretty` or `json`; unset: pretty when stdout is a terminal. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(DEFAULT_QUERY_TIMEOUT_MS),
  EXPORT_MAX_ITEMS: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_EXPORT_MAX_ITEMS),
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
});

export interface AppConfig {
  port: number;
  host: string;
  /** GraphiQL and field suggestions only outside production. */
  development: boolean;
  /** Whether the schema answers introspection (`__schema`, `__type`): INTROSPECTION, by default only in development. */
  introspection: boolean;
  maxBodyBytes: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Human-readable lines, or one JSON object per line for log collectors. */
  logFormat: 'pretty' | 'json';
  /** Neo4j stops a read transaction of a GraphQL request after this long: QUERY_TIMEOUT. */
  queryTimeoutMs: number;
  /** Most nodes and relationships an export reads (EXPORT_TOO_LARGE above). */
  exportMaxItems: number;
  /** Bytes of query results kept per process under the graph stamp (server/src/response-cache.ts); 0: none. */
  responseCacheBytes: number;
}

/** Reads the settings; throws with every bad variable named. */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  stdoutIsTerminal: boolean = process.stdout.isTTY === true,
): AppConfig {
  const result = Env.safeParse(env);
  if (!result.success)
    throw new Error(
      `Invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const e = result.data;
  const development = e.NODE_ENV !== 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    development,
    introspection: e.INTROSPECTION === undefined ? development : e.INTROSPECTION === 'true',
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (stdoutIsTerminal ? 'pretty' : 'json'),
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    exportMaxItems: e.EXPORT_MAX_ITEMS,
    responseCacheBytes: Math.round(e.RESPONSE_CACHE_MB * 1024 * 1024),
  };
}

/**
 * Settings for tests: silent logs, no response cache, and a query timeout long enough that a loaded machine never turns a test's
 * query into QUERY_TIMEOUT (tests of the timeout itself set their own). Introspection follows `development`, as the
 * environment's default does.
 */
export const testConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({
  ...configFromEnv({}, false),
  logLevel: 'silent',
  queryTimeoutMs: 60_000,
  // Tests count round trips and change data between requests; the response cache has tests of its own.
  responseCacheBytes: 0,
  introspection: overrides.development ?? true,
  ...overrides,
});
