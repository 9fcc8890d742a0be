/**
 * Local Neo4j Community server without Docker.
 *
 * The server is the real Neo4j 5.26 Community edition, assembled from Maven
 * Central artifacts (see neo4j/pom.xml) and started directly with `java`,
 * bypassing Neo4j's own shell scripts. One jar folder (default `.neo4j/lib`)
 * is shared by every "home" (dev data in `.neo4j`, test data in
 * `.neo4j-test`, temporary homes in tests), so the jars are fetched once.
 *
 * Layout of a home directory:
 *   conf/neo4j.conf     regenerated on every start (edits are overwritten)
 *   data/               databases, transaction logs, data/dbms/auth.ini
 *   logs/               console.log (JVM stdout/stderr), neo4j.log, debug.log
 *   run/neo4j.pid       pid of the running JVM
 */

import type { ChildProcess } from 'node:child_process';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { auth, driver as createDriver } from 'neo4j-driver';

/** Root of this repository (the folder above `neo4j/`). */
export const REPO_ROOT: string = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** The Maven project that pins the Neo4j version and lists the runtime jars. */
export const POM_PATH: string = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Password used when NEO4J_PASSWORD is not set. For local development only, never for anything reachable. */
export const DEFAULT_LOCAL_PASSWORD = 'baghouz-local-dev';

/** Main class of the Community server (lives in the `org.neo4j:neo4j` jar). */
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

/** Name of the marker file in the lib folder; contains the Neo4j version the jars belong to. */
const LIB_MARKER = '.neo4j-version';

/** Minimum password length Neo4j accepts by default (dbms.security.auth_minimum_password_length). */
const MIN_PASSWORD_LENGTH = 8;

/** Receives human-readable progress lines. */
export type LogFn = (line: string) => void;

const noop: LogFn = () => {};

/** Machine-readable reason of a {@link Neo4jLauncherError}. */
export type Neo4jLauncherErrorCode =
  | 'INVALID_CONFIG'
  | 'JAVA_MISSING'
  | 'JAVA_TOO_OLD'
  | 'MAVEN_MISSING'
  | 'FETCH_FAILED'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'EXITED_EARLY'
  | 'START_TIMEOUT'
  | 'PASSWORD_MISMATCH'
  | 'STOP_FAILED'
  | 'LOCKED';

/**
 * An expected failure of the launcher (missing Java, port taken, wrong
 * password, ...). Its message is written for humans and is complete on its
 * own: the CLI prints it without a stack trace.
 */
export class Neo4jLauncherError extends Error {
  /** Machine-readable reason. */
  readonly code: Neo4jLauncherErrorCode;

  /**
   * @param code machine-readable reason
   * @param message complete, actionable explanation for a human
   * @param options standard error options (`cause`)
   */
  constructor(code: Neo4jLauncherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Neo4jLauncherError';
    this.code = code;
  }
}

/** Everything the launcher needs to know about one local Neo4j instance. */
export interface Neo4jConfig {
  /** Home of this instance: conf/, data/, logs/, run/ live here. */
  homeDir: string;
  /** Folder with the Neo4j jars (shared by all homes). */
  libDir: string;
  /** Bolt port, bound on {@link Neo4jConfig.boltHost} only. */
  boltPort: number;
  /** Bolt listens on loopback only. */
  boltHost: '127.0.0.1';
  /** The built-in admin user. */
  user: 'neo4j';
  /** Password of {@link Neo4jConfig.user}. */
  password: string;
  /** JVM heap (initial = max), Neo4j/JVM size syntax such as `512m` or `1g`. */
  heap: string;
  /** Page cache size, e.g. `256m`. */
  pageCache: string;
  /** How long `startNeo4j` waits for Bolt to accept the password. */
  startTimeoutMs: number;
  /** How long `stopNeo4j` waits after SIGTERM before it uses SIGKILL. */
  stopTimeoutMs: number;
  /** The `java` executable (from JAVA_HOME when set). */
  javaBin: string;
  /** Bolt URI, `bolt://127.0.0.1:<boltPort>`. */
  uri: string;
}

/** Values that may be passed to {@link resolveNeo4jConfig} to override the environment. */
export type Neo4jConfigOverrides = Partial<Omit<Neo4jConfig, 'uri' | 'boltHost' | 'user'>>;

