/** The stored graph as exports see it, and the selections the export endpoints offer (pure). */
import type { ExportGraph, ExportNode, ExportRel, Props } from '../../../db/repositories/export.ts';
import { ENTITY_LABELS, NODE_LABELS, PART_REL_TYPES } from '../../../schema/vocabulary.ts';

export type { ExportGraph, ExportNode, ExportRel, Props };

/** A node's product label (every node has one besides `KG` and `Entity`). */
export const labelOf = (node: ExportNode): string => NODE_LABELS.find((l) => node.labels.includes(l)) ?? 'Unknown';

export const str = (props: Props, key: string): string | undefined => {
  const v = props[key];
  return typeof v === 'string' ? v : undefined;
};
export const num = (props: Props, key: string): number | undefined => {
  const v = props[key];
  return typeof v === 'number' ? v : undefined;
};
export const strings = (props: Props, key: string): string[] => {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export interface Selection {
  /** Entity ids to export (with what they need to stay valid: citations, sources, asserting actors). */
  ids?: readonly string[] | undefined;
  /** Keep only events and agreements whose dates overlap [from, to] (ISO days); undated agreements stay. */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The part of the graph a selection asks for. Kept entities bring their parts (terms, figures, claims), the
 * citations of everything kept, those citations' sources and asserting actors, sources' publishers and
 * agreements' parties, so the result is a complete dataset; relationships are kept when both ends are.
 */
export function selectGraph(graph: ExportGraph, selection: Selection): ExportGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inWindow = (n: ExportNode) => {
    const label = labelOf(n);
    if (label !== 'Event' && label !== 'Agreement') return true;
    const earliest = str(n.props, 'earliest');
    const latest = str(n.props, 'latest');
    if (earliest === undefined && latest === undefined) return label === 'Agreement';
    if (selection.to && earliest && earliest > selection.to) return false;
    if (selection.from && latest && latest < selection.from) return false;
    return true;
  };
  const entities = graph.nodes.filter((n) => (ENTITY_LABELS as readonly string[]).includes(labelOf(n)));
  let chosen = selection.ids ? entities.filter((n) => selection.ids?.includes(n.id)) : entities;
  chosen = chosen.filter(inWindow);
  const keep = new Set(chosen.map((n) => n.id));
  const parts: ReadonlySet<string> = new Set(PART_REL_TYPES);
  // Grow to a fixpoint: parts of kept nodes, agreements' parties, sources' publishers, and the citations of
  // everything kept with their sources and voices. All of these are actors or non-entity nodes, so the time
  // window is never undone.
  for (let size = -1; size !== keep.size; ) {
    size = keep.size;
    for (const r of graph.rels) {
      if (parts.has(r.type) && keep.has(r.from)) keep.add(r.to);
      if (r.type === 'PARTY_TO' && keep.has(r.to)) keep.add(r.from);
      if (r.type === 'PUBLISHED_BY' && keep.has(r.from)) keep.add(r.to);
    }
    const citations = [...keep].flatMap((id) => strings(byId.get(id)?.props ?? {}, 'citationIds'));
    for (const r of graph.rels)
      if (keep.has(r.from) && keep.has(r.to)) citations.push(...strings(r.props, 'citationIds'));
    for (const id of citations) {
      const citation = byId.get(id);
      if (!citation) continue;
      keep.add(id);
      for (const key of ['sourceId', 'attributedTo']) {
        const ref = str(citation.props, key);
        if (ref) keep.add(ref);
      }
    }
  }
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    rels: graph.rels.filter((r) => keep.has(r.from) && keep.has(r.to)),
  };
}
