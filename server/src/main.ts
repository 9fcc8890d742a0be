/**
 * `npm start`: brings up the database (a local Neo4j unless NEO4J_URI points elsewhere), seeds it when
 * it holds no product data, and says where everything is.
 */
import { resolveNeo4jConfig, startNeo4j } from '../../neo4j/launcher.ts';
import { seedIfEmpty } from '../../seed/seed-if-empty.ts';
import { connectionFromEnv, createDriver } from './db/driver.ts';
import { countByLabel } from './db/repositories/dataset-writer.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const external = process.env.NEO4J_URI !== undefined;
  if (!external) {
    const local = await startNeo4j(resolveNeo4jConfig(), (line) => console.log(line));
    console.log(
      `${local.alreadyRunning ? 'Using the running' : 'Started a local'} Neo4j ${local.version} at ${local.uri} (pid ${local.pid}).`,
    );
  }
  const connection = connectionFromEnv();
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity();
    const outcome = await seedIfEmpty(driver);
    if (outcome.seeded)
      console.log(`The database was empty: loaded ${outcome.result.rows.nodes} nodes from seed/data/.`);
    const counts = await countByLabel(driver);
    console.log(
      `Neo4j at ${connection.uri} holds ${Object.entries(counts)
        .map(([label, n]) => `${n} ${label}`)
        .join(', ')}. Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (!external) console.log('Neo4j keeps running in the background; stop it with "npm run db:stop".');
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  const e = error as Error & { code?: string };
  console.error(`npm start failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
  process.exitCode = 1;
});
