/** Lookups by id, batched: what the per-request loaders call, one query per level of a GraphQL result. */
import type { Driver } from 'neo4j-driver';
import {
  AFFILIATION_TYPES,
  GRAPH_REL_TYPES,
  KIND_LABELS,
  type NodeKind,
  PART_REL_TYPES,
  PUBLIC_LABELS,
} from '../../schema/vocabulary.ts';
import { readRows } from '../query.ts';
import {
  type CitationRecord,
  type EdgeRecord,
  type NodeRecord,
  nodeProjection,
  nodeProps,
  type PartRecord,
  type PropertySelection,
  type RelatedRecord,
  selectProps,
} from '../records.ts';

/** Relationship types that resolvers follow from a node, besides the graph types. */
export const RELATED_TYPES = [...GRAPH_REL_TYPES, ...PART_REL_TYPES] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];
export type Direction = 'OUT' | 'IN';
export type RelatedKey = `${RelatedType}:${Direction}` | 'AFFILIATION:BOTH';

const EDGE = '{id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}';
/** EDGE for a relationship matched in a known direction between `n` and `m`: no lookup of its end nodes. */
const DIRECTED_EDGE = (from: string, to: string, props = 'properties(r)') =>
  `{id: r.id, type: type(r), source: ${from}.id, target: ${to}.id, props: ${props}}`;
const otherEnd = (props: PropertySelection = 'all') =>
  `CASE WHEN m:Entity OR m:Source THEN ${nodeProjection('m', selectProps('m', props, nodeProps('m')))} ` +
  `ELSE {id: m.id, props: ${selectProps('m', props, 'properties(m)')}} END`;
const OTHER = otherEnd();

/**
 * A pattern comprehension listing what `relatedByIds` returns for the node bound to `v`, in the same shape, so
 * another query can fetch it in passing; with selections, only those properties of the relationship and of the node
 * at the other end. `type` comes from RELATED_TYPES only; `v` is a literal variable name.
 */
export function relatedComprehension(
  v: string,
  type: RelatedType,
  direction: Direction,
  edgeProps: PropertySelection = 'all',
  otherProps: PropertySelection = 'all',
): string {
  const arrow = direction === 'OUT' ? `-[r:${type}]->` : `<-[r:${type}]-`;
  const props = selectProps('r', edgeProps, 'properties(r)');
  const edge = direction === 'OUT' ? DIRECTED_EDGE(v, 'm', props) : DIRECTED_EDGE('m', v, props);
  return `[(${v})${arrow}(m:KG) | {edge: ${edge}, other: ${otherEnd(otherProps)}}]`;
}

/** The order relatedByIds returns each node's list in. */
export function sortRelated(list: RelatedRecord[]): RelatedRecord[] {
  return list.sort((a, b) => a.edge.id.localeCompare(b.edge.id));
}

// One query text per (type, direction); types come from the fixed list above.
const RELATED_QUERIES = new Map<string, string>(
  RELATED_TYPES.flatMap((type) => [
    [
      `${type}:OUT`,
      `UNWIND $ids AS key MATCH (n:KG {id: key})-[r:${type}]->(m:KG) RETURN key, ${DIRECTED_EDGE('n', 'm')} AS edge, ${OTHER} AS other`,
    ],
    [
      `${type}:IN`,
      `UNWIND $ids AS key MATCH (n:KG {id: key})<-[r:${type}]-(m:KG) RETURN key, ${DIRECTED_EDGE('m', 'n')} AS edge, ${OTHER} AS other`,
    ],
  ]),
);

// An actor's affiliations: the relationship types between two actors.
RELATED_QUERIES.set(
  'AFFILIATION:BOTH',
  `UNWIND $ids AS key MATCH (n:KG:Actor {id: key})-[r:${AFFILIATION_TYPES.join('|')}]-(m:Actor) RETURN key, ${EDGE} AS edge, ${OTHER} AS other`,
);

