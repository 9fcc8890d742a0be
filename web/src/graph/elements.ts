/**
 * Pure mapping from API data to Cytoscape elements, and the visibility rules of the time window and
 * perspective filters. Appearance follows from the data fields and classes set here, through the
 * stylesheet; nothing here touches a Cytoscape instance.
 */
import type { ElementDefinition } from 'cytoscape';
import type { ApiEdge, ApiNode, ApiSubgraph } from '../api.ts';
import { humanize } from '../i18n.ts';
import type { Certainty, Language, TimeWindow } from '../types.ts';

export const CERTAINTY_RANK: Record<Certainty, number> = {
  CONFIRMED: 0,
  REPORTED: 1,
  CLAIMED: 2,
  ALLEGED: 3,
  DISPUTED: 4,
};

export interface NodeData {
  id: string;
  kind: 'actor' | 'place' | 'event' | 'agreement' | 'source';
  subtype: string;
  label: string;
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
  label: string;
  certainty: string;
  attributedTo: string[];
  earliest: string | null;
  latest: string | null;
}

/** The name shown for a node in the interface language, falling back to the other script. */
export function displayName(node: Pick<ApiNode, 'name' | 'nameAr'>, language: Language): string {
  return language === 'ar' ? (node.nameAr ?? node.name) : node.name;
}

function nodeSubtype(node: ApiNode): string {
  return node.actorKind ?? node.placeKind ?? node.eventType ?? node.status ?? node.kind.toLowerCase();
}

export function edgeLabel(edge: Pick<ApiEdge, 'type' | 'label'>): string {
  return humanize(edge.label ?? edge.type);
}

export function nodeElement(node: ApiNode, language: Language): ElementDefinition {
  const data: NodeData = {
    id: node.id,
    kind: node.kind.toLowerCase() as NodeData['kind'],
    subtype: nodeSubtype(node),
    label: displayName(node, language),
    name: node.name,
    nameAr: node.nameAr,
    certainty: (node.certainty ?? 'REPORTED').toLowerCase(),
    earliest: node.date?.earliest ?? null,
    latest: node.date?.latest ?? null,
  };
  return { group: 'nodes', data, classes: [data.kind, `certainty-${data.certainty}`].join(' ') };
}

export function edgeElement(edge: ApiEdge): ElementDefinition {
  const certainty = (edge.certainty ?? 'REPORTED').toLowerCase();
  const data: EdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    label: edgeLabel(edge),
    certainty,
    attributedTo: edge.attributedTo,
    earliest: edge.earliest,
    latest: edge.latest,
  };
  const contested = ['claimed', 'alleged', 'disputed'].includes(certainty);
  return {
    group: 'edges',
    data,
    classes: [`type-${edge.type.toLowerCase()}`, `certainty-${certainty}`, contested ? 'contested' : '']
      .join(' ')
      .trim(),
  };
}

/** Elements for a subgraph; edges whose ends are missing are left out. */
export function toElements(subgraph: ApiSubgraph, language: Language): ElementDefinition[] {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  return [
    ...subgraph.nodes.map((n) => nodeElement(n, language)),
    ...subgraph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(edgeElement),
  ];
}

/** Union of subgraphs by id, later ones winning. */
export function mergeSubgraphs(...subgraphs: ApiSubgraph[]): ApiSubgraph {
  const nodes = new Map<string, ApiNode>();
  const edges = new Map<string, ApiEdge>();
  for (const s of subgraphs) {
    for (const n of s.nodes) nodes.set(n.id, n);
    for (const e of s.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export interface ViewFilter {
  window: TimeWindow | null;
  voices: readonly string[];
  minCertainty: Certainty | null;
}

export const NO_FILTER: ViewFilter = { window: null, voices: [], minCertainty: null };

/** Whether a dated span overlaps the window (an unknown start can be any time before `latest`). */
export function overlapsWindow(earliest: string | null, latest: string | null, window: TimeWindow | null): boolean {
  if (!window) return true;
  if (latest === null) return true;
  return (earliest === null || earliest <= window.to) && latest >= window.from;
}

/** Whether a node is shown: events and agreements must overlap the window; actors and places always pass. */
export function nodePasses(data: Pick<NodeData, 'kind' | 'earliest' | 'latest'>, filter: ViewFilter): boolean {
  if (data.kind !== 'event' && data.kind !== 'agreement') return true;
  return overlapsWindow(data.earliest, data.latest, filter.window);
}

/** Whether an edge is shown: in the window, asserted by a chosen voice, at least as certain as asked. */
export function edgePasses(
  data: Pick<EdgeData, 'earliest' | 'latest' | 'attributedTo' | 'certainty'>,
  filter: ViewFilter,
): boolean {
  if (!overlapsWindow(data.earliest, data.latest, filter.window)) return false;
  if (filter.voices.length > 0 && !data.attributedTo.some((v) => filter.voices.includes(v))) return false;
  if (filter.minCertainty) {
    const rank = CERTAINTY_RANK[data.certainty.toUpperCase() as Certainty] ?? 4;
    if (rank > CERTAINTY_RANK[filter.minCertainty]) return false;
  }
  return true;
}

export function isFiltering(filter: ViewFilter): boolean {
  return filter.window !== null || filter.voices.length > 0 || filter.minCertainty !== null;
}

/**
 * Ids to hide under a filter: failing nodes, edges that fail or touch a hidden node, and — while a
 * filter is on — actors and places left with no visible edge.
 */
export function hiddenIds(nodes: NodeData[], edges: EdgeData[], filter: ViewFilter): Set<string> {
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

/** Everyone who asserts something in the loaded graph, for the perspective filter. */
export function voicesIn(subgraph: ApiSubgraph): string[] {
  const voices = new Set<string>();
  for (const e of subgraph.edges) for (const v of e.attributedTo) voices.add(v);
  return [...voices].sort();
}
