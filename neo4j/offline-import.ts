/**
 * Offline bulk import into the home's `neo4j` database with Neo4j's own importer (`neo4j-admin database import
 * full`, from the jars already fetched: neo4j-import-tool, neo4j-command-line).
 *
 * The importer writes a store offline, and Community has one user database (`neo4j`) that cannot be stopped on its
 * own, so the import goes into a staging data folder while the server keeps running, then the server is stopped,
 * the staged store takes the place of the live one, and the server is started again. Every step is recorded in a
 * journal (`bulk/journal.json`), so a crash at any point leaves a state the next run finishes or discards:
 *
 * | journal says | what a crash left                         | what {@link recoverOfflineImport} (and every start) does |
 * | ------------ | ----------------------------------------- | -------------------------------------------------------- |
 * | `importing`  | a partial staged store; live store intact | stops a leftover importer, deletes the staged store      |
 * | `switching`  | stores half moved                         | finishes the moves (the staged store is complete)        |
 *
 * Only the database's store and transaction logs move; the system database (users, the database record) stays.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderNeo4jConf } from './conf.ts';
import { homeLayout, type LogFn, type Neo4jConfig, noop } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';
import { ensureNeo4jJars } from './jars.ts';
import { lastLines } from './logs.ts';
import { findRunningPid, isAlive, sleep } from './process.ts';

const DATABASE = 'neo4j';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

/** Node files with their labels, relationship files with their type; each list starts with its header file. */
export interface OfflineImportRequest {
  nodes: Array<{ labels: string[]; files: string[] }>;
  relationships: Array<{ type: string; files: string[] }>;
  /** The character between list elements in a field (one character). */
  arrayDelimiter: string;
  /** JVM heap of the importer (default 1g) and its other memory (default 2g): the machine is shared. */
  heap?: string;
  offHeapMemory?: string;
}

export interface OfflineImportReport {
  seconds: number;
  nodes: number;
  relationships: number;
  properties: number;
  /** What the importer reported as its peak memory, e.g. `1.004GiB`. */
  peakMemory: string | null;
}

type Journal = { state: 'importing'; loaderPid: number; importerPid?: number } | { state: 'switching' };

/** Where the bulk import keeps its files inside a home. */
export function offlineImportLayout(config: Pick<Neo4jConfig, 'homeDir'>) {
  const dir = path.join(config.homeDir, 'bulk');
  const staging = path.join(dir, 'staging');
  return {
    dir,
    journal: path.join(dir, 'journal.json'),
    staging,
    stagingData: path.join(staging, 'data'),
    stagingConf: path.join(staging, 'import.conf'),
    trash: path.join(dir, 'trash'),
    log: path.join(homeLayout(config).logs, 'import.log'),
  };
}

