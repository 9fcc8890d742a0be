/**
 * One HTTP server for the benchmark, run as its own process so it has its own event loop and is measured on equal
 * terms with its peers: `tsx bench/servers/serve.ts <subject|neo4j-graphql|yoga|explorer> <port>`, Neo4j from
 * NEO4J_URI. `explorer` is the product as `npm start` serves it (server/src/serve.ts: the web build, compression, the
 * opening view laid out at start). Prints `listening <port>` once it accepts requests.
 */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createSchema, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { connectionFromEnv, createDriver } from '../../db/driver.ts';
import { createApp } from '../../server/src/app.ts';
import { configFromEnv } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { serve } from '../../server/src/serve.ts';
import { WEB_DIST } from '../../server/src/web-assets.ts';
import { neo4jGraphqlTypeDefs } from '../peers/neo4j-graphql-typedefs.ts';

const SERVER_KINDS = ['subject', 'neo4j-graphql', 'yoga', 'explorer'] as const;
type ServerKind = (typeof SERVER_KINDS)[number];

async function appFor(kind: Exclude<ServerKind, 'explorer'>) {
  const driver = createDriver(connectionFromEnv());
  switch (kind) {
    case 'subject':
      await driver.verifyConnectivity();
      // Response cache off: the workloads cycle through a dozen requests, which the cache would answer from memory
      // after the first round while every peer computes each answer. bench/response-cache.ts measures the cache.
      return createApp({
        driver,
        config: { ...configFromEnv({ NODE_ENV: 'production' }), logLevel: 'silent', responseCacheBytes: 0 },
      });
    case 'neo4j-graphql': {
      await driver.verifyConnectivity();
      // String range filters (lte/gte) are off by default; the timeline window needs them.
      const schema = await new Neo4jGraphQL({
        typeDefs: neo4jGraphqlTypeDefs,
        driver,
        features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
      }).getSchema();
      return createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false });
    }
    case 'yoga':
      await driver.close();
      return createYoga({
        schema: createSchema({
          typeDefs: 'type Query { hello: String! }',
          resolvers: { Query: { hello: () => 'world' } },
        }),
        graphqlEndpoint: '/graphql',
        landingPage: false,
        graphiql: false,
        logging: false,
      });
  }
}

async function main(): Promise<void> {
  const [kind, portText] = process.argv.slice(2);
  if (!SERVER_KINDS.includes(kind as ServerKind))
    throw new Error(`server kind must be one of ${SERVER_KINDS.join(', ')}`);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`port must be a number; got ${portText}`);
  if (kind === 'explorer') {
    const driver = createDriver(connectionFromEnv());
    await driver.verifyConnectivity();
    const config = { ...configFromEnv({ NODE_ENV: 'production' }), port, host: '127.0.0.1', logLevel: 'info' as const };
    const serving = await serve({ driver, config, logger: createLogger(config), webDist: WEB_DIST });
    console.log(`listening ${port}`);
    process.once('SIGTERM', () => void serving.close().then(() => process.exit(0)));
    return;
  }
  const app = (await appFor(kind as Exclude<ServerKind, 'explorer'>)) as YogaServerInstance<
    Record<string, unknown>,
    Record<string, unknown>
  >;
  const server = createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  console.log(`listening ${port}`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`bench server failed: ${(error as Error).message}`);
  process.exit(1);
});