/**
 * Builds and validates the launcher configuration from environment variables.
 *
 * | variable                 | default              |
 * |--------------------------|----------------------|
 * | `NEO4J_HOME_DIR`         | `<repo>/.neo4j`      |
 * | `NEO4J_LIB_DIR`          | `<repo>/.neo4j/lib`  |
 * | `NEO4J_BOLT_PORT`        | `7687`               |
 * | `NEO4J_PASSWORD`         | `baghouz-local-dev` (local use only) |
 * | `NEO4J_HEAP`             | `512m`               |
 * | `NEO4J_PAGECACHE`        | `256m`               |
 * | `NEO4J_START_TIMEOUT_MS` | `120000`             |
 * | `NEO4J_STOP_TIMEOUT_MS`  | `60000`              |
 * | `JAVA_HOME`              | `java` from PATH     |
 *
 * Relative directories are resolved against the current working directory.
 *
 * @param env environment to read (defaults to `process.env`)
 * @param overrides values that win over the environment (used by tests)
 * @returns the validated configuration
 * @throws {Neo4jLauncherError} `INVALID_CONFIG` with a message naming the bad variable
 */
export function resolveNeo4jConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Neo4jConfigOverrides = {},
): Neo4jConfig {
  const pick = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const homeDir = path.resolve(overrides.homeDir ?? pick('NEO4J_HOME_DIR') ?? path.join(REPO_ROOT, '.neo4j'));
  const libDir = path.resolve(overrides.libDir ?? pick('NEO4J_LIB_DIR') ?? path.join(REPO_ROOT, '.neo4j', 'lib'));
  const boltPort = overrides.boltPort ?? parseInteger('NEO4J_BOLT_PORT', pick('NEO4J_BOLT_PORT'), 7687);
  const password = overrides.password ?? env.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD;
  const heap = overrides.heap ?? pick('NEO4J_HEAP') ?? '512m';
  const pageCache = overrides.pageCache ?? pick('NEO4J_PAGECACHE') ?? '256m';
  const startTimeoutMs =
    overrides.startTimeoutMs ?? parseInteger('NEO4J_START_TIMEOUT_MS', pick('NEO4J_START_TIMEOUT_MS'), 120_000);
  const stopTimeoutMs =
    overrides.stopTimeoutMs ?? parseInteger('NEO4J_STOP_TIMEOUT_MS', pick('NEO4J_STOP_TIMEOUT_MS'), 60_000);
  const javaHome = pick('JAVA_HOME');
  const javaBin = overrides.javaBin ?? (javaHome ? path.join(javaHome, 'bin', 'java') : 'java');

  if (!Number.isInteger(boltPort) || boltPort < 1 || boltPort > 65_535) {
    throw invalid(`NEO4J_BOLT_PORT must be a whole number between 1 and 65535, got ${JSON.stringify(boltPort)}.`);
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw invalid(`NEO4J_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long (Neo4j's minimum).`);
  }
  if (password === 'neo4j') {
    throw invalid(`NEO4J_PASSWORD cannot be "neo4j" (Neo4j's default password, which it forces you to change).`);
  }
  for (const [name, value] of [
    ['NEO4J_HEAP', heap],
    ['NEO4J_PAGECACHE', pageCache],
  ] as const) {
    const bytes = parseByteSize(value);
    if (bytes === undefined || bytes < 1024 * 1024) {
      throw invalid(`${name} must be a size like 512m or 1g (at least 1m), got ${JSON.stringify(value)}.`);
    }
  }
  if ((parseByteSize(heap) ?? 0) < 128 * 1024 * 1024) {
    throw invalid(`NEO4J_HEAP must be at least 128m for Neo4j to start, got ${JSON.stringify(heap)}.`);
  }
  for (const [name, value] of [
    ['NEO4J_START_TIMEOUT_MS', startTimeoutMs],
    ['NEO4J_STOP_TIMEOUT_MS', stopTimeoutMs],
  ] as const) {
    if (!Number.isInteger(value) || value < 1000) {
      throw invalid(`${name} must be a whole number of milliseconds >= 1000, got ${JSON.stringify(value)}.`);
    }
  }

  return {
    homeDir,
    libDir,
    boltPort,
    boltHost: '127.0.0.1',
    user: 'neo4j',
    password,
    heap,
    pageCache,
    startTimeoutMs,
    stopTimeoutMs,
    javaBin,
    uri: `bolt://127.0.0.1:${boltPort}`,
  };
}

/**
 * The Neo4j version pinned in neo4j/pom.xml (`<neo4j.version>`), the single
 * source of truth for which jars are fetched.
 *
 * @returns a version such as `5.26.30`
 */
export function pinnedNeo4jVersion(): string {
  const pom = fs.readFileSync(POM_PATH, 'utf8');
  const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) {
    throw new Neo4jLauncherError('INVALID_CONFIG', `Could not find <neo4j.version> in ${POM_PATH}.`);
  }
  return match[1];
}

/**
 * Checks that the lib folder holds the jars of the pinned Neo4j version.
 *
 * @param config launcher configuration (uses `libDir`)
 * @returns true when the marker file names the pinned version and the main jars exist
 */
