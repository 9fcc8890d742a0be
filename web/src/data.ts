/**
 * The loaded data, in one store beside the view state (state.ts): the subgraph the graph shows, the timeline's
 * events and agreements, the paths found, and how far each expanded node's neighbours are loaded. It changes only
 * through the actions below; what the filters hide, what the timeline and the map draw, are computed from it by pure
 * functions (never read back from the graph view).
 */
import type { Overview, Path, Subgraph } from './api.ts';
import type { EdgeFieldsFragment, NodeFieldsFragment, TimelineQuery } from './generated/graphql.ts';
import {
  displayName,
  hiddenInSubgraph,
  isFiltering,
  mergeSubgraphs,
  nodeDate,
  type ViewFilter,
} from './graph/elements.ts';
import { neighborsShown } from './graph/tuning.ts';
import type { Language, MapPlace, TimelineItem, TimeWindow } from './ui-types.ts';

const EMPTY: Subgraph = { nodes: [], edges: [] };

/** How far one node's neighbours are loaded: pages of EXPANSION_STEP, whether the current page is in, and whether the server has more. */
interface Expansion {
  pages: number;
  loaded: boolean;
  more: boolean;
  /** Relationships among the neighbours the server left out: how many it sent of how many, when it left some out. */
  edges: { shown: number; total: number } | null;
}

/** What the opening view holds of the graph (the overview's totals), and the window it was asked for. */
export type OverviewTotals = Omit<Overview, 'nodes' | 'edges' | 'positions'> & {
  shownNodes: number;
  shownEdges: number;
  window: TimeWindow | null;
};

/** What the graph shows of what the server has: the opening view's scope and the neighbourhoods it capped. */
export interface Coverage {
  overview: OverviewTotals | null;
  cappedNeighborhoods: Array<{ id: string; shown: number; total: number }>;
}

export class DataStore {
  private loadedGraph: Subgraph = EMPTY;
  private loadedTimeline: TimelineQuery = { events: [], agreements: [] };
  private timelineArrived = false;
  private foundPaths: Path[] = [];
  private overviewTotals: OverviewTotals | null = null;
  private overviewPositions: ReadonlyMap<string, { x: number; y: number }> = new Map();
  /** Nodes and edges of shown paths that are not in the loaded graph: drawn until the graph is next replaced. */
  private pathExtras: Subgraph = EMPTY;
  private readonly expansions = new Map<string, Expansion>();
  /** The opening view as it came, and what each expansion added: an undone expansion is taken out again. */
  private baseGraph: Subgraph = EMPTY;
  private readonly neighborhoods = new Map<string, Subgraph>();

  /** The subgraph the graph view is given. */
  get graph(): Subgraph {
    return this.loadedGraph;
  }

  get timeline(): TimelineQuery {
    return this.loadedTimeline;
  }

  /** Whether the timeline's events have arrived (the graph can be drawn before). */
  get timelineLoaded(): boolean {
    return this.timelineArrived;
  }

  get paths(): readonly Path[] {
    return this.foundPaths;
  }

  /** What the graph view draws: the loaded graph and the elements of the paths it was asked to show. */
  displayed(): Subgraph {
    return this.pathExtras.nodes.length === 0 ? this.loadedGraph : mergeSubgraphs(this.pathExtras, this.loadedGraph);
  }

  nodeById(id: string): NodeFieldsFragment | undefined {
    return (
      this.loadedGraph.nodes.find((n) => n.id === id) ??
      this.loadedTimeline.events.find((n) => n.id === id) ??
      this.loadedTimeline.agreements.find((n) => n.id === id)
    );
  }

  edgeById(id: string): EdgeFieldsFragment | undefined {
    return (
      this.loadedGraph.edges.find((e) => e.id === id) ??
      this.foundPaths.flatMap((p) => p.edges).find((e) => e.id === id)
    );
  }

  hasNode(id: string): boolean {
    return this.loadedGraph.nodes.some((n) => n.id === id);
  }

  /** Whether the current page of a node's neighbours is in the graph. */
  isExpanded(id: string): boolean {
    return this.expansions.get(id)?.loaded ?? false;
  }

  /** How many of a node's neighbours its current page shows. */
  neighborsToShow(id: string): number {
    return neighborsShown(this.expansions.get(id)?.pages ?? 1);
  }

