/**
 * The explorer's GraphQL client: the operations of operations.graphql, typed by codegen from schema/schema.graphql
 * (web/src/generated/), sent to /graphql (reads as GET of persisted operations, see requestFor); errors carry the
 * server's codes.
 */
import {
  type Certainty,
  DetailsDocument,
  type DetailsQuery,
  type EdgeFieldsFragment,
  NeighborhoodDocument,
  type NeighborhoodQuery,
  type NodeFieldsFragment,
  OverviewDocument,
  type OverviewQuery,
  PathsDocument,
  type PathsQuery,
  RelationshipCountsDocument,
  type RelationshipCountsQuery,
  SearchDocument,
  type SearchQuery,
  SourceTextDocument,
  TimelineDocument,
  type TimelineQuery,
  type TypedDocumentString,
} from './generated/graphql.ts';
import { PERSISTED_OPERATION_HASHES } from './generated/persisted-operations.ts';
import type { TimeWindow } from './ui-types.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Nodes and edges as the overview, a neighborhood and a path return them. */
export interface Subgraph {
  nodes: NodeFieldsFragment[];
  edges: EdgeFieldsFragment[];
}
/** The opening view with its totals: how many nodes the graph holds, how it chose what it sends (see the schema). */
export type Overview = OverviewQuery['graph'];
/** A neighbourhood with `totalEdges` and `truncated` (relationships among the neighbours left out by the server). */
export type Neighborhood = NeighborhoodQuery['neighborhood'];
export type Path = PathsQuery['paths'][number];
export type SearchHit = SearchQuery['search'][number];
/** A node with everything the details panel shows, by kind (`__typename`). */
export type NodeDetails = NonNullable<DetailsQuery['node']>;

/**
 * Longest GET URL the explorer sends; a longer one (a long search text, many path types) goes out as POST. Well
 * under every browser's and proxy's limit (nginx's request line: 8 kB by default).
 */
export const MAX_GET_URL = 2000;

const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * The request for one operation: a query the server knows by its hash (web/src/generated/persisted-operations.ts)
 * goes as GET, so the browser's cache keeps the answer and revalidates it with the ETag (server/src/http-cache.ts);
 * anything else, or a URL past MAX_GET_URL, is posted with its text.
 */
export function requestFor(
  document: { toString(): string },
  variables: unknown,
  persisted = true,
): RequestInit & { url: string } {
  const hash = persisted ? PERSISTED_OPERATION_HASHES.get(document) : undefined;
  if (hash) {
    const operationName = /^\s*query\s+(\w+)/.exec(document.toString())?.[1] ?? '';
    const params = new URLSearchParams({
      operationName,
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    });
    const url = `/graphql?${params}`;
    if (url.length <= MAX_GET_URL)
      return { url, method: 'GET', headers: { accept: 'application/json', [CSRF_HEADER]: '1' } };
  }
  return {
    url: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  };
}

type Answer<Result> = { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** Sends one operation; throws ApiError with the server's code (or NETWORK / HTTP_nnn). */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  let { status, body } = await send<Result>(requestFor(document, variables), signal);
  // A server that does not know this hash (another version of the explorer): the text, once.
  if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_IN_LIST')
    ({ status, body } = await send<Result>(requestFor(document, variables, false), signal));
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.extensions?.code ?? 'ERROR', error.message);
  if (!body.data) throw new ApiError(`HTTP_${status}`, 'The server sent no data.');
  return body.data;
}

async function send<Result>({ url, ...init }: RequestInit & { url: string }, signal?: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(url, { ...init, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'The server cannot be reached.');
  }
  try {
    return { status: response.status, body: (await response.json()) as Answer<Result> };
  } catch {
    throw new ApiError(`HTTP_${response.status}`, `The server answered ${response.status}.`);
  }
}

/** Nodes and relationships the opening view asks for at most. */
export const OVERVIEW_LIMITS = { nodes: 300, edges: 1000 } as const;

/** The opening view, in a time window when one is given. */
export async function fetchOverview(window: TimeWindow | null = null): Promise<Overview> {
  const variables = {
    limit: OVERVIEW_LIMITS.nodes,
    edgeLimit: OVERVIEW_LIMITS.edges,
    from: window?.from,
    to: window?.to,
  };
  return (await request(OverviewDocument, variables)).graph;
}

/** Direct neighbours of a node, best-supported first; `limit` counts the node itself (server bound 500). */
export async function fetchNeighborhood(id: string, limit = 200): Promise<Neighborhood> {
  return (await request(NeighborhoodDocument, { id, limit })).neighborhood;
}

/** The view's filters as the API takes them (a window, whose voices, how certain). */
export interface CountFilter {
  window: TimeWindow | null;
  attributedTo: readonly string[];
  minCertainty: Certainty | null;
}

/**
 * How many relationships of each type a node has under the view's filters, most first (the context menu's "expand
 * by" entries).
 */
export async function fetchRelationshipCounts(
  id: string,
  filter: CountFilter,
): Promise<RelationshipCountsQuery['relationshipCounts']> {
  const variables = {
    id,
    from: filter.window?.from,
    to: filter.window?.to,
    attributedTo: filter.attributedTo.length > 0 ? [...filter.attributedTo] : undefined,
    minCertainty: filter.minCertainty ?? undefined,
  };
  return (await request(RelationshipCountsDocument, variables)).relationshipCounts;
}

export async function fetchTimeline(): Promise<TimelineQuery> {
  return request(TimelineDocument, {});
}

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await request(SearchDocument, { text }, signal)).search;
}

/** Up to five shortest paths; `types` the relationship types they may use (null: all), optionally dated hops only. */
export async function findPaths(
  from: string,
  to: string,
  asOf: string | null,
  types: readonly string[] | null = null,
  excludeUndated = false,
): Promise<Path[]> {
  return (await request(PathsDocument, { from, to, asOf, types: types ? [...types] : null, excludeUndated })).paths;
}

/** Everything the details panel shows about one node; null when there is no such node. */
export async function fetchDetails(id: string): Promise<NodeDetails | null> {
  return (await request(DetailsDocument, { id })).node;
}

export async function fetchSourceText(id: string): Promise<string | null> {
  const { node } = await request(SourceTextDocument, { id });
  return node && 'text' in node ? node.text : null;
}

export async function databaseReady(): Promise<boolean> {
  try {
    const response = await fetch('/ready');
    return response.ok;
  } catch {
    return false;
  }
}
