/**
 * The explorer: wires the state store to the graph, timeline, map and panels. Data flows one way:
 * API → pure mapping → views; user actions go through the store, which also keeps the URL.
 */
import './styles.css';
import {
  type ApiEdge,
  ApiError,
  type ApiNode,
  type ApiPath,
  type ApiSubgraph,
  databaseReady,
  fetchNeighborhood,
  fetchOverview,
  fetchTimeline,
  findPaths,
  type TimelineData,
} from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { fetchExport, SERVER_EXPORTS, type ServerExport } from './export.ts';
import { displayName, hiddenIds, isFiltering, mergeSubgraphs, type ViewFilter, voicesIn } from './graph/elements.ts';
import { capNeighbourhood, EXPANSION_STEP, neighbourhoodRequestLimit, neighboursShown } from './graph/tuning.ts';
import { GraphView } from './graph/view.ts';
import { directionOf, type Strings, strings } from './i18n.ts';
import { createMap } from './map/map.ts';
import { DetailsPanel } from './panels/details.ts';
import { FiltersPanel } from './panels/filters.ts';
import { PathFinderPanel, type PathResult } from './panels/pathfinder.ts';
import { SearchBox } from './panels/search.ts';
import { Store, stateFromQuery, type ViewState } from './state.ts';
import { createTimeline } from './timeline/timeline.ts';
import type { MapPlace, TimelineItem } from './types.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
};

const store = new Store(stateFromQuery(location.search));
let s: Strings = strings(store.state.language);
let graphData: ApiSubgraph = { nodes: [], edges: [] };
let timelineData: TimelineData = { events: [], agreements: [] };
const expandedLoaded = new Set<string>();
/** How many pages of neighbours each expanded node shows, and which nodes have more to show. */
const expansionPages = new Map<string, number>();
const moreNeighbours = new Set<string>();
let paths: ApiPath[] = [];
let pathRequest = 0;

const graph = new GraphView($('graph'), {
  onSelect: (id) => store.select(id),
  onExpand: (id) => store.expand(id),
});

const details = new DetailsPanel($('panel-details'), {
  onNavigate: (id) => void selectAndReveal(id),
  onExpand: (id) => store.expand(id),
  onFocus: (id) => graph.focus(id),
  nameOf: (id) => {
    const node = nodeById(id);
    return node ? displayName(node, store.state.language) : null;
  },
});

const pathFinder = new PathFinderPanel($('panel-path'), {
  onFind: (query) => store.findPath(query),
  onChoose: (index) => store.choosePath(index),
  onNavigate: (id) => void selectAndReveal(id),
});

const filters = new FiltersPanel($('panel-filters'), {
  onVoices: (voices) => store.setVoices(voices),
  onMinCertainty: (certainty) => store.setMinCertainty(certainty),
  onClearWindow: () => store.setWindow(null),
});

const searchBox = new SearchBox($('search'), { onChoose: (node) => void selectAndReveal(node.id) });

const timeline = createTimeline($('timeline'), {
  onBrush: (window) => store.setWindow(window),
  onSelect: (id) => void selectAndReveal(id),
  labels: {
    get empty() {
      return s.timelineEmpty;
    },
    get clearWindow() {
      return s.timelineClear;
    },
    windowLabel: (window) => `${window.from} – ${window.to}`,
    get openStart() {
      return s.timelineOpenStart;
    },
    get approximate() {
      return s.approximate;
    },
    get zoomIn() {
      return s.zoomIn;
    },
    get zoomOut() {
      return s.zoomOut;
    },
    get fitAll() {
      return s.fit;
    },
    get brushHint() {
      return s.filtersNoWindow;
    },
    get brushArea() {
      return s.timelineBrushArea;
    },
    get axisHint() {
      return s.timelineAxisHint;
    },
    get legend() {
      return { event: s.kinds.EVENT, agreement: s.kinds.AGREEMENT };
    },
  },
});

const map = createMap($('map'), {
  onSelect: (id) => void selectAndReveal(id),
  labels: {
    get empty() {
      return s.mapEmpty;
    },
    get approximateNote() {
      return s.mapNote;
    },
    get resetView() {
      return s.mapReset;
    },
    get zoomIn() {
      return s.zoomIn;
    },
    get zoomOut() {
      return s.zoomOut;
    },
    get loading() {
      return s.loading;
    },
    get loadError() {
      return s.mapLoadError;
    },
  },
});

function nodeById(id: string): ApiNode | undefined {
  return (
    graphData.nodes.find((n) => n.id === id) ??
    timelineData.events.find((n) => n.id === id) ??
    timelineData.agreements.find((n) => n.id === id)
  );
}

function edgeById(id: string): ApiEdge | undefined {
  return graphData.edges.find((e) => e.id === id) ?? paths.flatMap((p) => p.edges).find((e) => e.id === id);
}