  /** The latest of the expanded nodes whose neighbours are not all shown yet. */
  withMoreNeighbors(expanded: readonly string[]): string | undefined {
    return [...expanded].reverse().find((id) => this.expansions.get(id)?.more);
  }

  /** Ids the filter hides in what the graph view draws (the same rules the view applies). */
  hidden(filter: ViewFilter): Set<string> {
    return isFiltering(filter) ? hiddenInSubgraph(this.displayed(), filter) : new Set();
  }

  // Actions:

  /** The opening view's scope: whether it is the whole graph or a part, and its totals. */
  get overview(): OverviewTotals | null {
    return this.overviewTotals;
  }

  /** Where the server placed the opening view's nodes (empty when it sent no positions). */
  get positions(): ReadonlyMap<string, { x: number; y: number }> {
    return this.overviewPositions;
  }

  /** Whether the opening view is a part of the graph chosen by time, so that another window would show other nodes. */
  get overviewFollowsWindow(): boolean {
    return this.overviewTotals?.scope === 'LATEST_EVENTS';
  }

  /** What the graph shows of what the server has, for the scope note. */
  coverage(): Coverage {
    const cappedNeighborhoods = [...this.expansions.entries()].flatMap(([id, e]) =>
      e.loaded && e.edges ? [{ id, ...e.edges }] : [],
    );
    return { overview: this.overviewTotals, cappedNeighborhoods };
  }

  /** A fresh start: the overview and the timeline; every expansion is to be loaded again, at the pages it had. */
  replace(graph: Overview, timeline: TimelineQuery, window: TimeWindow | null = null): void {
    this.setTimeline(timeline);
    this.replaceOverview(graph, window);
  }

  setTimeline(timeline: TimelineQuery): void {
    this.loadedTimeline = timeline;
    this.timelineArrived = true;
  }

  /** A new opening view (another time window) under the same timeline; expansions are to be loaded again. */
  replaceOverview(graph: Overview, window: TimeWindow | null): void {
    const { nodes, edges, positions, ...totals } = graph;
    this.loadedGraph = { nodes, edges };
    this.baseGraph = this.loadedGraph;
    this.neighborhoods.clear();
    this.overviewPositions = new Map(positions.map((p) => [p.id, { x: p.x, y: p.y }]));
    this.overviewTotals = { ...totals, shownNodes: nodes.length, shownEdges: edges.length, window };
    this.pathExtras = EMPTY;
    for (const expansion of this.expansions.values()) {
      expansion.loaded = false;
      expansion.more = false;
    }
  }

  /**
   * Adds a page of a node's neighbourhood (already capped to `neighborsToShow`); `more` when the server has further
   * neighbours, `edges` when it left out relationships among them.
   */
  addNeighborhood(id: string, neighborhood: Subgraph, more: boolean, edges: Expansion['edges'] = null): void {
    this.loadedGraph = mergeSubgraphs(this.loadedGraph, neighborhood);
    const earlier = this.neighborhoods.get(id);
    this.neighborhoods.set(id, earlier ? mergeSubgraphs(earlier, neighborhood) : neighborhood);
    this.pathExtras = EMPTY;
    this.expansions.set(id, { pages: this.expansions.get(id)?.pages ?? 1, loaded: true, more, edges });
  }

  /**
   * Keeps only the expansions of `expanded` (an undo took the others back): the graph becomes the opening view with
   * those neighbourhoods, as a reload of the same URL would build it. Returns whether anything was taken out.
   */
  keepExpansions(expanded: readonly string[]): boolean {
    const dropped = [...this.neighborhoods.keys()].filter((id) => !expanded.includes(id));
    if (dropped.length === 0) return false;
    for (const id of dropped) {
      this.neighborhoods.delete(id);
      this.expansions.delete(id);
    }
    this.loadedGraph = expanded.reduce((graph, id) => {
      const neighborhood = this.neighborhoods.get(id);
      return neighborhood ? mergeSubgraphs(graph, neighborhood) : graph;
    }, this.baseGraph);
    this.pathExtras = EMPTY;
    return true;
  }

