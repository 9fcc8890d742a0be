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
 *
 * This file is the public entry: it composes start, stop and status from the
 * modules beside it and re-exports their public pieces. config.ts (environment,
 * home layout), jars.ts (pinned version, Maven fetch), conf.ts (neo4j.conf, JVM
 * arguments), process.ts (pid and lock files, process scan, signals),
 * readiness.ts (port probe, Bolt readiness, password), toolchain.ts (java, mvn),
 * logs.ts (log excerpts for errors), errors.ts (the typed error).
 */

import fs from 'node:fs';
import path from 'node:path';
import { classDataArguments, promoteClassData } from './class-data.ts';
import { javaArguments, renderNeo4jConf } from './conf.ts';
import {
  DEFAULT_LOCAL_PASSWORD,
  homeLayout,
  type LogFn,
  type Neo4jConfig,
  type Neo4jConfigOverrides,
  noop,
  POM_PATH,
  REPO_ROOT,
  resolveNeo4jConfig,
} from './config.ts';
import { Neo4jLauncherError, type Neo4jLauncherErrorCode } from './errors.ts';
import { ensureNeo4jJars, neo4jJarsPresent, pinnedNeo4jVersion } from './jars.ts';
import { finishPendingSwitch } from './offline-import.ts';
import {
  findRunningPid,
  isAlive,
  isNeo4jOf,
  readPidFile,
  removePidFile,
  scanNeo4jProcesses,
  spawned,
  spawnNeo4j,
  terminate,
  withLock,
  writePidFile,
} from './process.ts';
import { isPortInUse, waitUntilReady, writeInitialPassword } from './readiness.ts';
import { checkJava } from './toolchain.ts';

export type { LogFn, Neo4jConfig, Neo4jConfigOverrides, Neo4jLauncherErrorCode };
export {
  DEFAULT_LOCAL_PASSWORD,
  ensureNeo4jJars,
  javaArguments,
  Neo4jLauncherError,
  neo4jJarsPresent,
  POM_PATH,
  pinnedNeo4jVersion,
  REPO_ROOT,
  renderNeo4jConf,
  resolveNeo4jConfig,
  writeInitialPassword,
};

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
    finishPendingSwitch(config, log);
    const firstStart = !fs.existsSync(path.join(dirs.data, 'databases', 'system'));
    writeInitialPassword(config);

    log(`Starting Neo4j ${pinnedNeo4jVersion()} for ${config.homeDir}${firstStart ? ' (first start)' : ''}...`);
    const child = spawnNeo4j(config, classDataArguments(config, javaMajor));
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
    await promoteClassData(config, !killed);
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