function readJournal(config: Neo4jConfig): Journal | undefined {
  try {
    return JSON.parse(fs.readFileSync(offlineImportLayout(config).journal, 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

/** Replaces the journal atomically (write, then rename). */
function writeJournal(config: Neo4jConfig, journal: Journal | undefined): void {
  const file = offlineImportLayout(config).journal;
  if (journal === undefined) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  fs.renameSync(`${file}.tmp`, file);
}

/** The live and staged folders of the database's store and its transaction logs. */
function storeFolders(config: Neo4jConfig) {
  const layout = offlineImportLayout(config);
  const live = homeLayout(config).data;
  return ['databases', 'transactions'].map((kind) => ({
    live: path.join(live, kind, DATABASE),
    staged: path.join(layout.stagingData, kind, DATABASE),
    trashed: path.join(layout.trash, `${kind}-${DATABASE}`),
  }));
}

/** Moves the staged store into place (idempotent: a rerun after a crash finishes the moves), then cleans up. */
function completeSwitch(config: Neo4jConfig): void {
  for (const { live, staged, trashed } of storeFolders(config)) {
    if (!fs.existsSync(staged)) continue;
    if (fs.existsSync(live)) {
      fs.rmSync(trashed, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(trashed), { recursive: true });
      fs.renameSync(live, trashed);
    }
    fs.mkdirSync(path.dirname(live), { recursive: true });
    fs.renameSync(staged, live);
  }
  const layout = offlineImportLayout(config);
  writeJournal(config, undefined);
  fs.rmSync(layout.trash, { recursive: true, force: true });
  fs.rmSync(layout.staging, { recursive: true, force: true });
}

/** Whether `pid` is this home's importer (its command line names the staging configuration). */
function isImporterOf(pid: number, config: Neo4jConfig): boolean {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes(ADMIN_TOOL) && cmd.includes(offlineImportLayout(config).stagingConf);
  } catch {
    return false;
  }
}

/** Whether a switch to an imported store was interrupted: the server must be stopped, then started, to finish it. */
export function switchPending(config: Neo4jConfig): boolean {
  return readJournal(config)?.state === 'switching';
}

/**
 * Finishes an interrupted switch, if any. The launcher calls this before it starts a stopped server, so a store
 * is never opened half moved.
 */
export function finishPendingSwitch(config: Neo4jConfig, log: LogFn = noop): boolean {
  if (!switchPending(config)) return false;
  if (findRunningPid(config) !== undefined)
    throw new Neo4jLauncherError(
      'IMPORT_IN_PROGRESS',
      `A switch to an imported database in ${config.homeDir} was interrupted while Neo4j runs: stop it (npm run db:stop) and start it again.`,
    );
  log('Finishing an interrupted switch to an imported database...');
  completeSwitch(config);
  return true;
}

/**
 * Finishes or discards what an interrupted import left, so the next run starts clean (see the table above). Throws
 * IMPORT_IN_PROGRESS when the loader that started the import is still running, or when a switch was interrupted
 * while the server runs (stop it first).
 */
export async function recoverOfflineImport(
  config: Neo4jConfig,
  log: LogFn = noop,
): Promise<'none' | 'discarded' | 'switched'> {
  const journal = readJournal(config);
  if (journal === undefined) return 'none';
  if (journal.state === 'switching') return finishPendingSwitch(config, log) ? 'switched' : 'none';
  if (journal.loaderPid !== process.pid && isAlive(journal.loaderPid))
    throw new Neo4jLauncherError(
      'IMPORT_IN_PROGRESS',
      `A bulk import into ${config.homeDir} is running (loader pid ${journal.loaderPid}); wait for it to finish.`,
    );
  if (journal.importerPid !== undefined && isAlive(journal.importerPid) && isImporterOf(journal.importerPid, config)) {
    log(`Stopping the importer an interrupted load left running (pid ${journal.importerPid})...`);
    process.kill(journal.importerPid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(journal.importerPid); i++) await sleep(100);
  }
  log('Discarding the partial store of an interrupted import (the live database was not touched).');
  fs.rmSync(offlineImportLayout(config).staging, { recursive: true, force: true });
  writeJournal(config, undefined);
  return 'discarded';
}

/** The importer's command line. */
export function importerArguments(config: Neo4jConfig, request: OfflineImportRequest): string[] {
  const layout = offlineImportLayout(config);
  const delimiter = `U+${(request.arrayDelimiter.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return [
    `-Xmx${request.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    '-Dfile.encoding=UTF-8',
    '-cp',
    path.join(config.libDir, '*'),
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    // The database first: the file options take every value that follows them.
    DATABASE,
    `--additional-config=${layout.stagingConf}`,
    `--report-file=${path.join(layout.staging, 'import.report')}`,
    `--max-off-heap-memory=${request.offHeapMemory ?? '2g'}`,
    `--array-delimiter=${delimiter}`,
    // The input was validated before it was written: any bad entry is a bug, so stop at the first one.
    '--bad-tolerance=0',
    '--strict=true',
    ...request.nodes.map((group) => `--nodes=${group.labels.join(':')}=${group.files.join(',')}`),
    ...request.relationships.map((group) => `--relationships=${group.type}=${group.files.join(',')}`),
  ];
}

function parseReport(output: string, seconds: number): OfflineImportReport {
  const count = (what: string) => Number(new RegExp(`^\\s*(\\d+) ${what}\\s*$`, 'm').exec(output)?.[1] ?? Number.NaN);
  return {
    seconds,
    nodes: count('nodes'),
    relationships: count('relationships'),
    properties: count('properties'),
    peakMemory: /Peak memory usage: (\S+)/.exec(output)?.[1] ?? null,
  };
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/**
 * Imports the files into a staged store (the running server, if any, is not touched). Recovers an interrupted
 * import first. Throws IMPORT_FAILED with the importer's last lines when it refuses the input.
 */
export async function importIntoStaging(
  config: Neo4jConfig,
  request: OfflineImportRequest,
  log: LogFn = noop,
): Promise<OfflineImportReport> {
  await recoverOfflineImport(config, log);
  await ensureNeo4jJars(config, log);
  const layout = offlineImportLayout(config);
  const dirs = homeLayout(config);
  fs.mkdirSync(layout.staging, { recursive: true });
  fs.mkdirSync(dirs.logs, { recursive: true });
  fs.mkdirSync(dirs.conf, { recursive: true });
  // The importer reads the home's configuration (written on every start) and this override of the data folder.
  fs.writeFileSync(path.join(dirs.conf, 'neo4j.conf'), renderNeo4jConf(config));
  fs.writeFileSync(layout.stagingConf, `server.directories.data=${layout.stagingData}\n`);
  writeJournal(config, { state: 'importing', loaderPid: process.pid });
  const started = performance.now();
  const out = fs.openSync(layout.log, 'w');
  let child: ChildProcess;
  try {
    child = spawn(config.javaBin, importerArguments(config, request), {
      cwd: config.homeDir,
      stdio: ['ignore', out, out],
      env: { ...process.env, NEO4J_HOME: config.homeDir, NEO4J_CONF: dirs.conf },
    });
  } finally {
    fs.closeSync(out);
  }
  if (child.pid !== undefined)
    writeJournal(config, { state: 'importing', loaderPid: process.pid, importerPid: child.pid });
  const code = await waitForExit(child);
  const seconds = (performance.now() - started) / 1000;
  const output = fs.readFileSync(layout.log, 'utf8');
  if (code !== 0) {
    fs.rmSync(layout.staging, { recursive: true, force: true });
    writeJournal(config, undefined);
    throw new Neo4jLauncherError(
      'IMPORT_FAILED',
      `The Neo4j importer stopped (exit ${code}); the live database was not touched. ` +
        `From ${layout.log}:\n${lastLines(output.replace(/^(\s+at |[-.]).*\n/gm, ''), 15)}`,
    );
  }
  log(`Imported into a staged store in ${seconds.toFixed(1)} s.`);
  return parseReport(output, seconds);
}

/**
 * Puts the staged store in place of the live one: records the switch, stops the server (`stop`), moves the folders,
 * and returns; the caller starts the server. A crash in between is finished by {@link recoverOfflineImport}.
 */
export async function switchToStaged(config: Neo4jConfig, stop: () => Promise<unknown>): Promise<void> {
  const journal = readJournal(config);
  if (journal?.state !== 'importing')
    throw new Neo4jLauncherError('IMPORT_FAILED', 'There is no imported store to switch to.');
  if (!storeFolders(config).every(({ staged }) => fs.existsSync(staged)))
    throw new Neo4jLauncherError('IMPORT_FAILED', 'The staged store is incomplete; import again.');
  writeJournal(config, { state: 'switching' });
  await stop();
  completeSwitch(config);
}