export function neo4jJarsPresent(config: Pick<Neo4jConfig, 'libDir'>): boolean {
  const version = pinnedNeo4jVersion();
  try {
    const marker = fs.readFileSync(path.join(config.libDir, LIB_MARKER), 'utf8').trim();
    return (
      marker === version &&
      fs.existsSync(path.join(config.libDir, `neo4j-${version}.jar`)) &&
      fs.existsSync(path.join(config.libDir, `neo4j-server-${version}.jar`)) &&
      fs.existsSync(path.join(config.libDir, `neo4j-bolt-${version}.jar`))
    );
  } catch {
    return false;
  }
}

/**
 * Makes sure the Neo4j jars are in `config.libDir`. When they are missing (or
 * belong to another version) it checks for Java 17+ and Maven, then runs
 * `mvn dependency:copy-dependencies` on neo4j/pom.xml into a temporary folder
 * and moves it into place, so an interrupted fetch never leaves a half-filled
 * lib folder behind.
 *
 * @param config launcher configuration
 * @param log receives progress lines
 * @returns whether anything was fetched
 * @throws {Neo4jLauncherError} `JAVA_MISSING`, `JAVA_TOO_OLD`, `MAVEN_MISSING` or `FETCH_FAILED`
 */
export async function ensureNeo4jJars(config: Neo4jConfig, log: LogFn = noop): Promise<{ fetched: boolean }> {
  if (neo4jJarsPresent(config)) return { fetched: false };
  const version = pinnedNeo4jVersion();
  await checkJava(config);
  await checkMaven();

  log(`Fetching Neo4j ${version} jars from Maven Central into ${config.libDir} (one time, about 125 MB)...`);
  const started = Date.now();
  const tmpDir = `${config.libDir}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(config.libDir), { recursive: true });
  removeAbandonedFetches(config.libDir);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const ticker = setInterval(() => log(`  still fetching... ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  try {
    const result = await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        POM_PATH,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmpDir}`,
        '-DincludeScope=runtime',
      ],
      { timeoutMs: 30 * 60_000 },
    );
    if (result.code !== 0) {
      throw new Neo4jLauncherError(
        'FETCH_FAILED',
        `Maven could not fetch the Neo4j ${version} jars (exit code ${result.code}). Is Maven Central reachable?\n` +
          `Command: mvn -B -q -f ${POM_PATH} dependency:copy-dependencies -DoutputDirectory=${tmpDir} -DincludeScope=runtime\n` +
          lastLines(`${result.stdout}\n${result.stderr}`, 30),
      );
    }
    fs.writeFileSync(path.join(tmpDir, LIB_MARKER), `${version}\n`);
    if (!neo4jJarsPresent({ libDir: tmpDir })) {
      throw new Neo4jLauncherError(
        'FETCH_FAILED',
        `Maven finished but ${tmpDir} does not contain neo4j-${version}.jar, neo4j-server-${version}.jar and neo4j-bolt-${version}.jar.`,
      );
    }
    if (neo4jJarsPresent(config)) {
      // Another process finished the same fetch first.
      fs.rmSync(tmpDir, { recursive: true, force: true });
    } else {
      fs.rmSync(config.libDir, { recursive: true, force: true });
      fs.renameSync(tmpDir, config.libDir);
    }
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(ticker);
  }
  const count = fs.readdirSync(config.libDir).filter((f) => f.endsWith('.jar')).length;
  log(`Fetched ${count} jars in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { fetched: true };
}

/** Removes `<libDir>.tmp-<pid>` folders left by fetches whose process died (e.g. Ctrl-C). */
function removeAbandonedFetches(libDir: string): void {
  const prefix = `${path.basename(libDir)}.tmp-`;
  let entries: string[];
  try {
    entries = fs.readdirSync(path.dirname(libDir));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(path.join(path.dirname(libDir), entry), { recursive: true, force: true });
    }
  }
}

/** Result of {@link startNeo4j}. */
export interface StartResult {
  /** Bolt URI to connect to. */
  uri: string;
  /** Pid of the Neo4j JVM. */
  pid: number;
  /** True when the server was already running and nothing was started. */
  alreadyRunning: boolean;
  /** Version reported by the server (`dbms.components()`). */
  version: string;
}

/**
 * Starts the Neo4j server for `config.homeDir` (fetching the jars first if
 * needed) and waits until Bolt accepts `config.password`.
 *
 * Harmless when the server already runs: it then only waits for it to be
 * ready and returns `alreadyRunning: true`. On first start the password of
 * user `neo4j` is set from `config.password` (see {@link writeInitialPassword}).
 *
 * @param config launcher configuration
 * @param log receives progress lines
 * @returns where the server listens and its pid
 * @throws {Neo4jLauncherError} with a log excerpt when the server cannot be started
 */
