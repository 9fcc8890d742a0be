/**
 * Full-text search over names, Arabic names and aliases through the `node_search` index (see
 * `schema/normalize.ts` for how text is normalised on both sides). Exact name matches come first.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { luceneQueryFor, nameKeys } from '../../schema/normalize.ts';
import { KIND_LABELS, type NodeKind } from '../../schema/vocabulary.ts';
import type { Plain } from '../plain.ts';
import { readRows } from '../query.ts';
import { type NodeRecord, nodeProjection, type SearchHitRecord } from '../records.ts';

/** The full-text index over `searchText`, created with the other schema statements in db/writer.ts. */
export const SEARCH_INDEX = 'node_search';

// Kinds filter through KIND_LABELS (schema/vocabulary.ts), never through user text.

/** Lucene hits read per request: more than asked, so exact matches and kind filtering have room to work. */
const MIN_CANDIDATES = 100;
const MAX_CANDIDATES = 1000;

// Index name, query and labels are parameters; the text is constant.
const SEARCH = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node AS n, score
  WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)
  RETURN ${nodeProjection('n')} AS node, score
  ORDER BY score DESC, n.id
  LIMIT $candidates`;

export interface SearchQuery {
  /** What the user typed, in either script. */
  text: string;
  /** Only nodes of these kinds; all public kinds when absent or empty. */
  kinds?: readonly NodeKind[] | undefined;
  /** Most hits returned; the API clamps it to at most 100. Zero or less returns nothing. */
  limit: number;
}

function namesOf(props: Record<string, Plain>): string[] {
  const names: string[] = [];
  for (const value of [props.name, props.nameAr, ...(Array.isArray(props.aliases) ? props.aliases : [])])
    if (typeof value === 'string') names.push(value);
  return names;
}

/**
 * Nodes whose names, Arabic names or aliases match the text, best first: hits whose normalised name, Arabic name
 * or an alias equals the normalised query (`exact`), then by Lucene score, then shorter names first (a prefix
 * typed so far scores the same on every name it starts, and the shortest is the likeliest meant), then by name and
 * id. Returns [] for a text with nothing searchable in it; user text only ever reaches Lucene escaped (see
 * `luceneQueryFor`).
 */
export async function searchNodes(driver: Driver, query: SearchQuery): Promise<SearchHitRecord[]> {
  const limit = Math.floor(query.limit);
  if (!(limit > 0)) return [];
  const lucene = luceneQueryFor(query.text);
  if (lucene === null) return [];
  const keys = new Set(nameKeys(query.text));
  const labels = query.kinds?.length ? [...new Set(query.kinds.map((k) => KIND_LABELS[k]))] : null;
  const candidates = Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, limit * 4));
  const rows = await readRows<{ node: NodeRecord; score: number }>(driver, SEARCH, {
    index: SEARCH_INDEX,
    query: lucene,
    labels,
    candidates: neo4j.int(candidates),
  });
  const hits = rows.map(({ node, score }) => ({
    node,
    score,
    exact: namesOf(node.props).some((name) => nameKeys(name).some((k) => keys.has(k))),
  }));
  const nameOf = (hit: SearchHitRecord) => String(hit.node.props.name ?? '');
  hits.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.score - a.score ||
      nameOf(a).length - nameOf(b).length ||
      compare(nameOf(a), nameOf(b)) ||
      compare(a.node.id, b.node.id),
  );
  return hits.slice(0, limit);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
