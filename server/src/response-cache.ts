/**
 * Cached reads: the graph changes only when a load completes, and every completed load renews the graph stamp
 * (db/graph-stamp.ts), so a query's result is a function of the query, its variables and the stamp. Results are kept
 * per process under that key, least recently used first out, within a byte budget; a new stamp makes every older
 * entry unreachable (and they age out). Servers need not talk to each other: each reads the stamp from Neo4j with the
 * load check, at most once a second (load-guard.ts), so a server answers from a superseded graph for at most that
 * second plus one query after a load completes (docs/scaling.md). Nothing is cached while a load is open, without a
 * stamp, or for a result with errors. `x-response-cache: hit|miss` says which it was. An entry is kept as its JSON
 * bytes, so the budget is what the entries take (a result's objects take several times their JSON in the heap: with
 * objects kept, a 64 MB budget grew the server by 409 MiB under the load test) and no reader can change a kept
 * result; a hit parses it again.
 */
import { type ExecutionResult, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { LoadGuard } from './load-guard.ts';

export const RESPONSE_CACHE_HEADER = 'x-response-cache';

interface Entry {
  json: Buffer;
  bytes: number;
}

interface GraphqlParams {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): ExecutionResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return JSON.parse(entry.json.toString('utf8')) as ExecutionResult;
  }

  set(key: string, result: ExecutionResult): void {
    const json = Buffer.from(JSON.stringify(result), 'utf8');
    const bytes = json.byteLength + Buffer.byteLength(key);
    if (bytes > this.maxBytes / 10) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.set(key, { json, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

function isQuery(document: { definitions: readonly { kind: string }[] }, operationName?: string | null): boolean {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  return chosen?.operation === 'query';
}

/** The cache as a yoga plugin; place it after refuseWhileLoading. `maxBytes` 0 turns it off. */
export function responseCache(
  guard: LoadGuard,
  maxBytes: number,
): Plugin<{ request: Request; params?: GraphqlParams }> {
  const cache = new ResponseCache(maxBytes);
  const outcome = new WeakMap<Request, 'hit' | 'miss'>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      if (maxBytes <= 0) return;
      const { request, params } = args.contextValue;
      if (!params?.query || !isQuery(args.document, params.operationName)) return;
      const [loading, stamp] = await Promise.all([guard.current(), guard.stamp()]);
      if (loading || !stamp) return;
      const key = JSON.stringify([stamp.stamp, params.query, params.operationName ?? null, params.variables ?? null]);
      const cached = cache.get(key);
      if (cached) {
        outcome.set(request, 'hit');
        setResultAndStopExecution(cached);
        return;
      }
      outcome.set(request, 'miss');
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          if (!result.errors?.length) cache.set(key, result);
        },
      };
    },
    onResponse({ request, response }) {
      const seen = outcome.get(request);
      if (seen) response.headers.set(RESPONSE_CACHE_HEADER, seen);
    },
  };
}
