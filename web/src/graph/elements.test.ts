import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../api.ts';
import type { DateFieldsFragment, EdgeFieldsFragment, NodeFieldsFragment } from '../generated/graphql.ts';
import {
  attributedToIn,
  displayName,
  type EdgeData,
  edgeLabel,
  edgePasses,
  hiddenIds,
  hiddenInSubgraph,
  mayBeLater,
  mergeSubgraphs,
  NO_FILTER,
  type NodeData,
  nodePasses,
  shortLabel,
  toElements,
} from './elements.ts';
import { graphStyle } from './style.ts';

type Actor = Extract<NodeFieldsFragment, { actorKind: string }>;
type Event = Extract<NodeFieldsFragment, { eventType: string }>;
type Agreement = Extract<NodeFieldsFragment, { status: string }>;

const base = (id: string) => ({ id, name: id.split(':')[1] ?? id, nameAr: null, aliases: [], attributedTo: [] });
const actor = (id: string, extra: Partial<Actor> = {}): Actor => ({
  ...base(id),
  kind: 'ACTOR',
  actorKind: 'armed_group',
  certainty: 'REPORTED',
  ...extra,
});
const date = (extra: Partial<DateFieldsFragment>): DateFieldsFragment => ({
  start: null,
  end: null,
  precision: 'DAY',
  approximate: false,
  expression: null,
  inferred: null,
  earliest: null,
  latest: null,
  ...extra,
});
const event = (id: string, extra: Partial<Event> = {}): Event => ({
  ...base(id),
  kind: 'EVENT',
  eventType: 'battle',
  certainty: 'REPORTED',
  date: null,
  ...extra,
});
const agreement = (id: string, extra: Partial<Agreement> = {}): Agreement => ({
  ...base(id),
  kind: 'AGREEMENT',
  status: 'reported',
  certainty: 'REPORTED',
  date: null,
  ...extra,
});

const edge = (
  id: string,
  source: string,
  target: string,
  extra: Partial<EdgeFieldsFragment> = {},
): EdgeFieldsFragment => ({
  id,
  type: 'PARTICIPATED_IN',
  source,
  target,
  label: 'announcer',
  certainty: 'REPORTED',
  attributedTo: ['actor:outlet'],
  earliest: null,
  latest: null,
  citations: [],
  ...extra,
});

const subgraph: Subgraph = {
  nodes: [
    actor('actor:sdf', { nameAr: 'قسد', actorKind: 'armed_group' }),
    actor('actor:isis', { nameAr: 'داعش' }),
    event('event:caliphate', {
      date: date({ start: '2014', precision: 'YEAR', earliest: '2014-01-01', latest: '2014-12-31' }),
    }),
    event('event:capture', {
      certainty: 'CLAIMED',
      date: date({ start: '2019-03-23', earliest: '2019-03-23', latest: '2019-03-23' }),
    }),
    agreement('agreement:deal', {
      certainty: 'ALLEGED',
      date: date({ end: '2019-03', precision: 'MONTH', approximate: true, latest: '2019-03-31' }),
    }),
  ],
  edges: [
    edge('e1', 'actor:sdf', 'event:capture', {
      certainty: 'CLAIMED',
      attributedTo: ['actor:sdf'],
      earliest: '2019-03-23',
      latest: '2019-03-23',
    }),
    edge('e2', 'actor:isis', 'event:caliphate', { earliest: '2014-01-01', latest: '2014-12-31' }),
    edge('e3', 'actor:sdf', 'agreement:deal', {
      type: 'PARTY_TO',
      label: 'party',
      certainty: 'ALLEGED',
      attributedTo: ['actor:local-sources'],
      latest: '2019-03-31',
    }),
    edge('e4', 'actor:isis', 'actor:gone', { type: 'FOUGHT', label: null }),
  ],
};

