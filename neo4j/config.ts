/**
 * Configuration of one local Neo4j instance: where it lives, its port, password and memory, read from the
 * environment and validated; and the folder layout of its home.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jLauncherError } from './errors.ts';

/** Root of this repository (the folder above `neo4j/`). */
export const REPO_ROOT: string = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

/** The Maven project that pins the Neo4j version and lists the runtime jars. */
export const POM_PATH: string = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Password used when NEO4J_PASSWORD is not set. For local development only, never for anything reachable. */
export const DEFAULT_LOCAL_PASSWORD = 'baghouz-local-dev';

/** Minimum password length Neo4j accepts by default (dbms.security.auth_minimum_password_length). */
const MIN_PASSWORD_LENGTH = 8;

/** Receives human-readable progress lines. */
export type LogFn = (line: string) => void;

/** The default {@link LogFn}: says nothing. */
export const noop: LogFn = () => {};

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

/** Where the files of one home live (see the layout in launcher.ts). */
export interface HomeLayout {
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

/** The folders and files of the home `config.homeDir`. */
export function homeLayout(config: Pick<Neo4jConfig, 'homeDir'>): HomeLayout {
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
export function parseByteSize(value: string): number | undefined {
  const match = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Number(match[1]) * factor;
}
