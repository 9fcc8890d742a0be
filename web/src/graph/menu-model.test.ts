import { describe, expect, it } from 'vitest';
import { editStrings } from './edit-strings.ts';
import { afterTypedExpansion, type MenuTarget, menuGroups, relationsInMenu } from './menu-model.ts';

const edges = [
  { type: 'FOUGHT', source: 'actor:sdf', target: 'actor:isis' },
  { type: 'FOUGHT', source: 'actor:sdf', target: 'actor:x' },
  { type: 'FOUGHT', source: 'actor:y', target: 'actor:sdf' },
  { type: 'PARTY_TO', source: 'actor:sdf', target: 'agreement:a' },
  { type: 'PARTY_TO', source: 'actor:sdf', target: 'agreement:b' },
  { type: 'FOUGHT', source: 'actor:isis', target: 'actor:y' },
  { type: 'CITES', source: 'actor:sdf', target: 'source:s' },
];

const target = (over: Partial<MenuTarget> = {}): MenuTarget => ({
  id: 'actor:sdf',
  isNode: true,
  pinned: false,
  selectionSize: 1,
  counts: {
    status: 'done',
    byType: relationsInMenu([
      { type: 'PARTY_TO', count: 2 },
      { type: 'CITES', count: 4 },
      { type: 'FOUGHT', count: 3 },
    ]),
  },
  ...over,
});

const labels = (t: MenuTarget, language: 'en' | 'ar' = 'en') =>
  menuGroups(t, editStrings(language), language).flatMap((g) => [
    ...g.items.map((i) => i.label),
    ...(g.note ? [g.note.text] : []),
  ]);

describe('the context menu model', () => {
  it("lists the server's counts most first, in the vocabulary's order on ties, leaving out non-graph types", () => {
    expect(
      relationsInMenu([
        { type: 'PARTY_TO', count: 2 },
        { type: 'CITES', count: 4 },
        { type: 'FOUGHT', count: 3 },
        { type: 'LEADS', count: 2 },
        { type: 'ACCUSED', count: 0 },
      ]),
    ).toEqual([
      { type: 'FOUGHT', count: 3 },
      // PARTY_TO (a structure type) comes before LEADS in GRAPH_REL_TYPES.
      { type: 'PARTY_TO', count: 2 },
      { type: 'LEADS', count: 2 },
    ]);
  });

  it('offers expansion by type with counts, then the node actions, in English and Arabic', () => {
    expect(labels(target())).toEqual([
      'fought (3)',
      'party to (2)',
      'Expand all neighbours',
      'Hide',
      'Pin in place',
      'Hide everything else',
      'Paths from here',
      'Show in source',
    ]);
    const ar = labels(target(), 'ar');
    expect(ar.slice(0, 2)).toEqual(['قاتل (3)', 'طرف في (2)']);
    expect(ar).toContain('عرض في المصدر');
  });

  it('offers unpin for a pinned node, and only source and hide for an edge', () => {
    expect(labels(target({ pinned: true }))).toContain('Unpin');
    expect(labels(target({ pinned: true }))).not.toContain('Pin in place');
    expect(labels(target({ isNode: false }))).toEqual(['Show in source', 'Hide']);
  });

  it('says when counts are loading, failed or absent', () => {
    expect(labels(target({ counts: { status: 'loading' } }))[0]).toBe('Counting relationships…');
    expect(labels(target({ counts: { status: 'error', message: 'down' } }))[0]).toBe(
      'Relationships could not be counted: down',
    );
    expect(labels(target({ counts: { status: 'done', byType: [] } }))[0]).toBe('No relationships');
  });

  it('acts on the whole selection when the node is one of several selected', () => {
    expect(labels(target({ selectionSize: 3 }))).toEqual([
      'Expand the 3 selected',
      'Hide the 3 selected',
      'Pin the 3 selected',
      'Export the 3 selected (JSON)',
    ]);
  });

  it('expanding by a type shows the neighbours through it and keeps the others it brought in hidden', () => {
    const before = { expanded: [], hidden: ['actor:y', 'place:old'], pinned: [], layout: 'force' as const };
    const after = afterTypedExpansion(before, 'actor:sdf', 'PARTY_TO', edges, [
      'agreement:a',
      'agreement:b',
      'actor:x',
    ]);
    expect(after.expanded).toEqual(['actor:sdf']);
    expect(after.hidden).toEqual(['actor:y', 'place:old', 'actor:x']);
    const fought = afterTypedExpansion(before, 'actor:sdf', 'FOUGHT', edges, ['actor:x']);
    expect(fought.hidden).toEqual(['place:old']);
  });
});
