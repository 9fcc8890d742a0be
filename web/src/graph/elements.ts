/**
 * Pure mapping from API data to Cytoscape elements, and the visibility rules of the time window and
 * perspective filters. Appearance follows from the data fields and classes set here, through the
 * stylesheet; nothing here touches a Cytoscape instance.
 */
import type { ElementDefinition } from 'cytoscape';
import { API_CERTAINTIES, type NodeKind } from '../../../schema/vocabulary.ts';
import type { Subgraph } from '../api.ts';
import type { Certainty, DateFieldsFragment, EdgeFieldsFragment, NodeFieldsFragment } from '../generated/graphql.ts';
import type { Language, TimeWindow } from '../ui-types.ts';
import { relationWord, roleWord } from '../words.ts';
import { NO_VOICE, type NodeEvidence, nodeEvidence } from './style-rules.ts';

/** Position in the certainty order (0 the strongest); -1 for a value outside it. */
function certaintyIndex(certainty: string): number {
  return API_CERTAINTIES.indexOf(certainty.toUpperCase() as Certainty);
}
const REPORTED = certaintyIndex('REPORTED');

export interface NodeData {
  id: string;
  kind: Lowercase<NodeKind>;
  subtype: string;
  /** The name as drawn: shortened, with a direction mark so its ellipsis stays at its own end. */
  label: string;
  /** Relationships to other nodes of the drawn subgraph (sizes the node). */
  degree: number;
  /** Citations (source quotes) on those relationships (sizes the node under the citations rule). */
  citations: number;
  /** Who asserts most of those citations (colours the node under the voice rule); '' when no one is named. */
  voice: string;
  name: string;
  nameAr: string | null;
  certainty: string;
  earliest: string | null;
  latest: string | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** The short relation word drawn on the edge ("fought", "attacker"); the quote belongs in the panel. */
  label: string;
  certainty: string;
  attributedTo: string[];
  earliest: string | null;
  latest: string | null;
}

/** The name shown for a node in the interface language, falling back to the other script. */
export function displayName(node: Pick<NodeFieldsFragment, 'name' | 'nameAr'>, language: Language): string {
  return language === 'ar' ? (node.nameAr ?? node.name) : node.name;
}

/** The node's own kind of actor, place, event or agreement status; the kind itself for sources. */
export function nodeSubtype(node: NodeFieldsFragment): string {
  if ('actorKind' in node) return node.actorKind;
  if ('placeKind' in node) return node.placeKind;
  if ('eventType' in node) return node.eventType;
  if ('status' in node) return node.status;
  return node.kind.toLowerCase();
}

/** Certainty of an entity; null for sources (and entities the datasets leave unqualified). */
export function nodeCertainty(node: NodeFieldsFragment): Certainty | null {
  return 'certainty' in node ? node.certainty : null;
}

/** Date of an event or agreement; null for other kinds. */
export function nodeDate(node: NodeFieldsFragment): DateFieldsFragment | null {
  return 'date' in node ? node.date : null;
}

/** Types whose edge label is a role ("attacker", "guarantor", "destination") rather than free text. */
const ROLE_LABELLED = new Set(['PARTICIPATED_IN', 'PARTY_TO']);

/**
 * The short relation word of an edge in the interface language: the role for participations and parties, the
 * relationship type's word otherwise. A relationship's own English label ("of an earlier deal…") stays in the panel.
 */
export function edgeLabel(edge: Pick<EdgeFieldsFragment, 'type' | 'label'>, language: Language = 'en'): string {
  if (ROLE_LABELLED.has(edge.type) && edge.label) return roleWord(edge.label, language);
  if (edge.type === 'OCCURRED_IN' && edge.label && edge.label !== 'location') return roleWord(edge.label, language);
  return relationWord(edge.type, language);
}

/** Characters of a name the graph draws at most; the full name is in the tooltip and the panel. */
export const LABEL_CHARS = 24;
const RTL_LETTER = /[\u0590-\u08FF]/;
const FIRST_LETTER = /\p{L}/u;

/**
 * A name shortened for the graph, cut at a word where it can, its ellipsis at the end of its own reading direction,
 * and a direction mark after it so the mark keeps the ellipsis there in an interface of the other direction.
 */
