/**
 * Compression on the wire. GraphQL answers above a size go out compressed with the best encoding the client accepts
 * (brotli, else gzip); the explorer's built files are compressed once at build time (web/vite.config.ts) and
 * web-assets.ts serves the matching file.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip';

/** Encodings the server offers, best first. */
export const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** Answers smaller than this go out as they are: compression would save less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

/** Brotli's quality for answers made per request: level 11 is for build time, 4 compresses about as well as gzip -9 at a fraction of 11's time. */
const DYNAMIC_BROTLI_QUALITY = 4;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The encodings of `offered` an Accept-Encoding header admits (q-values respected, `*` standing for the rest), the
 * client's preference first and the server's order among equals.
 */
export function acceptedEncodings(header: string | null, offered: readonly Encoding[] = ENCODINGS): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  return offered.filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a));
}

/** The best encoding of `offered` the client accepts, or null. */
export const preferredEncoding = (header: string | null, offered: readonly Encoding[] = ENCODINGS): Encoding | null =>
  acceptedEncodings(header, offered)[0] ?? null;

export async function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzip(body, { level: 6 });
}

/** Compresses JSON answers of `/graphql` of at least `minBytes`, by the request's Accept-Encoding. */
export function compressGraphQLAnswers(minBytes: number = COMPRESS_MIN_BYTES): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      if (new URL(request.url).pathname !== '/graphql') return;
      if (!(response.headers.get('content-type') ?? '').includes('json')) return;
      const encoding = preferredEncoding(request.headers.get('accept-encoding'));
      // An answer that goes out as it is keeps its body: only the Vary header changes.
      if (!encoding || Number(response.headers.get('content-length') ?? Number.NaN) < minBytes) {
        response.headers.append('vary', 'accept-encoding');
        return;
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'accept-encoding');
      const init = { status: response.status, statusText: response.statusText, headers };
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.byteLength < minBytes) {
        setResponse(new fetchAPI.Response(body, init));
        return;
      }
      const compressed = await compress(body, encoding);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.byteLength));
      setResponse(new fetchAPI.Response(new Uint8Array(compressed), init));
    },
  };
}
