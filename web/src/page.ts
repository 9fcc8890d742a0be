/**
 * The page around the views (index.html): the graph pane's status card, the banner, the "show more" bar, the fixed
 * labels, the legend and the tabs, and the labels the timeline and the map read in the current language.
 */
import type { Coverage } from './data.ts';
import { h, replaceChildren } from './dom.ts';
import { directionOf, localeOf, type Strings } from './i18n.ts';
import type { MapOptions } from './map/map.ts';
import type { ViewState } from './state.ts';
import { formatPartial } from './timeline/spans.ts';
import type { TimelineLabels } from './timeline/timeline.ts';
import type { Language } from './ui-types.ts';

export const TABS = ['details', 'path', 'filters'] as const satisfies ReadonlyArray<ViewState['tab']>;

/** The element of index.html with this id. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

/**
 * Loading, empty and error states of the graph pane; the error card offers to retry, the "nothing matches" card
 * (kind `filtered`) says why and offers to clear the filters.
 */
export function setGraphStatus(
  s: Strings,
  kind: 'loading' | 'empty' | 'error' | 'filtered' | 'none',
  message = '',
  onRetry: () => void = () => {},
): void {
  const status = $('graph-status');
  status.className = `overlay overlay-${kind}`;
  status.hidden = kind === 'none';
  if (kind === 'filtered') {
    const clear = h('button', { type: 'button', class: 'button button-strong' }, s.clearFilters);
    clear.addEventListener('click', onRetry);
    replaceChildren(
      status,
      h(
        'div',
        { class: 'overlay-card', role: 'status' },
        h('strong', {}, s.nothingMatches),
        h('p', {}, message),
        clear,
      ),
    );
  } else if (kind === 'error') {
    const retry = h('button', { type: 'button', class: 'button button-strong' }, s.retry);
    retry.addEventListener('click', onRetry);
    replaceChildren(
      status,
      h('div', { class: 'overlay-card' }, h('strong', {}, s.errorTitle), h('p', {}, message), retry),
    );
  } else replaceChildren(status, kind === 'none' ? null : h('div', { class: 'overlay-card' }, message));
}

export function graphStatusIsError(): boolean {
  return $('graph-status').classList.contains('overlay-error');
}

/** The banner above the workspace; null hides it. */
export function showBanner(text: string | null): void {
  const banner = $('banner');
  banner.hidden = text === null;
  if (text !== null) banner.textContent = text;
}

/** The "show more" bar: offers the next page of neighbours of `node` (null hides it). */
export function renderShowMore(
  s: Strings,
  step: number,
  node: { id: string; name: string } | null,
  loading: boolean,
  onShowMore: (id: string) => void,
): void {
  const bar = $('graph-more');
  bar.hidden = !node;
  if (!node) {
    replaceChildren(bar);
    return;
  }
  const button = h('button', { type: 'button', class: 'button button-strong' }, loading ? s.loading : s.showMore);
  button.disabled = loading;
  button.addEventListener('click', () => onShowMore(node.id));
  replaceChildren(bar, h('span', { class: 'graph-more-text' }, s.moreNeighbors(step, node.name)), button);
}

/** A count as readers of the language write it (Arabic-Indic digits in Arabic). */
const count = (n: number, language: Language) => n.toLocaleString(language);

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** A period of ISO days, `from – to` (one day when they are the same), in the language's own date format. */
function period(from: string, to: string, language: Language): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  const day = (iso: string) => (format as Intl.DateTimeFormat).format(new Date(`${iso}T00:00:00Z`));
  return from === to ? day(from) : `${day(from)} – ${day(to)}`;
}

/**
 * The scope note: how much of the graph the view shows (the opening view's totals, the window it follows) and
 * which neighbourhoods the server capped. Hidden when the view shows everything there is.
 */
