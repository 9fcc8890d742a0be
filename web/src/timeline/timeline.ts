/**
 * The timeline pane: events and agreements as bars on a zoomable time axis, uncertain dates drawn as
 * uncertain (fading edges, hatched whole units, fading lead-ins for unknown starts), a brush to choose
 * a time window, and selection linked to the graph. This file builds the pane and composes its layers:
 * the axis and zoom (axis.ts), lanes and labels (lanes.ts), items (items.ts), the brush (brush.ts) and the
 * toolbar (toolbar.ts), over the state they share (model.ts). Text only ever goes in through textContent;
 * look and colours come from timeline.css and its custom properties.
 */
import { scaleUtc } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { h, svgEl } from '../dom.ts';
import type { TimelineItem, TimeWindow } from '../ui-types.ts';
import { createZoom, drawAxis, drawAxisCursor, drawAxisWindow, fitScale, revealRow } from './axis.ts';
import { createBrush } from './brush.ts';
import { applyClasses, buildDefs, drawItems, joinItems } from './items.ts';
import { packLanes, placeLabels, prepareRows } from './lanes.ts';
import {
  AXIS_HEIGHT,
  current,
  type Row,
  rtl,
  sameWindow,
  type TimelineLabels,
  type TimelineModel,
  type TimelineParts,
  type TimelineState,
  visibleDomain,
} from './model.ts';
import { dateLocale } from './spans.ts';
import { renderChrome, renderStatus } from './toolbar.ts';
import './timeline.css';

export type { TimelineLabels, TimelineState } from './model.ts';

export interface TimelineOptions {
  onBrush(window: TimeWindow | null): void; // null when the brush is cleared
  onSelect(id: string): void; // click or Enter on an item
  labels: TimelineLabels;
}

export interface Timeline {
  update(items: TimelineItem[], state: TimelineState): void;
  /** A note in place of the lanes and controls (loading, or why they failed) until the next update. */
  showMessage(text: string, kind: 'loading' | 'error'): void;
  destroy(): void;
}

let instances = 0;

/** The pane's elements, empty: toolbar, axis strip, scrolling lanes and the empty note. */
function buildParts(): TimelineParts {
  const button = (className: string, text?: string) => h('button', { type: 'button', class: className }, text);
  const windowText = h('span', { class: 'tl-window' });
  const hint = h('span', { class: 'tl-hint' });
  const clear = button('tl-button tl-clear');
  const legend = h('div', { class: 'tl-legend' });
  const zoomOut = button('tl-icon-button', '−');
  const zoomIn = button('tl-icon-button', '+');
  const fit = button('tl-button tl-fit');
  const busiest = button('tl-button tl-busiest');
  const toolbar = h(
    'div',
    { class: 'tl-toolbar' },
    h('div', { class: 'tl-status', 'aria-live': 'polite' }, windowText, hint, clear),
    legend,
    h('div', { class: 'tl-zoom' }, zoomOut, zoomIn, busiest, fit),
  );

  const axisTitle = svgEl('title');
  const axisWindow = svgEl('rect', { class: 'tl-axis-window' });
  const axisCursor = svgEl('line', { class: 'tl-axis-cursor', 'aria-hidden': 'true', display: 'none' });
  const axisG = svgEl('g', { class: 'tl-axis-ticks' });
  const densityG = svgEl('g', { class: 'tl-density', 'aria-hidden': 'true' });
  const axisSvg = svgEl(
    'svg',
    { class: 'tl-axis', height: String(AXIS_HEIGHT) },
    axisTitle,
    densityG,
    axisWindow,
    axisG,
    axisCursor,
  );

  const defs = svgEl('defs');
  const gridG = svgEl('g', { class: 'tl-grid' });
  const brushG = svgEl('g', { class: 'tl-brush' });
  const itemsG = svgEl('g', { class: 'tl-items' });
  const measure = svgEl('text', { class: 'tl-label tl-measure', 'aria-hidden': 'true' });
  const lanesSvg = svgEl('svg', { class: 'tl-lanes' }, defs, gridG, brushG, itemsG, measure);
  const scroller = h('div', { class: 'tl-scroll' }, lanesSvg);

  const empty = h('div', { class: 'tl-empty' });
  empty.hidden = true;
  const root = h('div', { class: 'tl' }, toolbar, h('div', { class: 'tl-axis-wrap' }, axisSvg), scroller, empty);
  return {
    root,
    windowText,
    hint,
    clear,
    legend,
    zoomOut,
    zoomIn,
    fit,
    busiest,
    axisSvg,
    densityG,
    axisWindow,
    axisCursor,
    axisG,
    axisTitle,
    scroller,
    lanesSvg,
    defs,
    gridG,
    brushG,
    itemsG,
    measure,
    empty,
  };
}