const NODES_BY_ID = `UNWIND $ids AS key MATCH (n:KG {id: key}) WHERE n:Entity OR n:Source RETURN ${nodeProjection('n')} AS node`;
const KINDS_BY_ID =
  'UNWIND $ids AS key MATCH (n:KG {id: key}) WHERE n:Entity OR n:Source RETURN key AS id, labels(n) AS labels';
const CITATIONS_BY_ID = 'UNWIND $ids AS key MATCH (c:KG:Citation {id: key}) RETURN properties(c) AS citation';
const SOURCE_TEXT = 'MATCH (s:KG:Source {id: $id}) RETURN s.text AS text';

/** Public nodes by id, in the order asked, null where none exists. */
export async function nodesByIds(driver: Driver, ids: readonly string[]): Promise<Array<NodeRecord | null>> {
  const rows = await readRows<{ node: NodeRecord }>(driver, NODES_BY_ID, { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.node.id, r.node]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The kind of each public node (actor, place, event, agreement, source) among the ids asked; unknown ids are absent. */
export async function kindsByIds(driver: Driver, ids: readonly string[]): Promise<Map<string, NodeKind>> {
  const rows = await readRows<{ id: string; labels: string[] }>(driver, KINDS_BY_ID, { ids: [...new Set(ids)] });
  const kinds = new Map<string, NodeKind>();
  for (const { id, labels } of rows) {
    const label = PUBLIC_LABELS.find((l) => labels.includes(l));
    if (label) kinds.set(id, label.toUpperCase() as NodeKind);
  }
  return kinds;
}

export async function citationsByIds(driver: Driver, ids: readonly string[]): Promise<Array<CitationRecord | null>> {
  const rows = await readRows<{ citation: CitationRecord }>(driver, CITATIONS_BY_ID, { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.citation.id, r.citation]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** For each node id, its relationships of one type in one direction (or its affiliations), with the node at the other end. */
export async function relatedByIds(
  driver: Driver,
  key: RelatedKey,
  ids: readonly string[],
): Promise<RelatedRecord[][]> {
  const query = RELATED_QUERIES.get(key);
  if (!query) throw new Error(`no query for ${key}`);
  const rows = await readRows<{ key: string; edge: EdgeRecord; other: NodeRecord | PartRecord }>(driver, query, {
    ids: [...new Set(ids)],
  });
  const byKey = new Map<string, RelatedRecord[]>();
  for (const row of rows) {
    const list = byKey.get(row.key) ?? [];
    list.push({ edge: row.edge, other: row.other });
    byKey.set(row.key, list);
  }
  for (const list of byKey.values()) sortRelated(list);
  return ids.map((id) => byKey.get(id) ?? []);
}

export async function sourceText(driver: Driver, id: string): Promise<string | null> {
  const [row] = await readRows<{ text: string | null }>(driver, SOURCE_TEXT, { id });
  return row?.text ?? null;
}

const STATS = `
  UNWIND $labels AS label
  CALL (label) { MATCH (n:KG) WHERE label IN labels(n) RETURN count(n) AS count }
  RETURN label, count`;
const REL_COUNT = 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS count';

export interface StatsRecord {
  byKind: Array<{ kind: NodeKind; count: number }>;
  citations: number;
  relationships: number;
}

/** Counts per public kind, citations, and relationships between public nodes. */
export async function graphStats(driver: Driver): Promise<StatsRecord> {
  const labels = [...Object.values(KIND_LABELS), 'Citation'];
  const counts = await readRows<{ label: string; count: number }>(driver, STATS, { labels });
  const [rels] = await readRows<{ count: number }>(driver, REL_COUNT);
  const countOf = (label: string) => counts.find((c) => c.label === label)?.count ?? 0;
  return {
    byKind: (Object.entries(KIND_LABELS) as Array<[NodeKind, string]>).map(([kind, label]) => ({
      kind,
      count: countOf(label),
    })),
    citations: countOf('Citation'),
    relationships: rels?.count ?? 0,
  };
}
