import { describe, expect, it } from 'vitest';
import type { Overview, Path, Subgraph } from './api.ts';
import { activePlaces, DataStore, mapPlaces, timelineItems } from './data.ts';
import type { DateFieldsFragment, EdgeFieldsFragment, NodeFieldsFragment, TimelineQuery } from './generated/graphql.ts';
import { NO_FILTER } from './graph/elements.ts';
import { EXPANSION_STEP } from './graph/tuning.ts';

type Event = TimelineQuery['events'][number];

const day = (iso: string): DateFieldsFragment => ({
  start: iso,
  end: null,
  precision: 'DAY',
  approximate: false,
  expression: null,
  inferred: null,
  earliest: iso,
  latest: iso,
});
const actor = (id: string, nameAr: string | null = null): NodeFieldsFragment => ({
  id,
  kind: 'ACTOR',
  name: id.slice(6),
  nameAr,
  aliases: [],
  actorKind: 'armed_group',
  certainty: 'REPORTED',
  attributedTo: [],
});
const place = (id: string, coordinates: { lat: number; lon: number } | null): NodeFieldsFragment => ({
  id,
  kind: 'PLACE',
  name: id.slice(6),
  nameAr: null,
  aliases: [],
  placeKind: 'town',
  certainty: 'REPORTED',
  attributedTo: [],
  coordinates: coordinates && { ...coordinates, origin: 'gazetteer', gazetteer: 'GeoNames', approximate: true },
});
const event = (id: string, date: DateFieldsFragment | null): Event => ({
  id,
  kind: 'EVENT',
  name: id.slice(6),
  nameAr: null,
  aliases: [],
  eventType: 'battle',
  certainty: 'CLAIMED',
  attributedTo: [],
  date,
});
const edge = (
  id: string,
  source: string,
  target: string,
  extra: Partial<EdgeFieldsFragment> = {},
): EdgeFieldsFragment => ({
  id,
  type: 'FOUGHT',
  source,
  target,
  label: null,
  certainty: 'REPORTED',
  attributedTo: ['actor:outlet'],
  earliest: null,
  latest: null,
  citations: [],
  ...extra,
});

const overview: Overview = {
  totalNodes: 3,
  totalEdges: 2,
  truncated: false,
  scope: 'WHOLE_GRAPH',
  events: null,
  from: null,
  to: null,
  positions: [],
  nodes: [actor('actor:sdf', 'قسد'), actor('actor:isis'), place('place:baghouz', { lat: 34.5, lon: 40.9 })],
  edges: [
    edge('rel:fought', 'actor:sdf', 'actor:isis', { attributedTo: ['actor:sdf'] }),
    edge('rel:in', 'actor:isis', 'place:baghouz'),
    edge('rel:dangling', 'actor:isis', 'actor:not-loaded', { attributedTo: ['actor:sdf'] }),
  ],
};
const timeline: TimelineQuery = {
  events: [event('event:capture', day('2019-03-23')), event('event:undated', null)],
  agreements: [],
};

function loaded(): DataStore {
  const data = new DataStore();
  data.replace(overview, timeline);
  return data;
}

