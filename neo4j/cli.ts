/**
 * `npm run db:start | db:stop | db:fetch` (and `tsx neo4j/cli.ts status`):
 * runs the local Neo4j Community server without Docker. See neo4j/launcher.ts.
 */
import { Command } from 'commander';
import {
  ensureNeo4jJars,
  Neo4jLauncherError,
  neo4jStatus,
  pinnedNeo4jVersion,
  resolveNeo4jConfig,
  startNeo4j,
  stopNeo4j,
} from './launcher.ts';

const log = (line: string): void => {
  console.log(line);
};

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one subcommand, turning expected launcher errors into a message and exit code 1. */
async function guarded(action: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await action();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof Neo4jLauncherError) {
      console.error(`Error (${error.code}): ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

const program = new Command()
  .name('neo4j/cli.ts')
  .description(
    'Local Neo4j Community server (real Neo4j, from Maven Central jars, no Docker).\n' +
      'Environment: NEO4J_HOME_DIR, NEO4J_LIB_DIR, NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_HEAP, ' +
      'NEO4J_PAGECACHE, NEO4J_START_TIMEOUT_MS, NEO4J_STOP_TIMEOUT_MS, JAVA_HOME.',
  );

program
  .command('start')
  .description('start Neo4j (fetches the jars on first use); harmless if it already runs')
  .action(() =>
    guarded(async () => {
      const since = Date.now();
      const config = resolveNeo4jConfig();
      const result = await startNeo4j(config, log);
      if (result.alreadyRunning) {
        log(`Neo4j ${result.version} is already running at ${result.uri} (user ${config.user}, pid ${result.pid}).`);
      } else {
        log(
          `Neo4j ${result.version} is up at ${result.uri} (user ${config.user}, password from NEO4J_PASSWORD ` +
            `or the local default), pid ${result.pid}, started in ${seconds(since)}.`,
        );
        log(`Data and logs: ${config.homeDir}. Stop it with "npm run db:stop".`);
      }
      return 0;
    }),
  );

program
  .command('stop')
  .description('stop Neo4j (SIGTERM, SIGKILL only after NEO4J_STOP_TIMEOUT_MS); harmless if it does not run')
  .action(() =>
    guarded(async () => {
      const since = Date.now();
      const result = await stopNeo4j(resolveNeo4jConfig(), log);
      if (!result.wasRunning) log('Neo4j is not running.');
      else
        log(`Neo4j stopped (pid ${result.pids.join(', ')}) in ${seconds(since)}${result.killed ? ' (killed)' : ''}.`);
      return 0;
    }),
  );

program
  .command('status')
  .description('show whether Neo4j runs (exit code 0 when running, 3 when not)')
  .action(() =>
    guarded(async () => {
      const status = await neo4jStatus(resolveNeo4jConfig());
      if (status.running) {
        log(`Neo4j ${status.version} is running at ${status.uri} (pid ${status.pid}, home ${status.homeDir}).`);
      } else {
        log(`Neo4j is not running (home ${status.homeDir}).`);
        if (status.boltPortOpen) log(`Note: another process listens on ${status.uri.replace('bolt://', '')}.`);
      }
      if (!status.jarsPresent) log(`Jars for Neo4j ${status.version} are not fetched yet (npm run db:fetch).`);
      return status.running ? 0 : 3;
    }),
  );

program
  .command('fetch')
  .description('download the Neo4j jars from Maven Central with mvn (done automatically by start)')
  .action(() =>
    guarded(async () => {
      const config = resolveNeo4jConfig();
      const { fetched } = await ensureNeo4jJars(config, log);
      log(`Neo4j ${pinnedNeo4jVersion()} jars ${fetched ? 'fetched into' : 'already present in'} ${config.libDir}.`);
      return 0;
    }),
  );

await program.parseAsync(process.argv);
