import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveNeo4jConfig } from './config.ts';
import { isPortInUse, writeInitialPassword } from './readiness.ts';

describe('writeInitialPassword', () => {
  let homeDir = '';
  afterEach(() => {
    if (homeDir) fs.rmSync(homeDir, { recursive: true, force: true });
  });

  it("writes auth.ini in Neo4j's format: SHA-256 of salt and password, iterated 1024 times, owner-only", () => {
    homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-auth-'));
    const config = resolveNeo4jConfig({}, { homeDir, password: 'كلمة-سر-طويلة' });
    const file = path.join(homeDir, 'data', 'dbms', 'auth.ini');

    writeInitialPassword(config);
    const line = fs.readFileSync(file, 'utf8');
    const match = /^neo4j:SHA-256,([0-9a-f]{64}),([0-9a-f]{64}),1024:\n$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, hash, salt] = match as RegExpExecArray;
    let expected = createHash('sha256')
      .update(Buffer.from(salt as string, 'hex'))
      .update(config.password, 'utf8')
      .digest();
    for (let i = 1; i < 1024; i++) expected = createHash('sha256').update(expected).digest();
    expect(hash).toBe(expected.toString('hex'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    writeInitialPassword(config);
    expect(fs.readFileSync(file, 'utf8').split(',')[2], 'a fresh salt on every write').not.toBe(salt);
  });
});

describe('isPortInUse', () => {
  it('sees a listening port as in use and a closed one as free', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await isPortInUse('127.0.0.1', port)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await isPortInUse('127.0.0.1', port)).toBe(false);
  });
});
