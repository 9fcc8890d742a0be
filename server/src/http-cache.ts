/**
 * HTTP caching of the explorer's own reads. The explorer's queries are persisted operations
 * (server/src/generated/persisted-operations.json, written by `npm run codegen`): a GET names one by the SHA-256 of
 * its text (`extensions={"persistedQuery":{"version":1,"sha256Hash":…}}`), so the URL stays short (the details
 * query's text alone is 9 kB, past nginx's default 8 kB request line) and the server runs only text it knows.
 *
 * Such a GET answers with an `ETag` derived from the graph stamp, the operation, its variables and the Accept header
 * (the only request header the answer depends on besides Accept-Encoding; no resolver reads a language header), and
 * `Cache-Control: private, no-cache`: the browser keeps the answer and asks again each time with `If-None-Match`,
 * which is answered 304 with no body from the stamp the load check already holds (one small query shared by all
 * requests of a second, load-guard.ts), without running the operation. `no-cache` rather than a max-age because the
 * graph may change at any moment a load completes and the rule of docs/scaling.md is that no server serves an older
 * graph once it names a newer stamp; a max-age would let the browser show the old one for that long. `private`
 * because a shared cache (the cluster profile's nginx, a CDN) would gain only the body's bandwidth (it must revalidate
 * each time as well) and the product may come to sit behind an authenticating proxy; a deployment that wants the
 * proxy to store answers changes this one header.
 *
 * Everything else on /graphql (POST, a GET with the query text, a persisted id not in the list, an answer with errors,
 * an answer while a load is open or from a stamp other than the ETag's) gets `Cache-Control: no-store`. A GET with
 * the query text keeps working as before (other clients, tools), uncached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { GRAPH_STAMP_HEADER, type LoadGuard } from './load-guard.ts';

export const REVALIDATE = 'private, no-cache';
export const NEVER_STORE = 'no-store';
/** The request headers an answer depends on; Accept-Encoding is added by compression.ts. */
const VARY = 'accept';

interface PersistedOperation {
  operationName: string;
  query: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The explorer's persisted queries by the SHA-256 of their text (hashed here, not trusted from the file). */
export function loadPersistedOperations(
  file: URL = new URL('./generated/persisted-operations.json', import.meta.url),
): ReadonlyMap<string, string> {
  const list = JSON.parse(readFileSync(file, 'utf8')) as PersistedOperation[];
  return new Map(list.map(({ query }) => [sha256(query), query]));
}

/** Runs a persisted query named by its hash (APQ's `extensions.persistedQuery`); a query sent as text still runs. */
export function persistedOperations(byHash: ReadonlyMap<string, string>): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: true,
    getPersistedOperation: (hash) => byHash.get(hash) ?? null,
    customErrors: {
      notFound: {
        message: 'Unknown persisted operation: send the query text (POST) instead.',
        extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 404 } },
      },
      keyNotFound: {
        message: 'Send a query, or a persisted operation as extensions.persistedQuery.sha256Hash.',
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      },
    },
  }) as Plugin;
}

function persistedHashOf(extensions: string | null): string | null {
  if (!extensions) return null;
  try {
    const hash = (JSON.parse(extensions) as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } })
      ?.persistedQuery;
    return hash?.version === 1 && typeof hash.sha256Hash === 'string' ? hash.sha256Hash : null;
  } catch {
    return null;
  }
}

/** A weak tag: the same JSON goes out compressed or not, by Accept-Encoding. */
function entityTag(parts: ReadonlyArray<string | null>): string {
  return `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110's weak comparison against an If-None-Match list. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

interface Candidate {
  etag: string;
  stamp: string;
}

/**
 * ETag, Cache-Control and Vary on GETs of persisted queries, 304 on a matching If-None-Match; `no-store` on every
 * other /graphql answer. Place it after operationalRoutes and refuseWhileLoading, before compression.
 */
export function httpCache(
  guard: LoadGuard,
  byHash: ReadonlyMap<string, string>,
  csrfHeader: string,
): Plugin<{ request: Request }> {
  const candidates = new WeakMap<Request, Candidate>();
  const clean = new WeakSet<Request>();
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || url.pathname !== '/graphql') return;
      // Without the CSRF header the request is refused further on, as every GET is.
      if (url.searchParams.has('query') || !request.headers.has(csrfHeader)) return;
      const hash = persistedHashOf(url.searchParams.get('extensions'));
      if (!hash || !byHash.has(hash)) return;
      const [loading, stamp] = await Promise.all([guard.current(), guard.stamp()]);
      if (loading || !stamp) return;
      const etag = entityTag([
        stamp.stamp,
        hash,
        url.searchParams.get('operationName'),
        url.searchParams.get('variables'),
        request.headers.get('accept'),
      ]);
      if (matches(request.headers.get('if-none-match'), etag)) {
        return endResponse(
          new Response(null, {
            status: 304,
            headers: {
              etag,
              'cache-control': REVALIDATE,
              vary: `${VARY}, accept-encoding`,
              [GRAPH_STAMP_HEADER]: stamp.stamp,
            },
          }),
        );
      }
      candidates.set(request, { etag, stamp: stamp.stamp });
    },
    onResultProcess({ request, result }) {
      if (!candidates.has(request) || Array.isArray(result) || Symbol.asyncIterator in result) return;
      if (!result.errors?.length) clean.add(request);
    },
    onResponse({ request, response }) {
      if (response.status === 304 || new URL(request.url).pathname !== '/graphql') return;
      const candidate = candidates.get(request);
      const cacheable =
        candidate !== undefined &&
        clean.has(request) &&
        response.status === 200 &&
        response.headers.get(GRAPH_STAMP_HEADER) === candidate.stamp;
      if (!cacheable) {
        response.headers.set('cache-control', NEVER_STORE);
        return;
      }
      response.headers.set('etag', candidate.etag);
      response.headers.set('cache-control', REVALIDATE);
      response.headers.append('vary', VARY);
    },
  };
}