export async function startNeo4j(config: Neo4jConfig, log: LogFn = noop): Promise<StartResult> {
  const dirs = homeLayout(config);
  fs.mkdirSync(dirs.run, { recursive: true });
  return withLock(config, async () => {
    const running = findRunningPid(config);
    if (running !== undefined) {
      log(`Neo4j is already running for ${config.homeDir} (pid ${running}); checking that it is ready...`);
      writePidFile(config, running);
      const version = await waitUntilReady(config, { pid: running, startedByUs: false, log });
      return { uri: config.uri, pid: running, alreadyRunning: true, version };
    }

    await ensureNeo4jJars(config, log);
    const javaMajor = await checkJava(config);
    if (javaMajor !== 17 && javaMajor !== 21) {
      log(
        `Warning: Neo4j 5.26 supports Java 17 and 21; "${config.javaBin}" is Java ${javaMajor}. Set JAVA_HOME if it fails.`,
      );
    }

    if (await isPortInUse(config.boltHost, config.boltPort)) {
      throw new Neo4jLauncherError(
        'PORT_IN_USE',
        `Port ${config.boltPort} on ${config.boltHost} is already in use by another process (not the Neo4j of ${config.homeDir}). ` +
          `Stop that process or choose another port with NEO4J_BOLT_PORT.`,
      );
    }

    for (const dir of [dirs.conf, dirs.data, dirs.logs, dirs.run, dirs.imports, dirs.plugins]) {
      fs.mkdirSync(dir, { recursive: true });
    }
    fs.writeFileSync(path.join(dirs.conf, 'neo4j.conf'), renderNeo4jConf(config));
    const firstStart = !fs.existsSync(path.join(dirs.data, 'databases', 'system'));
    writeInitialPassword(config);

    log(`Starting Neo4j ${pinnedNeo4jVersion()} for ${config.homeDir}${firstStart ? ' (first start)' : ''}...`);
    const child = spawnNeo4j(config);
    const pid = await spawned(child, config);
    writePidFile(config, pid);
    try {
      const version = await waitUntilReady(config, { pid, child, startedByUs: true, log });
      return { uri: config.uri, pid, alreadyRunning: false, version };
    } catch (error) {
      await terminate(pid, 15_000);
      removePidFile(config);
      throw error;
    }
  });
}

/** Result of {@link stopNeo4j}. */
export interface StopResult {
  /** Whether a server was running. */
  wasRunning: boolean;
  /** Pids that were stopped. */
  pids: number[];
  /** Whether SIGKILL had to be used. */
  killed: boolean;
}

/**
 * Stops the Neo4j server of `config.homeDir`: SIGTERM (Neo4j then checkpoints
 * and shuts down cleanly), waits up to `config.stopTimeoutMs`, and uses
 * SIGKILL only as a last resort. Removes the pid file. Harmless when nothing
 * runs. Also finds a server whose pid file was lost (Linux: by scanning
 * /proc for its `--home-dir`).
 *
 * @param config launcher configuration
 * @param log receives progress lines
 * @returns what was stopped
 * @throws {Neo4jLauncherError} `STOP_FAILED` if the process survives SIGKILL
 */
export async function stopNeo4j(config: Neo4jConfig, log: LogFn = noop): Promise<StopResult> {
  if (!fs.existsSync(config.homeDir)) return { wasRunning: false, pids: [], killed: false };
  fs.mkdirSync(homeLayout(config).run, { recursive: true });
  return withLock(config, async () => {
    const pids = new Set<number>();
    const fromFile = readPidFile(config);
    if (fromFile !== undefined && isAlive(fromFile) && isNeo4jOf(fromFile, config) !== false) pids.add(fromFile);
    for (const pid of scanNeo4jProcesses(config)) pids.add(pid);
    if (pids.size === 0) {
      removePidFile(config);
      return { wasRunning: false, pids: [], killed: false };
    }
    let killed = false;
    for (const pid of pids) {
      log(`Stopping Neo4j (pid ${pid})...`);
      killed = (await terminate(pid, config.stopTimeoutMs, log)) || killed;
    }
    removePidFile(config);
    return { wasRunning: true, pids: [...pids], killed };
  });
}

/** Result of {@link neo4jStatus}. */
export interface Neo4jStatus {
  /** Whether the JVM of this home is alive. */
  running: boolean;
  /** Its pid when running. */
  pid?: number;
  /** Whether something accepts TCP connections on the Bolt port. */
  boltPortOpen: boolean;
  /** Bolt URI. */
  uri: string;
  /** Home directory of this instance. */
  homeDir: string;
  /** Shared jar folder. */
  libDir: string;
  /** Whether the pinned jars are in `libDir`. */
  jarsPresent: boolean;
  /** The pinned Neo4j version. */
  version: string;
}

/**
 * Reports whether the server of `config.homeDir` runs, without logging in.
 *
 * @param config launcher configuration
 * @returns process and port state
 */