export function renderScope(
  s: Strings,
  language: Language,
  coverage: Coverage,
  nameOf: (id: string) => string,
  loading = false,
): void {
  const note = $('graph-scope');
  const lines: string[] = [];
  const overview = coverage.overview;
  const n = (value: number) => count(value, language);
  if (loading) lines.push(s.scopeLoading);
  else if (overview?.scope === 'LATEST_EVENTS') {
    if (overview.events && overview.from && overview.to) {
      const describe = overview.window ? s.scopeWindow : s.scopeLatest;
      const when = period(overview.from, overview.to, language);
      lines.push(describe(n(overview.shownNodes), n(overview.totalNodes), n(overview.events), when));
    } else lines.push(s.scopeNoEvents(n(overview.totalNodes)));
  }
  if (!loading && overview && overview.totalEdges > overview.shownEdges)
    lines.push(s.scopeEdges(n(overview.shownEdges), n(overview.totalEdges)));
  for (const capped of coverage.cappedNeighborhoods)
    lines.push(s.scopeNeighborhood(nameOf(capped.id), n(capped.shown), n(capped.total)));
  if (overview?.truncated && !loading) lines.push(s.scopeHint);
  note.hidden = lines.length === 0;
  replaceChildren(note, lines.length ? lines.map((line) => h('p', {}, line)) : null);
}

/** Texts of index.html that do not depend on data: title, toolbar, tabs, legend. */
export function renderStaticText(s: Strings, language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  document.title = s.appTitle;
  $('app-title').textContent = s.appTitle;
  $('app-subtitle').textContent = s.appSubtitle;
  // The button's name is its visible text (in the other language, marked as such); the title says what it does.
  $('language').textContent = s.language;
  $('language').setAttribute('lang', language === 'ar' ? 'en' : 'ar');
  $('language').title = s.languageLabel;
  const labelled: Array<[string, string, string]> = [
    ['export-png', s.exportPng, s.exportLabel],
    ['export-json', s.exportJson, s.exportJsonLabel],
    ['export-graphml', s.exportGraphml, s.exportGraphmlLabel],
    ['export-csv', s.exportCsv, s.exportCsvLabel],
    ['fit', s.fit, s.fitLabel],
    ['copy-link', s.copyLink, s.copyLinkLabel],
    ['saved-views-button', s.savedViews, s.savedViewsLabel],
    ['timebar-open', s.timebarOpen, s.timebarOpenLabel],
  ];
  for (const [id, text, title] of labelled) {
    $(id).textContent = text;
    $(id).title = title;
  }
  $('zoom-in').setAttribute('aria-label', s.zoomIn);
  $('zoom-out').setAttribute('aria-label', s.zoomOut);
  $('tab-details').textContent = s.tabDetails;
  $('tab-path').textContent = s.tabPath;
  $('tab-filters').textContent = s.tabFilters;
  $('graph').setAttribute('aria-label', s.graphHelp);
  for (const [id, text] of [
    ['pane-graph', s.paneGraph],
    ['pane-panels', s.paneDetails],
    ['pane-timeline', s.paneTimeline],
    ['pane-map', s.paneMap],
  ] as const)
    $(id).textContent = text;
  $('panes').setAttribute('aria-label', s.panes);
  const toggle = $('legend-toggle');
  const open = toggle.getAttribute('aria-expanded') !== 'false';
  toggle.textContent = open ? s.legendHide : s.legendShow;
  // The legend's body follows the style rule and layout: panels/legend.ts draws it.
}

export function renderTabs(tab: ViewState['tab']): void {
  for (const each of TABS) {
    const button = $(`tab-${each}`);
    button.setAttribute('aria-selected', String(tab === each));
    button.tabIndex = tab === each ? 0 : -1;
    $(`panel-${each}`).hidden = tab !== each;
  }
}

/**
 * The WAI-ARIA tabs pattern on the panel tabs: ←/→ (mirrored right to left), Home and End move to a tab and show
 * it (automatic activation); Tab then goes into the panel.
 */
export function wireTabs(onShow: (tab: ViewState['tab']) => void): void {
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    button.addEventListener('click', () => onShow(tab));
    button.addEventListener('keydown', (event) => {
      const rtl = document.documentElement.dir === 'rtl';
      const index = TABS.indexOf(tab);
      const step =
        event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')
          ? 1
          : event.key === (rtl ? 'ArrowRight' : 'ArrowLeft')
            ? -1
            : 0;
      let next: number | null = null;
      if (step !== 0) next = (index + step + TABS.length) % TABS.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = TABS.length - 1;
      if (next === null) return;
      event.preventDefault();
      const target = TABS[next] as ViewState['tab'];
      onShow(target);
      $(`tab-${target}`).focus();
    });
  }
}

