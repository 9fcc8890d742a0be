/**
 * The stored graph as rows: what the planner (seed/) produces from datasets and the writer (db/) stores, one row per
 * node or relationship, grouped by label and type (schema/model.md describes every property). Pure types and helpers.
 */
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from './vocabulary.ts';

export type PropertyValue = string | number | boolean | string[] | null;
export type Properties = Record<string, PropertyValue>;

export interface NodeRow {
  id: string;
  props: Properties;
}

export interface RelRow {
  id: string;
  from: string;
  to: string;
  props: Properties;
}

export type MergeKey = 'id' | 'sameAs' | 'alias';

/** One decision of the merge across datasets (seed/merge.ts): two entities became one node, or stayed apart. */
export interface MergeDecision {
  decision: 'merged' | 'kept-apart';
  /** The surviving id (for kept-apart: the entity already in the group). */
  into: string;
  /** The id merged into `into` (for kept-apart: the entity that stayed separate). */
  id: string;
  key: MergeKey;
  /** The normalised alias that matched, for alias decisions. */
  alias?: string;
  /** "outside" when the alias is outside knowledge for one of the two (its dataset opts in, or it kept them apart). */
  aliasOrigin?: 'article' | 'outside';
  datasets: [string, string];
  reason?: string;
}

export interface GraphPlan {
  datasetIds: string[];
  nodes: Record<NodeLabel, NodeRow[]>;
  rels: Record<RelType, RelRow[]>;
  /** What the planner merged across datasets, and what it kept apart. */
  merges?: MergeDecision[];
}

/** A plan with no rows, one empty list per label and type. */
/** The stored properties of a place's coordinates (one group: a merge, a claim and an export move them together). */
export const COORDINATE_PROPERTIES = [
  'lat',
  'lon',
  'coordinatesOrigin',
  'coordinatesGazetteer',
  'coordinatesEntryId',
  'coordinatesEntryName',
  'coordinatesApproximate',
  'coordinatesNote',
] as const;

/** The stored properties of a dataset's partial date. */
export const DATE_PROPERTIES = [
  'dateStart',
  'dateEnd',
  'datePrecision',
  'dateApproximate',
  'dateExpression',
  'dateInferred',
] as const;

/** The first and last day a partial date can mean, derived by the loader from {@link DATE_PROPERTIES}. */
export const DATE_WINDOW_PROPERTIES = ['earliest', 'latest'] as const;

export function emptyRows(): Pick<GraphPlan, 'nodes' | 'rels'> {
  return {
    nodes: Object.fromEntries(NODE_LABELS.map((l) => [l, [] as NodeRow[]])) as Record<NodeLabel, NodeRow[]>,
    rels: Object.fromEntries(REL_TYPES.map((t) => [t, [] as RelRow[]])) as Record<RelType, RelRow[]>,
  };
}

export function countRows(plan: Pick<GraphPlan, 'nodes' | 'rels'>): { nodes: number; rels: number } {
  return {
    nodes: NODE_LABELS.reduce((n, l) => n + plan.nodes[l].length, 0),
    rels: REL_TYPES.reduce((n, t) => n + plan.rels[t].length, 0),
  };
}

/**
 * An event's place in timeline order: its `earliest` day, or '' (before every day) when it has no known start. Unlike
 * `earliest`, never null, so one range index serves the timeline's order and its upper bound (`startKey <= $toDay`
 * keeps the events with no known start, which may have begun at any time).
 */
export const timelineStartKey = (props: Properties): string =>
  typeof props.earliest === 'string' ? props.earliest : '';

/**
 * Longest span, in days from the first to the last day an event can mean, of the timeline's lanes 1–3. Lane 4 holds
 * longer events and those with no known end; lane 0 those with no known start.
 */
export const TIMELINE_LANE_DAYS = [31, 366, 3660] as const;

const DAY_MS = 86_400_000;

/**
 * An event's lane and start, `lane:startKey` (`1:2019-03-02`, `0:` with no known start), indexed. An event in lane L
 * that overlaps a window starting on day F started no earlier than F minus the lane's span, so a window's events are a
 * short range of keys in each lane, read in timeline order from the index: however late the window, the timeline
 * reads about as many events as it returns (db/repositories/timeline.ts).
 */
export function timelineLaneKey(props: Properties): string {
  const start = timelineStartKey(props);
  if (start === '') return '0:';
  const latest = typeof props.latest === 'string' ? Date.parse(`${props.latest}T00:00:00Z`) : Number.NaN;
  const span = (latest - Date.parse(`${start}T00:00:00Z`)) / DAY_MS;
  const lane = Number.isNaN(span) ? -1 : TIMELINE_LANE_DAYS.findIndex((days) => span <= days);
  return `${lane === -1 ? TIMELINE_LANE_DAYS.length + 1 : lane + 1}:${start}`;
}
