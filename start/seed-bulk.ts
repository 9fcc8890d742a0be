/**
 * `npm run seed:bulk -- files…`: loads dataset files into the EMPTY database of the local Neo4j (NEO4J_HOME_DIR,
 * NEO4J_BOLT_PORT, …) through Neo4j's offline importer (start/bulk-load.ts). Refuses a database that holds data:
 * load onto one with `npm run seed`.
 */
import { Command } from 'commander';
import { resolveNeo4jConfig } from '../neo4j/launcher.ts';
import { DatasetValidationError } from '../seed/problems.ts';
import { bulkLoadFiles } from './bulk-load.ts';

const program = new Command()
  .name('seed:bulk')
  .description('Load dataset files into an empty local Neo4j with its offline importer (stops and restarts it).')
  .argument('<files...>', 'dataset files')
  .action(async (files: string[]) => {
    const started = performance.now();
    const at = () => `[${((performance.now() - started) / 1000).toFixed(1)} s]`;
    const result = await bulkLoadFiles(resolveNeo4jConfig(), files, {
      log: (line) => console.log(`${at()}   ${line}`),
      onStage: (stage) => console.log(`${at()} ${stage}`),
    });
    const { rows, counts } = result.plan;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${result.resumed ? 'Finished an interrupted bulk load' : 'Loaded'} ${files.length} file(s) in ${seconds.toFixed(1)} s: ` +
        `${Object.entries(counts)
          .map(([label, n]) => `${n} ${label}`)
          .join(', ')}; ${rows.rels} relationships (${Math.round((rows.nodes + rows.rels) / seconds)} rows/s overall).`,
    );
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DatasetValidationError) console.error(`Nothing was written. ${error.message}`);
  else {
    const e = error as Error & { code?: string };
    console.error(`Bulk load failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
  }
  process.exitCode = 1;
});