export async function neo4jStatus(config: Neo4jConfig): Promise<Neo4jStatus> {
  const pid = findRunningPid(config);
  return {
    running: pid !== undefined,
    ...(pid === undefined ? {} : { pid }),
    boltPortOpen: await isPortInUse(config.boltHost, config.boltPort),
    uri: config.uri,
    homeDir: config.homeDir,
    libDir: config.libDir,
    jarsPresent: neo4jJarsPresent(config),
    version: pinnedNeo4jVersion(),
  };
}

/**
 * The neo4j.conf written on every start. Bolt on loopback only, HTTP/HTTPS
 * off, no telemetry, auth on, all directories inside the home, memory sized
 * for a small (2 core) machine, and small transaction-log retention.
 *
 * @param config launcher configuration
 * @returns the file content
 */
export function renderNeo4jConf(config: Neo4jConfig): string {
  const dirs = homeLayout(config);
  const heapBytes = parseByteSize(config.heap) ?? 512 * 1024 * 1024;
  const mb = (bytes: number): string => `${Math.max(16, Math.floor(bytes / (1024 * 1024)))}m`;
  const settings: Array<[string, string] | string> = [
    '# Generated by neo4j/launcher.ts on every start: edits are overwritten.',
    '',
    '# Directories (all inside the home folder; jars come from the shared lib folder)',
    ['server.directories.data', dirs.data],
    ['server.directories.logs', dirs.logs],
    ['server.directories.run', dirs.run],
    ['server.directories.import', dirs.imports],
    ['server.directories.plugins', dirs.plugins],
    ['server.directories.lib', config.libDir],
    '',
    '# Network: Bolt on loopback only; no HTTP, no HTTPS, no routing connector',
    ['server.default_listen_address', config.boltHost],
    ['server.default_advertised_address', config.boltHost],
    ['server.bolt.enabled', 'true'],
    ['server.bolt.listen_address', `${config.boltHost}:${config.boltPort}`],
    ['server.bolt.advertised_address', `${config.boltHost}:${config.boltPort}`],
    ['server.bolt.tls_level', 'DISABLED'],
    ['server.http.enabled', 'false'],
    ['server.https.enabled', 'false'],
    ['dbms.routing.enabled', 'false'],
    '',
    '# Security and telemetry',
    ['dbms.security.auth_enabled', 'true'],
    ['dbms.usage_report.enabled', 'false'],
    '',
    '# Memory (the JVM also gets -Xms/-Xmx directly)',
    ['server.memory.heap.initial_size', config.heap],
    ['server.memory.heap.max_size', config.heap],
    ['server.memory.pagecache.size', config.pageCache],
    ['dbms.memory.transaction.total.max', mb(heapBytes * 0.6)],
    ['db.memory.transaction.max', mb(heapBytes * 0.4)],
    ['server.bolt.thread_pool_max_size', '40'],
    '',
    '# Keep the disk footprint small',
    ['db.tx_log.rotation.retention_policy', '2 files'],
    ['db.tx_log.rotation.size', '32m'],
    ['db.tx_log.preallocate', 'false'],
    ['db.logs.query.enabled', 'OFF'],
    ['server.logs.debug.enabled', 'true'],
    '',
    '# Faster shutdown (about 2 s instead of 11 s): Bolt waits 5 s + 5 s by default for its',
    '# Netty event loops. These run after the databases were checkpointed and closed; the',
    '# resulting "Termination of ... event loop group has exceeded maximum permitted duration"',
    '# WARN lines in debug.log are harmless. Internal settings: re-check on a Neo4j upgrade.',
    ['internal.server.bolt.thread_pool_shutdown_wait_time', '1s'],
    ['internal.server.bolt.connection_shutdown_wait_time', '1s'],
  ];
  return `${settings.map((s) => (typeof s === 'string' ? s : `${s[0]}=${s[1]}`)).join('\n')}\n`;
}

/**
 * The JVM arguments used to run the server (what Neo4j's own launcher would
 * add, minus the options that only matter for big production machines).
 *
 * @param config launcher configuration
 * @returns arguments for `java`, ending with the main class and its arguments
 */
