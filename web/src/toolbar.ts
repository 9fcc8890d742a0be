/**
 * The toolbar's actions: copy a link to the view, saved views (their dialog loads when asked for), the PNG made in the
 * page and the exports the server makes of what the graph shows; and the status line that says how they went.
 */
import type { DataStore } from './data.ts';
import { pngCaption } from './explain.ts';
import { fetchExport, SERVER_EXPORTS, type ServerExport } from './export.ts';
import { graphPng } from './graph/png.ts';
import type { GraphView } from './graph/view.ts';
import type { Strings } from './i18n.ts';
import { $, download, showBanner } from './page.ts';
import { type Store, stateFromQuery } from './state.ts';

export interface ToolbarContext {
  store: Store;
  graph: GraphView;
  data: DataStore;
  strings(): Strings;
  nameOf(id: string): string | null;
}

/** A short message in the status line under the toolbar, read by screen readers, cleared after a while. */
let announceTimer: ReturnType<typeof setTimeout> | undefined;
export function announce(text: string): void {
  const line = $('announce');
  line.textContent = text;
  line.classList.add('is-shown');
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    line.classList.remove('is-shown');
    line.textContent = '';
  }, 6000);
}

export function wireToolbar({ store, graph, data, strings, nameOf }: ToolbarContext): void {
  $('copy-link').addEventListener('click', () => {
    navigator.clipboard.writeText(location.href).then(
      () => announce(strings().linkCopied),
      () => announce(strings().copyFailed),
    );
  });

  $('saved-views-button').addEventListener('click', () => {
    import('./views/dialog.ts').then(
      ({ openSavedViews }) =>
        openSavedViews({
          strings,
          language: () => store.state.language,
          open: (query) => store.update({ ...stateFromQuery(query), language: store.state.language }),
        }),
      () => showBanner(strings().paneLoadError),
    );
  });

  const failed = (error: unknown) => showBanner(`${strings().exportFailed} ${(error as Error).message}`);
  $('export-png').addEventListener('click', () => {
    graphPng(graph.cy, pngCaption(store.state, data, graph, strings(), nameOf)).then(
      (blob) => download(blob, 'baghouz-graph.png'),
      failed,
    );
  });
  // Server-made exports of what the graph shows: dataset JSON, GraphML and ACLED-style CSV, citations included.
  const serverExport = (format: ServerExport) =>
    fetchExport(format, graph.visibleIds().nodes).then((blob) => download(blob, SERVER_EXPORTS[format].file), failed);
  $('export-json').addEventListener('click', () => void serverExport('dataset'));
  $('export-graphml').addEventListener('click', () => void serverExport('graphml'));
  $('export-csv').addEventListener('click', () => void serverExport('csv'));
}
