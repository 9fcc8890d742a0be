/**
 * What every layer of the timeline shares: its options and state, its elements, the sizes it is drawn at, and
 * the geometry of the time scale. Layout is computed in reading order (`u`: 0 where time starts) and mirrored
 * for right-to-left interfaces, where time runs from right to left.
 */
import type { ScaleTime } from 'd3-scale';
import type { ZoomTransform } from 'd3-zoom';
import type { Direction, TimelineItem, TimeWindow } from '../ui-types.ts';
import type { ItemSpan, Segment } from './spans.ts';

export interface TimelineLabels {
  empty: string;
  clearWindow: string;
  windowLabel(window: TimeWindow): string;
  openStart: string;
  approximate: string;
  /** Optional; English when absent. */
  zoomIn?: string;
  zoomOut?: string;
  fitAll?: string;
  /** Shown in the toolbar while no window is chosen; nothing when absent. */
  brushHint?: string;
  /** Accessible name of the area where a window is brushed. */
  brushArea?: string;
  /** Tooltip of the time axis. */
  axisHint?: string;
  /** Names for the small legend in the toolbar; no legend without them. */
  legend?: { event: string; agreement: string };
  /** The buttons that show every date and the span with most events. */
  allDates?: string;
  busiest?: string;
  /** The locale of dates and ticks; the page's language with Latin digits when absent. */
  dateLocale?: () => string;
}

export interface TimelineState {
  selectedId: string | null;
  window: TimeWindow | null;
  dir: Direction;
  highlighted?: ReadonlySet<string>;
  /** The time bar's day (the graph as it stood then), marked on the axis; null when the time bar is off. */
  cursor?: string | null;
}

export const AXIS_HEIGHT = 28;
export const LANE = 18;
export const BAR = 12;
export const TOP_PAD = 6;
export const BOTTOM_PAD = 10;
export const MARGIN = 18;
export const MARKER = 5.5;
export const GLYPH = 11;
export const LABEL_PAD = 4;
export const LABEL_GAP = 5;
export const LANE_GAP = 8;
export const MIN_LEAD = 26;
export const TAIL = 6;

/** One item as laid out: its span, its place in time order, its lane and its label. */
export interface Row {
  item: TimelineItem;
  span: ItemSpan;
  order: number;
  lane: number;
  text: string;
  width: number;
  dateText: string;
}

/** A row laid out at the current zoom, in reading-order coordinates. */
export interface Shape {
  segments: Array<{ segment: Segment; a: number; b: number }>;
  a: number;
  b: number;
  marker: number | null;
}

export type Placement = { where: 'in' | 'after' | 'before'; s: number; w: number; text: string; halo: boolean } | null;

/** The timeline's elements: toolbar, axis strip (zoom and pan), scrolling lanes (brush and items), empty note. */
export interface TimelineParts {
  root: HTMLDivElement;
  windowText: HTMLSpanElement;
  hint: HTMLSpanElement;
  clear: HTMLButtonElement;
  legend: HTMLDivElement;
  zoomOut: HTMLButtonElement;
  zoomIn: HTMLButtonElement;
  fit: HTMLButtonElement;
  busiest: HTMLButtonElement;
  axisSvg: SVGSVGElement;
  densityG: SVGGElement;
  axisWindow: SVGRectElement;
  axisCursor: SVGLineElement;
  axisG: SVGGElement;
  axisTitle: SVGTitleElement;
  scroller: HTMLDivElement;
  lanesSvg: SVGSVGElement;
  defs: SVGDefsElement;
  gridG: SVGGElement;
  brushG: SVGGElement;
  itemsG: SVGGElement;
  measure: SVGTextElement;
  empty: HTMLDivElement;
}

/** The state the layers read and change; one per timeline. */
export interface TimelineModel {
  /** Prefix of this timeline's gradient and pattern ids. */
  readonly uid: string;
  readonly labels: TimelineLabels;
  readonly parts: TimelineParts;
  rows: Row[];
  state: TimelineState;
  width: number;
  viewHeight: number;
  contentHeight: number;
  /** The scale fitted to the items at zoom 1. */
  base: ScaleTime<number, number>;
  transform: ZoomTransform;
  /** The window drawn (it follows the state, except while the user brushes). */
  shownWindow: TimeWindow | null;
  brushing: boolean;
  locale: string;
  /** Label widths measured, by text. */
  readonly widths: Map<string, number>;
  /** The item that holds the timeline's one tab stop (the arrows move it). */
  tabStop: string | null;
}

export const rtl = (m: TimelineModel): boolean => m.state.dir === 'rtl';

/** The scale at the current zoom. */
export const current = (m: TimelineModel): ScaleTime<number, number> => m.transform.rescaleX(m.base);

/** Screen x to reading-order u, and back (the same mapping both ways). */
export const flip = (m: TimelineModel, x: number): number => (rtl(m) ? m.width - x : x);

export function plotRange(m: TimelineModel): [number, number] {
  const usable = Math.max(m.width, 2 * MARGIN + 10);
  return rtl(m) ? [usable - MARGIN, MARGIN] : [MARGIN, usable - MARGIN];
}

export function visibleDomain(m: TimelineModel): [Date, Date] {
  const scale = current(m);
  const [r0, r1] = plotRange(m);
  const a = scale.invert(r0);
  const b = scale.invert(r1);
  return a.getTime() <= b.getTime() ? [a, b] : [b, a];
}

export function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}