export function javaArguments(config: Neo4jConfig): string[] {
  const dirs = homeLayout(config);
  return [
    `-Xms${config.heap}`,
    `-Xmx${config.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    `-XX:ErrorFile=${path.join(dirs.logs, 'hs_err_pid%p.log')}`,
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
    // Java 17 module access Neo4j needs for its page cache and native file access.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
    '-cp',
    path.join(config.libDir, '*'),
    ENTRY_POINT,
    `--home-dir=${config.homeDir}`,
    `--config-dir=${dirs.conf}`,
  ];
}

/**
 * Writes `data/dbms/auth.ini`, the file `neo4j-admin dbms set-initial-password`
 * writes, so the `neo4j` user is created with `config.password` when the
 * system database is initialised (and replaces the default password `neo4j`
 * if it was never changed). Neo4j ignores it once the password was changed.
 * The format (`neo4j:SHA-256,<hash>,<salt>,1024:`) was checked byte for byte
 * against the output of that command in Neo4j 5.26.30.
 *
 * @param config launcher configuration
 */
export function writeInitialPassword(config: Neo4jConfig): void {
  const dbmsDir = path.join(homeLayout(config).data, 'dbms');
  fs.mkdirSync(dbmsDir, { recursive: true });
  const iterations = 1024;
  const salt = randomBytes(32);
  let hash = createHash('sha256').update(salt).update(Buffer.from(config.password, 'utf8')).digest();
  for (let i = 1; i < iterations; i++) hash = createHash('sha256').update(hash).digest();
  const line = `${config.user}:SHA-256,${hash.toString('hex')},${salt.toString('hex')},${iterations}:\n`;
  fs.writeFileSync(path.join(dbmsDir, 'auth.ini'), line, { mode: 0o600 });
  fs.chmodSync(path.join(dbmsDir, 'auth.ini'), 0o600);
}

/* ------------------------------------------------------------------------ */
/* internals                                                                */
/* ------------------------------------------------------------------------ */

interface HomeLayout {
  conf: string;
  data: string;
  logs: string;
  run: string;
  imports: string;
  plugins: string;
  pidFile: string;
  lockFile: string;
  consoleLog: string;
  debugLog: string;
  userLog: string;
}

function homeLayout(config: Pick<Neo4jConfig, 'homeDir'>): HomeLayout {
  const h = config.homeDir;
  const logs = path.join(h, 'logs');
  const run = path.join(h, 'run');
  return {
    conf: path.join(h, 'conf'),
    data: path.join(h, 'data'),
    logs,
    run,
    imports: path.join(h, 'import'),
    plugins: path.join(h, 'plugins'),
    pidFile: path.join(run, 'neo4j.pid'),
    lockFile: path.join(run, 'launcher.lock'),
    consoleLog: path.join(logs, 'console.log'),
    debugLog: path.join(logs, 'debug.log'),
    userLog: path.join(logs, 'neo4j.log'),
  };
}

function invalid(message: string): Neo4jLauncherError {
  return new Neo4jLauncherError('INVALID_CONFIG', message);
}

function parseInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw invalid(`${name} must be a whole number, got ${JSON.stringify(raw)}.`);
  return Number(raw);
}

/** Parses `512m`, `1g`, `2048k` or a plain byte count. */
function parseByteSize(value: string): number | undefined {
  const match = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Number(match[1]) * factor;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  notFound: boolean;
}

function run(command: string, args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const notFound = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ code, stdout: String(stdout), stderr: String(stderr), notFound });
      },
    );
  });
}

const JAVA_INSTALL_HINT =
  'install openjdk-17-jre-headless (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; ' +
  'macOS: brew install openjdk@17) or point JAVA_HOME at a Java 17 or 21 runtime.';

/** Checks that `config.javaBin` runs and is Java 17 or newer; returns the major version. */
async function checkJava(config: Neo4jConfig): Promise<number> {
  const result = await run(config.javaBin, ['-version']);
  if (result.notFound || result.code !== 0) {
    throw new Neo4jLauncherError(
      'JAVA_MISSING',
      `Java 17+ is required to run the local Neo4j: ${JAVA_INSTALL_HINT} (could not run "${config.javaBin} -version"` +
        `${result.notFound ? ': not found' : `: ${lastLines(result.stderr, 3)}`})`,
    );
  }
  const output = `${result.stderr}\n${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (major < 17) {
    throw new Neo4jLauncherError(
      'JAVA_TOO_OLD',
      `Java 17+ is required to run the local Neo4j, but "${config.javaBin}" is ${match ? `Java ${major}` : 'an unknown version'}: ${JAVA_INSTALL_HINT}`,
    );
  }
  return major;
}

async function checkMaven(): Promise<void> {
  const result = await run('mvn', ['-v']);
  if (result.notFound || result.code !== 0) {
    throw new Neo4jLauncherError(
      'MAVEN_MISSING',
      'Maven is required to fetch the Neo4j jars from Maven Central (first start only): install maven ' +
        '(Debian/Ubuntu: sudo apt-get install maven; macOS: brew install maven) and run "npm run db:fetch" again.' +
        (result.notFound ? '' : `\n"mvn -v" failed: ${lastLines(result.stderr || result.stdout, 5)}`),
    );
  }
}

function lastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

/** Last `count` lines of a file (reads at most the last 256 KB). */
function tailFile(file: string, count: number): string {
  try {
    const size = fs.statSync(file).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, length, size - length);
    } finally {
      fs.closeSync(fd);
    }
    return lastLines(buffer.toString('utf8'), count);
  } catch {
    return '';
  }
}

