/**
 * The time-ordered layout, pure: x is time. A dated event or agreement covers the days its date can mean (a month-only
 * date the whole month, a year-only date the whole year), so it is drawn as that span, not a point; actors and places
 * stand under the events they take part in; what has no date, and no dated neighbour, waits in a marked lane below.
 * In Arabic time runs right to left, as on the explorer's timeline (timeline/model.ts mirrors its scale the same way).
 */

import type { Direction } from '../../ui-types.ts';
import { neighboursOf } from './adjacency.ts';

export interface TimedNode {
  id: string;
  kind: string;
  /** First and last day the date can mean (ISO days); null ends: no bound known. */
  earliest: string | null;
  latest: string | null;
}

export interface TimeAxis {
  /** The first and last day drawn, as days since 1970-01-01, and where they fall on x (model px). */
  fromDay: number;
  toDay: number;
  fromX: number;
  toX: number;
  /** y of the event band's top (ticks go just above it) and of the undated lane. */
  bandTop: number;
  undatedY: number;
}

export interface TimeArrangement {
  positions: Map<string, { x: number; y: number }>;
  /** Width of each dated node's span, model px (at least a node's width). */
  spans: Map<string, number>;
  /** Nodes in the undated lane. */
  undated: Set<string>;
  /** Dated nodes whose start is unknown (only "by" a day): drawn as a short span ending there, marked open. */
  openStart: Set<string>;
  axis: TimeAxis | null;
}

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

const LANE = 56;
const MIN_SPAN = 24;
/** Drawn width of a span with an unknown start, ending at its last day. */
const OPEN_SPAN = 60;
/** Room a label needs beside its node, so packed lanes do not overprint names. */
const LABEL_ROOM = 130;
const UNDATED_STEP = 110;

/** Greedy interval packing: each [start, end] takes the first lane free at its start; deterministic for sorted input. */
function packLanes(intervals: ReadonlyArray<{ id: string; start: number; end: number }>): Map<string, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const { id, start, end } of intervals) {
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    lanes.set(id, lane);
  }
  return lanes;
}

const byStartThenId = (a: { id: string; start: number }, b: { id: string; start: number }) =>
  a.start - b.start || (a.id < b.id ? -1 : 1);

/**
 * Positions for the time-ordered layout. `width` is the model width the whole period takes; `dir` 'rtl' mirrors x.
 * An open start (only a latest day known, "by 2019-03") is a short span ending at that day, listed in `openStart`.
 */
export function timeOrderedPositions(
  nodes: readonly TimedNode[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  dir: Direction = 'ltr',
  width = Math.min(8000, Math.max(1200, nodes.length * 60)),
): TimeArrangement {
  const dated = nodes.filter((n) => n.latest !== null || n.earliest !== null);
  const positions = new Map<string, { x: number; y: number }>();
  const spans = new Map<string, number>();
  const undated = new Set<string>();
  const openStart = new Set<string>();
  const sign = dir === 'rtl' ? -1 : 1;
  let axis: TimeAxis | null = null;
  let bandBottom = 0;
  if (dated.length > 0) {
    const days = dated.map((n) => ({
      id: n.id,
      first: n.earliest === null ? null : dayNumber(n.earliest),
      last: dayNumber((n.latest ?? n.earliest) as string),
    }));
    const fromDay = Math.min(...days.map((d) => d.first ?? d.last));
    // The last day a date can mean is inclusive: a span reaches the end of its last day.
    const toDay = Math.max(...days.map((d) => d.last)) + 1;
    const perDay = width / Math.max(1, toDay - fromDay);
    const xOf = (day: number) => (day - fromDay) * perDay;
    const intervals = days.map((d) => {
      if (d.first === null) openStart.add(d.id);
      const start = d.first === null ? Math.max(0, xOf(d.last + 1) - OPEN_SPAN) : xOf(d.first);
      const end = Math.max(xOf(d.last + 1), start + MIN_SPAN);
      return { id: d.id, start, end, labelEnd: Math.max(end, start + LABEL_ROOM) };
    });
    intervals.sort(byStartThenId);
    const lanes = packLanes(intervals.map((i) => ({ id: i.id, start: i.start, end: i.labelEnd })));
    for (const i of intervals) {
      const lane = lanes.get(i.id) ?? 0;
      positions.set(i.id, { x: (sign * (i.start + i.end)) / 2, y: lane * LANE });
      spans.set(i.id, i.end - i.start);
      bandBottom = Math.max(bandBottom, lane * LANE);
    }
    axis = { fromDay, toDay, fromX: 0, toX: sign * width, bandTop: -LANE, undatedY: 0 };
  }
  // Actors and places (and anything undated) under the mean x of their dated neighbours.
  const neighbours = neighboursOf(edges);
  const rest = nodes.filter((n) => !positions.has(n.id));
  const anchored: Array<{ id: string; start: number; end: number; x: number }> = [];
  for (const n of rest) {
    const xs = (neighbours.get(n.id) ?? []).flatMap((m) => {
      const p = spans.has(m) ? positions.get(m) : undefined;
      return p ? [p.x] : [];
    });
    if (xs.length === 0) {
      undated.add(n.id);
      continue;
    }
    const x = xs.reduce((a, b) => a + b, 0) / xs.length;
    anchored.push({ id: n.id, x, start: sign * x - LABEL_ROOM / 2, end: sign * x + LABEL_ROOM / 2 });
  }
  anchored.sort(byStartThenId);
  const restLanes = packLanes(anchored);
  const restTop = bandBottom + 2 * LANE;
  let restBottom = restTop - LANE;
  for (const a of anchored) {
    const y = restTop + (restLanes.get(a.id) ?? 0) * LANE;
    positions.set(a.id, { x: a.x, y });
    restBottom = Math.max(restBottom, y);
  }
  // The undated lane: rows (wrapping at the period's width) below everything dated and what stands under it, by id.
  const undatedIds = [...undated].sort();
  const perRow = Math.max(1, Math.floor(width / UNDATED_STEP));
  const undatedY = dated.length > 0 ? restBottom + 3 * LANE : 0;
  if (axis) axis.undatedY = undatedY;
  undatedIds.forEach((id, i) => {
    const row = Math.floor(i / perRow);
    positions.set(id, { x: sign * (i % perRow) * UNDATED_STEP, y: undatedY + row * LANE });
  });
  return { positions, spans, undated, openStart, axis };
}

/** Tick days for an axis: year starts, or month starts when the period is under two years (at most `max`). */
export function axisTicks(axis: TimeAxis, max = 8): Array<{ day: number; label: string; x: number }> {
  const from = new Date(axis.fromDay * DAY_MS);
  const to = new Date(axis.toDay * DAY_MS);
  const monthly = axis.toDay - axis.fromDay < 730;
  const ticks: Array<{ day: number; label: string }> = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), monthly ? from.getUTCMonth() : 0, 1));
  while (cursor <= to) {
    const day = Math.floor(cursor.getTime() / DAY_MS);
    if (day >= axis.fromDay) {
      const iso = cursor.toISOString();
      ticks.push({ day, label: monthly ? iso.slice(0, 7) : iso.slice(0, 4) });
    }
    if (monthly) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    else cursor.setUTCFullYear(cursor.getUTCFullYear() + 1);
  }
  const step = Math.max(1, Math.ceil(ticks.length / max));
  const perDay = (axis.toX - axis.fromX) / Math.max(1, axis.toDay - axis.fromDay);
  return ticks.filter((_, i) => i % step === 0).map((t) => ({ ...t, x: axis.fromX + (t.day - axis.fromDay) * perDay }));
}
