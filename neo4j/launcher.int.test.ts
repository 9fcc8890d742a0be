/**
 * Integration test of the local Neo4j launcher: starts a REAL Neo4j (jars
 * from the shared `.neo4j/lib`, fetched with Maven on first use) in a
 * temporary home on a free port, and stops it again.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { auth, driver as createDriver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Neo4jConfig } from './launcher.ts';
import { resolveNeo4jConfig, startNeo4j, stopNeo4j } from './launcher.ts';

const START_TIMEOUT = 10 * 60_000; // includes a first-time Maven fetch
const TIMEOUT = 120_000;
const PASSWORD = 'launcher-int-test-pw';

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a TCP connection to 127.0.0.1:port succeeds. */
async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
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
}

/** Linux: TCP ports a process listens on (from /proc), or undefined elsewhere. */
function listeningPorts(pid: number): number[] | undefined {
  if (!fs.existsSync(`/proc/${pid}/fd`)) return undefined;
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // fd closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      const state = cols[3];
      const inode = cols[9];
      if (local && state === '0A' && inode && inodes.has(inode)) {
        ports.add(Number.parseInt(local.split(':')[1] ?? '0', 16));
      }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function pidIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('local Neo4j launcher (real server)', () => {
  let homeDir: string;
  let config: Neo4jConfig;
  let pid = 0;

  beforeAll(async () => {
    homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-launcher-int-'));
    config = resolveNeo4jConfig(process.env, { homeDir, boltPort: await freePort(), password: PASSWORD });
  });

  afterAll(async () => {
    if (config) await stopNeo4j(config);
    if (homeDir) fs.rmSync(homeDir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'starts Neo4j 5.26 and answers Cypher with the configured password',
    async () => {
      const result = await startNeo4j(config);
      expect(result.alreadyRunning).toBe(false);
      expect(result.uri).toBe(`bolt://127.0.0.1:${config.boltPort}`);
      expect(result.version).toMatch(/^5\.26\./);
      pid = result.pid;
      expect(fs.readFileSync(path.join(homeDir, 'run', 'neo4j.pid'), 'utf8').trim()).toBe(String(pid));

      const driver = createDriver(result.uri, auth.basic('neo4j', PASSWORD));
      try {
        const { records } = await driver.executeQuery('RETURN 1 AS one');
        expect(records[0]?.get('one').toNumber()).toBe(1);
        const { records: components } = await driver.executeQuery(
          'CALL dbms.components() YIELD edition RETURN edition',
        );
        expect(components[0]?.get('edition')).toBe('community');
      } finally {
        await driver.close();
      }
    },
    START_TIMEOUT,
  );

  it(
    'rejects a wrong password (auth is on)',
    async () => {
      const driver = createDriver(config.uri, auth.basic('neo4j', 'definitely-wrong-password'));
      try {
        await expect(driver.verifyConnectivity()).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
      } finally {
        await driver.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a second start is harmless and reports alreadyRunning',
    async () => {
      const again = await startNeo4j(config);
      expect(again).toMatchObject({ alreadyRunning: true, pid, uri: config.uri });
    },
    TIMEOUT,
  );

  it('listens on the Bolt port only (HTTP/HTTPS connectors off)', () => {
    const conf = fs.readFileSync(path.join(homeDir, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toMatch(/^server\.http\.enabled=false$/m);
    expect(conf).toMatch(/^server\.https\.enabled=false$/m);
    expect(conf).toMatch(new RegExp(`^server\\.bolt\\.listen_address=127\\.0\\.0\\.1:${config.boltPort}$`, 'm'));
    expect(conf).toMatch(/^dbms\.usage_report\.enabled=false$/m);

    const ports = listeningPorts(pid);
    if (ports !== undefined) {
      expect(ports).toEqual([config.boltPort]);
      expect(ports).not.toContain(7474);
    }
    const userLog = fs.readFileSync(path.join(homeDir, 'logs', 'neo4j.log'), 'utf8');
    expect(userLog).toContain(`Bolt enabled on`);
    expect(userLog).not.toMatch(/HTTPS? enabled on/);
  });

  it(
    'stops: the process is gone and the port is closed',
    async () => {
      const stopped = await stopNeo4j(config);
      expect(stopped).toMatchObject({ wasRunning: true, pids: [pid], killed: false });
      // The JVM was spawned by this process; give Node a moment to reap it.
      await vi.waitFor(() => expect(pidIsGone(pid)).toBe(true), { timeout: 5000, interval: 100 });
      expect(() => process.kill(pid, 0)).toThrow();
      expect(await canConnect(config.boltPort)).toBe(false);
      expect(fs.existsSync(path.join(homeDir, 'run', 'neo4j.pid'))).toBe(false);

      const again = await stopNeo4j(config);
      expect(again.wasRunning).toBe(false);
    },
    TIMEOUT,
  );
});
