/**
 * Every layout but force in one place, loaded lazily (the page's first bundle does not carry it): node positions and
 * the marks a layout adds (time spans, gazetteer places, marked rows), from plain node and edge data. Deterministic:
 * elements are taken in id order, so the same graph opens the same way.
 */
import type { Direction } from '../../ui-types.ts';
import { concentricPositions, type GeoInput, geoPositions, type MercatorFrame } from './geo.ts';
import { hierarchyPositions } from './hierarchy.ts';
import type { LayoutName } from './names.ts';
import { axisTicks, type TimeAxis, timeOrderedPositions } from './time-order.ts';

export interface ArrangeNode {
  id: string;
  kind: string;
  degree: number;
  earliest: string | null;
  latest: string | null;
  point: GeoInput['point'];
}

export interface ArrangeInput {
  nodes: readonly ArrangeNode[];
  edges: ReadonlyArray<{ id: string; source: string; target: string }>;
  dir: Direction;
}

/** A caption the view draws beside a marked row: at the row's first node (model x, y), on the side away from the row. */
export interface RowCaption {
  key: 'undated' | 'unlocated' | 'unplaced';
  y: number;
  x: number;
  side: 'left' | 'right';
}

export interface Arrangement {
  positions: Map<string, { x: number; y: number }>;
  /** Classes the layout adds to nodes (`time-span`, `time-open`, `geo-gazetteer`, `layout-lane`). */
  classes: Map<string, string[]>;
  /** Span widths of dated nodes under the time layout (data `span`). */
  spans: Map<string, number>;
  axis: TimeAxis | null;
  /** The time axis's ticks (model x), drawn at `axis.bandTop`. */
  ticks: Array<{ label: string; x: number }>;
  rows: RowCaption[];
  /** The geographic layout's Mercator → model transform (its basemap is drawn with it); null otherwise. */
  geoFrame: MercatorFrame | null;
}

function addClass(classes: Map<string, string[]>, ids: Iterable<string>, name: string): void {
  for (const id of ids) classes.set(id, [...(classes.get(id) ?? []), name]);
}

/** Positions and marks for a layout other than force. */
export function arrange(name: Exclude<LayoutName, 'force'>, input: ArrangeInput): Arrangement {
  const classes = new Map<string, string[]>();
  const empty = { classes, spans: new Map<string, number>(), axis: null, ticks: [], rows: [], geoFrame: null };
  if (name === 'concentric') return { ...empty, positions: concentricPositions(input.nodes) };
  if (name === 'tree') return { ...empty, positions: hierarchyPositions(input.nodes, input.edges) };
  if (name === 'time') {
    const timed = timeOrderedPositions(input.nodes, input.edges, input.dir);
    addClass(classes, timed.spans.keys(), 'time-span');
    addClass(classes, timed.openStart, 'time-open');
    addClass(classes, timed.undated, 'layout-lane');
    const rows: RowCaption[] =
      timed.undated.size > 0 && timed.axis
        ? [{ key: 'undated', y: timed.axis.undatedY, x: 0, side: input.dir === 'rtl' ? 'right' : 'left' }]
        : [];
    const ticks = timed.axis ? axisTicks(timed.axis) : [];
    return { ...empty, positions: timed.positions, spans: timed.spans, axis: timed.axis, ticks, rows };
  }
  const geo = geoPositions(
    input.nodes.map((n) => ({ id: n.id, point: n.point, isPlace: n.kind === 'place' })),
    input.edges,
  );
  addClass(classes, geo.gazetteer, 'geo-gazetteer');
  addClass(classes, geo.unlocated, 'layout-lane');
  addClass(classes, geo.unplaced, 'layout-lane');
  const rows: RowCaption[] = [];
  if (geo.unlocatedY !== null) rows.push({ key: 'unlocated', y: geo.unlocatedY, x: 0, side: 'left' });
  if (geo.unplacedY !== null) rows.push({ key: 'unplaced', y: geo.unplacedY, x: 0, side: 'left' });
  return { ...empty, positions: geo.positions, rows, geoFrame: geo.frame };
}
