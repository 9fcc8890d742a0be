/**
 * The explorer, loaded by main.ts once the opening view is asked for. Its wiring: the view state (state.ts) and the
 * loaded data (data.ts) on one side, the graph, timeline, map and panels on the other. Data flows one way: API → data
 * store → pure mapping → views; user actions go through the view state, which also keeps the URL.
 */
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { databaseReady, fetchNeighborhood, fetchOverview, fetchTimeline, findPaths } from './api.ts';
import { activePlaces, DataStore, mapPlaces, timelineItems } from './data.ts';
import { h } from './dom.ts';
import { GraphEdits } from './edits.ts';
import { describeFailure } from './errors.ts';
import { describeElement, filterReasons } from './explain.ts';
import { editStrings } from './graph/edit-strings.ts';
import { attributedToIn, displayName, NO_FILTER, type ViewFilter } from './graph/elements.ts';
import { afterTypedExpansion } from './graph/menu-model.ts';
import { capNeighborhood, EXPANSION_STEP, neighborhoodRequestLimit } from './graph/tuning.ts';
import { type CursorMove, GraphView } from './graph/view.ts';
import { directionOf, type Strings, strings } from './i18n.ts';
import type { MapState, MapView } from './map/map.ts';
import { takeEarlyOpening } from './opening.ts';
import {
  $,
  graphInsets,
  graphStatusIsError,
  mapLabels,
  renderScope,
  renderShowMore,
  renderStaticText,
  renderTabs,
  setGraphStatus,
  showBanner,
  showDatabaseDown,
  timelineLabels,
  wireLegend,
  wireTabs,
} from './page.ts';
import { DetailsPanel } from './panels/details.ts';
import { FiltersPanel } from './panels/filters.ts';
import { legendWords } from './panels/legend-words.ts';
import { PathFinderPanel } from './panels/pathfinder.ts';
import { SearchBox } from './panels/search.ts';
import { TimeBar } from './panels/timebar.ts';
import { showPane, wirePanes } from './panes.ts';
import { Store, stateFromQuery, type ViewState } from './state.ts';
import { lazyTimeline } from './timeline/lazy.ts';
import { announce, wireToolbar } from './toolbar.ts';
import type { TimeWindow } from './ui-types.ts';
import { arrangeOptions, ViewOptions } from './view-options.ts';
import { relationWord } from './words.ts';

const store = new Store(stateFromQuery(location.search));
const data = new DataStore();
let s: Strings = strings(store.state.language);
let pathRequest = 0;

const graph = new GraphView($('graph'), {
  onSelect: (id) => store.select(id),
  onExpand: (id) => void expandNode(id),
  describe: (id) => describeElement(id, data, store.state.language, s),
  insets: () => graphInsets(),
  onContextMenu: (id, at) => edits.openMenu(id, at),
  onSelectionChange: (ids) => edits.selectionChanged(ids),
  onMoved: (id, position) => store.keepPosition(id, position),
  onStyled: () => viewOptions.renderLegend(),
  arrangeOptions: () => arrangeOptions(store.state, data.graph),
  arrangerLabels: () => legendWords(store.state.language).arranger,
});

const nameOf = (id: string): string | null => {
  const node = data.nodeById(id);
  return node ? displayName(node, store.state.language) : null;
};

const viewOptions = new ViewOptions(
  store,
  () => graph,
  nameOf,
  (layout) => {
    // A new layout drops the dragged positions (they belong to the old one); choosing it is an edit Ctrl+Z undoes.
    if (Object.keys(store.state.positions).length > 0) store.update({ positions: {} }, 'replace');
    void edits.chooseLayout(layout, legendWords(store.state.language).layouts[layout]);
  },
);

const details = new DetailsPanel($('panel-details'), {
  onNavigate: (id) => void selectAndReveal(id),
  onExpand: (id) => void expandNode(id),
  onFocus: (id) => {
    store.setFocus(id);
    showPane('graph');
    graph.focus(id);
  },
  nameOf,
});