/** Log excerpt appended to start errors: the last 30 lines of each non-empty log. */
function logExcerpt(config: Neo4jConfig): string {
  const dirs = homeLayout(config);
  const parts: string[] = [];
  const empty: string[] = [];
  for (const file of [dirs.consoleLog, dirs.userLog, dirs.debugLog]) {
    const tail = tailFile(file, 30);
    if (tail.trim() === '') empty.push(path.basename(file));
    else parts.push(`--- last lines of ${file} ---\n${tail}`);
  }
  if (empty.length > 0) parts.push(`(empty or missing: ${empty.join(', ')})`);
  return `${parts.join('\n')}\nLogs are in ${dirs.logs} (console.log, neo4j.log, debug.log).`;
}

function readPidFile(config: Neo4jConfig): number | undefined {
  try {
    const text = fs.readFileSync(homeLayout(config).pidFile, 'utf8').trim();
    const pid = Number(text);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function writePidFile(config: Neo4jConfig, pid: number): void {
  fs.writeFileSync(homeLayout(config).pidFile, `${pid}\n`);
}

function removePidFile(config: Neo4jConfig): void {
  fs.rmSync(homeLayout(config).pidFile, { force: true });
}

/** Whether a process exists (zombies count as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

/** Command line of a process, or undefined when it cannot be read. */
function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    // no /proc: fall through to ps
  }
  try {
    // Synchronous on purpose: tiny and only used when /proc is missing (macOS).
    return execFileSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True/false when the command line can be read, undefined when it cannot. */
function isNeo4jOf(pid: number, config: Neo4jConfig): boolean | undefined {
  const cmd = commandLineOf(pid);
  if (cmd === undefined) return undefined;
  return cmd.includes(ENTRY_POINT) && cmd.includes(`--home-dir=${config.homeDir}`);
}

/** Linux only: Neo4j JVMs started for this home, found by their command line. */
function scanNeo4jProcesses(config: Neo4jConfig): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let cmd: string;
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmd.split('\0');
    if (args.includes(ENTRY_POINT) && args.includes(`--home-dir=${config.homeDir}`) && isAlive(pid)) {
      found.push(pid);
    }
  }
  return found;
}

/** The pid of the running server of this home, cleaning up a stale pid file. */
function findRunningPid(config: Neo4jConfig): number | undefined {
  const pid = readPidFile(config);
  if (pid !== undefined) {
    if (isAlive(pid) && isNeo4jOf(pid, config) !== false) return pid;
    removePidFile(config);
  }
  return scanNeo4jProcesses(config)[0];
}

/** Whether something accepts TCP connections on host:port, or the port cannot be bound. */
async function isPortInUse(host: string, port: number): Promise<boolean> {
  const accepts = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  if (accepts) return true;
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/**
 * Serialises start/stop of one home across processes with an exclusive lock
 * file holding the owner's pid (a lock whose owner died is taken over).
 */
async function withLock<T>(config: Neo4jConfig, fn: () => Promise<T>): Promise<T> {
  const { lockFile } = homeLayout(config);
  const deadline = Date.now() + config.startTimeoutMs + config.stopTimeoutMs;
  const token = `${process.pid}:${randomBytes(6).toString('hex')}`;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, token, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: number | undefined;
      try {
        owner = Number(fs.readFileSync(lockFile, 'utf8').split(':')[0]);
      } catch {
        continue; // removed in between
      }
      if (!owner || !isAlive(owner)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Neo4jLauncherError(
          'LOCKED',
          `Another launcher (pid ${owner}) is starting or stopping the Neo4j of ${config.homeDir}. ` +
            `If that is wrong, delete ${lockFile}.`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === token) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  }
}

function spawnNeo4j(config: Neo4jConfig): ChildProcess {
  const dirs = homeLayout(config);
  const out = fs.openSync(dirs.consoleLog, 'w');
  try {
    const child = spawn(config.javaBin, javaArguments(config), {
      cwd: config.homeDir,
      detached: true,
      stdio: ['ignore', out, out],
      env: process.env,
      windowsHide: true,
    });
    child.unref();
    return child;
  } finally {
    fs.closeSync(out);
  }
}

/** Resolves with the pid once the process is spawned, rejects if spawning fails. */
function spawned(child: ChildProcess, config: Neo4jConfig): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new Neo4jLauncherError('START_FAILED', `Could not run "${config.javaBin}": ${error.message}`, {
          cause: error,
        }),
      );
    };
    child.once('error', onError);
    child.once('spawn', () => {
      child.off('error', onError);
      if (child.pid === undefined) onError(new Error('no pid'));
      else resolve(child.pid);
    });
  });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openDriver(config: Neo4jConfig, password: string): Driver {
  return createDriver(config.uri, auth.basic(config.user, password), {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 2,
    disableLosslessIntegers: true,
  });
}