function currentFilter(state: ViewState = store.state): ViewFilter {
  return { window: state.window, voices: state.voices, minCertainty: state.minCertainty };
}

// Status: loading, empty and error states of the graph pane, and a banner while the database is down.
function setStatus(kind: 'loading' | 'empty' | 'error' | 'none', message = ''): void {
  const status = $('graph-status');
  status.className = `overlay overlay-${kind}`;
  status.hidden = kind === 'none';
  if (kind === 'error') {
    const retry = h('button', { type: 'button', class: 'button button-strong' }, s.retry);
    retry.addEventListener('click', () => void loadAll());
    replaceChildren(
      status,
      h('div', { class: 'overlay-card' }, h('strong', {}, s.errorTitle), h('p', {}, message), retry),
    );
  } else replaceChildren(status, kind === 'none' ? null : h('div', { class: 'overlay-card' }, message));
}

let readinessTimer: ReturnType<typeof setInterval> | undefined;
function showDatabaseDown(): void {
  const banner = $('banner');
  banner.hidden = false;
  banner.textContent = s.errorDatabase;
  if (readinessTimer) return;
  readinessTimer = setInterval(async () => {
    if (await databaseReady()) {
      clearInterval(readinessTimer);
      readinessTimer = undefined;
      banner.hidden = true;
      void loadAll();
    }
  }, 3000);
}

function describeError(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'NETWORK')) {
    showDatabaseDown();
    return s.errorDatabase;
  }
  return error instanceof Error ? error.message : s.errorGeneric;
}

async function loadAll(): Promise<void> {
  setStatus('loading', s.loadingGraph);
  try {
    const [overview, timelineResult] = await Promise.all([fetchOverview(), fetchTimeline()]);
    graphData = overview;
    timelineData = timelineResult;
    expandedLoaded.clear();
    moreNeighbours.clear();
    for (const id of store.state.expanded) await loadNeighbourhood(id);
    graph.setData(graphData, store.state.language);
    render(store.state, null);
    // The graph is drawn once its layout (in a worker) arrives; until then the loading card stays.
    if (graphData.nodes.length === 0) setStatus('empty', s.emptyGraph);
    else
      void graph.layoutDone.then(() => {
        if (!$('graph-status').classList.contains('overlay-error')) setStatus('none');
      });
    $('banner').hidden = true;
    if (store.state.path) void runPathQuery(store.state);
    else if (store.state.selected) graph.focus(store.state.selected);
  } catch (error) {
    setStatus('error', describeError(error));
  }
}

/** Loads a node's neighbours, at most EXPANSION_STEP per page; records whether the server has more. */
async function loadNeighbourhood(id: string): Promise<boolean> {
  if (expandedLoaded.has(id)) return false;
  const shown = neighboursShown(expansionPages.get(id) ?? 1);
  const capped = capNeighbourhood(await fetchNeighborhood(id, neighbourhoodRequestLimit(shown)), id, shown);
  graphData = mergeSubgraphs(graphData, capped.subgraph);
  expandedLoaded.add(id);
  if (capped.more) moreNeighbours.add(id);
  else moreNeighbours.delete(id);
  return true;
}

/** The "show more" bar: offers the next page of neighbours of the latest expanded node that has more. */
function renderShowMore(state: ViewState, loading = false): void {
  const bar = $('graph-more');
  const id = [...state.expanded].reverse().find((e) => moreNeighbours.has(e));
  const node = id ? nodeById(id) : undefined;
  bar.hidden = !id;
  if (!id) {
    replaceChildren(bar);
    return;
  }
  const button = h('button', { type: 'button', class: 'button button-strong' }, loading ? s.loading : s.showMore);
  button.disabled = loading;
  button.addEventListener('click', () => void showMore(id));
  replaceChildren(
    bar,
    h(
      'span',
      { class: 'graph-more-text' },
      s.moreNeighbours(EXPANSION_STEP, node ? displayName(node, state.language) : id),
    ),
    button,
  );
}

async function showMore(id: string): Promise<void> {
  renderShowMore(store.state, true);
  expansionPages.set(id, (expansionPages.get(id) ?? 1) + 1);
  expandedLoaded.delete(id);
  try {
    await loadNeighbourhood(id);
    graph.setData(graphData, store.state.language, id);
    graph.applyFilter(currentFilter());
    graph.markExpanded(store.state.expanded);
    renderFilters(store.state);
    renderLinkedViews(store.state);
  } catch (error) {
    expansionPages.set(id, (expansionPages.get(id) ?? 2) - 1);
    setStatus('error', describeError(error));
  }
  renderShowMore(store.state);
}