describe('the data store', () => {
  it('takes an undone expansion out again, keeping the opening view and the other expansions', () => {
    const data = loaded();
    data.addNeighborhood(
      'actor:isis',
      { nodes: [actor('actor:aq')], edges: [edge('rel:aq', 'actor:aq', 'actor:isis')] },
      false,
    );
    data.addNeighborhood(
      'actor:sdf',
      { nodes: [actor('actor:us')], edges: [edge('rel:us', 'actor:us', 'actor:sdf')] },
      false,
    );
    expect(data.keepExpansions(['actor:isis', 'actor:sdf'])).toBe(false);
    expect(data.keepExpansions(['actor:sdf'])).toBe(true);
    expect(data.graph.nodes.map((n) => n.id).sort()).toEqual(['actor:isis', 'actor:sdf', 'actor:us', 'place:baghouz']);
    expect(data.graph.edges.map((e) => e.id)).not.toContain('rel:aq');
    expect(data.isExpanded('actor:isis')).toBe(false);
    expect(data.isExpanded('actor:sdf')).toBe(true);
    expect(data.keepExpansions([])).toBe(true);
    expect(data.graph.nodes).toHaveLength(overview.nodes.length);
  });

  it('finds nodes in the graph or the timeline, and edges in the graph or the paths found', () => {
    const data = loaded();
    expect(data.nodeById('actor:sdf')?.nameAr).toBe('قسد');
    expect(data.nodeById('event:capture')?.kind).toBe('EVENT');
    expect(data.hasNode('event:capture')).toBe(false);
    expect(data.nodeById('actor:nobody')).toBeUndefined();
    const path: Path = {
      length: 1,
      nodes: [actor('actor:sdf'), actor('actor:us')],
      edges: [edge('rel:path', 'actor:sdf', 'actor:us')],
    };
    expect(data.edgeById('rel:path')).toBeUndefined();
    data.setPaths([path]);
    expect(data.edgeById('rel:path')?.target).toBe('actor:us');
  });

  it('loads expansions page by page and remembers which nodes have more neighbours', () => {
    const data = loaded();
    expect(data.isExpanded('actor:isis')).toBe(false);
    expect(data.neighborsToShow('actor:isis')).toBe(EXPANSION_STEP);
    data.addNeighborhood(
      'actor:isis',
      { nodes: [actor('actor:isis'), actor('actor:aq')], edges: [edge('rel:aq', 'actor:isis', 'actor:aq')] },
      true,
    );
    expect(data.isExpanded('actor:isis')).toBe(true);
    expect(data.graph.nodes.map((n) => n.id)).toContain('actor:aq');
    expect(data.withMoreNeighbors(['actor:sdf', 'actor:isis'])).toBe('actor:isis');

    data.nextPage('actor:isis');
    expect(data.isExpanded('actor:isis')).toBe(false);
    expect(data.neighborsToShow('actor:isis')).toBe(2 * EXPANSION_STEP);
    data.previousPage('actor:isis');
    expect(data.neighborsToShow('actor:isis')).toBe(EXPANSION_STEP);
    data.nextPage('actor:isis');
    data.addNeighborhood('actor:isis', { nodes: [], edges: [] }, false);
    expect(data.withMoreNeighbors(['actor:isis'])).toBeUndefined();

    // A reload keeps how many pages each node showed but loads them again.
    data.replace(overview, timeline);
    expect(data.isExpanded('actor:isis')).toBe(false);
    expect(data.neighborsToShow('actor:isis')).toBe(2 * EXPANSION_STEP);
    expect(data.graph.nodes.map((n) => n.id)).not.toContain('actor:aq');
  });

  it("keeps the opening view's totals and the neighbourhoods the server capped, for the scope note", () => {
    const data = loaded();
    expect(data.overviewFollowsWindow).toBe(false);
    expect(data.coverage()).toMatchObject({
      overview: { scope: 'WHOLE_GRAPH', totalNodes: 3, shownNodes: 3, shownEdges: 3, truncated: false, window: null },
      cappedNeighborhoods: [],
    });
    const window = { from: '2019-03-01', to: '2019-03-31' };
    const latest: Overview = {
      ...overview,
      totalNodes: 40_000,
      truncated: true,
      scope: 'LATEST_EVENTS',
      events: 1,
      from: '2019-03-23',
      to: '2019-03-23',
    };
    data.replaceOverview(latest, window);
    expect(data.overviewFollowsWindow).toBe(true);
    expect(data.coverage().overview).toMatchObject({ totalNodes: 40_000, shownNodes: 3, events: 1, window });
    expect(data.timeline.events).toHaveLength(2);
    data.addNeighborhood('actor:isis', { nodes: [], edges: [] }, false, { shown: 1000, total: 2345 });
    data.addNeighborhood('actor:sdf', { nodes: [], edges: [] }, false);
    expect(data.coverage().cappedNeighborhoods).toEqual([{ id: 'actor:isis', shown: 1000, total: 2345 }]);
    // A new opening view drops the neighbourhoods until they are loaded again.
    data.replaceOverview(latest, null);
    expect(data.coverage().cappedNeighborhoods).toEqual([]);
  });

  it('computes what a filter hides from the data: edges to nodes not loaded keep no one visible', () => {
    const data = loaded();
    expect(data.hidden(NO_FILTER).size).toBe(0);
    const bySdf = data.hidden({ ...NO_FILTER, attributedTo: ['actor:sdf'] });
    expect([...bySdf].sort()).toEqual(['place:baghouz', 'rel:in']);
    const confirmedOnly = data.hidden({ ...NO_FILTER, minCertainty: 'CONFIRMED' });
    expect(confirmedOnly).toEqual(new Set(['actor:sdf', 'actor:isis', 'place:baghouz', 'rel:fought', 'rel:in']));
  });

  it('counts the elements of a drawn path until the graph is replaced or grows', () => {
    const data = loaded();
    const path: Path = {
      length: 1,
      nodes: [actor('actor:isis'), actor('actor:us')],
      edges: [edge('rel:struck', 'actor:us', 'actor:isis', { attributedTo: ['actor:sdf'] })],
    };
    data.drawPath(path);
    expect(data.displayed().nodes.map((n) => n.id)).toContain('actor:us');
    const bySdf = data.hidden({ ...NO_FILTER, attributedTo: ['actor:sdf'] });
    expect(bySdf.has('actor:us')).toBe(false);
    expect(bySdf.has('rel:struck')).toBe(false);
    data.addNeighborhood('actor:sdf', { nodes: [], edges: [] }, false);
    expect(data.displayed().nodes.map((n) => n.id)).not.toContain('actor:us');
  });
});

