import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from './config.ts';
import { serve } from './serve.ts';
import { CONTENT_SECURITY_POLICY } from './web-assets.ts';

// The server only serves: these run it on a free port against a driver pointed where nothing listens.
const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'x'), { connectionTimeout: 1000 });
const scratch = await mkdtemp(path.join(tmpdir(), 'serve-'));
afterAll(async () => {
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

async function serveFrom(webDist: string) {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const serving = await serve({ driver, config: testConfig({ port: 0, host: '127.0.0.1' }), logger, webDist });
  const base = `http://127.0.0.1:${(serving.server.address() as AddressInfo).port}`;
  return { serving, base, lines };
}

describe('serve', () => {
  it('without a web build: says how to build it, at start and at /, and still serves the API', async () => {
    const { serving, base, lines } = await serveFrom(path.join(scratch, 'missing-dist'));
    try {
      expect(lines.join('')).toMatch(/The explorer is not built .*run `npm run build`/);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toBe('The explorer is not built: run `npm run build`.');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await serving.close();
    }
  });

  it('with a web build: serves it at / under the content security policy, and logs no build warning', async () => {
    const dist = path.join(scratch, 'dist');
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist);
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>explorer</title>');
    const { serving, base, lines } = await serveFrom(dist);
    try {
      expect(lines.join('')).not.toMatch(/not built/);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>explorer</title>');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await serving.close();
    }
  });

  it('sends the compressed file the build wrote that the browser accepts, else the file as it is', async () => {
    const dist = path.join(scratch, 'compressed');
    await rm(dist, { recursive: true, force: true });
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    // Each version says which it is, to see which file was sent (fetch decodes the body).
    await writeFile(path.join(dist, 'index.html'), '<title>plain</title>');
    await writeFile(path.join(dist, 'index.html.br'), brotliCompressSync('<title>br</title>'));
    await writeFile(path.join(dist, 'index.html.gz'), gzipSync('<title>gz</title>'));
    await writeFile(path.join(dist, 'assets', 'app.js'), 'plain()');
    await writeFile(path.join(dist, 'assets', 'app.js.gz'), gzipSync('gz()'));
    const { serving, base } = await serveFrom(dist);
    const get = async (file: string, acceptEncoding: string) => {
      const response = await fetch(`${base}/${file}`, { headers: { 'accept-encoding': acceptEncoding } });
      return {
        body: await response.text(),
        encoding: response.headers.get('content-encoding'),
        vary: response.headers.get('vary'),
        type: response.headers.get('content-type'),
      };
    };
    try {
      expect(await get('', 'gzip, deflate, br, zstd')).toMatchObject({ body: '<title>br</title>', encoding: 'br' });
      expect(await get('', 'gzip')).toMatchObject({
        body: '<title>gz</title>',
        encoding: 'gzip',
        vary: 'accept-encoding',
      });
      expect(await get('', 'br;q=0.5, gzip')).toMatchObject({ encoding: 'gzip' });
      expect(await get('', 'identity')).toMatchObject({ body: '<title>plain</title>', encoding: null });
      // No brotli file: the next accepted encoding, with the file's own type.
      expect(await get('assets/app.js', 'br, gzip')).toMatchObject({
        body: 'gz()',
        encoding: 'gzip',
        type: 'text/javascript; charset=utf-8',
      });
      expect(await get('assets/app.js', 'br')).toMatchObject({ body: 'plain()', encoding: null });
      expect((await fetch(`${base}/assets/app.js.gz`)).status).toBe(404);
    } finally {
      await serving.close();
    }
  });
});
