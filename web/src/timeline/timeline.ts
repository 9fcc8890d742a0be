/**
 * The timeline pane: events and agreements as bars on a zoomable time axis, uncertain dates drawn as
 * uncertain (fading edges, hatched whole units, fading lead-ins for unknown starts), a brush to choose
 * a time window, and selection linked to the graph. Layout is computed in reading order and mirrored
 * for right-to-left interfaces, where time runs from right to left. Text only ever goes in through
 * textContent; look and colours come from timeline.css and its custom properties.
 */
import { axisTop } from 'd3-axis';
import { type BrushBehavior, brushX, type D3BrushEvent } from 'd3-brush';
import { type ScaleTime, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import type { Direction, TimelineItem, TimeWindow } from '../ui-types.ts';
import {
  assignLanes,
  compareSpans,
  DAY_MS,
  dateLocale,
  describeDate,
  fitDomain,
  formatTick,
  type ItemSpan,
  isMajorTick,
  itemSpan,
  overlaps,
  type Segment,
  snapRange,
  textDirection,
  tickUnit,
  windowBounds,
  windowFromRange,
  zoomLimits,
} from './spans.ts';
import './timeline.css';

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
}

export interface TimelineOptions {
  onBrush(window: TimeWindow | null): void; // null when the brush is cleared
  onSelect(id: string): void; // click or Enter on an item
  labels: TimelineLabels;
}

export interface TimelineState {
  selectedId: string | null;
  window: TimeWindow | null;
  dir: Direction;
  highlighted?: ReadonlySet<string>;
}

