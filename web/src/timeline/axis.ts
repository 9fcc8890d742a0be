/**
 * The timeline's time axis: the scale fitted to the items, zoom and pan (wheel and drag on the axis strip,
 * ctrl/⌘ + wheel or a sideways wheel over the lanes, the zoom buttons and + − 0 keys), the ticks and grid lines,
 * and the chosen window and the time bar's day marked on the axis.
 */
import { axisTop } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import type { TimeWindow } from '../ui-types.ts';
import { AXIS_HEIGHT, current, LANE, plotRange, type Row, type TimelineModel, TOP_PAD } from './model.ts';
import {
  addUnits,
  busiestSpan,
  DAY_MS,
  fitDomain,
  formatTick,
  isMajorTick,
  monthlyDensity,
  parseDay,
  tickUnit,
  windowBounds,
  zoomLimits,
} from './spans.ts';

export interface TimelineZoom {
  behavior: ZoomBehavior<SVGSVGElement, unknown>;
  selection: Selection<SVGSVGElement, unknown, null, undefined>;
}

function pointerX(event: MouseEvent, target: Element): number {
  return event.clientX - target.getBoundingClientRect().left;
}

/** Zoom and pan on the axis strip, the lanes, the buttons and the keyboard; `onZoom` redraws. */
export function createZoom(m: TimelineModel, onZoom: () => void): TimelineZoom {
  const { parts } = m;
  const behavior = zoom<SVGSVGElement, unknown>().on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
    m.transform = event.transform;
    onZoom();
  });
  const selection = select(parts.axisSvg);
  selection.call(behavior);

  parts.scroller.addEventListener(
    'wheel',
    (event) => {
      if (m.rows.length === 0) return;
      const x = pointerX(event, parts.lanesSvg);
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const factor = 2 ** (-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
        behavior.scaleBy(selection, factor, [x, 0]);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        behavior.translateBy(selection, -delta / m.transform.k, 0);
      }
    },
    { passive: false },
  );

  parts.zoomIn.addEventListener('click', () => behavior.scaleBy(selection, 1.6));
  parts.zoomOut.addEventListener('click', () => behavior.scaleBy(selection, 1 / 1.6));
  parts.fit.addEventListener('click', () => behavior.transform(selection, zoomIdentity));
  parts.busiest.addEventListener('click', () => {
    const span = busiestSpan(m.rows.map((r) => r.span));
    if (span) behavior.transform(selection, transformFor(m, span, ...zoomLimits(fitDomain(m.rows.map((r) => r.span)))));
  });
  parts.root.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLButtonElement) return;
    if (event.key === '+' || event.key === '=') behavior.scaleBy(selection, 1.6);
    else if (event.key === '-' || event.key === '_') behavior.scaleBy(selection, 1 / 1.6);
    else if (event.key === '0') behavior.transform(selection, zoomIdentity);
    else return;
    event.preventDefault();
  });
  return { behavior, selection };
}

/** The zoom transform that shows [d0, d1] across the plot. */
function transformFor(m: TimelineModel, [d0, d1]: [Date, Date], kMin: number, kMax: number): ZoomTransform {
  const [r0, r1] = plotRange(m);
  const b0 = m.base(d0);
  const b1 = m.base(d1);
  if (!Number.isFinite(b0) || !Number.isFinite(b1) || b0 === b1) return zoomIdentity;
  const k = Math.min(kMax, Math.max(kMin, (r1 - r0) / (b1 - b0)));
  const middle = (m.base(d0) + m.base(d1)) / 2;
  return zoomIdentity.translate((r0 + r1) / 2 - k * middle, 0).scale(k);
}

/**
 * Fits the scale to the items and width, lays the lanes out again (`layout`), and shows `keep` (a visible domain)
 * again when given, else everything.
 */
export function fitScale(m: TimelineModel, z: TimelineZoom, keep: [Date, Date] | null, layout: () => void): void {
  const domain = fitDomain(m.rows.map((r) => r.span));
  m.base = scaleUtc().domain(domain).range(plotRange(m));
  const [kMin, kMax] = zoomLimits(domain);
  z.behavior
    .scaleExtent([kMin, kMax])
    .extent([
      [0, 0],
      [Math.max(1, m.width), AXIS_HEIGHT],
    ])
    .translateExtent([
      [0, 0],
      [Math.max(1, m.width), AXIS_HEIGHT],
    ]);
  m.parts.axisSvg.setAttribute('width', String(m.width));
  layout();
  // Without a view to keep, the timeline opens on the span that holds most events ("All dates" shows everything).
  const opening = keep ?? busiestSpan(m.rows.map((r) => r.span));
  z.behavior.transform(z.selection, opening ? transformFor(m, opening, kMin, kMax) : zoomIdentity);
}