/** Selects a node, loading its neighbourhood first when it is not in the graph yet. */
async function selectAndReveal(id: string): Promise<void> {
  if (!graphData.nodes.some((n) => n.id === id) && !edgeById(id)) {
    try {
      await loadNeighbourhood(id);
      graph.setData(graphData, store.state.language, id);
      store.update({ selected: id, tab: 'details', expanded: [...store.state.expanded, id] });
    } catch (error) {
      setStatus('error', describeError(error));
    }
    return;
  }
  store.select(id);
  graph.focus(id);
}

async function runPathQuery(state: ViewState): Promise<void> {
  const query = state.path;
  const request = ++pathRequest;
  if (!query) {
    paths = [];
    pathFinder.render({ status: 'idle' });
    graph.showPath(null, state.language);
    return;
  }
  pathFinder.setQuery(query, nodeById(query.from) ?? null, nodeById(query.to) ?? null);
  pathFinder.render({ status: 'loading' });
  try {
    const found = await findPaths(query.from, query.to, query.asOf);
    if (request !== pathRequest) return;
    paths = found;
    const ends = found[0]?.nodes ?? [];
    pathFinder.setQuery(
      query,
      ends[0] ?? nodeById(query.from) ?? null,
      ends[ends.length - 1] ?? nodeById(query.to) ?? null,
    );
    showPaths(store.state);
  } catch (error) {
    if (request !== pathRequest) return;
    pathFinder.render({ status: 'error', message: describeError(error) });
  }
}

function showPaths(state: ViewState): void {
  const index = Math.min(state.pathIndex, Math.max(0, paths.length - 1));
  const result: PathResult = { status: 'done', paths, selected: index };
  pathFinder.render(result);
  graph.showPath(paths[index] ?? null, state.language);
}

function timelineItems(): TimelineItem[] {
  return [...timelineData.events, ...timelineData.agreements]
    .filter((n) => n.date)
    .map((n) => ({
      id: n.id,
      kind: n.kind === 'AGREEMENT' ? 'AGREEMENT' : 'EVENT',
      label: displayName(n, store.state.language),
      start: n.date?.start ?? null,
      end: n.date?.end ?? null,
      precision: n.date?.precision ?? 'YEAR',
      approximate: n.date?.approximate ?? false,
      earliest: n.date?.earliest ?? null,
      latest: n.date?.latest ?? null,
      certainty: n.certainty ?? null,
    }));
}

function mapPlaces(): MapPlace[] {
  return graphData.nodes
    .filter((n) => n.kind === 'PLACE' && n.coordinates)
    .map((n) => ({
      id: n.id,
      label: displayName(n, store.state.language),
      kind: n.placeKind ?? 'place',
      lat: n.coordinates?.lat ?? 0,
      lon: n.coordinates?.lon ?? 0,
      origin: n.coordinates?.origin ?? 'gazetteer',
      approximate: n.coordinates?.approximate ?? true,
    }));
}

function renderLinkedViews(state: ViewState): void {
  const filter = currentFilter(state);
  const dir = directionOf(state.language);
  const hidden = isFiltering(filter)
    ? hiddenIds(
        graph.cy.nodes().map((n) => n.data()),
        graph.cy.edges().map((e) => e.data()),
        filter,
      )
    : new Set<string>();
  const visiblePlaces = isFiltering(filter)
    ? new Set(graphData.nodes.filter((n) => n.kind === 'PLACE' && !hidden.has(n.id)).map((n) => n.id))
    : null;
  timeline.update(timelineItems(), { selectedId: state.selected, window: state.window, dir });
  map.update(mapPlaces(), { selectedId: state.selected, activeIds: visiblePlaces, dir });
}

function renderStaticText(): void {
  document.documentElement.lang = store.state.language;
  document.documentElement.dir = directionOf(store.state.language);
  document.title = s.appTitle;
  $('app-title').textContent = s.appTitle;
  $('app-subtitle').textContent = s.appSubtitle;
  $('language').textContent = s.language;
  $('language').setAttribute('aria-label', s.languageLabel);
  $('export-png').textContent = s.exportPng;
  $('export-png').title = s.exportLabel;
  $('export-json').textContent = s.exportJson;
  $('export-json').title = s.exportJsonLabel;
  $('export-graphml').textContent = s.exportGraphml;
  $('export-graphml').title = s.exportGraphmlLabel;
  $('export-csv').textContent = s.exportCsv;
  $('export-csv').title = s.exportCsvLabel;
  $('fit').textContent = s.fit;
  $('fit').title = s.fitLabel;
  $('zoom-in').setAttribute('aria-label', s.zoomIn);
  $('zoom-out').setAttribute('aria-label', s.zoomOut);
  $('tab-details').textContent = s.tabDetails;
  $('tab-path').textContent = s.tabPath;
  $('tab-filters').textContent = s.tabFilters;
  replaceChildren(
    $('legend'),
    h('p', { class: 'legend-title' }, s.legend),
    h(
      'ul',
      { class: 'legend-kinds' },
      (['ACTOR', 'PLACE', 'EVENT', 'AGREEMENT'] as const).map((kind) =>
        h('li', {}, h('span', { class: `legend-shape shape-${kind.toLowerCase()}` }), s.kinds[kind]),
      ),
    ),
    h('p', { class: 'legend-edges' }, s.legendEdges),
  );
}