  /** Asks for one more page of a node's neighbours (loaded by the next `addNeighborhood`). */
  nextPage(id: string): void {
    const expansion = this.expansions.get(id);
    this.expansions.set(id, {
      pages: (expansion?.pages ?? 1) + 1,
      loaded: false,
      more: expansion?.more ?? false,
      edges: expansion?.edges ?? null,
    });
  }

  /** Takes back `nextPage` after the page failed to load. */
  previousPage(id: string): void {
    const expansion = this.expansions.get(id);
    if (expansion) expansion.pages = Math.max(1, expansion.pages - 1);
  }

  setPaths(paths: Path[]): void {
    this.foundPaths = paths;
  }

  /** Records that the graph view draws a path, adding what of it is not loaded. */
  drawPath(path: Path): void {
    const loaded = new Set([...this.loadedGraph.nodes, ...this.loadedGraph.edges].map((x) => x.id));
    this.pathExtras = mergeSubgraphs(this.pathExtras, {
      nodes: path.nodes.filter((n) => !loaded.has(n.id)),
      edges: path.edges.filter((e) => !loaded.has(e.id)),
    });
  }
}

/** The dated events and agreements as the timeline draws them. */
export function timelineItems(timeline: TimelineQuery, language: Language): TimelineItem[] {
  return [...timeline.events, ...timeline.agreements].flatMap((n) => {
    const date = nodeDate(n);
    if (!date) return [];
    return [
      {
        id: n.id,
        kind: n.kind === 'AGREEMENT' ? 'AGREEMENT' : 'EVENT',
        label: displayName(n, language),
        start: date.start,
        end: date.end,
        precision: date.precision,
        approximate: date.approximate,
        earliest: date.earliest,
        latest: date.latest,
        certainty: n.certainty,
      },
    ];
  });
}

type PlaceNode = Extract<NodeFieldsFragment, { __typename?: 'Place' } | { placeKind: string }>;
const isPlace = (n: NodeFieldsFragment): n is PlaceNode => n.kind === 'PLACE' && 'placeKind' in n;

/**
 * The places of a subgraph as the map draws them: those with coordinates at their point; one without (a village the
 * gazetteer lacks) at the point of the nearest place containing it (PART_OF edges of the subgraph), marked
 * approximate, its label saying whose position it is (`positionOf`, e.g. "Baghouz (position of Abu Kamal)").
 */
export function mapPlaces(
  graph: Subgraph,
  language: Language,
  positionOf: (place: string) => string = (place) => place,
): MapPlace[] {
  const places = new Map(graph.nodes.filter(isPlace).map((n) => [n.id, n]));
  const parentOf = new Map<string, string>();
  for (const e of graph.edges)
    if (e.type === 'PART_OF' && places.has(e.source) && places.has(e.target)) parentOf.set(e.source, e.target);
  const located = (id: string): PlaceNode | undefined => {
    const seen = new Set<string>();
    for (let at = parentOf.get(id); at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      const parent = places.get(at);
      if (parent?.coordinates) return parent;
    }
    return undefined;
  };
  return [...places.values()].flatMap((n): MapPlace[] => {
    const label = displayName(n, language);
    if (n.coordinates)
      return [
        {
          id: n.id,
          label,
          kind: n.placeKind,
          lat: n.coordinates.lat,
          lon: n.coordinates.lon,
          origin: n.coordinates.origin,
          gazetteer: n.coordinates.gazetteer,
          approximate: n.coordinates.approximate,
          positionOf: null,
        },
      ];
    const parent = located(n.id);
    if (!parent?.coordinates) return [];
    const parentName = displayName(parent, language);
    return [
      {
        id: n.id,
        label: `${label} (${positionOf(parentName)})`,
        kind: n.placeKind,
        lat: parent.coordinates.lat,
        lon: parent.coordinates.lon,
        origin: parent.coordinates.origin,
        gazetteer: parent.coordinates.gazetteer,
        approximate: true,
        positionOf: parent.id,
      },
    ];
  });
}

/** Places the map shows as active under a filter: those the graph does not hide; null (all active) without a filter. */
export function activePlaces(graph: Subgraph, hidden: ReadonlySet<string>, filter: ViewFilter): Set<string> | null {
  return isFiltering(filter)
    ? new Set(graph.nodes.filter((n) => n.kind === 'PLACE' && !hidden.has(n.id)).map((n) => n.id))
    : null;
}