/** Event density along the axis: a bar per month, as tall as the number of precisely dated items in it. */
function drawDensity(m: TimelineModel): void {
  const scale = current(m);
  const [a, b] = scale.domain() as [Date, Date];
  const lo = a.getTime() < b.getTime() ? a : b;
  const hi = a.getTime() < b.getTime() ? b : a;
  const bins = monthlyDensity(
    m.rows.map((r) => r.span),
    lo,
    hi,
  );
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  select(m.parts.densityG)
    .selectAll<SVGRectElement, { month: Date; count: number }>('rect')
    .data(bins.filter((bin) => bin.count > 0))
    .join('rect')
    .attr('class', 'tl-density-bar')
    .attr('x', (d) => Math.min(scale(d.month), scale(addUnits(d.month, 'month', 1))))
    .attr('width', (d) => Math.max(1, Math.abs(scale(addUnits(d.month, 'month', 1)) - scale(d.month)) - 0.5))
    .attr('y', (d) => AXIS_HEIGHT - 1 - (d.count / most) * 9)
    .attr('height', (d) => (d.count / most) * 9);
}

/** Ticks on the axis and grid lines down the lanes (`height` tall), years and other major units marked. */
export function drawAxis(m: TimelineModel, height: number): void {
  drawDensity(m);
  const scale = current(m);
  const ticks = scale.ticks(Math.max(2, Math.floor(m.width / 95)));
  const unit = tickUnit(ticks);
  const axis = axisTop<Date>(scale)
    .tickValues(ticks)
    .tickFormat((d, i) => formatTick(d, unit, i === 0, m.locale))
    .tickSizeInner(5)
    .tickSizeOuter(0)
    .tickPadding(4);
  const axisSelection = select(m.parts.axisG).attr('transform', `translate(0,${AXIS_HEIGHT - 0.5})`);
  axisSelection.call(axis);
  axisSelection
    .selectAll<SVGGElement, Date>('.tick')
    .attr('class', (d) => (isMajorTick(d, unit) ? 'tick tl-major' : 'tick'));
  select(m.parts.gridG)
    .selectAll<SVGLineElement, Date>('line')
    .data(ticks)
    .join('line')
    .attr('class', (d) => (isMajorTick(d, unit) ? 'tl-gridline tl-major' : 'tl-gridline'))
    .attr('x1', (d) => Math.round(scale(d)) + 0.5)
    .attr('x2', (d) => Math.round(scale(d)) + 0.5)
    .attr('y1', 0)
    .attr('y2', height);
}

/** The window as a band on the axis; none without a window. */
export function drawAxisWindow(m: TimelineModel, window: TimeWindow | null): void {
  const band = m.parts.axisWindow;
  if (!window || m.width <= 0) {
    band.setAttribute('display', 'none');
    return;
  }
  const scale = current(m);
  const { from, to } = windowBounds(window);
  const x0 = Math.max(0, Math.min(scale(from), scale(to)));
  const x1 = Math.min(m.width, Math.max(scale(from), scale(to)));
  band.removeAttribute('display');
  band.setAttribute('x', String(x0));
  band.setAttribute('width', String(Math.max(0, x1 - x0)));
  band.setAttribute('y', '0');
  band.setAttribute('height', String(AXIS_HEIGHT));
}

/** The time bar's day on the axis: a line at the end of that day (what had begun by then is in the graph). */
export function drawAxisCursor(m: TimelineModel): void {
  const line = m.parts.axisCursor;
  const day = m.state.cursor;
  if (!day || m.width <= 0) {
    line.setAttribute('display', 'none');
    return;
  }
  const x = current(m)(new Date(parseDay(day).getTime() + DAY_MS));
  line.removeAttribute('display');
  for (const [name, value] of [
    ['x1', x],
    ['x2', x],
    ['y1', 0],
    ['y2', AXIS_HEIGHT],
  ] as const)
    line.setAttribute(name, String(value));
}

/** Scrolls a row's lane into view and pans to it when it is off screen. */
export function revealRow(m: TimelineModel, z: TimelineZoom, row: Row): void {
  const scroller = m.parts.scroller;
  const top = TOP_PAD + row.lane * LANE;
  if (top < scroller.scrollTop) scroller.scrollTop = Math.max(0, top - LANE);
  else if (top + LANE > scroller.scrollTop + scroller.clientHeight)
    scroller.scrollTop = top + 2 * LANE - scroller.clientHeight;
  const scale = current(m);
  const [r0, r1] = plotRange(m);
  const lo = Math.min(r0, r1);
  const hi = Math.max(r0, r1);
  const x0 = Math.min(scale(row.span.from), scale(row.span.to));
  const x1 = Math.max(scale(row.span.from), scale(row.span.to));
  if (x1 < lo || x0 > hi) {
    const middle = new Date((row.span.from.getTime() + row.span.to.getTime()) / 2);
    z.behavior.translateTo(z.selection, m.base(middle), 0);
  }
}
