/**
 * The server process of one home: its pid file, the lock that serialises start and stop across launchers,
 * finding a running server (pid file, then a /proc scan), spawning the JVM and terminating it.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { ENTRY_POINT, javaArguments } from './conf.ts';
import { homeLayout, type LogFn, type Neo4jConfig, noop } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pid in `run/neo4j.pid`, or undefined when the file is missing or holds no pid. */
export function readPidFile(config: Neo4jConfig): number | undefined {
  try {
    const text = fs.readFileSync(homeLayout(config).pidFile, 'utf8').trim();
    const pid = Number(text);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Records the pid of the server of this home. */
export function writePidFile(config: Neo4jConfig, pid: number): void {
  fs.writeFileSync(homeLayout(config).pidFile, `${pid}\n`);
}

/** Forgets the pid of the server of this home. */
export function removePidFile(config: Neo4jConfig): void {
  fs.rmSync(homeLayout(config).pidFile, { force: true });
}

/** Whether a process exists (zombies count as gone). */
export function isAlive(pid: number): boolean {
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
export function isNeo4jOf(pid: number, config: Neo4jConfig): boolean | undefined {
  const cmd = commandLineOf(pid);
  if (cmd === undefined) return undefined;
  return cmd.includes(ENTRY_POINT) && cmd.includes(`--home-dir=${config.homeDir}`);
}

/** Linux only: Neo4j JVMs started for this home, found by their command line. */
export function scanNeo4jProcesses(config: Neo4jConfig): number[] {
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
export function findRunningPid(config: Neo4jConfig): number | undefined {
  const pid = readPidFile(config);
  if (pid !== undefined) {
    if (isAlive(pid) && isNeo4jOf(pid, config) !== false) return pid;
    removePidFile(config);
  }
  return scanNeo4jProcesses(config)[0];
}

/**
 * Serialises start/stop of one home across processes with an exclusive lock
 * file holding the owner's pid (a lock whose owner died is taken over).
 */
export async function withLock<T>(config: Neo4jConfig, fn: () => Promise<T>): Promise<T> {
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

/** Starts the server JVM detached, its stdout and stderr going to `logs/console.log`. */
export function spawnNeo4j(config: Neo4jConfig, extraJvmOptions: readonly string[] = []): ChildProcess {
  const dirs = homeLayout(config);
  const out = fs.openSync(dirs.consoleLog, 'w');
  try {
    const child = spawn(config.javaBin, javaArguments(config, extraJvmOptions), {
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
export function spawned(child: ChildProcess, config: Neo4jConfig): Promise<number> {
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

/**
 * SIGTERM, wait up to `timeoutMs`, then SIGKILL. Returns whether SIGKILL was
 * needed.
 */
export async function terminate(pid: number, timeoutMs: number, log: LogFn = noop): Promise<boolean> {
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