export function createTimeline(container: HTMLElement, options: TimelineOptions): Timeline {
  const parts = buildParts();
  const m: TimelineModel = {
    uid: `tl${++instances}`,
    labels: options.labels,
    parts,
    rows: [],
    state: { selectedId: null, window: null, dir: 'ltr' },
    width: 0,
    viewHeight: 0,
    contentHeight: 0,
    base: scaleUtc(),
    transform: zoomIdentity,
    shownWindow: null,
    brushing: false,
    locale: 'en',
    widths: new Map(),
    tabStop: null,
  };
  container.append(parts.root);
  buildDefs(parts.defs, m.uid);
  let domainKey = '';
  let layoutKey = '';

  const zoom = createZoom(m, () => draw());
  const brush = createBrush(m, {
    show: (window) => {
      renderStatus(m, window);
      applyClasses(m, window);
    },
    onBrush: (window) => options.onBrush(window),
  });
  parts.clear.addEventListener('click', () => brush.commit(null));

  // Sizing: lanes fill the container below the toolbar and axis; more lanes scroll.
  const resizer = new ResizeObserver(() => {
    const nextWidth = parts.scroller.clientWidth;
    const nextHeight = parts.scroller.clientHeight;
    if (nextWidth === m.width && nextHeight === m.viewHeight) return;
    const keep = m.width > 0 ? visibleDomain(m) : null;
    m.width = nextWidth;
    m.viewHeight = nextHeight;
    m.widths.clear();
    fitScale(m, zoom, keep, layout);
  });
  resizer.observe(parts.scroller);

  /** Packs the rows into lanes at the fitted zoom and sizes the lanes and the brush to them. */
  function layout(): void {
    packLanes(m);
    if (m.width > 0) {
      const height = Math.max(m.contentHeight, m.viewHeight);
      parts.lanesSvg.setAttribute('width', String(m.width));
      parts.lanesSvg.setAttribute('height', String(height));
      brush.resize(height);
    }
    joinItems(m, { onSelect: options.onSelect, onKey: onItemKey });
  }

  /** Positions everything at the current zoom: axis, grid, bars, labels, brush. */
  function draw(): void {
    if (m.width <= 0 || m.rows.length === 0) return;
    drawAxis(m, Math.max(m.contentHeight, m.viewHeight));
    const { shapes, placements } = placeLabels(m, current(m));
    drawItems(m, shapes, placements);
    brush.move();
    drawAxisWindow(m, m.shownWindow);
    drawAxisCursor(m);
  }

  /** Enter selects; the arrows (with time), Home and End move the focus along the items. */
  function onItemKey(event: KeyboardEvent, row: Row): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onSelect(row.item.id);
      return;
    }
    const later = rtl(m) ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl(m) ? 'ArrowRight' : 'ArrowLeft';
    let target: number | null = null;
    if (event.key === later) target = row.order + 1;
    else if (event.key === earlier) target = row.order - 1;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = m.rows.length - 1;
    if (target === null) return;
    event.preventDefault();
    const next = m.rows[Math.max(0, Math.min(m.rows.length - 1, target))];
    if (!next) return;
    revealRow(m, zoom, next);
    m.tabStop = next.item.id;
    applyClasses(m, m.shownWindow);
    parts.itemsG.querySelector<SVGGElement>(`g.tl-item[data-id="${CSS.escape(next.item.id)}"]`)?.focus();
  }

  return {
    showMessage(text: string, kind: 'loading' | 'error'): void {
      parts.root.classList.add('is-empty', 'is-message');
      parts.root.setAttribute('aria-busy', String(kind === 'loading'));
      parts.empty.hidden = false;
      parts.empty.classList.toggle('tl-error', kind === 'error');
      parts.empty.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      parts.empty.textContent = text;
    },
    update(items: TimelineItem[], next: TimelineState): void {
      parts.root.classList.remove('is-message');
      parts.root.removeAttribute('aria-busy');
      parts.empty.classList.remove('tl-error');
      parts.empty.removeAttribute('role');
      const previous = m.state;
      const keep = m.width > 0 && m.rows.length > 0 ? visibleDomain(m) : null;
      m.state = next;
      renderChrome(m);
      m.locale = m.labels.dateLocale?.() ?? dateLocale(container.closest('[lang]')?.getAttribute('lang') ?? 'en');
      m.rows = prepareRows(items, m.labels, m.locale);
      parts.root.classList.toggle('is-empty', m.rows.length === 0);
      parts.empty.hidden = m.rows.length > 0;

      const nextDomainKey = m.rows.map((r) => `${r.span.from.getTime()}-${r.span.to.getTime()}`).join('|');
      const nextLayoutKey = `${m.state.dir}|${m.locale}|${m.rows.map((r) => `${r.item.id}:${r.text}`).join('|')}`;
      if (!sameWindow(m.state.window, m.shownWindow) && !m.brushing) m.shownWindow = m.state.window;
      if (nextDomainKey !== domainKey) {
        domainKey = nextDomainKey;
        layoutKey = nextLayoutKey;
        fitScale(m, zoom, null, layout);
      } else if (nextLayoutKey !== layoutKey || previous.dir !== m.state.dir) {
        layoutKey = nextLayoutKey;
        fitScale(m, zoom, keep, layout);
      } else {
        layout();
        draw();
      }
      renderStatus(m, m.shownWindow);
      applyClasses(m, m.shownWindow);
      // Follows the selection: the selected item, or the first of the items linked to the selected node.
      if (m.state.selectedId && m.state.selectedId !== previous.selectedId) {
        const row =
          m.rows.find((r) => r.item.id === m.state.selectedId) ??
          m.rows.find((r) => m.state.highlighted?.has(r.item.id));
        if (row) {
          revealRow(m, zoom, row);
          m.tabStop = row.item.id;
          applyClasses(m, m.shownWindow);
        }
      }
    },
    destroy(): void {
      resizer.disconnect();
      zoom.selection.on('.zoom', null);
      brush.destroy();
      parts.root.remove();
    },
  };
}