const pathFinder = new PathFinderPanel($('panel-path'), {
  onFind: (query) => store.findPath(query),
  onChoose: (index) => store.choosePath(index),
  onNavigate: (id) => void selectAndReveal(id),
});

const filters = new FiltersPanel($('panel-filters'), {
  onAttributedTo: (actors) => store.setAttributedTo(actors),
  onMinCertainty: (certainty) => store.setMinCertainty(certainty),
  onClearWindow: () => store.setWindow(null),
});

const searchBox = new SearchBox($('search'), {
  onChoose: (node) => {
    showPane('panels');
    void selectAndReveal(node.id);
  },
});

/** Whether a filter other than the time window leaves the timeline and map with nothing (their empty notes say so). */
let filteredOut = false;
// The timeline's code (and d3's) loads once the graph is drawn: it is not needed for the first frame.
const timeline = lazyTimeline(
  $('timeline'),
  {
    onBrush: (window) => store.setWindow(window),
    onSelect: (id) => void selectAndReveal(id),
    labels: timelineLabels(
      () => s,
      () => filteredOut,
    ),
  },
  () => import('./timeline/timeline.ts'),
  () => s.paneLoadError,
);

// The map (and its atlas) loads once the graph is drawn: it is not needed for the first frame.
let map: MapView | null = null;
let mapShows: Parameters<MapView['update']> | null = null;
let mapLoading: Promise<void> | null = null;
/** A map whose code could not be fetched (a deploy replaced it, the network dropped) says so in its pane. */
function showMapLoadError(): void {
  const note = h('p', { class: 'pane-placeholder', role: 'alert' }, s.paneLoadError);
  $('map').replaceChildren(note);
}

function loadMap(): Promise<void> {
  mapLoading ??= import('./map/map.ts').then(({ createMap }) => {
    map = createMap($('map'), {
      onSelect: (id) => void selectAndReveal(id),
      labels: mapLabels(
        () => s,
        () => filteredOut,
      ),
    });
    if (mapShows) map.update(...mapShows);
  }, showMapLoadError);
  return mapLoading;
}

function currentFilter(state: ViewState = store.state): ViewFilter {
  return {
    window: state.window,
    attributedTo: state.attributedTo,
    minCertainty: state.minCertainty,
    asOf: state.playAt,
  };
}

/** What the graph hides: what the filters leave out and what the user hid. */
const hiddenInView = (state: ViewState = store.state): Set<string> =>
  new Set([...data.hidden(currentFilter(state)), ...state.hidden]);

const setStatus = (kind: Parameters<typeof setGraphStatus>[1], message = '') =>
  setGraphStatus(s, kind, message, () =>
    kind === 'filtered' ? store.update({ ...NO_FILTER, attributedTo: [] }) : void loadAll(),
  );

/** Says so in the graph pane when the filters hide every node, and why. */
function showFilterOutcome(state: ViewState): void {
  if (graphStatusIsError() || data.graph.nodes.length === 0) return;
  const hidden = data.hidden(currentFilter(state));
  const nothing = hidden.size > 0 && data.displayed().nodes.every((n) => hidden.has(n.id));
  if (nothing) setStatus('filtered', filterReasons(state, s, nameOf));
  else if ($('graph-status').classList.contains('overlay-filtered')) setStatus('none');
}

function describeError(error: unknown): string {
  const { message, databaseDown } = describeFailure(error, s);
  if (databaseDown) showDatabaseDown(s.errorDatabase, databaseReady, () => void loadAll());
  return message;
}

/**
 * The opening view first: the graph is drawn as soon as its data arrives; the timeline fills in when its own answer
 * does, and the map loads after the graph's first frame.
 */
