/**
 * Serves the built explorer (web/dist) at `/` under a strict Content-Security-Policy. It never builds: `npm install`
 * and `npm run build` do (Vite is a development tool); without a build, `/` answers 503 saying how to build it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { acceptedEncodings, type Encoding } from './compression.ts';

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

/** The command that builds web/dist, as the server says it when the build is missing. */
export const WEB_BUILD_COMMAND = 'npm run build';

/** Whether the explorer has been built into `distDir`. */
export const isWebBuilt = (distDir: string = WEB_DIST): boolean => existsSync(path.join(distDir, 'index.html'));

/** Extension of the file the build writes beside each compressible one, per encoding (see web/vite.config.ts). */
export const PRECOMPRESSED_EXTENSIONS: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The file's content in the best encoding the client accepts that the build wrote, else as it is; null when missing. */
async function readBest(
  file: string,
  acceptEncoding: string | null,
): Promise<{ body: Buffer<ArrayBuffer>; encoding: Encoding | null } | null> {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const body = await readFile(file + PRECOMPRESSED_EXTENSIONS[encoding]).catch(() => null);
    if (body) return { body, encoding };
  }
  const body = await readFile(file).catch(() => null);
  return body ? { body, encoding: null } : null;
}

/**
 * Answers GET/HEAD for `/` and built files, in the precompressed version the client accepts when the build wrote one;
 * everything else falls through to GraphQL and the routes.
 */
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
      const found = type ? await readBest(file, request.headers.get('accept-encoding')) : null;
      if (!found || !type) {
        const missingBuild = relative === 'index.html';
        return endResponse(
          new Response(missingBuild ? `The explorer is not built: run \`${WEB_BUILD_COMMAND}\`.` : 'Not found', {
            status: missingBuild ? 503 : 404,
            headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
          }),
        );
      }
      const immutable = relative.startsWith('assets/');
      return endResponse(
        new Response(request.method === 'HEAD' ? null : found.body, {
          status: 200,
          headers: {
            'content-type': type,
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            vary: 'accept-encoding',
            ...(found.encoding ? { 'content-encoding': found.encoding } : {}),
            ...SECURITY_HEADERS,
          },
        }),
      );
    },
  };
}
