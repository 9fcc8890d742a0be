/**
 * The timeline's rows and lanes: the dated items in time order, where each item's bar and marker fall at a scale, where its label goes (inside, after or
 * before the bar, truncated if need be), and how items are packed into lanes so neither bars nor labels collide.
 */
import type { ScaleTime } from 'd3-scale';
import type { TimelineItem } from '../ui-types.ts';
import {
  BOTTOM_PAD,
  flip,
  GLYPH,
  LABEL_GAP,
  LABEL_PAD,
  LANE,
  LANE_GAP,
  MARKER,
  MIN_LEAD,
  type Placement,
  type Row,
  type Shape,
  type TimelineLabels,
  type TimelineModel,
  TOP_PAD,
} from './model.ts';
import { assignLanes, compareSpans, describeDate, isPrecise, itemSpan } from './spans.ts';

/** The rows for `items` that have a date, in time order, with their labels and dates described in `locale`. */
export function prepareRows(items: readonly TimelineItem[], labels: TimelineLabels, locale: string): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const span = itemSpan(item);
    if (!span) continue;
    const text = `${item.approximate ? '~ ' : ''}${item.label}`;
    rows.push({ item, span, order: 0, lane: 0, text, width: 0, dateText: '' });
  }
  rows.sort((a, b) => compareSpans(a.span, b.span));
  rows.forEach((row, i) => {
    row.order = i;
    row.dateText = describeDate(row.item, labels, locale);
  });
  return rows;
}

let canvas: CanvasRenderingContext2D | null | undefined;
let labelFont = '';

/**
 * A canvas in the labels' font, read from the measuring element when a pass of measuring starts (widths empty).
 * Measuring text on a canvas lays nothing out; asking an SVG text its length lays out the page each time, which
 * took most of a second for a thousand labels.
 */
function labelCanvas(m: TimelineModel): CanvasRenderingContext2D | null {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return null;
  if (m.widths.size === 0) {
    labelFont = getComputedStyle(m.parts.measure).font;
    if (labelFont) canvas.font = labelFont;
  }
  return labelFont ? canvas : null;
}

/** A label's width, measured once per text. */
export function textWidth(m: TimelineModel, text: string): number {
  let w = m.widths.get(text);
  if (w === undefined) {
    const context = labelCanvas(m);
    if (context) w = context.measureText(text).width;
    else {
      m.parts.measure.textContent = text;
      w = m.parts.measure.getComputedTextLength();
    }
    w ||= text.length * 6.2;
    m.widths.set(text, w);
  }
  return w;
}

/** Where a row's bar and marker fall at a scale, in reading-order coordinates. */
export function shape(m: TimelineModel, row: Row, scale: ScaleTime<number, number>): Shape {
  let a = Number.POSITIVE_INFINITY;
  let b = Number.NEGATIVE_INFINITY;
  let marker: number | null = null;
  const segments = row.span.segments.map((segment) => {
    let sa = flip(m, scale(segment.from));
    let sb = flip(m, scale(segment.to));
    if (sa > sb) [sa, sb] = [sb, sa];
    if (segment.kind === 'point') {
      marker = (sa + sb) / 2;
      a = Math.min(a, marker - MARKER);
      b = Math.max(b, marker + MARKER);
    } else {
      if (segment.kind === 'lead' && sb - sa < MIN_LEAD) sa = sb - MIN_LEAD;
      if (sb - sa < 2) {
        const middle = (sa + sb) / 2;
        sa = middle - 1;
        sb = middle + 1;
      }
      a = Math.min(a, sa);
      b = Math.max(b, sb);
    }
    return { segment, a: sa, b: sb };
  });
  return { segments, a, b, marker };
}

export function isPointOnly(shaped: Shape): boolean {
  return shaped.marker !== null && shaped.segments.length === 1;
}

/** Label block width: the text, and the kind's glyph before it on bars. */
export function blockWidth(m: TimelineModel, row: Row, shaped: Shape, text: string = row.text): number {
  return (text === row.text ? row.width : textWidth(m, text)) + (isPointOnly(shaped) ? 0 : GLYPH);
}

function truncate(m: TimelineModel, text: string, full: number, room: number): string {
  let count = Math.floor((text.length * room) / full);
  let candidate = `${text.slice(0, Math.max(1, count)).trimEnd()}…`;
  while (count > 1 && textWidth(m, candidate) > room) {
    count -= 1;
    candidate = `${text.slice(0, count).trimEnd()}…`;
  }
  return candidate;
}

/**
 * Where a label goes: inside its bar when the bar is tinted (a certain core or fading edges) and the
 * label fits; else after the bar (later in time), else before it; else inside a hatched band or a
 * lead-in (with a halo), truncated if need be. `free` says whether a stretch of the lane is clear.
 */
