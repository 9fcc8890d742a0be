/**
 * Serves the built explorer (web/dist) at `/` under a strict Content-Security-Policy, and builds it
 * first when the build is missing or older than its sources.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

/** No inline scripts or styles, nothing from other origins; images may be data/blob URLs (exports, icons). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestChange(full) : (await stat(full)).mtimeMs);
  }
  return newest;
}

/** Builds web/dist with Vite when it is missing or older than web/'s sources. Returns whether it built. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  const built = await stat(path.join(WEB_DIST, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > 0 && built >= (await newestChange(WEB_ROOT))) return false;
  log('Building the web explorer (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

/** Answers GET/HEAD for `/` and built files; everything else falls through to GraphQL and the routes. */
export function webAssets(distDir: string = WEB_DIST): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/graphql' || url.pathname === '/health' || url.pathname === '/ready') return;
      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(distDir, relative);
      if (!file.startsWith(path.resolve(distDir) + path.sep))
        return endResponse(new Response('Not found', { status: 404 }));
      const type = TYPES[path.extname(file)];
      const body = type ? await readFile(file).catch(() => null) : null;
      if (!body || !type) {
        const missingBuild = relative === 'index.html';
        return endResponse(
          new Response(missingBuild ? 'The explorer is not built: run `npm run build`.' : 'Not found', {
            status: missingBuild ? 503 : 404,
            headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
          }),
        );
      }
      const immutable = relative.startsWith('assets/');
      return endResponse(
        new Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: {
            'content-type': type,
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            ...SECURITY_HEADERS,
          },
        }),
      );
    },
  };
}
