/**
 * The application: a graphql-yoga instance serving GraphQL at /graphql, /health and /ready.
 * `main.ts` listens; tests call `app.fetch(...)` without a port.
 */
import { readFileSync } from 'node:fs';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { AppConfig } from './config.ts';
import { type Context, createLoaders } from './context.ts';
import { LoadGuard, refuseWhileLoading } from './load-guard.ts';
import { createLogger, yogaLogger } from './logger.ts';
import { resolvers } from './resolvers/index.ts';
import { webAssets } from './web-assets.ts';

export const typeDefs = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');

/** Limits on the shape of an operation, checked before anything runs. */
export const OPERATION_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
} as const;

const READY_TIMEOUT_MS = 3000;

export interface AppOptions {
  driver: Driver;
  config: AppConfig;
  logger?: Logger;
  /** Folder of the built explorer to serve at `/`; none when omitted. */
  webDist?: string;
}

/** Codes of the typed errors in errors.ts, whose messages are written for clients. */
const CLIENT_ERROR_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'DATA_LOADING',
]);

/**
 * Keeps typed errors and GraphQL's own (syntax, validation, limits); replaces anything else with
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
    logger.error({ err: original }, 'unexpected error while resolving a query');
    return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** /health (the process is alive), /ready (the database answers, no load open) and the request body limit. */
function operationalRoutes(driver: Driver, config: AppConfig, loadGuard: LoadGuard): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
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
        return endResponse(json({ status: ready ? 'ready' : 'unavailable', database: ready }, ready ? 200 : 503));
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > config.maxBodyBytes)
        return endResponse(
          json(
            {
              errors: [
                {
                  message: `Request body too large (limit ${config.maxBodyBytes} bytes).`,
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            },
            413,
          ),
        );
    },
  };
}

export function createApp({ driver, config, logger = createLogger(config), webDist }: AppOptions) {
  const schema = makeExecutableSchema<Context>({ typeDefs, resolvers });
  const loadGuard = new LoadGuard(driver);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.development,
    logging: yogaLogger(logger),
    maskedErrors: { maskError: maskUnexpected(logger) },
    batching: false,
    context: () => ({ driver, config, loaders: createLoaders(driver) }),
    plugins: [
      operationalRoutes(driver, config, loadGuard),
      refuseWhileLoading(loadGuard),
      ...(webDist ? [webAssets(webDist)] : []),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: OPERATION_LIMITS.maxDepth },
        maxAliases: { n: OPERATION_LIMITS.maxAliases, allowList: [] },
        maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
        maxTokens: { n: OPERATION_LIMITS.maxTokens },
        costLimit: { maxCost: OPERATION_LIMITS.maxCost },
        blockFieldSuggestion: { enabled: !config.development },
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
