/**
 * `npm start`, the composition root: brings up the database (a local Neo4j from neo4j/ unless NEO4J_URI points
 * elsewhere), seeds it from seed/data/ when it holds no product data (or brings an older graph up to date), then
 * serves GraphQL and the explorer (server/) on PORT until SIGTERM/SIGINT. The only module that imports several rooms.
 */
import { connectionFromEnv, createDriver } from '../db/driver.ts';
import { countByLabel } from '../db/writer.ts';
import { resolveNeo4jConfig, startNeo4j } from '../neo4j/launcher.ts';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';
import { configFromEnv } from '../server/src/config.ts';
import { createLogger } from '../server/src/logger.ts';
import { serve } from '../server/src/serve.ts';

async function start(): Promise<void> {
  const started = Date.now();
  const config = configFromEnv();
  const logger = createLogger(config);
  const external = process.env.NEO4J_URI !== undefined;
  if (!external) {
    const local = await startNeo4j(resolveNeo4jConfig(), (line) => logger.info(line));
    logger.info(
      `${local.alreadyRunning ? 'Using the running' : 'Started a local'} Neo4j ${local.version} at ${local.uri} (pid ${local.pid}); stop it with "npm run db:stop".`,
    );
  }
  const connection = connectionFromEnv();
  const driver = createDriver(connection);
  await driver.verifyConnectivity();
  const outcome = await seedIfEmpty(driver);
  if (outcome.seeded) logger.info(`The database was empty: loaded ${outcome.result.rows.nodes} nodes from seed/data/.`);
  else if (outcome.eventsUpgraded > 0)
    logger.info(`Brought the stored graph up to date: timeline order key set on ${outcome.eventsUpgraded} events.`);
  logger.info({ counts: await countByLabel(driver) }, `Neo4j at ${connection.uri}`);

  const serving = await serve({ driver, config, logger });
  logger.info(
    `Explorer at http://localhost:${config.port}/ and GraphQL at http://localhost:${config.port}/graphql (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  const shutdown = (signal: string) => {
    logger.info(`${signal}: closing`);
    serving.close().finally(() => {
      driver.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

start().catch((error: unknown) => {
  const e = error as Error & { code?: string };
  console.error(`npm start failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
  process.exit(1);
});
