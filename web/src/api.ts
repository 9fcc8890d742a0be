/**
 * The explorer's GraphQL client: the operations of operations.graphql, typed by codegen from schema/schema.graphql
 * (web/src/generated/), posted to /graphql; errors carry the server's codes.
 */
import {
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

/** Posts one operation; throws ApiError with the server's code (or NETWORK / HTTP_nnn). */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'The server cannot be reached.');
  }
  let body: { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP_${response.status}`, `The server answered ${response.status}.`);
  }
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.extensions?.code ?? 'ERROR', error.message);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, 'The server sent no data.');
  return body.data;
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

/** How many relationships of each type a node has, most first (the context menu's "expand by" entries). */
export async function fetchRelationshipCounts(id: string): Promise<RelationshipCountsQuery['relationshipCounts']> {
  return (await request(RelationshipCountsDocument, { id })).relationshipCounts;
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
