/** Plain shapes the repositories return; resolvers map them onto the GraphQL types. */

import { type NodeKind, PUBLIC_LABELS } from '../schema/vocabulary.ts';
import type { Plain } from './plain.ts';

/** A node of one of the five public kinds, with all its stored properties (see schema/model.md). */
export interface NodeRecord {
  id: string;
  kind: NodeKind;
  props: Record<string, Plain>;
  /**
   * Relationships read with the node in the same query (a timeline's participations and places), keyed like the
   * resolvers' loaders (`PARTICIPATED_IN:IN`); they may hold only the properties that query selected, so they stay
   * with this record instead of filling a shared loader.
   */
  related?: Partial<Record<string, RelatedRecord[]>>;
}

/** A relationship between two public nodes, with all its stored properties. */
export interface EdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, Plain>;
}

/** The public labels as a Cypher list literal (constant text from schema/vocabulary.ts). */
const PUBLIC_LABEL_LIST = `[${PUBLIC_LABELS.map((label) => `'${label}'`).join(', ')}]`;

/**
 * The properties of the node bound to `v` that resolvers read: all but `searchText` (index tokens, the largest
 * property of most nodes) and `text` (a source's full text, which `Source.text` reads on its own), left null.
 */
export const nodeProps = (v: string): string => `${v} {.*, searchText: null, text: null}`;

/** Which stored properties a query reads for a node or relationship: all of them (see {@link nodeProps}), or these. */
export type PropertySelection = 'all' | readonly string[];

const PROPERTY_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * A Cypher map projection of the properties `selection` names on `v` (`v {.name, .latest}`), or `all` as given. Keys
 * come from the resolvers' fixed field lists, and are checked anyway: never user text.
 */
export function selectProps(v: string, selection: PropertySelection, all: string): string {
  if (selection === 'all') return all;
  for (const key of selection) if (!PROPERTY_KEY.test(key)) throw new Error(`not a property key: ${key}`);
  return `${v} {${selection.map((key) => `.${key}`).join(', ')}}`;
}

/** The key of a selection, for caching query texts. */
export const selectionKey = (selection: PropertySelection): string =>
  selection === 'all' ? '*' : [...selection].sort().join(',');

/**
 * Cypher map projecting the node bound to `v` as a NodeRecord. Constant text: `v` is always a literal variable name,
 * `props` a constant expression (see {@link nodeProps} by default).
 */
export const nodeProjection = (v: string, props: string = nodeProps(v)): string =>
  `{id: ${v}.id, kind: toUpper([l IN labels(${v}) WHERE l IN ${PUBLIC_LABEL_LIST}][0]), props: ${props}}`;

/** Cypher map projecting the relationship bound to `v` as an EdgeRecord (all its properties by default). */
export const edgeProjection = (v: string, props = `properties(${v})`): string =>
  `{id: ${v}.id, type: type(${v}), source: startNode(${v}).id, target: endNode(${v}).id, props: ${props}}`;

/** A stored citation's properties (see schema/model.md). */
export interface CitationRecord {
  id: string;
  sourceId: string;
  quote: string;
  start: number | null;
  end: number | null;
  translation: string | null;
  attributedTo: string | null;
  certainty: string;
  certaintyRank: number;
  note: string | null;
  /** Ids of the citations that contradict this one (absent when none). */
  contradictedBy?: string[] | null;
}

/** A node that is not one of the public kinds (a term or a figure). */
export interface PartRecord {
  id: string;
  props: Record<string, Plain>;
}

/** Whether the other end of a relationship is a public node (not a term, figure or claim). */
export const isNodeRecord = (other: NodeRecord | PartRecord): other is NodeRecord =>
  'kind' in other && other.kind !== null;

/** A relationship seen from one of its ends, with the node at the other end. */
export interface RelatedRecord {
  edge: EdgeRecord;
  other: NodeRecord | PartRecord;
}

export interface AffiliationRecord {
  edge: EdgeRecord;
  direction: 'OUTGOING' | 'INCOMING';
  otherId: string;
}

export interface SubgraphRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Relationships among the nodes that pass the filter, kept or not. */
  totalEdges: number;
  /** True when some of them were left out (edges.length < totalEdges). */
  truncated: boolean;
}

export interface DateRangeRecord {
  start: string | null;
  end: string | null;
  precision: 'YEAR' | 'MONTH' | 'DAY';
  approximate: boolean;
  expression: string | null;
  inferred: string | null;
  earliest: string | null;
  latest: string | null;
}

export interface SearchHitRecord {
  node: NodeRecord;
  score: number;
  exact: boolean;
}
