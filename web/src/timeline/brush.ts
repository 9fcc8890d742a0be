/**
 * The timeline's brush: drag across empty lane space to choose a time window (a plain click clears it), or use
 * the keyboard on the brush area (Enter picks the middle of the view, arrows move the window, Shift+arrows
 * stretch it, Escape clears). Windows snap to whole months when zoomed out past three years, to days otherwise.
 */
import { type BrushBehavior, brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import type { TimeWindow } from '../ui-types.ts';
import { current, rtl, sameWindow, type TimelineModel, visibleDomain } from './model.ts';
import { DAY_MS, snapRange, windowBounds, windowFromRange } from './spans.ts';

export interface BrushHooks {
  /** Shows a window (while brushing, or once chosen) in the toolbar and on the items. */
  show(window: TimeWindow | null): void;
  /** The user chose a different window (null: cleared). */
  onBrush(window: TimeWindow | null): void;
}

export interface TimelineBrush {
  /** Moves the brush to the shown window (none when there is no window or nothing to brush). */
  move(): void;
  /** Brushes over `height` px of lanes. */
  resize(height: number): void;
  /** Takes `window` as the chosen one, tells the hooks, and reports it when it changed. */
  commit(window: TimeWindow | null): void;
  destroy(): void;
}

function visibleDays(m: TimelineModel): number {
  const [a, b] = visibleDomain(m);
  return (b.getTime() - a.getTime()) / DAY_MS;
}

/** A window of whole months when zoomed out past three years, of whole days otherwise. */
function snappedWindow(m: TimelineModel, a: Date, b: Date): TimeWindow {
  const [lo, hi] = snapRange(a, b, visibleDays(m) > 3 * 365 ? 'month' : 'day');
  return windowFromRange(lo, hi);
}

export function createBrush(m: TimelineModel, hooks: BrushHooks): TimelineBrush {
  const brushG = m.parts.brushG;
  const windowOf = (selection: unknown): TimeWindow | null => {
    if (!Array.isArray(selection) || selection.length !== 2) return null;
    const scale = current(m);
    const [x0, x1] = selection as [number, number];
    return snappedWindow(m, scale.invert(x0), scale.invert(x1));
  };

  const behavior: BrushBehavior<unknown> = brushX<unknown>()
    .handleSize(8)
    .on('start', (event: D3BrushEvent<unknown>) => {
      if (event.sourceEvent) m.brushing = true;
    })
    .on('brush', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      hooks.show(windowOf(event.selection));
    })
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      m.brushing = false;
      commit(windowOf(event.selection));
    });
  const selection = select(brushG);
  selection.call(behavior);
  brushG.setAttribute('tabindex', '0');
  brushG.setAttribute('role', 'group');
  brushG.addEventListener('keydown', onKey);

  function move(): void {
    if (m.brushing || m.width <= 0) return;
    const scale = current(m);
    if (!m.shownWindow || m.rows.length === 0) {
      selection.call(behavior.move, null);
      return;
    }
    const { from, to } = windowBounds(m.shownWindow);
    const x0 = scale(from);
    const x1 = scale(to);
    selection.call(behavior.move, [Math.min(x0, x1), Math.max(x0, x1)]);
  }

  function commit(window: TimeWindow | null): void {
    const changed = !sameWindow(window, m.shownWindow);
    m.shownWindow = window;
    move();
    hooks.show(window);
    if (changed) hooks.onBrush(window);
  }

  function onKey(event: KeyboardEvent): void {
    const step = Math.max(DAY_MS, (visibleDays(m) * DAY_MS) / 20);
    const later = rtl(m) ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl(m) ? 'ArrowRight' : 'ArrowLeft';
    const shown = m.shownWindow;
    if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      if (shown) commit(null);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const [a, b] = visibleDomain(m);
      const third = (b.getTime() - a.getTime()) / 3;
      if (!shown) commit(snappedWindow(m, new Date(a.getTime() + third), new Date(b.getTime() - third)));
    } else if ((event.key === later || event.key === earlier) && shown) {
      const sign = event.key === later ? 1 : -1;
      const { from, to } = windowBounds(shown);
      const start = event.shiftKey ? from : new Date(from.getTime() + sign * step);
      const end = new Date(Math.max(start.getTime() + DAY_MS, to.getTime() + sign * step));
      commit(windowFromRange(start, end));
    } else return;
    event.preventDefault();
  }

  return {
    move,
    resize(height: number): void {
      behavior.extent([
        [0, 0],
        [Math.max(1, m.width), height],
      ]);
      selection.call(behavior);
    },
    commit,
    destroy(): void {
      selection.on('.brush', null);
    },
  };
}