/** The legend's collapse button; `onChange` re-frames the graph, as the room the legend takes changed. */
export function wireLegend(current: () => Strings, onChange: () => void): void {
  const toggle = $('legend-toggle');
  // On a phone the legend starts folded: the graph has little room.
  if (window.matchMedia('(max-width: 700px)').matches) {
    toggle.setAttribute('aria-expanded', 'false');
    $('legend-body').hidden = true;
  }
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'false';
    toggle.setAttribute('aria-expanded', String(!open));
    toggle.textContent = open ? current().legendShow : current().legendHide;
    $('legend-body').hidden = open;
    onChange();
  });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = h('a', { href: url, download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The timeline's labels, read in the current language each time they are drawn. */
export function timelineLabels(current: () => Strings, filtered: () => boolean = () => false): TimelineLabels {
  return {
    get empty() {
      return filtered() ? current().timelineNothing : current().timelineEmpty;
    },
    get allDates() {
      return current().timelineAll;
    },
    get busiest() {
      return current().timelineBusiest;
    },
    dateLocale: () => localeOf(document.documentElement.lang === 'ar' ? 'ar' : 'en'),
    get clearWindow() {
      return current().timelineClear;
    },
    windowLabel: (window) => {
      const locale = localeOf(document.documentElement.lang === 'ar' ? 'ar' : 'en');
      return `${formatPartial(window.from, locale)} – ${formatPartial(window.to, locale)}`;
    },
    get openStart() {
      return current().timelineOpenStart;
    },
    get approximate() {
      return current().approximate;
    },
    get zoomIn() {
      return current().zoomIn;
    },
    get zoomOut() {
      return current().zoomOut;
    },
    get fitAll() {
      return current().fit;
    },
    get brushHint() {
      return current().filtersNoWindow;
    },
    get brushArea() {
      return current().timelineBrushArea;
    },
    get axisHint() {
      return current().timelineAxisHint;
    },
    get legend() {
      return { event: current().kinds.EVENT, agreement: current().kinds.AGREEMENT };
    },
  };
}

/** The map's labels, read in the current language each time they are drawn. */
export function mapLabels(current: () => Strings, filtered: () => boolean = () => false): MapOptions['labels'] {
  return {
    get empty() {
      return filtered() ? current().mapNothing : current().mapEmpty;
    },
    get approximateNote() {
      return current().mapNote;
    },
    get geonamesCredit() {
      return current().geonamesCredit;
    },
    get resetView() {
      return current().mapReset;
    },
    get zoomIn() {
      return current().zoomIn;
    },
    get zoomOut() {
      return current().zoomOut;
    },
    get loading() {
      return current().loading;
    },
    get loadError() {
      return current().mapLoadError;
    },
  };
}

/**
 * Room the graph pane's overlays take: the controls, the "show more" note and the time bar above, the legend and
 * scope note below.
 */
export function graphInsets(): { top: number; right: number; bottom: number; left: number } {
  const pane = $('graph').getBoundingClientRect();
  const more = $('graph-more');
  const bar = $('timebar');
  const top = Math.max(
    $('graph-edits').getBoundingClientRect().bottom,
    more.hidden ? 0 : more.getBoundingClientRect().bottom,
    bar.hidden ? 0 : bar.getBoundingClientRect().bottom,
  );
  const below = [$('legend'), $('graph-scope')]
    .map((overlay) => overlay.getBoundingClientRect())
    .filter((box) => box.height > 0)
    .map((box) => pane.bottom - box.top);
  return { top: Math.max(0, top - pane.top), right: 0, bottom: Math.max(0, ...below), left: 0 };
}

// While the database is down a banner says so, and the view reloads once it is back.
let readinessTimer: ReturnType<typeof setInterval> | undefined;
export function showDatabaseDown(message: string, isReady: () => Promise<boolean>, onBack: () => void): void {
  showBanner(message);
  if (readinessTimer) return;
  readinessTimer = setInterval(async () => {
    if (await isReady()) {
      clearInterval(readinessTimer);
      readinessTimer = undefined;
      showBanner(null);
      onBack();
    }
  }, 3000);
}
