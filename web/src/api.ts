/** The explorer's GraphQL client: typed queries against /graphql, errors with the server's codes. */
import type { Certainty, Precision } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiCitation {
  quote: string;
  start: number | null;
  end: number | null;
  translation: string | null;
  attributedTo: string | null;
  attributedActor: { id: string; name: string; nameAr: string | null } | null;
  certainty: Certainty;
  note: string | null;
  source: { id: string; name: string; nameAr: string | null; outlet: string; outletAr: string | null };
}

/** One dataset's version of a property the datasets loaded together state differently. */
export interface ApiClaim {
  property: string;
  value: string;
  datasets: string[];
  certainty: Certainty | null;
  citations: ApiCitation[];
}

export interface ApiNode {
  id: string;
  kind: 'ACTOR' | 'PLACE' | 'EVENT' | 'AGREEMENT' | 'SOURCE';
  name: string;
  nameAr: string | null;
  aliases: string[];
  certainty?: Certainty | null;
  attributedTo?: string[];
  actorKind?: string;
  placeKind?: string;
  eventType?: string;
  status?: string;
  coordinates?: { lat: number; lon: number; origin: string; approximate: boolean } | null;
  date?: ApiDate | null;
}

export interface ApiDate {
  start: string | null;
  end: string | null;
  precision: Precision;
  approximate: boolean;
  expression?: string | null;
  inferred?: string | null;
  earliest: string | null;
  latest: string | null;
}

export interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string | null;
  certainty: Certainty | null;
  attributedTo: string[];
  earliest: string | null;
  latest: string | null;
  citations: ApiCitation[];
}

export interface ApiSubgraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

export interface ApiPath extends ApiSubgraph {
  length: number;
}

export interface ApiSearchHit {
  node: ApiNode;
  score: number;
  exact: boolean;
}

const DATE = 'start end precision approximate expression inferred earliest latest';
const CITATION = `quote start end translation attributedTo certainty note
  attributedActor { id name nameAr } source { id name nameAr outlet outletAr }`;
const NODE = `id kind name nameAr aliases
  ... on Actor { actorKind certainty attributedTo }
  ... on Place { placeKind certainty attributedTo coordinates { lat lon origin approximate } }
  ... on Event { eventType certainty attributedTo date { ${DATE} } }
  ... on Agreement { status certainty attributedTo date { ${DATE} } }`;
const EDGE = `id type source target label certainty attributedTo earliest latest citations { ${CITATION} }`;

/** Posts one operation; throws ApiError with the server's code (or NETWORK / HTTP_nnn). */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'The server cannot be reached.');
  }
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
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

export async function fetchOverview(limit = 500): Promise<ApiSubgraph> {
  const data = await request<{ graph: ApiSubgraph }>(
    `query Overview($limit: Int) { graph(limit: $limit) { nodes { ${NODE} } edges { ${EDGE} } } }`,
    { limit },
  );
  return data.graph;
}

/** Direct neighbours of a node, best-supported first; `limit` counts the node itself (server bound 500). */
export async function fetchNeighborhood(id: string, limit = 200): Promise<ApiSubgraph> {
  const data = await request<{ neighborhood: ApiSubgraph }>(
    `query Neighborhood($id: ID!, $limit: Int) { neighborhood(id: $id, depth: 1, limit: $limit) { nodes { ${NODE} } edges { ${EDGE} } } }`,
    { id, limit },
  );
  return data.neighborhood;
}

export interface TimelineData {
  events: ApiNode[];
  agreements: ApiNode[];
}

export async function fetchTimeline(): Promise<TimelineData> {
  return request<TimelineData>(`query Timeline {
    events(limit: 500) { id kind name nameAr aliases eventType certainty attributedTo date { ${DATE} } }
    agreements { id kind name nameAr aliases status certainty attributedTo date { ${DATE} } } }`);
}

export async function search(text: string, signal?: AbortSignal): Promise<ApiSearchHit[]> {
  const data = await request<{ search: ApiSearchHit[] }>(
    `query Search($text: String!) { search(text: $text, limit: 20) { score exact node { ${NODE} } } }`,
    { text },
    signal,
  );
  return data.search;
}

export async function findPaths(from: string, to: string, asOf: string | null): Promise<ApiPath[]> {
  const data = await request<{ paths: ApiPath[] }>(
    `query Paths($from: ID!, $to: ID!, $asOf: String) {
      paths(from: $from, to: $to, k: 5, maxLength: 6, asOf: $asOf) { length nodes { ${NODE} } edges { ${EDGE} } } }`,
    { from, to, asOf },
  );
  return data.paths;
}

/** Everything the details panel shows about one node. */
export async function fetchDetails(id: string): Promise<Record<string, unknown> | null> {
  const ref = 'id kind name nameAr';
  const claims = `claims { property value datasets certainty citations { ${CITATION} } }`;
  const data = await request<{ node: Record<string, unknown> | null }>(
    `query Details($id: ID!) { node(id: $id) {
      ${NODE} citations { ${CITATION} }
      ... on Actor { description ${claims} affiliations { type direction label certainty actor { ${ref} } citations { ${CITATION} } }
        participations { role event { ${ref} date { ${DATE} } } } agreements { side role agreement { ${ref} } } }
      ... on Place { description ${claims} parentOrigin parent { ${ref} } children { ${ref} } events { ${ref} date { ${DATE} } } }
      ... on Event { description ${claims} participants { role certainty actor { ${ref} } citations { ${CITATION} } }
        places { role place { ${ref} } } partOf { ${ref} }
        figures { label value min max unit approximate citations { ${CITATION} } } }
      ... on Agreement { description ${claims} parties { side role actor { ${ref} } }
        terms { type description places { role place { ${ref} } } figures { label citations { ${CITATION} } } citations { ${CITATION} } }
        rejectedBy { actor { ${ref} } citations { ${CITATION} } } places { ${ref} }
        figures { label value min max unit approximate citations { ${CITATION} } } }
    } }`,
    { id },
  );
  return data.node;
}

export async function fetchSourceText(id: string): Promise<string | null> {
  const data = await request<{ node: { text?: string | null } | null }>(
    'query SourceText($id: ID!) { node(id: $id) { ... on Source { text } } }',
    { id },
  );
  return data.node?.text ?? null;
}

export async function databaseReady(): Promise<boolean> {
  try {
    const response = await fetch('/ready');
    return response.ok;
  } catch {
    return false;
  }
}
