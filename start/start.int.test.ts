import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../db/driver.ts';
import { resetProductData } from '../db/writer.ts';
import { testConnection } from '../test/seeded-database.ts';

const ROOT = path.join(import.meta.dirname, '..');
const PORT = 4000 + 100 + Math.floor(Math.random() * 800);
let server: ChildProcess;
let output = '';

beforeAll(async () => {
  const connection = testConnection();
  const driver = createDriver(connection);
  await resetProductData(driver);
  await driver.close();
  server = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['start/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
      PORT: String(PORT),
      NODE_ENV: 'production',
    },
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('GraphQL at')) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

describe('npm start against an empty database', () => {
  it('seeds it, then serves GraphQL, /health and /ready on PORT', async () => {
    expect(output).toContain('The database was empty: loaded');
    const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(text: "الباغوز") { node { id } } stats { events } }' }),
    });
    const body = (await response.json()) as {
      data: { search: Array<{ node: { id: string } }>; stats: { events: number } };
    };
    expect(body.data.search[0]?.node.id).toBe('place:baghouz');
    expect(body.data.stats.events).toBeGreaterThanOrEqual(15);
    expect((await fetch(`http://127.0.0.1:${PORT}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${PORT}/ready`)).status).toBe(200);
  });

  it('writes structured JSON logs', () => {
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ service: 'baghouz-explorer', level: 30 });
  });

  it('stops cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
  });
});