export function shortLabel(name: string, max = LABEL_CHARS): string {
  const letter = FIRST_LETTER.exec(name)?.[0] ?? '';
  const mark = RTL_LETTER.test(letter) ? '\u200F' : '\u200E';
  if ([...name].length <= max) return `${name}${mark}`;
  const cut = [...name].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const head = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/u, '');
  return `${head}…${mark}`;
}

const kindOf = (node: NodeFieldsFragment) => node.kind.toLowerCase() as NodeData['kind'];
/** First and last day a node's date can mean (events and agreements); null ends for the rest. */
function spanOf(node: NodeFieldsFragment): Pick<NodeData, 'earliest' | 'latest'> {
  const date = nodeDate(node);
  return { earliest: date?.earliest ?? null, latest: date?.latest ?? null };
}
/** Unqualified statements count as reported. */
const edgeCertainty = (edge: EdgeFieldsFragment) => (edge.certainty ?? 'REPORTED').toLowerCase();

export function nodeElement(
  node: NodeFieldsFragment,
  language: Language,
  degree = 0,
  evidence: NodeEvidence = { citations: 0, voice: NO_VOICE },
): ElementDefinition {
  const data: NodeData = {
    id: node.id,
    kind: kindOf(node),
    subtype: nodeSubtype(node),
    label: shortLabel(displayName(node, language)),
    degree,
    citations: evidence.citations,
    voice: evidence.voice,
    name: node.name,
    nameAr: node.nameAr,
    certainty: (nodeCertainty(node) ?? 'REPORTED').toLowerCase(),
    ...spanOf(node),
  };
  return { group: 'nodes', data, classes: [data.kind, `certainty-${data.certainty}`].join(' ') };
}

export function edgeElement(edge: EdgeFieldsFragment, language: Language = 'en'): ElementDefinition {
  const certainty = edgeCertainty(edge);
  const data: EdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    label: edgeLabel(edge, language),
    certainty,
    attributedTo: edge.attributedTo,
    earliest: edge.earliest,
    latest: edge.latest,
  };
  const contested = certaintyIndex(certainty) > REPORTED;
  return {
    group: 'edges',
    data,
    classes: [`type-${edge.type.toLowerCase()}`, `certainty-${certainty}`, contested ? 'contested' : '']
      .join(' ')
      .trim(),
  };
}

/** Edges of a subgraph whose two ends are in it (the graph view draws no others). */
function connectedEdges(subgraph: Subgraph): EdgeFieldsFragment[] {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  return subgraph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}

/** Elements for a subgraph; edges whose ends are missing are left out. */
export function toElements(subgraph: Subgraph, language: Language): ElementDefinition[] {
  const edges = connectedEdges(subgraph);
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const evidence = nodeEvidence(edges);
  return [
    ...subgraph.nodes.map((n) => nodeElement(n, language, degree.get(n.id) ?? 0, evidence.get(n.id))),
    ...edges.map((e) => edgeElement(e, language)),
  ];
}