/**
 * Polls until Bolt accepts `config.password` and the default database answers
 * `RETURN 1`. Fails fast when the JVM exits; on first login with an unchanged
 * default password it sets `config.password`.
 */
async function waitUntilReady(
  config: Neo4jConfig,
  opts: { pid: number; child?: ChildProcess; startedByUs: boolean; log: LogFn },
): Promise<string> {
  const started = Date.now();
  const deadline = started + config.startTimeoutMs;
  let lastError: unknown;
  let triedDefaultPassword = false;
  let lastReport = started;
  for (;;) {
    if (!isAlive(opts.pid) || (opts.child && (opts.child.exitCode !== null || opts.child.signalCode !== null))) {
      const how = opts.child
        ? opts.child.signalCode
          ? ` (killed by ${opts.child.signalCode})`
          : opts.child.exitCode !== null
            ? ` (exit code ${opts.child.exitCode})`
            : ''
        : '';
      throw new Neo4jLauncherError(
        'EXITED_EARLY',
        `Neo4j (pid ${opts.pid}) exited during startup${how}.\n${logExcerpt(config)}`,
      );
    }

    const driver = openDriver(config, config.password);
    try {
      await driver.verifyConnectivity();
      const result = await driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      const version = String(result.records[0]?.get('version') ?? 'unknown');
      opts.log(`Neo4j is ready after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return version;
    } catch (error) {
      lastError = error;
      const code = errorCode(error);
      if (code === 'Neo.ClientError.Security.Unauthorized') {
        if (triedDefaultPassword || !(await setPasswordFromDefault(config, opts.log))) {
          throw passwordMismatch(config);
        }
        triedDefaultPassword = true;
        continue;
      }
      if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
        throw passwordMismatch(config, error);
      }
    } finally {
      await driver.close();
    }

    if (Date.now() > deadline) {
      throw new Neo4jLauncherError(
        'START_TIMEOUT',
        `Neo4j (pid ${opts.pid}) did not accept Bolt connections on ${config.uri} within ` +
          `${Math.round(config.startTimeoutMs / 1000)} s (NEO4J_START_TIMEOUT_MS). ` +
          `Last error: ${errorMessage(lastError)}${opts.startedByUs ? '\nThe process was stopped.' : ''}\n${logExcerpt(config)}`,
      );
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      opts.log(`  still starting... ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await sleep(400);
  }
}

/**
 * Handles a database whose `neo4j` user still has the default password
 * `neo4j` (auth.ini was not applied): logs in with it and sets
 * `config.password`. Returns false when the default password does not work.
 */
async function setPasswordFromDefault(config: Neo4jConfig, log: LogFn): Promise<boolean> {
  const driver = openDriver(config, 'neo4j');
  try {
    await driver.executeQuery(
      'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
      { old: 'neo4j', new: config.password },
      { database: 'system' },
    );
    log('Set the password of user neo4j from NEO4J_PASSWORD (it still had the default password).');
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code.startsWith('Neo.ClientError.Security.')) return false;
    throw new Neo4jLauncherError(
      'START_FAILED',
      `Could not set the password of user neo4j: ${errorMessage(error)}\n${logExcerpt(config)}`,
      { cause: error },
    );
  } finally {
    await driver.close();
  }
}

function passwordMismatch(config: Neo4jConfig, cause?: unknown): Neo4jLauncherError {
  return new Neo4jLauncherError(
    'PASSWORD_MISMATCH',
    `Neo4j in ${config.homeDir} rejected the password from NEO4J_PASSWORD for user neo4j: ` +
      `this database was created with another password. Either set NEO4J_PASSWORD to that password, ` +
      `or reset the local database (this deletes all its data): stop it ("npm run db:stop"), ` +
      `delete ${homeLayout(config).data} and start again.`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * SIGTERM, wait up to `timeoutMs`, then SIGKILL. Returns whether SIGKILL was
 * needed.
 */
async function terminate(pid: number, timeoutMs: number, log: LogFn = noop): Promise<boolean> {
  const waitForExit = async (ms: number): Promise<boolean> => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!isAlive(pid)) return true;
      await sleep(200);
    }
    return !isAlive(pid);
  };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false; // already gone
  }
  if (await waitForExit(timeoutMs)) return false;
  log(`Neo4j (pid ${pid}) did not stop within ${Math.round(timeoutMs / 1000)} s; killing it.`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return true;
  }
  if (!(await waitForExit(10_000))) {
    throw new Neo4jLauncherError('STOP_FAILED', `Neo4j (pid ${pid}) is still alive after SIGKILL.`);
  }
  return true;
}
