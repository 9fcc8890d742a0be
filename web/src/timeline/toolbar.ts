/**
 * The timeline's toolbar and texts: the chosen window (or a hint), the clear button, the legend, the zoom
 * buttons' names, the axis tooltip and the empty note, in the interface language and direction.
 */
import { h, svgEl } from '../dom.ts';
import type { TimeWindow } from '../ui-types.ts';
import { drawAxisWindow } from './axis.ts';
import { glyphPath } from './items.ts';
import { rtl, type TimelineModel } from './model.ts';

/** The window in the toolbar and on the axis, and in the brush area's accessible name. */
export function renderStatus(m: TimelineModel, window: TimeWindow | null): void {
  const { labels, parts } = m;
  parts.windowText.textContent = window ? labels.windowLabel(window) : '';
  parts.windowText.hidden = window === null;
  parts.hint.textContent = labels.brushHint ?? '';
  parts.hint.hidden = window !== null || !labels.brushHint;
  parts.clear.hidden = window === null;
  drawAxisWindow(m, window);
  const area = labels.brushArea ?? 'Time window: drag to choose, Enter for the middle of the view, Escape to clear';
  parts.brushG.setAttribute('aria-label', window ? `${area} (${labels.windowLabel(window)})` : area);
}

export function renderChrome(m: TimelineModel): void {
  const { labels, parts } = m;
  parts.root.dir = m.state.dir;
  // Gradients run with time: mirrored when time runs right to left.
  for (const gradient of parts.defs.querySelectorAll('linearGradient')) {
    gradient.setAttribute('x1', rtl(m) ? '1' : '0');
    gradient.setAttribute('x2', rtl(m) ? '0' : '1');
  }
  parts.clear.textContent = labels.clearWindow;
  parts.fit.textContent = labels.allDates ?? labels.fitAll ?? '⤢';
  parts.fit.title = labels.allDates ?? labels.fitAll ?? 'Fit all';
  parts.busiest.textContent = labels.busiest ?? '';
  parts.busiest.hidden = !labels.busiest;
  parts.zoomIn.setAttribute('aria-label', labels.zoomIn ?? 'Zoom in');
  parts.zoomIn.title = labels.zoomIn ?? 'Zoom in';
  parts.zoomOut.setAttribute('aria-label', labels.zoomOut ?? 'Zoom out');
  parts.zoomOut.title = labels.zoomOut ?? 'Zoom out';
  parts.axisTitle.textContent = labels.axisHint ?? 'Scroll to zoom, drag to pan';
  parts.empty.textContent = labels.empty;
  parts.legend.replaceChildren();
  if (labels.legend) {
    parts.legend.append(
      legendEntry(m, 'event', labels.legend.event),
      legendEntry(m, 'agreement', labels.legend.agreement),
      legendEntry(m, 'lead', labels.openStart),
      legendEntry(m, 'approximate', labels.approximate),
    );
  }
}

function legendEntry(
  m: TimelineModel,
  kind: 'event' | 'agreement' | 'lead' | 'approximate',
  text: string,
): HTMLElement {
  let mark: SVGElement;
  if (kind === 'event' || kind === 'agreement')
    mark = svgEl('path', {
      class: `tl-legend-glyph tl-${kind}`,
      d: glyphPath(kind === 'event' ? 'EVENT' : 'AGREEMENT', 5),
      transform: 'translate(11,6)',
    });
  else if (kind === 'lead')
    mark = svgEl('rect', {
      class: 'tl-legend-lead',
      x: '0',
      y: '3',
      width: '22',
      height: '6',
      fill: `url(#${m.uid}-legend-lead)`,
    });
  else mark = svgEl('text', { class: 'tl-legend-tilde', x: '11', y: '10' }, '~');
  const icon = svgEl('svg', { class: 'tl-legend-icon', width: '22', height: '12', 'aria-hidden': 'true' }, mark);
  return h('span', { class: 'tl-legend-entry' }, icon, h('span', { class: 'tl-legend-text' }, text));
}
