/**
 * `npm run bench`: starts a Neo4j of its own (NEO4J_BENCH_HOME_DIR, default <repo>/.neo4j-bench; NEO4J_BENCH_BOLT_PORT,
 * default 7698), generates and loads the dataset when needed, starts this server and its peers as child processes,
 * runs the workloads side by side, writes bench/results/<date>-<size>.json and regenerates BENCHMARKS.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { createDriver } from '../db/driver.ts';
import { resolveNeo4jConfig, startNeo4j, stopNeo4j } from '../neo4j/launcher.ts';
import type { BenchContext, BenchSettings, Workload } from './context.ts';
import {
  type BenchDataset,
  type BenchSize,
  datasetFiles,
  datasetLabel,
  digestFiles,
  graphCounts,
  isLoaded,
  type LoadTiming,
  loadFiles,
  REPO,
  recordedLoad,
  SIZES,
} from './dataset.ts';
import { type BenchRun, type MachineInfo, updateBenchmarksMd } from './report.ts';
import { type RunningServer, type ServerKind, startServer } from './servers/children.ts';
import type { WorkloadReport } from './types.ts';
import { w8Opening } from './w8/run.ts';
import { w1Load } from './workloads/w1-load.ts';
import { w2Timeline, w3Neighbourhood, w6Trivial } from './workloads/w2-w3-w6.ts';
import { w4Paths } from './workloads/w4-paths.ts';
import { w5Search } from './workloads/w5-search.ts';

const WORKLOADS: Record<string, Workload> = {
  W1: w1Load,
  W2: w2Timeline,
  W3: w3Neighbourhood,
  W4: w4Paths,
  W5: w5Search,
  W6: w6Trivial,
  W8: w8Opening,
};
const ALL = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'];

/** What the front-end workload module (`bench/w7/run.ts`, exporting `runW7`) receives. */
export interface W7Options {
  size: BenchSize;
  seed: number;
  rounds: number;
  durationSeconds: number;
  repoRoot: string;
  log(line: string): void;
}

const SERVER_PORTS: Record<ServerKind, number> = { subject: 0, 'neo4j-graphql': 1, yoga: 2, explorer: 3 };