/** Union of subgraphs by id, later ones winning. */
export function mergeSubgraphs(...subgraphs: Subgraph[]): Subgraph {
  const nodes = new Map<string, NodeFieldsFragment>();
  const edges = new Map<string, EdgeFieldsFragment>();
  for (const s of subgraphs) {
    for (const n of s.nodes) nodes.set(n.id, n);
    for (const e of s.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export interface ViewFilter {
  window: TimeWindow | null;
  /** Show only what these actors assert (the API's `attributedTo`); empty: everyone. */
  attributedTo: readonly string[];
  minCertainty: Certainty | null;
  /**
   * The graph as it stood by this day (the time bar's cursor), by the rule of time-respecting paths: an event or
   * agreement once its date can have begun (`earliest`, or `latest` when the start is unknown; never when undated),
   * a relationship by its own dates (an undated one always), actors and places with their first shown link.
   */
  asOf?: string | null;
}

export const NO_FILTER: ViewFilter = { window: null, attributedTo: [], minCertainty: null, asOf: null };

/** The day a dated span enters the graph as of a cursor: `earliest`, or `latest` when the start is unknown. */
export function entryDay(earliest: string | null, latest: string | null): string | null {
  return earliest ?? latest;
}

/** Whether a span has entered by `day`; `undated` says what a span with no date at all does. */
function enteredBy(earliest: string | null, latest: string | null, day: string | null | undefined, undated: boolean) {
  if (!day) return true;
  const entry = entryDay(earliest, latest);
  return entry === null ? undated : entry <= day;
}

/**
 * Whether a node shown as of `day` may still lie after it: its date can mean a later day than the cursor (a month- or
 * year-only event entered at the first day of its span). The time bar draws these as uncertain.
 */
export function mayBeLater(earliest: string | null, latest: string | null, day: string): boolean {
  const entry = entryDay(earliest, latest);
  return entry !== null && entry <= day && latest !== null && latest > day;
}

/** Whether a dated span overlaps the window (an unknown start can be any time before `latest`). */
export function overlapsWindow(earliest: string | null, latest: string | null, window: TimeWindow | null): boolean {
  if (!window) return true;
  if (latest === null) return true;
  return (earliest === null || earliest <= window.to) && latest >= window.from;
}

/** Whether a node is shown: events and agreements must overlap the window; actors and places always pass. */
export function nodePasses(data: Pick<NodeData, 'kind' | 'earliest' | 'latest'>, filter: ViewFilter): boolean {
  if (data.kind !== 'event' && data.kind !== 'agreement') return true;
  return (
    overlapsWindow(data.earliest, data.latest, filter.window) &&
    enteredBy(data.earliest, data.latest, filter.asOf, false)
  );
}

/** Whether an edge is shown: in the window, asserted by a chosen actor, at least as certain as asked. */
export function edgePasses(
  data: Pick<EdgeData, 'earliest' | 'latest' | 'attributedTo' | 'certainty'>,
  filter: ViewFilter,
): boolean {
  if (!overlapsWindow(data.earliest, data.latest, filter.window)) return false;
  if (!enteredBy(data.earliest, data.latest, filter.asOf, true)) return false;
  if (filter.attributedTo.length > 0 && !data.attributedTo.some((v) => filter.attributedTo.includes(v))) return false;
  if (filter.minCertainty) {
    const index = certaintyIndex(data.certainty);
    const rank = index < 0 ? API_CERTAINTIES.length - 1 : index;
    if (rank > certaintyIndex(filter.minCertainty)) return false;
  }
  return true;
}

export function isFiltering(filter: ViewFilter): boolean {
  return (
    filter.window !== null || filter.attributedTo.length > 0 || filter.minCertainty !== null || Boolean(filter.asOf)
  );
}

/**
 * Ids to hide under a filter: failing nodes, edges that fail or touch a hidden node, and — while a
 * filter is on — actors and places left with no visible edge.
 */
export function hiddenIds(
  nodes: ReadonlyArray<Pick<NodeData, 'id' | 'kind' | 'earliest' | 'latest'>>,
  edges: ReadonlyArray<
    Pick<EdgeData, 'id' | 'source' | 'target' | 'earliest' | 'latest' | 'attributedTo' | 'certainty'>
  >,
  filter: ViewFilter,
): Set<string> {
  const hidden = new Set<string>();
  if (!isFiltering(filter)) return hidden;
  for (const n of nodes) if (!nodePasses(n, filter)) hidden.add(n.id);
  const connected = new Set<string>();
  for (const e of edges) {
    if (hidden.has(e.source) || hidden.has(e.target) || !edgePasses(e, filter)) hidden.add(e.id);
    else {
      connected.add(e.source);
      connected.add(e.target);
    }
  }
  for (const n of nodes) if (!connected.has(n.id)) hidden.add(n.id);
  return hidden;
}

/** Ids to hide when a subgraph is drawn under a filter: the rules of `hiddenIds` on the elements it makes. */
export function hiddenInSubgraph(subgraph: Subgraph, filter: ViewFilter): Set<string> {
  if (!isFiltering(filter)) return new Set();
  const nodes = subgraph.nodes.map((node) => ({ id: node.id, kind: kindOf(node), ...spanOf(node) }));
  const edges = connectedEdges(subgraph).map((edge) => ({ ...edge, certainty: edgeCertainty(edge) }));
  return hiddenIds(nodes, edges, filter);
}

/** Everyone who asserts something in the loaded graph (each edge's `attributedTo`), for the perspective filter. */
export function attributedToIn(subgraph: Subgraph): string[] {
  const actors = new Set<string>();
  for (const e of subgraph.edges) for (const v of e.attributedTo) actors.add(v);
  return [...actors].sort();
}
