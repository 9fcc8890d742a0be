/**
 * Runs the real server (`start/start.ts`, as `npm start` does) in its own process against a given Neo4j, so
 * stress tests can measure its memory (resident set size from /proc) apart from the test's own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size in bytes, read from /proc/<pid>/status. */
  rss(): number;
  output(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  port: number;
  neo4j: { uri: string; user: string; password: string };
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'start/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: options.neo4j.uri,
      NEO4J_USER: options.neo4j.user,
      NEO4J_PASSWORD: options.neo4j.password,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not start in 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    rss() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
      return kb * 1024;
    },
    output: () => output,
    async stop() {
      // Already gone (exited, or killed by a signal, as a test may do): its 'exit' event has been and gone.
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
