/**
 * The timeline pane before its code has arrived: the explorer's first frame does not wait for the timeline and its
 * d3 modules. Until `load` resolves the pane shows the latest message; the latest update (and a message given after
 * it) is applied once the real pane exists; a failed load says so in the pane.
 */
import type { Timeline, TimelineOptions } from './timeline.ts';

type TimelineModule = Pick<typeof import('./timeline.ts'), 'createTimeline'>;

export interface LazyTimeline extends Timeline {
  /** Starts loading the pane's code (once); resolves when the pane is built. */
  load(): Promise<void>;
}

export function lazyTimeline(
  container: HTMLElement,
  options: TimelineOptions,
  importTimeline: () => Promise<TimelineModule>,
  loadFailed: () => string,
): LazyTimeline {
  let pane: Timeline | null = null;
  let lastUpdate: Parameters<Timeline['update']> | null = null;
  let lastMessage: Parameters<Timeline['showMessage']> | null = null;
  let loading: Promise<void> | null = null;
  let destroyed = false;
  const note = document.createElement('p');
  note.className = 'pane-placeholder';

  const showNote = (text: string, kind: 'loading' | 'error') => {
    note.textContent = text;
    note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    note.classList.toggle('tl-error', kind === 'error');
    container.setAttribute('aria-busy', String(kind === 'loading'));
    if (!note.isConnected) container.append(note);
  };

  return {
    load() {
      loading ??= importTimeline().then(
        ({ createTimeline }) => {
          if (destroyed) return;
          note.remove();
          container.removeAttribute('aria-busy');
          pane = createTimeline(container, options);
          if (lastUpdate) pane.update(...lastUpdate);
          if (lastMessage) pane.showMessage(...lastMessage);
        },
        () => showNote(loadFailed(), 'error'),
      );
      return loading;
    },
    update(items, state) {
      if (pane) pane.update(items, state);
      else {
        lastUpdate = [items, state];
        lastMessage = null;
      }
    },
    showMessage(text, kind) {
      if (pane) pane.showMessage(text, kind);
      else {
        showNote(text, kind);
        lastMessage = [text, kind];
      }
    },
    destroy() {
      destroyed = true;
      pane?.destroy();
      note.remove();
    },
  };
}