export interface Timeline {
  update(items: TimelineItem[], state: TimelineState): void;
  destroy(): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const AXIS_HEIGHT = 28;
const LANE = 18;
const BAR = 12;
const TOP_PAD = 6;
const BOTTOM_PAD = 10;
const MARGIN = 18;
const MARKER = 5.5;
const GLYPH = 11;
const LABEL_PAD = 4;
const LABEL_GAP = 5;
const LANE_GAP = 8;
const MIN_LEAD = 26;
const TAIL = 6;

interface Row {
  item: TimelineItem;
  span: ItemSpan;
  order: number;
  lane: number;
  text: string;
  width: number;
  dateText: string;
}

/** A row laid out at the current zoom, in reading-order coordinates (`u`: 0 where time starts). */
interface Shape {
  segments: Array<{ segment: Segment; a: number; b: number }>;
  a: number;
  b: number;
  marker: number | null;
}

type Placement = { where: 'in' | 'after' | 'before'; s: number; w: number; text: string; halo: boolean } | null;

let instances = 0;

export function createTimeline(container: HTMLElement, options: TimelineOptions): Timeline {
  const uid = `tl${++instances}`;
  const labels = options.labels;

  // Structure: toolbar, axis strip (zoom and pan), scrolling lanes (brush and items), empty note.
  const root = el('div', 'tl');
  const toolbar = el('div', 'tl-toolbar');
  const status = el('div', 'tl-status');
  status.setAttribute('aria-live', 'polite');
  const windowText = el('span', 'tl-window');
  const hint = el('span', 'tl-hint');
  const clear = button('tl-button tl-clear');
  status.append(windowText, hint, clear);
  const legend = el('div', 'tl-legend');
  const zoomGroup = el('div', 'tl-zoom');
  const zoomOut = button('tl-icon-button', '−');
  const zoomIn = button('tl-icon-button', '+');
  const fit = button('tl-button tl-fit');
  zoomGroup.append(zoomOut, zoomIn, fit);
  toolbar.append(status, legend, zoomGroup);

  const axisWrap = el('div', 'tl-axis-wrap');
  const axisSvg = svg('svg', 'tl-axis');
  axisSvg.setAttribute('height', String(AXIS_HEIGHT));
  const axisWindow = svg('rect', 'tl-axis-window');
  const axisG = svg('g', 'tl-axis-ticks');
  const axisTitle = svg('title');
  axisSvg.append(axisTitle, axisWindow, axisG);
  axisWrap.append(axisSvg);

  const scroller = el('div', 'tl-scroll');
  const lanesSvg = svg('svg', 'tl-lanes');
  const defs = svg('defs');
  const gridG = svg('g', 'tl-grid');
  const brushG = svg('g', 'tl-brush');
  const itemsG = svg('g', 'tl-items');
  const measure = svg('text', 'tl-label tl-measure');
  measure.setAttribute('aria-hidden', 'true');
  lanesSvg.append(defs, gridG, brushG, itemsG, measure);
  scroller.append(lanesSvg);

  const empty = el('div', 'tl-empty');
  empty.hidden = true;
  root.append(toolbar, axisWrap, scroller, empty);
  container.append(root);
  buildDefs(defs, uid);

  // State.
  let rows: Row[] = [];
  let laneCount = 0;
  let state: TimelineState = { selectedId: null, window: null, dir: 'ltr' };
  let width = 0;
  let viewHeight = 0;
  let contentHeight = 0;
  let base: ScaleTime<number, number> = scaleUtc();
  let transform: ZoomTransform = zoomIdentity;
  let domainKey = '';
  let layoutKey = '';
  let shownWindow: TimeWindow | null = null;
  let brushing = false;
  let locale = 'en';
  const widths = new Map<string, number>();

  const rtl = () => state.dir === 'rtl';
  const current = (): ScaleTime<number, number> => transform.rescaleX(base);
  /** Screen x to reading-order u, and back (the same mapping both ways). */
  const flip = (x: number) => (rtl() ? width - x : x);

  // Zoom and pan: wheel and drag on the axis strip, ctrl/⌘ + wheel or sideways wheel over the lanes.
  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>().on(
    'zoom',
    (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = event.transform;
      draw();
    },
  );
  const axisSel = select(axisSvg);
  axisSel.call(zoomer);

  scroller.addEventListener(
    'wheel',
    (event) => {
      if (rows.length === 0) return;
      const [x] = pointerX(event, lanesSvg);
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const factor = 2 ** (-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
        zoomer.scaleBy(axisSel, factor, [x, 0]);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        zoomer.translateBy(axisSel, -delta / transform.k, 0);
      }
    },
    { passive: false },
  );

  zoomIn.addEventListener('click', () => zoomer.scaleBy(axisSel, 1.6));
  zoomOut.addEventListener('click', () => zoomer.scaleBy(axisSel, 1 / 1.6));
  fit.addEventListener('click', () => zoomer.transform(axisSel, zoomIdentity));
  root.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLButtonElement) return;
    if (event.key === '+' || event.key === '=') zoomer.scaleBy(axisSel, 1.6);
    else if (event.key === '-' || event.key === '_') zoomer.scaleBy(axisSel, 1 / 1.6);
    else if (event.key === '0') zoomer.transform(axisSel, zoomIdentity);
    else return;
    event.preventDefault();
  });

  // Brush: drag across empty lane space to choose a window; a plain click clears it.
  const brush: BrushBehavior<unknown> = brushX<unknown>()
    .handleSize(8)
    .on('start', (event: D3BrushEvent<unknown>) => {
      if (event.sourceEvent) brushing = true;
    })
    .on('brush', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      const window = windowOf(event.selection);
      renderStatus(window);
      applyClasses(window);
    })
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      brushing = false;
      commitWindow(windowOf(event.selection));
    });
  const brushSel = select(brushG);
  brushSel.call(brush);
  brushG.setAttribute('tabindex', '0');
  brushG.setAttribute('role', 'group');
  brushG.addEventListener('keydown', onBrushKey);

  clear.addEventListener('click', () => commitWindow(null));

  function windowOf(selection: unknown): TimeWindow | null {
    if (!Array.isArray(selection) || selection.length !== 2) return null;
    const scale = current();
    const [x0, x1] = selection as [number, number];
    return snappedWindow(scale.invert(x0), scale.invert(x1));
  }

  /** A window of whole months when zoomed out past three years, of whole days otherwise. */
  function snappedWindow(a: Date, b: Date): TimeWindow {
    const [lo, hi] = snapRange(a, b, visibleDays() > 3 * 365 ? 'month' : 'day');
    return windowFromRange(lo, hi);
  }

  function commitWindow(window: TimeWindow | null): void {
    const changed = !sameWindow(window, shownWindow);
    shownWindow = window;
    moveBrush();
    renderStatus(window);
    applyClasses(window);
    if (changed) options.onBrush(window);
  }

  function onBrushKey(event: KeyboardEvent): void {
    const step = Math.max(DAY_MS, (visibleDays() * DAY_MS) / 20);
    const later = rtl() ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl() ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      if (shownWindow) commitWindow(null);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const [a, b] = visibleDomain();
      const third = (b.getTime() - a.getTime()) / 3;
      if (!shownWindow) commitWindow(snappedWindow(new Date(a.getTime() + third), new Date(b.getTime() - third)));
    } else if ((event.key === later || event.key === earlier) && shownWindow) {
      const sign = event.key === later ? 1 : -1;
      const { from, to } = windowBounds(shownWindow);
      const start = event.shiftKey ? from : new Date(from.getTime() + sign * step);
      const end = new Date(Math.max(start.getTime() + DAY_MS, to.getTime() + sign * step));
      commitWindow(windowFromRange(start, end));
    } else return;
    event.preventDefault();
  }

  // Sizing: lanes fill the container below the toolbar and axis; more lanes scroll.
  const resizer = new ResizeObserver(() => {
    const nextWidth = scroller.clientWidth;
    const nextHeight = scroller.clientHeight;
    if (nextWidth === width && nextHeight === viewHeight) return;
    const keep = width > 0 ? visibleDomain() : null;
    width = nextWidth;
    viewHeight = nextHeight;
    widths.clear();
    rebuildScale(keep);
  });
  resizer.observe(scroller);

  function visibleDays(): number {
    const [a, b] = visibleDomain();
    return (b.getTime() - a.getTime()) / DAY_MS;
  }

  function visibleDomain(): [Date, Date] {
    const scale = current();
    const [r0, r1] = plotRange();
    const a = scale.invert(r0);
    const b = scale.invert(r1);
    return a.getTime() <= b.getTime() ? [a, b] : [b, a];
  }

  function plotRange(): [number, number] {
    const usable = Math.max(width, 2 * MARGIN + 10);
    return rtl() ? [usable - MARGIN, MARGIN] : [MARGIN, usable - MARGIN];
  }

  /** Fits the scale to the items and width; shows `keep` (a visible domain) again when given. */
  function rebuildScale(keep: [Date, Date] | null): void {
    const domain = fitDomain(rows.map((r) => r.span));
    base = scaleUtc().domain(domain).range(plotRange());
    const [kMin, kMax] = zoomLimits(domain);
    zoomer
      .scaleExtent([kMin, kMax])
      .extent([
        [0, 0],
        [Math.max(1, width), AXIS_HEIGHT],
      ])
      .translateExtent([
        [0, 0],
        [Math.max(1, width), AXIS_HEIGHT],
      ]);
    axisSvg.setAttribute('width', String(width));
    layout();
    zoomer.transform(axisSel, keep ? transformFor(keep, kMin, kMax) : zoomIdentity);
  }

  /** The zoom transform that shows [d0, d1] across the plot. */
  function transformFor([d0, d1]: [Date, Date], kMin: number, kMax: number): ZoomTransform {
    const [r0, r1] = plotRange();
    const b0 = base(d0);
    const b1 = base(d1);
    if (!Number.isFinite(b0) || !Number.isFinite(b1) || b0 === b1) return zoomIdentity;
    const k = Math.min(kMax, Math.max(kMin, (r1 - r0) / (b1 - b0)));
    const middle = (base(d0) + base(d1)) / 2;
    return zoomIdentity.translate((r0 + r1) / 2 - k * middle, 0).scale(k);
  }

  // Text measuring, cached per label.
  function textWidth(text: string): number {
    let w = widths.get(text);
    if (w === undefined) {
      measure.textContent = text;
      w = measure.getComputedTextLength() || text.length * 6.2;
      widths.set(text, w);
    }
    return w;
  }

  /** Where a row's bar and marker fall at a scale, in reading-order coordinates. */
  function shape(row: Row, scale: ScaleTime<number, number>): Shape {
    let a = Number.POSITIVE_INFINITY;
    let b = Number.NEGATIVE_INFINITY;
    let marker: number | null = null;
    const segments = row.span.segments.map((segment) => {
      let sa = flip(scale(segment.from));
      let sb = flip(scale(segment.to));
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

  /** Label block width: the text, and the kind's glyph before it on bars. */
  function blockWidth(row: Row, shaped: Shape, text: string = row.text): number {
    return (text === row.text ? row.width : textWidth(text)) + (isPointOnly(shaped) ? 0 : GLYPH);
  }

  function isPointOnly(shaped: Shape): boolean {
    return shaped.marker !== null && shaped.segments.length === 1;
  }

  /**
   * Where a label goes: inside its bar when the bar is tinted (a certain core or fading edges) and the
   * label fits; else after the bar (later in time), else before it; else inside a hatched band or a
   * lead-in (with a halo), truncated if need be. `free` says whether a stretch of the lane is clear.
   */
  function place(row: Row, shaped: Shape, free: (s: number, e: number) => boolean): Placement {
    const w = blockWidth(row, shaped);
    const bars = shaped.segments.filter((p) => p.segment.kind !== 'point');
    const tinted = bars.some((p) => p.segment.kind !== 'band' && p.segment.kind !== 'lead');
    const v0 = Math.max(Math.min(...bars.map((p) => p.a)), 0);
    const v1 = Math.min(Math.max(...bars.map((p) => p.b)) - (shaped.marker === null ? 0 : MARKER), width);
    const inner = bars.length > 0 ? v1 - v0 : 0;
    const inside = (text: string, halo: boolean): Placement => ({
      where: 'in',
      s: v0 + LABEL_PAD,
      w: text === row.text ? w : blockWidth(row, shaped, text),
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
    const text = truncate(row.text, row.width, best - glyph);
    const tw = blockWidth(row, shaped, text);
    if (best === roomInside) return inside(text, !tinted);
    if (best === roomAfter && free(after, after + tw)) return { where: 'after', s: after, w: tw, text, halo: true };
    const start = shaped.a - LABEL_GAP - tw;
    if (best === roomBefore && free(start, start + tw)) return { where: 'before', s: start, w: tw, text, halo: true };
    return roomInside >= 48 ? inside(truncate(row.text, row.width, roomInside - glyph), !tinted) : null;
  }

  function truncate(text: string, full: number, room: number): string {
    let count = Math.floor((text.length * room) / full);
    let candidate = `${text.slice(0, Math.max(1, count)).trimEnd()}…`;
    while (count > 1 && textWidth(candidate) > room) {
      count -= 1;
      candidate = `${text.slice(0, count).trimEnd()}…`;
    }
    return candidate;
  }

  /** Packs rows into lanes at the fitted zoom, each taking its bar and its label's room. */
  function layout(): void {
    for (const row of rows) row.width = textWidth(row.text);
    if (width <= 0) {
      join();
      return;
    }
    const scale = base;
    const extents = rows.map((row) => {
      const shaped = shape(row, scale);
      const label = place(row, shaped, () => true);
      const start = Math.min(shaped.a, label?.s ?? shaped.a);
      const end = Math.max(shaped.b, label ? label.s + label.w : shaped.b);
      return [start, end] as const;
    });
    const { lanes, count } = assignLanes(extents, LANE_GAP);
    rows.forEach((row, i) => {
      row.lane = lanes[i] ?? 0;
    });
    laneCount = count;
    contentHeight = TOP_PAD + laneCount * LANE + BOTTOM_PAD;
    const height = Math.max(contentHeight, viewHeight);
    lanesSvg.setAttribute('width', String(width));
    lanesSvg.setAttribute('height', String(height));
    brush.extent([
      [0, 0],
      [Math.max(1, width), height],
    ]);
    brushSel.call(brush);
    join();
  }

  /** Creates one group per item, in time order (which is also tab order). */
  function join(): void {
    select(itemsG)
      .selectAll<SVGGElement, Row>('g.tl-item')
      .data(rows, (d) => d.item.id)
      .join((enter) => {
        const g = enter.append('g').attr('tabindex', 0).attr('role', 'button');
        g.append('rect').attr('class', 'tl-hit');
        g.append('g').attr('class', 'tl-segments');
        g.append('rect').attr('class', 'tl-outline').attr('rx', 4);
        g.append('path').attr('class', 'tl-glyph');
        g.append('text').attr('class', 'tl-label');
        g.append('title');
        g.on('click', (_event: MouseEvent, d: Row) => options.onSelect(d.item.id));
        g.on('keydown', (event: KeyboardEvent, d: Row) => onItemKey(event, d));
        return g;
      })
      .order()
      .each(function (row) {
        const g = select(this);
        const kind = row.item.kind === 'AGREEMENT' ? 'agreement' : 'event';
        const certainty = row.item.certainty ? ` tl-${row.item.certainty.toLowerCase()}` : '';
        g.attr('class', `tl-item tl-${kind}${certainty}${row.span.fuzzy ? ' tl-fuzzy' : ''}`);
        g.attr('data-id', row.item.id);
        g.attr('aria-label', `${row.item.label}, ${row.dateText}`);
        g.select('title').text(`${row.text}\n${row.dateText}`);
        g.select('path.tl-glyph').attr('d', glyphPath(row.item.kind, 4.5));
        g.select('g.tl-segments')
          .selectAll<SVGElement, Segment>('.tl-seg')
          .data(row.span.segments, (s, i) => `${i}-${s.kind}`)
          .join((enter) => enter.append((s) => document.createElementNS(SVG, s.kind === 'point' ? 'path' : 'rect')))
          .attr('class', (s) => `tl-seg tl-seg-${s.kind}`)
          .each(function (s) {
            if (s.kind === 'point') this.setAttribute('d', glyphPath(row.item.kind, MARKER + 0.5));
            else if (s.kind !== 'core') this.setAttribute('fill', `url(#${uid}-${s.kind}-${kind})`);
            else this.removeAttribute('fill');
          });
      });
    applyClasses(shownWindow);
  }

  function onItemKey(event: KeyboardEvent, row: Row): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onSelect(row.item.id);
      return;
    }
    const later = rtl() ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl() ? 'ArrowRight' : 'ArrowLeft';
    let target: number | null = null;
    if (event.key === later) target = row.order + 1;
    else if (event.key === earlier) target = row.order - 1;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = rows.length - 1;
    if (target === null) return;
    event.preventDefault();
    const next = rows[Math.max(0, Math.min(rows.length - 1, target))];
    if (!next) return;
    reveal(next);
    itemsG.querySelector<SVGGElement>(`g.tl-item[data-id="${CSS.escape(next.item.id)}"]`)?.focus();
  }

  /** Positions everything at the current zoom: axis, grid, bars, labels, brush. */
  function draw(): void {
    if (width <= 0 || rows.length === 0) return;
    const scale = current();
    const height = Math.max(contentHeight, viewHeight);

    // Axis and grid.
    const ticks = scale.ticks(Math.max(2, Math.floor(width / 95)));
    const unit = tickUnit(ticks);
    const axis = axisTop<Date>(scale)
      .tickValues(ticks)
      .tickFormat((d, i) => formatTick(d, unit, i === 0, locale))
      .tickSizeInner(5)
      .tickSizeOuter(0)
      .tickPadding(4);
    const axisSelection = select(axisG).attr('transform', `translate(0,${AXIS_HEIGHT - 0.5})`);
    axisSelection.call(axis);
    axisSelection
      .selectAll<SVGGElement, Date>('.tick')
      .attr('class', (d) => (isMajorTick(d, unit) ? 'tick tl-major' : 'tick'));
    select(gridG)
      .selectAll<SVGLineElement, Date>('line')
      .data(ticks)
      .join('line')
      .attr('class', (d) => (isMajorTick(d, unit) ? 'tl-gridline tl-major' : 'tl-gridline'))
      .attr('x1', (d) => Math.round(scale(d)) + 0.5)
      .attr('x2', (d) => Math.round(scale(d)) + 0.5)
      .attr('y1', 0)
      .attr('y2', height);

    // Items, lane by lane, with labels placed where they are free to go.
    const shapes = new Map<Row, Shape>();
    const occupied = new Map<number, Array<{ row: Row; s: number; e: number }>>();
    for (const row of rows) {
      const shaped = shape(row, scale);
      shapes.set(row, shaped);
      const lane = occupied.get(row.lane) ?? [];
      lane.push({ row, s: shaped.a, e: shaped.b });
      occupied.set(row.lane, lane);
    }
    const placements = new Map<Row, Placement>();
    const byLane = [...rows].sort((p, q) => p.lane - q.lane || (shapes.get(p)?.a ?? 0) - (shapes.get(q)?.a ?? 0));
    for (const row of byLane) {
      const shaped = shapes.get(row) as Shape;
      const lane = occupied.get(row.lane) ?? [];
      const free = (s: number, e: number) => lane.every((o) => o.row === row || e + 3 <= o.s || s >= o.e + 3);
      const placement = place(row, shaped, free);
      if (placement && placement.where !== 'in') lane.push({ row, s: placement.s, e: placement.s + placement.w });
      placements.set(row, placement);
    }

    select(itemsG)
      .selectAll<SVGGElement, Row>('g.tl-item')
      .each(function (row) {
        const shaped = shapes.get(row);
        if (!shaped) return;
        const placement = placements.get(row) ?? null;
        const y = TOP_PAD + row.lane * LANE;
        const barY = y + (LANE - BAR) / 2;
        const middle = y + LANE / 2;
        const g = select(this);
        const screen = (a: number, b: number): [number, number] => (rtl() ? [width - b, width - a] : [a, b]);
        const [hx0, hx1] = screen(
          Math.min(shaped.a, placement?.s ?? shaped.a),
          Math.max(shaped.b, placement ? placement.s + placement.w : shaped.b),
        );
        g.select('rect.tl-hit')
          .attr('x', hx0 - 2)
          .attr('y', y)
          .attr('width', hx1 - hx0 + 4)
          .attr('height', LANE);
        const [ox0, ox1] = screen(shaped.a, shaped.b);
        g.select('rect.tl-outline')
          .attr('x', ox0 - 2)
          .attr('y', barY - 2)
          .attr('width', ox1 - ox0 + 4)
          .attr('height', BAR + 4);
        g.select('g.tl-segments')
          .selectAll<SVGElement, Segment>('.tl-seg')
          .each(function (segment, i) {
            const part = shaped.segments[i];
            if (!part) return;
            if (segment.kind === 'point') {
              const cx = flip(shaped.marker ?? part.a);
              this.setAttribute('transform', `translate(${cx},${middle})`);
              return;
            }
            const [x0, x1] = screen(part.a, part.b);
            const tall = segment.kind !== 'lead';
            this.setAttribute('x', String(x0));
            this.setAttribute('width', String(Math.max(0, x1 - x0)));
            this.setAttribute('y', String(tall ? barY : middle - TAIL / 2));
            this.setAttribute('height', String(tall ? BAR : TAIL));
          });
        const label = g.select<SVGTextElement>('text.tl-label');
        const glyph = g.select('path.tl-glyph');
        if (!placement) {
          label.attr('display', 'none');
          glyph.attr('display', 'none');
          return;
        }
        const withGlyph = !isPointOnly(shaped);
        const textStart = placement.s + (withGlyph ? GLYPH : 0);
        // Each label reads in its own direction (names may be Arabic in English and the reverse), its
        // block still starting at textStart in reading order.
        const own = textDirection(placement.text, state.dir);
        label
          .attr('display', null)
          .attr('class', `tl-label tl-${own}${placement.halo ? ' tl-label-halo' : ''}`)
          .attr('text-anchor', own === state.dir ? 'start' : 'end')
          .attr('x', flip(textStart))
          .attr('y', middle)
          .text(placement.text);
        glyph
          .attr('display', withGlyph ? null : 'none')
          .attr('transform', `translate(${flip(placement.s + GLYPH / 2 - 1)},${middle})`);
      });

    moveBrush();
    drawAxisWindow(shownWindow);
  }

  function moveBrush(): void {
    if (brushing || width <= 0) return;
    const scale = current();
    if (!shownWindow || rows.length === 0) {
      brushSel.call(brush.move, null);
      return;
    }
    const { from, to } = windowBounds(shownWindow);
    const x0 = scale(from);
    const x1 = scale(to);
    brushSel.call(brush.move, [Math.min(x0, x1), Math.max(x0, x1)]);
  }

  function drawAxisWindow(window: TimeWindow | null): void {
    if (!window || width <= 0) {
      axisWindow.setAttribute('display', 'none');
      return;
    }
    const scale = current();
    const { from, to } = windowBounds(window);
    const x0 = Math.max(0, Math.min(scale(from), scale(to)));
    const x1 = Math.min(width, Math.max(scale(from), scale(to)));
    axisWindow.removeAttribute('display');
    axisWindow.setAttribute('x', String(x0));
    axisWindow.setAttribute('width', String(Math.max(0, x1 - x0)));
    axisWindow.setAttribute('y', '0');
    axisWindow.setAttribute('height', String(AXIS_HEIGHT));
  }

  /** Classes for selection, highlight and the window (the brushed one while brushing). */
  function applyClasses(window: TimeWindow | null): void {
    const highlighted = state.highlighted;
    select(itemsG)
      .selectAll<SVGGElement, Row>('g.tl-item')
      .classed('is-selected', (d) => d.item.id === state.selectedId)
      .classed('is-highlighted', (d) => highlighted?.has(d.item.id) ?? false)
      .classed('is-dim', (d) => window !== null && !overlaps(d.item, window))
      .attr('aria-current', (d) => (d.item.id === state.selectedId ? 'true' : null));
  }

  function renderStatus(window: TimeWindow | null): void {
    windowText.textContent = window ? labels.windowLabel(window) : '';
    windowText.hidden = window === null;
    hint.textContent = labels.brushHint ?? '';
    hint.hidden = window !== null || !labels.brushHint;
    clear.hidden = window === null;
    drawAxisWindow(window);
    const area = labels.brushArea ?? 'Time window: drag to choose, Enter for the middle of the view, Escape to clear';
    brushG.setAttribute('aria-label', window ? `${area} (${labels.windowLabel(window)})` : area);
  }

  function renderChrome(): void {
    root.dir = state.dir;
    // Gradients run with time: mirrored when time runs right to left.
    for (const gradient of defs.querySelectorAll('linearGradient')) {
      gradient.setAttribute('x1', rtl() ? '1' : '0');
      gradient.setAttribute('x2', rtl() ? '0' : '1');
    }
    clear.textContent = labels.clearWindow;
    fit.textContent = labels.fitAll ?? '⤢';
    fit.setAttribute('aria-label', labels.fitAll ?? 'Fit all');
    fit.title = labels.fitAll ?? 'Fit all';
    zoomIn.setAttribute('aria-label', labels.zoomIn ?? 'Zoom in');
    zoomIn.title = labels.zoomIn ?? 'Zoom in';
    zoomOut.setAttribute('aria-label', labels.zoomOut ?? 'Zoom out');
    zoomOut.title = labels.zoomOut ?? 'Zoom out';
    axisTitle.textContent = labels.axisHint ?? 'Scroll to zoom, drag to pan';
    empty.textContent = labels.empty;
    legend.replaceChildren();
    if (labels.legend) {
      legend.append(
        legendEntry('event', labels.legend.event),
        legendEntry('agreement', labels.legend.agreement),
        legendEntry('lead', labels.openStart),
        legendEntry('approximate', labels.approximate),
      );
    }
  }

  function legendEntry(kind: 'event' | 'agreement' | 'lead' | 'approximate', text: string): HTMLElement {
    const entry = el('span', 'tl-legend-entry');
    const icon = svg('svg', 'tl-legend-icon');
    icon.setAttribute('width', '22');
    icon.setAttribute('height', '12');
    icon.setAttribute('aria-hidden', 'true');
    if (kind === 'event' || kind === 'agreement') {
      const path = svg('path', `tl-legend-glyph tl-${kind}`);
      path.setAttribute('d', glyphPath(kind === 'event' ? 'EVENT' : 'AGREEMENT', 5));
      path.setAttribute('transform', 'translate(11,6)');
      icon.append(path);
    } else if (kind === 'lead') {
      const rect = svg('rect', 'tl-legend-lead');
      rect.setAttribute('x', '0');
      rect.setAttribute('y', '3');
      rect.setAttribute('width', '22');
      rect.setAttribute('height', '6');
      rect.setAttribute('fill', `url(#${uid}-legend-lead)`);
      icon.append(rect);
    } else {
      const tilde = svg('text', 'tl-legend-tilde');
      tilde.setAttribute('x', '11');
      tilde.setAttribute('y', '10');
      tilde.textContent = '~';
      icon.append(tilde);
    }
    const name = el('span', 'tl-legend-text');
    name.textContent = text;
    entry.append(icon, name);
    return entry;
  }

  /** Scrolls a row's lane into view and pans to it when it is off screen. */
  function reveal(row: Row): void {
    const top = TOP_PAD + row.lane * LANE;
    if (top < scroller.scrollTop) scroller.scrollTop = Math.max(0, top - LANE);
    else if (top + LANE > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + 2 * LANE - scroller.clientHeight;
    const scale = current();
    const [r0, r1] = plotRange();
    const lo = Math.min(r0, r1);
    const hi = Math.max(r0, r1);
    const x0 = Math.min(scale(row.span.from), scale(row.span.to));
    const x1 = Math.max(scale(row.span.from), scale(row.span.to));
    if (x1 < lo || x0 > hi) {
      const middle = new Date((row.span.from.getTime() + row.span.to.getTime()) / 2);
      zoomer.translateTo(axisSel, base(middle), 0);
    }
  }

  return {
    update(items: TimelineItem[], next: TimelineState): void {
      const previous = state;
      const keep = width > 0 && rows.length > 0 ? visibleDomain() : null;
      state = next;
      renderChrome();
      const prepared: Row[] = [];
      for (const item of items) {
        const span = itemSpan(item);
        if (!span) continue;
        const text = `${item.approximate ? '~ ' : ''}${item.label}`;
        prepared.push({ item, span, order: 0, lane: 0, text, width: 0, dateText: '' });
      }
      prepared.sort((a, b) => compareSpans(a.span, b.span));
      locale = dateLocale(container.closest('[lang]')?.getAttribute('lang') ?? 'en');
      prepared.forEach((row, i) => {
        row.order = i;
        row.dateText = describeDate(row.item, labels, locale);
      });
      rows = prepared;
      root.classList.toggle('is-empty', rows.length === 0);
      empty.hidden = rows.length > 0;

      const nextDomainKey = rows.map((r) => `${r.span.from.getTime()}-${r.span.to.getTime()}`).join('|');
      const nextLayoutKey = `${state.dir}|${locale}|${rows.map((r) => `${r.item.id}:${r.text}`).join('|')}`;
      if (!sameWindow(state.window, shownWindow) && !brushing) shownWindow = state.window;
      if (nextDomainKey !== domainKey) {
        domainKey = nextDomainKey;
        layoutKey = nextLayoutKey;
        rebuildScale(null);
      } else if (nextLayoutKey !== layoutKey || previous.dir !== state.dir) {
        layoutKey = nextLayoutKey;
        rebuildScale(keep);
      } else {
        layout();
        draw();
      }
      renderStatus(shownWindow);
      applyClasses(shownWindow);
      if (state.selectedId && state.selectedId !== previous.selectedId) {
        const row = rows.find((r) => r.item.id === state.selectedId);
        if (row) reveal(row);
      }
    },
    destroy(): void {
      resizer.disconnect();
      axisSel.on('.zoom', null);
      brushSel.on('.brush', null);
      root.remove();
    },
  };
}

function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}

function pointerX(event: MouseEvent, target: Element): [number, number] {
  const box = target.getBoundingClientRect();
  return [event.clientX - box.left, event.clientY - box.top];
}

/** Diamond for events, hexagon for agreements — the graph's shapes. */
function glyphPath(kind: TimelineItem['kind'], r: number): string {
  if (kind === 'EVENT') return `M0,${-r}L${r},0L0,${r}L${-r},0Z`;
  const h = r * 0.87;
  return `M${-r},0L${-r / 2},${-h}L${r / 2},${-h}L${r},0L${r / 2},${h}L${-r / 2},${h}Z`;
}

/** Gradients and hatching per kind; colours come from CSS (stop-color / stroke via classes). */
function buildDefs(defs: SVGDefsElement, uid: string): void {
  const gradient = (id: string, cls: string, stops: Array<[string, string]>) => {
    const g = svg('linearGradient', cls);
    g.id = id;
    for (const [offset, stopClass] of stops) {
      const stop = svg('stop', stopClass);
      stop.setAttribute('offset', offset);
      g.append(stop);
    }
    defs.append(g);
  };
  for (const kind of ['event', 'agreement']) {
    gradient(`${uid}-fade-in-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-clear'],
      ['1', 'tl-stop-tint'],
    ]);
    gradient(`${uid}-fade-out-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-tint'],
      ['1', 'tl-stop-clear'],
    ]);
    gradient(`${uid}-lead-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-clear'],
      ['1', 'tl-stop-strong'],
    ]);
    const pattern = svg('pattern', `tl-hatch tl-${kind}`);
    pattern.id = `${uid}-band-${kind}`;
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '5');
    pattern.setAttribute('height', '5');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const back = svg('rect', 'tl-hatch-back');
    back.setAttribute('width', '5');
    back.setAttribute('height', '5');
    const line = svg('rect', 'tl-hatch-line');
    line.setAttribute('width', '2');
    line.setAttribute('height', '5');
    pattern.append(back, line);
    defs.append(pattern);
  }
  gradient(`${uid}-legend-lead`, 'tl-grad tl-event', [
    ['0', 'tl-stop-clear'],
    ['1', 'tl-stop-strong'],
  ]);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, className?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  if (className) element.setAttribute('class', className);
  return element;
}

function button(className: string, text?: string): HTMLButtonElement {
  const element = el('button', className);
  element.type = 'button';
  if (text) element.textContent = text;
  return element;
}