export function place(m: TimelineModel, row: Row, shaped: Shape, free: (s: number, e: number) => boolean): Placement {
  const width = m.width;
  const w = blockWidth(m, row, shaped);
  const bars = shaped.segments.filter((p) => p.segment.kind !== 'point');
  const tinted = bars.some((p) => p.segment.kind !== 'band' && p.segment.kind !== 'lead');
  const v0 = Math.max(Math.min(...bars.map((p) => p.a)), 0);
  const v1 = Math.min(Math.max(...bars.map((p) => p.b)) - (shaped.marker === null ? 0 : MARKER), width);
  const inner = bars.length > 0 ? v1 - v0 : 0;
  const inside = (text: string, halo: boolean): Placement => ({
    where: 'in',
    s: v0 + LABEL_PAD,
    w: text === row.text ? w : blockWidth(m, row, shaped, text),
    text,
    halo,
  });
  if (tinted && inner >= w + 2 * LABEL_PAD) return inside(row.text, false);
  const after = shaped.b + LABEL_GAP;
  if (after + w <= width - 2 && after >= 0 && free(after, after + w))
    return { where: 'after', s: after, w, text: row.text, halo: true };
  const before = shaped.a - LABEL_GAP - w;
  if (before >= 2 && before + w <= width && free(before, before + w))
    return { where: 'before', s: before, w, text: row.text, halo: true };
  if (inner >= w + 2 * LABEL_PAD) return inside(row.text, true);
  // Nowhere for all of it: the roomiest of inside, after and before, truncated.
  const glyph = w - row.width;
  const roomAfter = Math.min(width - 2 - after, 280);
  const roomBefore = Math.min(shaped.a - LABEL_GAP - 2, 280);
  const roomInside = inner - 2 * LABEL_PAD;
  const best = Math.max(roomAfter, roomBefore, roomInside);
  if (best < 60) return null;
  const text = truncate(m, row.text, row.width, best - glyph);
  const tw = blockWidth(m, row, shaped, text);
  if (best === roomInside) return inside(text, !tinted);
  if (best === roomAfter && free(after, after + tw)) return { where: 'after', s: after, w: tw, text, halo: true };
  const start = shaped.a - LABEL_GAP - tw;
  if (best === roomBefore && free(start, start + tw)) return { where: 'before', s: start, w: tw, text, halo: true };
  return roomInside >= 48 ? inside(truncate(m, row.text, row.width, roomInside - glyph), !tinted) : null;
}

/**
 * Measures the labels and, once the timeline has a width, packs the rows into lanes at the fitted zoom, each
 * taking its bar and its label's room; sets the content height.
 */
export function packLanes(m: TimelineModel): void {
  for (const row of m.rows) row.width = textWidth(m, row.text);
  if (m.width <= 0) return;
  const extents = m.rows.map((row) => {
    const shaped = shape(m, row, m.base);
    const label = place(m, row, shaped, () => true);
    const start = Math.min(shaped.a, label?.s ?? shaped.a);
    const end = Math.max(shaped.b, label ? label.s + label.w : shaped.b);
    return [start, end] as const;
  });
  // Precisely dated items take the first lanes, so the story is on top and multi-year spans run below it.
  const precise = m.rows.map((row) => isPrecise(row.span));
  const first = assignLanes(
    extents.filter((_, i) => precise[i]),
    LANE_GAP,
  );
  const rest = assignLanes(
    extents.filter((_, i) => !precise[i]),
    LANE_GAP,
  );
  let p = 0;
  let r = 0;
  m.rows.forEach((row, i) => {
    row.lane = precise[i] ? (first.lanes[p++] ?? 0) : first.count + (rest.lanes[r++] ?? 0);
  });
  m.contentHeight = TOP_PAD + (first.count + rest.count) * LANE + BOTTOM_PAD;
}

/** Every row's shape at `scale`, and where its label goes given what already takes room in its lane. */
export function placeLabels(
  m: TimelineModel,
  scale: ScaleTime<number, number>,
): { shapes: Map<Row, Shape>; placements: Map<Row, Placement> } {
  const shapes = new Map<Row, Shape>();
  const occupied = new Map<number, Array<{ row: Row; s: number; e: number }>>();
  for (const row of m.rows) {
    const shaped = shape(m, row, scale);
    shapes.set(row, shaped);
    const lane = occupied.get(row.lane) ?? [];
    lane.push({ row, s: shaped.a, e: shaped.b });
    occupied.set(row.lane, lane);
  }
  const placements = new Map<Row, Placement>();
  const byLane = [...m.rows].sort((p, q) => p.lane - q.lane || (shapes.get(p)?.a ?? 0) - (shapes.get(q)?.a ?? 0));
  for (const row of byLane) {
    const shaped = shapes.get(row) as Shape;
    const lane = occupied.get(row.lane) ?? [];
    const free = (s: number, e: number) => lane.every((o) => o.row === row || e + 3 <= o.s || s >= o.e + 3);
    const placement = place(m, row, shaped, free);
    if (placement && placement.where !== 'in') lane.push({ row, s: placement.s, e: placement.s + placement.w });
    placements.set(row, placement);
  }
  return { shapes, placements };
}
