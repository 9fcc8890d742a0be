import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { homeLayout, type Neo4jConfig, resolveNeo4jConfig } from './config.ts';
import {
  findRunningPid,
  isAlive,
  isNeo4jOf,
  readPidFile,
  removePidFile,
  scanNeo4jProcesses,
  terminate,
  withLock,
  writePidFile,
} from './process.ts';

let homeDir = '';
let config: Neo4jConfig;
const children: ChildProcess[] = [];

beforeEach(() => {
  homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-process-'));
  fs.mkdirSync(homeLayout({ homeDir }).run);
  config = resolveNeo4jConfig({}, { homeDir, startTimeoutMs: 1000, stopTimeoutMs: 1000 });
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.pid !== undefined && isAlive(child.pid)) child.kill('SIGKILL');
  fs.rmSync(homeDir, { recursive: true, force: true });
});

/** The pid of a process that has already exited and been reaped. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '']);
  expect(result.pid).toBeGreaterThan(0);
  return result.pid;
}

/**
 * Starts a child that sleeps; with `ignoreTerm` it ignores SIGTERM (ignored signals survive exec). Resolves
 * once the shell has exec'd `sleep`, so the trap is in place before a test signals it.
 */
async function sleeper(ignoreTerm: boolean): Promise<number> {
  const child = spawn('sh', ['-c', `${ignoreTerm ? "trap '' TERM; " : ''}exec sleep 30`], { stdio: 'ignore' });
  children.push(child);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start sh');
  await vi.waitFor(() => expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]).toBe('sleep'), {
    timeout: 5000,
    interval: 20,
  });
  return pid;
}

describe('pid file', () => {
  it('round-trips a pid and is gone after removal', () => {
    expect(readPidFile(config)).toBeUndefined();
    writePidFile(config, 4242);
    expect(fs.readFileSync(homeLayout(config).pidFile, 'utf8')).toBe('4242\n');
    expect(readPidFile(config)).toBe(4242);
    removePidFile(config);
    expect(fs.existsSync(homeLayout(config).pidFile)).toBe(false);
    removePidFile(config);
  });

  it('ignores a file that holds no pid', () => {
    fs.writeFileSync(homeLayout(config).pidFile, 'not a pid\n');
    expect(readPidFile(config)).toBeUndefined();
    fs.writeFileSync(homeLayout(config).pidFile, '-3\n');
    expect(readPidFile(config)).toBeUndefined();
  });
});

describe('finding the server of a home', () => {
  it('tells live processes from dead ones', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(deadPid())).toBe(false);
  });

  it('does not take this test process for a Neo4j of the home', () => {
    expect(isNeo4jOf(process.pid, config)).toBe(false);
    expect(scanNeo4jProcesses(config)).toEqual([]);
  });

  it('drops a pid file whose process is gone, and one that names another program', () => {
    writePidFile(config, deadPid());
    expect(findRunningPid(config)).toBeUndefined();
    expect(fs.existsSync(homeLayout(config).pidFile)).toBe(false);

    writePidFile(config, process.pid);
    expect(findRunningPid(config)).toBeUndefined();
    expect(fs.existsSync(homeLayout(config).pidFile)).toBe(false);
  });
});

describe('withLock', () => {
  it('runs one holder at a time and removes the lock afterwards', async () => {
    let inside = 0;
    let most = 0;
    const hold = () =>
      withLock(config, async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inside--;
        return inside;
      });
    await Promise.all([hold(), hold(), hold()]);
    expect(most).toBe(1);
    expect(fs.existsSync(homeLayout(config).lockFile)).toBe(false);
  });

  it('takes over a lock whose owner died', async () => {
    fs.writeFileSync(homeLayout(config).lockFile, `${deadPid()}:abc`);
    await expect(withLock(config, async () => 'ran')).resolves.toBe('ran');
    expect(fs.existsSync(homeLayout(config).lockFile)).toBe(false);
  });

  it('gives up with LOCKED while a live owner holds the lock past the start and stop timeouts', async () => {
    fs.writeFileSync(homeLayout(config).lockFile, `${process.pid}:someone-else`);
    const run = vi.fn(async () => 'ran');
    await expect(withLock(config, run)).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`Another launcher (pid ${process.pid})`),
    });
    expect(run).not.toHaveBeenCalled();
    expect(fs.readFileSync(homeLayout(config).lockFile, 'utf8')).toBe(`${process.pid}:someone-else`);
  });
});

describe('terminate', () => {
  it('stops a process with SIGTERM when it obeys', async () => {
    const pid = await sleeper(false);
    expect(await terminate(pid, 5000)).toBe(false);
    expect(isAlive(pid)).toBe(false);
  });

  it('uses SIGKILL after the timeout and says so', async () => {
    const pid = await sleeper(true);
    const lines: string[] = [];
    expect(await terminate(pid, 500, (line) => lines.push(line))).toBe(true);
    expect(isAlive(pid)).toBe(false);
    expect(lines).toEqual([`Neo4j (pid ${pid}) did not stop within 1 s; killing it.`]);
  });

  it('reports nothing to kill for a process that is already gone', async () => {
    expect(await terminate(deadPid(), 1000)).toBe(false);
  });
});