describe('API data → Cytoscape elements', () => {
  const elements = toElements(subgraph, 'en');
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(), elements });

  it('makes a node per node and drops edges to nodes that are not loaded', () => {
    expect(cy.nodes()).toHaveLength(5);
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(['e1', 'e2', 'e3']);
  });

  it('expresses kind and certainty as classes the stylesheet uses', () => {
    expect(cy.getElementById('actor:sdf').hasClass('actor')).toBe(true);
    expect(cy.getElementById('agreement:deal').hasClass('certainty-alleged')).toBe(true);
    expect(cy.getElementById('e1').hasClass('contested')).toBe(true);
    expect(cy.getElementById('e2').hasClass('contested')).toBe(false);
    expect(cy.getElementById('e3').style('line-style')).toBe('dotted');
    expect(cy.getElementById('e1').style('line-style')).toBe('dashed');
    expect(cy.getElementById('e2').style('line-style')).toBe('solid');
    expect(cy.getElementById('event:capture').style('shape')).toBe('diamond');
  });

  it('labels by interface language, falling back to the other script', () => {
    // A right-to-left mark after an Arabic name, a left-to-right one after an English name.
    expect(toElements(subgraph, 'ar').find((e) => e.data.id === 'actor:sdf')?.data.label).toBe('قسد\u200F');
    expect(toElements(subgraph, 'ar').find((e) => e.data.id === 'event:capture')?.data.label).toBe('capture\u200E');
    expect(displayName({ name: 'Baghouz', nameAr: 'الباغوز' }, 'en')).toBe('Baghouz');
    expect(cy.getElementById('e3').data('label')).toBe('party');
    expect(cy.getElementById('e1').data('label')).toBe('announcer');
  });

  it("draws short relation words in the interface language, never the relationship's own English label", () => {
    const ar = toElements(subgraph, 'ar');
    expect(ar.find((e) => e.data.id === 'e1')?.data.label).toBe('مُعلِن');
    expect(ar.find((e) => e.data.id === 'e3')?.data.label).toBe('طرف');
    expect(edgeLabel({ type: 'ACCUSED', label: 'of an earlier deal moving ISIS from Raqqa' }, 'en')).toBe('accused');
    expect(edgeLabel({ type: 'ACCUSED', label: 'of an earlier deal moving ISIS from Raqqa' }, 'ar')).toBe('اتهم');
    expect(edgeLabel({ type: 'FOUGHT', label: null }, 'ar')).toBe('قاتل');
  });

  it('sizes nodes by their links in the drawn subgraph', () => {
    expect(cy.getElementById('actor:sdf').data('degree')).toBeGreaterThan(0);
    const degrees = cy.nodes().map((n) => n.data('degree') as number);
    expect(degrees.reduce((a, b) => a + b, 0)).toBe(2 * cy.edges().length);
  });

  it('shortens long names at a word, with the ellipsis at the end of their own direction', () => {
    expect(shortLabel('Local sources in the Deir ez-Zor countryside')).toBe('Local sources in the…\u200E');
    expect(shortLabel('مصادر محلية في ريف دير الزور الشرقي الجنوبي')).toBe('مصادر محلية في ريف دير…\u200F');
    expect(shortLabel('SDF')).toBe('SDF\u200E');
  });

  it('keeps hostile names as data: labels are plain text, never markup', () => {
    const hostile = toElements(
      { nodes: [actor('actor:x', { name: '<img src=x onerror=alert(1)>' })], edges: [] },
      'en',
    );
    expect(hostile[0]?.data.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile[0]?.data.label).toBe('<img src=x onerror=aler…\u200E');
  });
});

