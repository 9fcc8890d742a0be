/**
 * Narrow screens (phones): one pane at a time, graph, panels, timeline or map, with a switcher above them. The choice
 * is a class on the page; on wide screens every pane shows and the switcher is hidden (styles.css).
 */
import { $ } from './page.ts';

export type Pane = 'graph' | 'panels' | 'timeline' | 'map';
const PANES: readonly Pane[] = ['graph', 'panels', 'timeline', 'map'];

let onResize: () => void = () => {};

/** Shows one pane on narrow screens (does nothing visible on wide ones). */
export function showPane(pane: Pane): void {
  const app = $('app');
  if (app.dataset.pane === pane) return;
  app.dataset.pane = pane;
  for (const each of PANES) $(`pane-${each}`).setAttribute('aria-pressed', String(each === pane));
  // The shown pane was display: none; the views measure themselves again.
  requestAnimationFrame(() => {
    onResize();
    window.dispatchEvent(new Event('resize'));
  });
}

export function wirePanes(resize: () => void): void {
  onResize = resize;
  $('app').dataset.pane = 'graph';
  for (const pane of PANES) $(`pane-${pane}`).addEventListener('click', () => showPane(pane));
}