interface CliOptions {
  size: BenchSize;
  seed: number;
  only?: string;
  duration: number;
  rounds: number;
  connections: string;
  keepDb: boolean;
  reload: boolean;
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function machineInfo(neo4jVersion: string): Promise<MachineInfo> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    neo4j: neo4jVersion,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

function selectWorkloads(only: string | undefined): string[] {
  if (!only) return ALL;
  const wanted = only.split(',').map((w) => w.trim().toUpperCase());
  const unknown = wanted.filter((w) => !ALL.includes(w));
  if (unknown.length) throw new Error(`--only: unknown workload(s) ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  return ALL.filter((w) => wanted.includes(w));
}

async function runW7(options: W7Options): Promise<WorkloadReport[]> {
  const module = path.join(REPO, 'bench', 'w7', 'run.ts');
  if (!existsSync(module)) throw new Error('bench/w7/run.ts is not there yet (the front-end workload)');
  const { runW7: run } = (await import(module)) as { runW7: (o: W7Options) => Promise<WorkloadReport[]> };
  return run(options);
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('bench')
    .description('Run the benchmark workloads side by side and regenerate BENCHMARKS.md')
    .addOption(new Option('--size <size>', 'dataset size').choices(SIZES).default('M'))
    .option('--seed <n>', 'generator seed', (v) => Number.parseInt(v, 10), 1)
    .option('--only <ids>', `comma-separated workloads (${ALL.join(',')})`)
    .option('--duration <s>', 'seconds of HTTP load per contender per round', Number, 5)
    .option('--rounds <n>', 'measured rounds after one warm-up round', (v) => Number.parseInt(v, 10), 3)
    .option('--connections <list>', 'concurrent connections for HTTP workloads', '1,4')
    .option('--reload', 'load the dataset again even when the database already holds it (W1 then times it)', false)
    .option('--keep-db', 'leave the bench Neo4j running afterwards', false);
  program.parse(argv);
  const options = program.opts<CliOptions>();
  const selected = selectWorkloads(options.only);
  const settings: BenchSettings = {
    rounds: options.rounds,
    durationSeconds: options.duration,
    connections: options.connections.split(',').map((c) => Number.parseInt(c, 10)),
  };
  const command = `npm run bench${argv.length > 2 ? ` -- ${argv.slice(2).join(' ')}` : ''}`;
  const startedAt = new Date();
  log(`${command}: workloads ${selected.join(', ')} on size ${options.size}`);

  const env = process.env;
  const neo4jConfig = resolveNeo4jConfig(env, {
    homeDir: env.NEO4J_BENCH_HOME_DIR || path.join(REPO, '.neo4j-bench'),
    boltPort: Number(env.NEO4J_BENCH_BOLT_PORT || 7698),
    heap: env.NEO4J_BENCH_HEAP || '2g',
    pageCache: env.NEO4J_BENCH_PAGECACHE || '1g',
  });
  const neo4j = await startNeo4j(neo4jConfig, log);
  log(`Neo4j ${neo4j.version} at ${neo4j.uri}${neo4j.alreadyRunning ? ' (already running)' : ''}`);
  const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: neo4jConfig.password });
  const servers = new Map<ServerKind, Promise<RunningServer>>();
  const portBase = Number(env.BENCH_HTTP_PORT || 4721);
  const serverEnv = { NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4jConfig.password };
  try {
    const files = await datasetFiles(options.size, options.seed, log);
    const digest = await digestFiles(files);
    const reload = async (): Promise<LoadTiming> => {
      log(`loading ${files.length} file(s) into the bench Neo4j…`);
      return loadFiles(driver, options.size, files, digest, log);
    };
    let loadThisRun: LoadTiming | null = null;
    if (options.reload || !(await isLoaded(driver, digest))) loadThisRun = await reload();
    const dataset: BenchDataset = {
      size: options.size,
      seed: options.seed,
      files: files.map((f) => path.relative(REPO, f)),
      digest,
      nodes: 0,
      relationships: 0,
      label: '',
    };
    const refreshCounts = async () => {
      Object.assign(dataset, await graphCounts(driver));
      dataset.label = datasetLabel(options.size, options.seed, dataset);
    };
    await refreshCounts();
    const ctx: BenchContext = {
      driver,
      dataset,
      settings,
      log,
      load: async () => {
        const timing = loadThisRun ?? (await recordedLoad(driver)) ?? (await reload());
        await refreshCounts();
        return timing;
      },
      server: (kind) => {
        let server = servers.get(kind);
        if (!server) {
          server = startServer(kind, portBase + SERVER_PORTS[kind], serverEnv);
          servers.set(kind, server);
        }
        return server;
      },
    };

    const reports: WorkloadReport[] = [];
    const failures: BenchRun['failures'] = [];
    for (const id of selected) {
      log(`${id}…`);
      try {
        if (id === 'W7')
          reports.push(
            ...(await runW7({
              size: options.size,
              seed: options.seed,
              rounds: settings.rounds,
              durationSeconds: settings.durationSeconds,
              repoRoot: REPO,
              log,
            })),
          );
        else reports.push(await (WORKLOADS[id] as Workload)(ctx));
      } catch (error) {
        const message = (error as Error).message;
        log(`${id} failed: ${message}`);
        failures.push({ workload: id, error: message });
      }
    }

    const run: BenchRun = {
      startedAt: startedAt.toISOString().slice(0, 19).concat('Z'),
      finishedAt: new Date().toISOString().slice(0, 19).concat('Z'),
      command,
      size: options.size,
      dataset: dataset.label,
      machine: await machineInfo(neo4j.version),
      settings: { ...settings, connections: settings.connections.join(','), seed: options.seed },
      reports,
      failures,
    };
    const resultsDir = path.join(REPO, 'bench', 'results');
    await mkdir(resultsDir, { recursive: true });
    const stamp = run.startedAt.replace(/:/g, '').replace(/T/, '-').slice(0, 15);
    const resultFile = path.join(resultsDir, `${stamp}-${options.size}.json`);
    await writeFile(resultFile, `${JSON.stringify({ ...run, datasetFiles: dataset.files, digest }, null, 2)}\n`);
    const mdFile = path.join(REPO, 'BENCHMARKS.md');
    const existing = existsSync(mdFile) ? await readFile(mdFile, 'utf8') : null;
    await writeFile(mdFile, updateBenchmarksMd(existing, run));
    log(
      `wrote ${path.relative(REPO, resultFile)} and BENCHMARKS.md (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`,
    );
    if (failures.length) process.exitCode = 1;
  } finally {
    await Promise.all(
      [...servers.values()].map((s) =>
        s.then(
          (server) => server.stop(),
          () => undefined,
        ),
      ),
    );
    await driver.close();
    if (!neo4j.alreadyRunning && !options.keepDb) await stopNeo4j(neo4jConfig, log);
  }
}

main(process.argv).catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