async function loadAll(): Promise<void> {
  setStatus('loading', s.loadingGraph);
  overviewRequest++;
  overviewLoading = false;
  try {
    // The whole graph comes unwindowed (the window hides what it leaves out, in the page); a view chosen by time is
    // asked again for the link's window.
    data.replaceOverview(await (takeEarlyOpening() ?? fetchOverview(null)), null);
    const window = store.state.window;
    if (window && data.overviewFollowsWindow) data.replaceOverview(await fetchOverview(window), window);
    // The timeline is asked once the opening view is in, so that the server answers that first.
    const timelineAnswer = fetchTimeline();
    timelineAnswer.catch(() => {});
    if (!data.timelineLoaded) timeline.showMessage(s.loading, 'loading');
    for (const id of store.state.expanded) await loadNeighborhood(id);
    graph.setData(data.graph, store.state.language, { positions: data.positions, fresh: true });
    render(store.state, null);
    // The graph is drawn once its positions are applied; until then the loading card stays.
    if (data.graph.nodes.length === 0) setStatus('empty', s.emptyGraph);
    else
      void graph.layoutDone.then(() => {
        if (!graphStatusIsError()) setStatus('none');
        showFilterOutcome(store.state);
      });
    void graph.layoutDone.then(() =>
      requestAnimationFrame(() => {
        void timeline.load();
        void loadMap();
      }),
    );
    // A timeline that fails says so in its own pane; the graph stays.
    await timelineAnswer.then(
      (answer) => data.setTimeline(answer),
      (error: unknown) => timeline.showMessage(describeError(error), 'error'),
    );
    renderLinkedViews(store.state);
    showBanner(null);
    // A restored view frames what it restores, once the layout has placed the nodes (GraphView waits for it).
    if (store.state.path) void runPathQuery(store.state);
    else if (store.state.focus ?? store.state.selected)
      graph.focus((store.state.focus ?? store.state.selected) as string);
    else graph.fit(false);
  } catch (error) {
    setStatus('error', describeError(error));
  }
}

/** Loads the current page of a node's neighbours (at most EXPANSION_STEP more per page) unless it is in. */
async function loadNeighborhood(id: string): Promise<boolean> {
  if (data.isExpanded(id)) return false;
  const shown = data.neighborsToShow(id);
  const found = await fetchNeighborhood(id, neighborhoodRequestLimit(shown));
  const capped = capNeighborhood(found, id, shown);
  const edges = found.truncated ? { shown: found.edges.length, total: found.totalEdges } : null;
  data.addNeighborhood(id, capped.subgraph, capped.more, edges);
  return true;
}

const sameWindow = (a: TimeWindow | null, b: TimeWindow | null) => a?.from === b?.from && a?.to === b?.to;

/**
 * A view chosen by time (the latest events of a large graph) or asked for one window follows the window: a new window
 * asks the server for that window's view, once the brush has rested.
 */
function overviewNeedsWindow(window: TimeWindow | null): boolean {
  const overview = data.overview;
  if (!overview || sameWindow(overview.window, window)) return false;
  return data.overviewFollowsWindow || overview.window !== null;
}

let overviewRequest = 0;
let overviewTimer: ReturnType<typeof setTimeout> | undefined;
/** While a window's view is on its way the scope note says so. */
let overviewLoading = false;
function reloadOverviewSoon(window: TimeWindow | null): void {
  clearTimeout(overviewTimer);
  const request = ++overviewRequest;
  overviewLoading = true;
  renderScope(s, store.state.language, data.coverage(), (id) => nameOf(id) ?? id, true);
  overviewTimer = setTimeout(() => void reloadOverview(window, request), 250);
}