describe('filters', () => {
  const elements = toElements(subgraph, 'en');
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data as NodeData);
  const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData);

  it('hides nothing without a filter', () => {
    expect(hiddenIds(nodes, edges, NO_FILTER).size).toBe(0);
  });

  it('a window keeps what overlaps it: a year-only event spans its year, an open start may be any time before', () => {
    const y2014 = { ...NO_FILTER, window: { from: '2014-06-01', to: '2014-06-30' } };
    expect(nodePasses(nodes.find((n) => n.id === 'event:caliphate') as NodeData, y2014)).toBe(true);
    expect(nodePasses(nodes.find((n) => n.id === 'event:capture') as NodeData, y2014)).toBe(false);
    expect(nodePasses(nodes.find((n) => n.id === 'agreement:deal') as NodeData, y2014)).toBe(true);
    const hidden = hiddenIds(nodes, edges, y2014);
    expect(hidden.has('event:capture')).toBe(true);
    expect(hidden.has('e1')).toBe(true);
    expect(hidden.has('actor:isis')).toBe(false);
  });

  it('minCertainty and voices keep only what is certain enough, or asserted by the chosen voices', () => {
    const e = (id: string) => edges.find((x) => x.id === id) as EdgeData;
    expect(edgePasses(e('e1'), { ...NO_FILTER, minCertainty: 'REPORTED' })).toBe(false);
    expect(edgePasses(e('e2'), { ...NO_FILTER, minCertainty: 'REPORTED' })).toBe(true);
    expect(edgePasses(e('e3'), { ...NO_FILTER, minCertainty: 'CLAIMED' })).toBe(false);
    expect(edgePasses(e('e1'), { ...NO_FILTER, attributedTo: ['actor:sdf'] })).toBe(true);
    expect(edgePasses(e('e2'), { ...NO_FILTER, attributedTo: ['actor:sdf'] })).toBe(false);
    const hidden = hiddenIds(nodes, edges, { ...NO_FILTER, attributedTo: ['actor:sdf'] });
    expect([...hidden].sort()).toEqual(['actor:isis', 'agreement:deal', 'e2', 'e3', 'event:caliphate']);
  });

  it('as of a day (the time bar), keeps what had begun by then, by the rule of time-respecting paths', () => {
    const asOf = (day: string) => [...hiddenIds(nodes, edges, { ...NO_FILTER, asOf: day })].sort();
    // Mid-2014: the year-only caliphate event has entered (it may have begun by then), with ISIS through it; the
    // capture (23 March 2019) and the deal (known only to have been made by the end of March 2019) have not.
    expect(asOf('2014-06-15')).toEqual(['actor:sdf', 'agreement:deal', 'e1', 'e3', 'event:capture']);
    // 10 March 2019: the deal has no known start, so it enters only once its last possible day has passed.
    expect(asOf('2019-03-10')).toEqual(['actor:sdf', 'agreement:deal', 'e1', 'e3', 'event:capture']);
    expect(asOf('2019-03-23')).toEqual(['agreement:deal', 'e3']);
    expect(asOf('2019-03-31')).toEqual([]);
    // The caliphate event is drawn as possibly later than the cursor until its year is over.
    expect(mayBeLater('2014-01-01', '2014-12-31', '2014-06-15')).toBe(true);
    expect(mayBeLater('2014-01-01', '2014-12-31', '2015-01-01')).toBe(false);
    expect(mayBeLater('2019-03-23', '2019-03-23', '2019-03-23')).toBe(false);
  });

  it('computes from the API data exactly what the drawn elements hide, never counting edges to nodes not loaded', () => {
    const cy = cytoscape({ headless: true, elements: toElements(subgraph, 'en') });
    const drawn = (filter: typeof NO_FILTER) =>
      hiddenIds(
        cy.nodes().map((n) => n.data() as NodeData),
        cy.edges().map((e) => e.data() as EdgeData),
        filter,
      );
    const march2019 = { ...NO_FILTER, window: { from: '2019-03-01', to: '2019-03-31' } };
    const filters = [
      NO_FILTER,
      march2019,
      { ...NO_FILTER, attributedTo: ['actor:sdf'] },
      { ...NO_FILTER, minCertainty: 'REPORTED' as const },
      { ...NO_FILTER, window: { from: '2014-06-01', to: '2014-06-30' }, minCertainty: 'ALLEGED' as const },
    ];
    for (const filter of filters)
      expect([...hiddenInSubgraph(subgraph, filter)].sort()).toEqual([...drawn(filter)].sort());
    // e4 (undated, so inside any window) leads from ISIS to a node that is not loaded: it keeps nobody visible.
    expect(hiddenInSubgraph(subgraph, march2019).has('actor:isis')).toBe(true);
    expect(hiddenInSubgraph(subgraph, march2019).has('actor:sdf')).toBe(false);
  });

  it('lists the actors statements are attributed to and merges subgraphs by id', () => {
    expect(attributedToIn(subgraph)).toEqual(['actor:local-sources', 'actor:outlet', 'actor:sdf']);
    const merged = mergeSubgraphs(subgraph, { nodes: [actor('actor:sdf', { name: 'SDF' })], edges: [] });
    expect(merged.nodes).toHaveLength(5);
    expect(merged.nodes.find((n) => n.id === 'actor:sdf')?.name).toBe('SDF');
  });
});