function renderFilters(state: ViewState): void {
  filters.render({
    voices: voicesIn(graphData).map((id) => {
      const node = nodeById(id);
      return { id, name: node ? displayName(node, state.language) : id };
    }),
    selectedVoices: state.voices,
    minCertainty: state.minCertainty,
    window: state.window,
  });
}

function renderTabs(state: ViewState): void {
  for (const tab of ['details', 'path', 'filters'] as const) {
    const button = $(`tab-${tab}`);
    button.setAttribute('aria-selected', String(state.tab === tab));
    button.tabIndex = state.tab === tab ? 0 : -1;
    $(`panel-${tab}`).hidden = state.tab !== tab;
  }
}

/** Brings every view in line with the state; `previous` null means everything changed. */
function render(state: ViewState, previous: ViewState | null): void {
  const changed = <K extends keyof ViewState>(key: K) => previous === null || previous[key] !== state[key];
  if (changed('language')) {
    s = strings(state.language);
    renderStaticText();
    graph.setLanguage(state.language, directionOf(state.language));
    searchBox.setLanguage(s, state.language);
    details.setLanguage(s, state.language);
    pathFinder.setLanguage(s, state.language);
    filters.setLanguage(s);
  }
  if (changed('window') || changed('voices') || changed('minCertainty') || previous === null) {
    graph.applyFilter(currentFilter(state));
  }
  if (changed('selected') || changed('language')) {
    graph.select(state.selected);
    const edge = state.selected ? (edgeById(state.selected) ?? null) : null;
    void details.show(state.selected, edge);
  }
  if (changed('expanded')) graph.markExpanded(state.expanded);
  renderFilters(state);
  renderShowMore(state);
  renderTabs(state);
  renderLinkedViews(state);
  if (previous !== null && (changed('path') || changed('pathIndex'))) {
    if (previous.path !== state.path) void runPathQuery(state);
    else showPaths(state);
  }
}

store.subscribe((state, previous) => {
  if (state.expanded.some((id) => !expandedLoaded.has(id))) {
    void (async () => {
      try {
        let anchor: string | undefined;
        for (const id of state.expanded) if (await loadNeighbourhood(id)) anchor = id;
        graph.setData(graphData, state.language, anchor);
        graph.applyFilter(currentFilter(state));
        render(state, previous);
      } catch (error) {
        setStatus('error', describeError(error));
      }
    })();
    return;
  }
  render(state, previous);
});

window.addEventListener('popstate', () => {
  store.update(stateFromQuery(location.search), 'none');
});

// Controls.
$('language').addEventListener('click', () => store.setLanguage(store.state.language === 'en' ? 'ar' : 'en'));
$('fit').addEventListener('click', () => graph.fit());
$('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
for (const tab of ['details', 'path', 'filters'] as const)
  $(`tab-${tab}`).addEventListener('click', () => store.showTab(tab));
// Keyboard on the graph: + / - zoom, F fits, Enter expands the selection, Escape clears it.
$('graph').tabIndex = 0;
$('graph').addEventListener('keydown', (event) => {
  if (event.key === '+' || event.key === '=') graph.zoomBy(1.25);
  else if (event.key === '-') graph.zoomBy(0.8);
  else if (event.key === 'f' || event.key === 'F') graph.fit();
  else if (event.key === 'Escape') store.select(null);
  else if (event.key === 'Enter' && store.state.selected) store.expand(store.state.selected);
});

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = h('a', { href: url, download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$('export-png').addEventListener('click', () => download(graph.png(), 'baghouz-graph.png'));
/** Server-made exports of what the graph shows: dataset JSON, GraphML and ACLED-style CSV, citations included. */
function serverExport(format: ServerExport): void {
  fetchExport(format, graph.visibleIds().nodes).then(
    (blob) => download(blob, SERVER_EXPORTS[format].file),
    (error: unknown) => {
      const banner = $('banner');
      banner.textContent = `${s.exportFailed} ${(error as Error).message}`;
      banner.hidden = false;
    },
  );
}
$('export-json').addEventListener('click', () => serverExport('dataset'));
$('export-graphml').addEventListener('click', () => serverExport('graphml'));
$('export-csv').addEventListener('click', () => serverExport('csv'));

new ResizeObserver(() => graph.resize()).observe($('graph'));
render(store.state, null);
void loadAll();

// For end-to-end tests and benchmarks: read-only handles, no behaviour of their own.
Object.assign(window, { explorer: { cy: graph.cy, store, graph } });