async function reloadOverview(window: TimeWindow | null, request: number): Promise<void> {
  try {
    const overview = await fetchOverview(window);
    if (request !== overviewRequest) return;
    data.replaceOverview(overview, window);
    for (const id of store.state.expanded) await loadNeighborhood(id);
    if (request !== overviewRequest) return;
    overviewLoading = false;
    graph.setData(data.graph, store.state.language, { positions: data.positions, fresh: true });
    graph.applyHidden(hiddenInView());
    graph.markExpanded(store.state.expanded);
    graph.select(store.state.selected);
    setStatus(data.graph.nodes.length === 0 ? 'empty' : 'none', s.emptyGraph);
    render(store.state, store.state);
  } catch (error) {
    if (request !== overviewRequest) return;
    overviewLoading = false;
    showScope();
    setStatus('error', describeError(error));
  }
}

function showScope(): void {
  renderScope(s, store.state.language, data.coverage(), (id) => nameOf(id) ?? id);
}

function showMoreBar(state: ViewState, loading = false): void {
  const id = data.withMoreNeighbors(state.expanded);
  const node = id ? { id, name: nameOf(id) ?? id } : null;
  renderShowMore(s, EXPANSION_STEP, node, loading, (more) => void showMore(more));
}

async function showMore(id: string): Promise<void> {
  showMoreBar(store.state, true);
  data.nextPage(id);
  try {
    await loadNeighborhood(id);
    graph.setData(data.graph, store.state.language, { anchor: id });
    graph.applyHidden(hiddenInView());
    graph.markExpanded(store.state.expanded);
    renderFilters(store.state);
    renderLinkedViews(store.state);
    showScope();
  } catch (error) {
    data.previousPage(id);
    setStatus('error', describeError(error));
  }
  showMoreBar(store.state);
}

