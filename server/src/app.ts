/**
 * The application: a graphql-yoga instance serving GraphQL at /graphql, /health and /ready.
 * `serve.ts` listens; tests call `app.fetch(...)` without a port.
 */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { withQueryTimeout } from '../../db/query.ts';
import { compressGraphQLAnswers } from './compression.ts';
import type { AppConfig } from './config.ts';
import { type Context, createLoaders } from './context.ts';
import { exportRoutes } from './export/routes.ts';
import { httpCache, loadPersistedOperations, persistedOperations } from './http-cache.ts';
import { LayoutService } from './layout/positions.ts';
import { LoadGuard, refuseWhileLoading } from './load-guard.ts';
import { createLogger, logRefusal, requestLog, yogaLogger } from './logger.ts';
import { operationLimits } from './operation-limits.ts';
import { resolvers } from './resolvers/index.ts';
import { responseCache } from './response-cache.ts';
import { webAssets } from './web-assets.ts';

export { OPERATION_LIMITS } from './operation-limits.ts';

export const typeDefs = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');

const READY_TIMEOUT_MS = 3000;

export interface AppOptions {
  driver: Driver;
  config: AppConfig;
  logger?: Logger;
  /** Folder of the built explorer to serve at `/`; none when omitted. */
  webDist?: string;
  /** Where opening views are laid out and kept; one per app unless given. */
  layouts?: LayoutService;
}

/** Codes of the typed errors in db/errors.ts, whose messages are written for clients. */
const CLIENT_ERROR_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'DATA_LOADING',
]);

/**
 * Keeps typed errors and GraphQL's own (syntax, validation, limits, refused variable values, which get
 * BAD_USER_INPUT); replaces anything else with
 * "Unexpected error." and logs it. Typed errors are recognised by code, not by class, because
 * graphql may be loaded twice (ESM and CommonJS) and `instanceof` then fails.
 */
function maskUnexpected(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const isGraphQLError = error instanceof Error && error.name === 'GraphQLError';
    const original = isGraphQLError ? (error as Error & { originalError?: unknown }).originalError : error;
    if (isGraphQLError && original === undefined) return error as Error;
    const code = (original as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
    if (isGraphQLError && typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return error as Error;
    // graphql's own refusal of a variable's value (wrong type, unknown enum value): before execution, so no path.
    const isVariableError =
      isGraphQLError &&
      (original as Error).name === 'GraphQLError' &&
      (error as Error & { path?: unknown }).path === undefined;
    if (isVariableError)
      return createGraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
    logger.error({ err: original }, 'unexpected error while resolving a query');
    return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function payloadTooLarge(config: AppConfig): Response {
  return json(
    {
      errors: [
        {
          message: `Request body too large (limit ${config.maxBodyBytes} bytes).`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    },
    413,
    // The rest of the body is never read: the connection cannot carry another request.
    { connection: 'close' },
  );
}

/** Reads a body of unknown length up to `limit` bytes; null (and the rest left unread) when it is longer. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * /health (the process is alive), /ready (the database answers, no load open) and the request body limit, which
 * also holds for a chunked body that declares no length.
 */
function operationalRoutes(driver: Driver, config: AppConfig, loadGuard: LoadGuard, logger: Logger): Plugin {
  const refuseTooLarge = (started: number, operation: string) => {
    logRefusal(logger, {
      codes: ['PAYLOAD_TOO_LARGE'],
      operation,
      durationMs: Math.round(performance.now() - started),
    });
    return payloadTooLarge(config);
  };
  return {
    async onRequest({ url, request, endResponse, setRequest, fetchAPI }) {
      const started = performance.now();
      if (url.pathname === '/health') return endResponse(json({ status: 'ok' }, 200));
      if (url.pathname === '/ready') {
        const ready = await Promise.race([
          driver.verifyConnectivity().then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_TIMEOUT_MS).unref()),
        ]);
        const loading = ready ? await loadGuard.current() : null;
        if (loading) return endResponse(json({ status: 'loading', database: true, loading }, 503));
        const graph = ready ? await loadGuard.stamp() : null;
        return endResponse(
          json({ status: ready ? 'ready' : 'unavailable', database: ready, graph }, ready ? 200 : 503),
        );
      }
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > config.maxBodyBytes)
        return endResponse(refuseTooLarge(started, url.pathname));
      if (declared === null && request.body && request.method !== 'GET' && request.method !== 'HEAD') {
        const body = await readAtMost(request.body, config.maxBodyBytes);
        if (body === null) return endResponse(refuseTooLarge(started, url.pathname));
        setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body }));
      }
    },
  };
}

/** Every query a GraphQL request runs has the configured transaction timeout (QUERY_TIMEOUT beyond it). */
const queryTimeout = (timeoutMs: number): Plugin => ({
  onExecute({ executeFn, setExecuteFn }) {
    setExecuteFn((args) => withQueryTimeout(timeoutMs, () => executeFn(args)));
  },
});

const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * The CSRF plugin's own refusal (403, no code), given a code and a message that says what to send. Runs before the
 * plugin, which stays as the guard.
 */
const codedCsrfRefusal: Plugin = {
  onRequestParse({ request }) {
    const contentType = request.headers.get('content-type')?.toLowerCase() ?? '';
    const preflighted =
      contentType !== '' &&
      !['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].some((t) =>
        contentType.startsWith(t),
      );
    if (preflighted || request.headers.has(CSRF_HEADER)) return;
    throw createGraphQLError(
      `Required CSRF header not present: a GET (or a form-encoded POST) must send the header ${CSRF_HEADER}: 1.`,
      { extensions: { code: 'CSRF_HEADER_MISSING', http: { status: 403 } } },
    );
  },
};

export function createApp({
  driver,
  config,
  logger = createLogger(config),
  webDist,
  layouts = new LayoutService(32, (err) => logger.error({ err }, 'laying out an opening view failed')),
}: AppOptions) {
  const schema = makeExecutableSchema<Context>({ typeDefs, resolvers });
  const loadGuard = new LoadGuard(driver);
  const persisted = loadPersistedOperations();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.development,
    logging: yogaLogger(logger),
    maskedErrors: { maskError: maskUnexpected(logger) },
    batching: false,
    context: () => ({ driver, config, loaders: createLoaders(driver), layouts }),
    plugins: [
      operationalRoutes(driver, config, loadGuard, logger),
      requestLog(logger),
      refuseWhileLoading(loadGuard),
      persistedOperations(persisted),
      httpCache(loadGuard, persisted, CSRF_HEADER),
      responseCache(loadGuard, config.responseCacheBytes),
      queryTimeout(config.queryTimeoutMs),
      exportRoutes(driver, logger, config.exportMaxItems),
      ...(webDist ? [webAssets(webDist)] : []),
      compressGraphQLAnswers(),
      codedCsrfRefusal,
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...operationLimits({ suggestFields: config.development, introspection: config.introspection }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