describe('what the timeline and the map draw', () => {
  it('the timeline gets the dated events and agreements, labelled in the interface language', () => {
    expect(timelineItems(timeline, 'en')).toEqual([
      {
        id: 'event:capture',
        kind: 'EVENT',
        label: 'capture',
        start: '2019-03-23',
        end: null,
        precision: 'DAY',
        approximate: false,
        earliest: '2019-03-23',
        latest: '2019-03-23',
        certainty: 'CLAIMED',
      },
    ]);
  });

  it('the map gets the places with coordinates; under a filter only those the graph shows are active', () => {
    const places = mapPlaces({ ...overview, nodes: [...overview.nodes, place('place:nowhere', null)] }, 'ar');
    expect(places).toEqual([
      {
        id: 'place:baghouz',
        label: 'baghouz',
        kind: 'town',
        lat: 34.5,
        lon: 40.9,
        origin: 'gazetteer',
        gazetteer: 'GeoNames',
        approximate: true,
        positionOf: null,
      },
    ]);
    expect(activePlaces(overview, new Set(), NO_FILTER)).toBeNull();
    const filter = { ...NO_FILTER, attributedTo: ['actor:sdf'] };
    expect(activePlaces(overview, loaded().hidden(filter), filter)).toEqual(new Set());
    expect(activePlaces(overview, new Set(), filter)).toEqual(new Set(['place:baghouz']));
  });

  it("draws a place without coordinates at the nearest containing place's point, approximate and labelled so", () => {
    const graph: Subgraph = {
      nodes: [
        place('place:abu-kamal', { lat: 34.45, lon: 40.92 }),
        place('place:baghouz', null),
        place('place:baghouz-camp', null),
        place('place:desert', null),
      ],
      edges: [
        edge('partof-1', 'place:baghouz', 'place:abu-kamal', { type: 'PART_OF' }),
        edge('partof-2', 'place:baghouz-camp', 'place:baghouz', { type: 'PART_OF' }),
      ],
    };
    const places = mapPlaces(graph, 'en', (p) => `position of ${p}`);
    expect(places.map((p) => [p.id, p.label, p.lat, p.lon, p.approximate, p.positionOf])).toEqual([
      ['place:abu-kamal', 'abu-kamal', 34.45, 40.92, true, null],
      ['place:baghouz', 'baghouz (position of abu-kamal)', 34.45, 40.92, true, 'place:abu-kamal'],
      ['place:baghouz-camp', 'baghouz-camp (position of abu-kamal)', 34.45, 40.92, true, 'place:abu-kamal'],
    ]);
    // A cycle of PART_OF edges among places without coordinates (never valid data) ends the walk.
    const looped: Subgraph = {
      nodes: [place('place:a', null), place('place:b', null)],
      edges: [
        edge('ab', 'place:a', 'place:b', { type: 'PART_OF' }),
        edge('ba', 'place:b', 'place:a', { type: 'PART_OF' }),
      ],
    };
    expect(mapPlaces(looped, 'en')).toEqual([]);
  });
});