/** Selects a node, loading its neighbourhood first when it is not in the graph yet. */
async function selectAndReveal(id: string): Promise<void> {
  if (!data.hasNode(id) && !data.edgeById(id)) {
    try {
      await loadNeighborhood(id);
      graph.setData(data.graph, store.state.language, { anchor: id });
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
    data.setPaths([]);
    pathFinder.render({ status: 'idle' });
    graph.showPath(null, state.language);
    return;
  }
  pathFinder.setQuery(query, data.nodeById(query.from) ?? null, data.nodeById(query.to) ?? null);
  pathFinder.render({ status: 'loading' });
  try {
    const types = query.without.length > 0 ? GRAPH_REL_TYPES.filter((t) => !query.without.includes(t)) : null;
    const found = await findPaths(query.from, query.to, query.asOf, types, query.datedOnly);
    if (request !== pathRequest) return;
    data.setPaths(found);
    const ends = found[0]?.nodes ?? [];
    pathFinder.setQuery(
      query,
      ends[0] ?? data.nodeById(query.from) ?? null,
      ends[ends.length - 1] ?? data.nodeById(query.to) ?? null,
    );
    showPaths(store.state);
  } catch (error) {
    if (request !== pathRequest) return;
    pathFinder.render({ status: 'error', message: describeError(error) });
  }
}

function showPaths(state: ViewState): void {
  const paths = data.paths;
  const index = Math.min(state.pathIndex, Math.max(0, paths.length - 1));
  pathFinder.render({ status: 'done', paths: [...paths], selected: index });
  const path = paths[index] ?? null;
  if (path) data.drawPath(path);
  graph.showPath(path, state.language);
}

/**
 * The timeline and the map under the same filters as the graph: what the voice and certainty filters hide is left
 * out (the time window only dims, as it is chosen on the timeline itself); both follow the selection.
 */
function renderLinkedViews(state: ViewState): void {
  // The time bar grows the graph only: the timeline and the map keep every date (the timeline is the time bar's map).
  const filter = { ...currentFilter(state), asOf: null };
  const dir = directionOf(state.language);
  const active = activePlaces(data.graph, data.hidden(filter), filter);
  const hiddenByPerspective = data.hidden({ ...filter, window: null });
  filteredOut = hiddenByPerspective.size > 0;
  // Until the timeline's answer arrives it stays blank rather than saying there is nothing to show.
  if (data.timelineLoaded)
    timeline.update(
      timelineItems(data.timeline, state.language).filter((item) => !hiddenByPerspective.has(item.id)),
      {
        selectedId: state.selected,
        window: state.window,
        dir,
        highlighted: graph.neighbours(state.selected),
        cursor: state.playAt,
      },
    );
  const places = mapPlaces(data.graph, state.language, s.positionOf).filter((p) => !hiddenByPerspective.has(p.id));
  const mapState: MapState = { selectedId: state.selected, activeIds: active, dir };
  mapShows = [places, mapState];
  map?.update(...mapShows);
}

const timeBar = new TimeBar($('timebar'), {
  onDay: (day, history) => store.playTo(day, history),
  onSelect: (id) => void selectAndReveal(id),
  nameOf: (id) => nameOf(id) ?? id,
  nodes: () => data.displayed().nodes,
  edges: () => data.displayed().edges,
  markMayBeLater: (ids) => graph.markMayBeLater(ids),
  onShownChange: () => graph.fit(),
  strings: () => s,
});

function renderFilters(state: ViewState): void {
  filters.render({
    voices: attributedToIn(data.graph).map((id) => ({ id, name: nameOf(id) ?? id })),
    attributedTo: state.attributedTo,
    minCertainty: state.minCertainty,
    window: state.window,
  });
}

/** Brings every view in line with the state; `previous` null means everything changed. */
function render(state: ViewState, previous: ViewState | null): void {
  const changed = <K extends keyof ViewState>(key: K) => previous === null || previous[key] !== state[key];
  if (changed('language')) {
    s = strings(state.language);
    renderStaticText(s, state.language);
    graph.setLanguage(state.language, directionOf(state.language));
    searchBox.setLanguage(s, state.language);
    details.setLanguage(s, state.language);
    pathFinder.setLanguage(s, state.language);
    filters.setLanguage(s);
    timeBar.setLanguage(state.language);
  }
  const filterChanged = changed('window') || changed('attributedTo') || changed('minCertainty');
  if (filterChanged || changed('hidden') || changed('playAt')) graph.applyHidden(hiddenInView(state));
  if (changed('pinned')) graph.setPinned(state.pinned);
  if (changed('hidden') || changed('language')) edits.render();
  timeBar.render(state.playAt);
  // The time bar grows the graph in place (positions are stable); the other filters re-frame it.
  if (filterChanged && previous !== null) {
    // The graph re-frames on what the filters leave, and says so when they leave nothing.
    graph.fit();
    showFilterOutcome(state);
  }
  if (previous !== null && changed('window') && overviewNeedsWindow(state.window)) reloadOverviewSoon(state.window);
  else if (!overviewLoading) showScope();
  if (changed('selected') || changed('language')) {
    graph.select(state.selected);
    const edge = state.selected ? (data.edgeById(state.selected) ?? null) : null;
    void details.show(state.selected, edge);
  }
  if (changed('expanded')) graph.markExpanded(state.expanded);
  if (changed('focus') && state.focus && previous !== null) graph.focus(state.focus);
  renderFilters(state);
  viewOptions.render(state, previous);
  showMoreBar(state);
  renderTabs(state.tab);
  renderLinkedViews(state);
  if (previous !== null && (changed('path') || changed('pathIndex'))) {
    if (previous.path !== state.path) void runPathQuery(state);
    else showPaths(state);
  }
}

store.subscribe((state, previous) => {
  // An undone expansion: the graph goes back to what a reload of this URL builds.
  if (data.keepExpansions(state.expanded)) {
    graph.setData(data.graph, state.language);
    graph.applyHidden(hiddenInView(state));
  }
  if (state.expanded.some((id) => !data.isExpanded(id))) {
    void (async () => {
      try {
        let anchor: string | undefined;
        for (const id of state.expanded) if (await loadNeighborhood(id)) anchor = id;
        graph.setData(data.graph, state.language, { anchor });
        graph.applyHidden(hiddenInView(state));
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
$('timebar-open').addEventListener('click', () => timeBar.toggle(store.state.playAt));
$('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
wireTabs((tab) => store.showTab(tab));
wireLegend(
  () => s,
  () => graph.fit(),
);
wirePanes(() => graph.resize());

/** Says which node the keyboard cursor is on (name, kind, links), for screen readers. */
function announceCursor(id: string | null): void {
  const node = id ? data.nodeById(id) : undefined;
  const links = id ? ((graph.cy.getElementById(id).data('degree') as number | undefined) ?? 0) : 0;
  $('graph-cursor').textContent = node
    ? s.graphCursor(displayName(node, store.state.language), s.kinds[node.kind], s.links(links))
    : '';
}

// Keyboard on the graph: arrows move between neighbours, Enter selects, E expands, + / - zoom, F fits, Escape clears.
$('graph').tabIndex = 0;
$('graph').addEventListener('focus', () => announceCursor(graph.moveCursor(null)));
$('graph').addEventListener('keydown', (event) => {
  if (edits.handleGraphKey(event)) return;
  if (event.key.startsWith('Arrow')) announceCursor(graph.moveCursor(event.key as CursorMove));
  else if (event.key === 'Enter' || event.key === ' ') {
    if (graph.cursor) void selectAndReveal(graph.cursor);
  } else if (event.key === 'e' || event.key === 'E') {
    const id = graph.cursor ?? store.state.selected;
    if (id) void expandNode(id);
  } else if (event.key === '+' || event.key === '=') graph.zoomBy(1.25);
  else if (event.key === '-') graph.zoomBy(0.8);
  else if (event.key === 'f' || event.key === 'F') graph.fit();
  else if (event.key === 'Escape') store.select(null);
  else return;
  event.preventDefault();
});

/**
 * "Expand neighbours" (all, or those through one relationship type): loads the node's neighbours; when they are all
 * in the graph already it says so and leaves the URL alone (no `exp=` that would restore nothing). Recorded for undo.
 */
async function expandNode(id: string, type?: string): Promise<void> {
  if (store.state.expanded.includes(id) && !type) {
    announce(s.allNeighboursShown(nameOf(id) ?? id));
    return;
  }
  const before = new Set(data.graph.nodes.map((n) => n.id));
  try {
    await loadNeighborhood(id);
  } catch (error) {
    setStatus('error', describeError(error));
    return;
  }
  const added = data.graph.nodes.filter((n) => !before.has(n.id)).map((n) => n.id);
  if (!type && added.length === 0 && !data.withMoreNeighbors([id])) {
    announce(s.allNeighboursShown(nameOf(id) ?? id));
    return;
  }
  graph.setData(data.graph, store.state.language, { anchor: id });
  const e = editStrings(store.state.language).edits;
  const name = nameOf(id) ?? id;
  if (!type) return edits.change({ expanded: [...store.state.expanded, id] }, e.expand(name));
  const after = afterTypedExpansion(store.state, id, type, data.graph.edges, added);
  edits.change(after, e.expandType(name, relationWord(type, store.state.language)));
}

const edits = new GraphEdits($('graph').parentElement as HTMLElement, {
  ...{ store, graph, data, details, pathFinder, nameOf, announce },
  expand: expandNode,
  onExportError: (error) => showBanner(`${s.exportFailed} ${error.message}`),
});
wireToolbar({ store, graph, data, strings: () => s, nameOf });

new ResizeObserver(() => graph.resize()).observe($('graph'));
render(store.state, null);
void loadAll();

// For end-to-end tests and benchmarks: read-only handles, no behaviour of their own (`cy` is the instance drawing now).
Object.assign(window, {
  explorer: {
    get cy() {
      return graph.cy;
    },
    store,
    data,
    graph,
    edits,
    /** The one entry point for layout changes, so they can be undone (see GraphEdits.applyLayout). */
    applyLayout: (label: string, run: () => Promise<unknown>) => edits.applyLayout(label, run),
  },
});
