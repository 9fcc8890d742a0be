/**
 * What the graph's context menu offers for a node, an edge or a selection: pure, so its entries are tested without a
 * page. Relationship counts come from the server (`relationshipCounts`, one request when the menu opens).
 */
import { GRAPH_REL_TYPES } from '../../../schema/vocabulary.ts';
import type { Language } from '../ui-types.ts';
import { relationWord } from '../words.ts';
import type { EditStrings } from './edit-strings.ts';
import type { GraphFields } from './history.ts';

export type MenuAction =
  | { kind: 'expand-type'; type: string }
  | { kind: 'expand' | 'hide' | 'pin' | 'unpin' | 'hide-others' | 'paths-from' | 'show-source' }
  | { kind: 'hide-selection' | 'expand-selection' | 'pin-selection' | 'export-selection' };

export interface MenuItem {
  action: MenuAction;
  label: string;
}

/** A run of items under an optional heading; `note` stands in for items that are loading, failed or absent. */
export interface MenuGroup {
  heading?: string;
  items: MenuItem[];
  note?: { text: string; state: 'loading' | 'error' | 'empty' };
}

export type RelationCounts =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; byType: Array<{ type: string; count: number }> };

export interface MenuTarget {
  id: string;
  isNode: boolean;
  pinned: boolean;
  /** Nodes selected together with this one (the menu then acts on all of them); 1 or 0 otherwise. */
  selectionSize: number;
  counts: RelationCounts;
}

/** The server's counts as the menu lists them: the graph's relationship types only, most first, then vocabulary order. */
export function relationsInMenu(
  counts: ReadonlyArray<{ type: string; count: number }>,
): Array<{ type: string; count: number }> {
  const order = (type: string) => (GRAPH_REL_TYPES as readonly string[]).indexOf(type);
  return counts
    .filter((c) => order(c.type) >= 0 && c.count > 0)
    .map(({ type, count }) => ({ type, count }))
    .sort((a, b) => b.count - a.count || order(a.type) - order(b.type));
}

export function menuGroups(target: MenuTarget, s: EditStrings, language: Language): MenuGroup[] {
  if (target.selectionSize > 1) {
    const n = target.selectionSize;
    return [
      {
        items: [
          { action: { kind: 'expand-selection' }, label: s.expandSelection(n) },
          { action: { kind: 'hide-selection' }, label: s.hideSelection(n) },
          { action: { kind: 'pin-selection' }, label: s.pinSelection(n) },
          { action: { kind: 'export-selection' }, label: s.exportSelection(n) },
        ],
      },
    ];
  }
  const source: MenuItem = { action: { kind: 'show-source' }, label: s.showInSource };
  const hide: MenuItem = { action: { kind: 'hide' }, label: s.hide };
  if (!target.isNode) return [{ items: [source, hide] }];
  const counts = target.counts;
  const byType: MenuGroup = { heading: s.expandByType, items: [] };
  if (counts.status === 'loading') byType.note = { text: s.countsLoading, state: 'loading' };
  else if (counts.status === 'error') byType.note = { text: s.countsFailed(counts.message), state: 'error' };
  else if (counts.byType.length === 0) byType.note = { text: s.countsNone, state: 'empty' };
  else
    byType.items = counts.byType.map(({ type, count }) => ({
      action: { kind: 'expand-type', type },
      label: s.expandType(relationWord(type, language), count),
    }));
  return [
    byType,
    {
      items: [
        { action: { kind: 'expand' }, label: s.expandAll },
        hide,
        target.pinned ? { action: { kind: 'unpin' }, label: s.unpin } : { action: { kind: 'pin' }, label: s.pin },
        { action: { kind: 'hide-others' }, label: s.hideOthers },
        { action: { kind: 'paths-from' }, label: s.pathsFrom },
        source,
      ],
    },
  ];
}

/**
 * The graph fields after "expand by relationship type": the node counts as expanded, its neighbours through that type
 * are shown (even ones hidden before), and the other neighbours the expansion brought in stay hidden.
 */
export function afterTypedExpansion(
  before: GraphFields,
  nodeId: string,
  type: string,
  edges: ReadonlyArray<{ type: string; source: string; target: string }>,
  added: readonly string[],
): GraphFields {
  const through = new Set<string>([nodeId]);
  for (const edge of edges) {
    if (edge.type !== type) continue;
    if (edge.source === nodeId) through.add(edge.target);
    if (edge.target === nodeId) through.add(edge.source);
  }
  const hidden = [...new Set([...before.hidden, ...added])].filter((id) => !through.has(id));
  const expanded = before.expanded.includes(nodeId) ? before.expanded : [...before.expanded, nodeId];
  return { ...before, expanded, hidden };
}
