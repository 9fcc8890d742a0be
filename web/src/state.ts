/**
 * The view state: one object, changed only through the actions below, mirrored in the URL so a link
 * or a reload restores the view and back/forward step through it.
 */
import { API_CERTAINTIES, GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import type { Certainty } from './generated/graphql.ts';
import { isLayoutName, type LayoutName, type Positions } from './graph/layouts/names.ts';
import { type ColourRule, isColourRule, isSizeRule, type SizeRule } from './graph/style-rules.ts';
import type { Language, TimeWindow } from './ui-types.ts';

export interface PathQuery {
  from: string;
  to: string;
  asOf: string | null;
  /** Relationship types the path may not use (e.g. ACCUSED); empty: any. */
  without: string[];
  /** Only dated relationships (an undated one otherwise passes any "as of" date). */
  datedOnly: boolean;
}

export interface ViewState {
  language: Language;
  /** Selected node or edge id. */
  selected: string | null;
  window: TimeWindow | null;
  /** Show only what these actors assert (the API's `attributedTo`; empty: everyone). */
  attributedTo: string[];
  minCertainty: Certainty | null;
  path: PathQuery | null;
  /** Index of the highlighted path among the alternatives. */
  pathIndex: number;
  /** Nodes whose neighbourhoods were expanded, in order. */
  expanded: string[];
  /** The node the graph is framed on ("Focus"), so a shared link opens on it. */
  focus: string | null;
  /** Nodes and edges the user hid (context menu, selection), so a link or an undo restores them hidden. */
  hidden: string[];
  /** Nodes pinned where they are: layouts leave them in place. */
  pinned: string[];
  tab: 'details' | 'path' | 'filters';
  /** The time bar's cursor: the graph as it stood by this day (null: the time bar is off). */
  playAt: string | null;
  /** Style rules: what a node's size and colour say (style-rules.ts). */
  sizeBy: SizeRule;
  colourBy: ColourRule;
  layout: LayoutName;
  /** "Keep my arrangement": dragged positions are stored (`positions`) and win over the layout. */
  keep: boolean;
  /** Positions of the nodes the user dragged, at most MAX_POSITIONS (the latest), so links stay short. */
  positions: Positions;
}

/** Dragged positions a link keeps: ~30 characters each, so at most ~1.2 kB of URL. */
export const MAX_POSITIONS = 40;

export const INITIAL_STATE: ViewState = {
  language: 'en',
  selected: null,
  window: null,
  attributedTo: [],
  minCertainty: null,
  path: null,
  pathIndex: 0,
  expanded: [],
  focus: null,
  hidden: [],
  pinned: [],
  tab: 'details',
  playAt: null,
  sizeBy: 'links',
  colourBy: 'kind',
  layout: 'force',
  keep: false,
  positions: {},
};

/** `id*x*y,…` (`*` is neither in ids nor escaped in a query); malformed entries are dropped. */
function positionsToParam(positions: Positions): string {
  return Object.entries(positions)
    .map(([id, p]) => `${id}*${Math.round(p.x)}*${Math.round(p.y)}`)
    .join(',');
}
function positionsFromParam(value: string | null): Positions {
  const positions: Positions = {};
  for (const entry of (value ?? '').split(',').slice(-MAX_POSITIONS)) {
    const [id, x, y] = entry.split('*');
    const at = { x: Number(x), y: Number(y) };
    if (validId(id ?? null) && Number.isInteger(at.x) && Number.isInteger(at.y)) positions[id as string] = at;
  }
  return positions;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Node ids (`actor:sdf`) and edge ids (`actor:sdf>announcer>event:x`, `rel:3f1c…`). */
const ID = /^[A-Za-z0-9:>/_.-]{1,300}$/;
const TABS: ReadonlyArray<ViewState['tab']> = ['details', 'path', 'filters'];

const validId = (value: string | null): string | null => (value && ID.test(value) ? value : null);
const idList = (value: string | null, max = 50): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => validId(v))
    .filter((v): v is string => v !== null)
    .slice(0, max);
/** "Hide everything else" on a large view hides hundreds of ids; the URL keeps them all up to this many. */
export const MAX_HIDDEN = 2000;

/** The URL query for a state; defaults are left out so links stay short. */
export function stateToQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.language !== 'en') params.set('lang', state.language);
  if (state.selected) params.set('sel', state.selected);
  if (state.window) {
    params.set('from', state.window.from);
    params.set('to', state.window.to);
  }
  // `voices` is the parameter's name since the first shared links; it stays so they keep working.
  if (state.attributedTo.length > 0) params.set('voices', state.attributedTo.join(','));
  if (state.minCertainty) params.set('min', state.minCertainty);
  if (state.path) {
    params.set('pf', state.path.from);
    params.set('pt', state.path.to);
    if (state.path.asOf) params.set('asof', state.path.asOf);
    if (state.path.without.length > 0) params.set('pw', state.path.without.join(','));
    if (state.path.datedOnly) params.set('pd', '1');
    if (state.pathIndex > 0) params.set('pi', String(state.pathIndex));
  }
  if (state.expanded.length > 0) params.set('exp', state.expanded.join(','));
  if (state.focus) params.set('focus', state.focus);
  if (state.hidden.length > 0) params.set('hide', state.hidden.join(','));
  if (state.pinned.length > 0) params.set('pin', state.pinned.join(','));
  if (state.tab !== 'details') params.set('tab', state.tab);
  if (state.playAt) params.set('at', state.playAt);
  if (state.sizeBy !== 'links') params.set('size', state.sizeBy);
  if (state.colourBy !== 'kind') params.set('colour', state.colourBy);
  if (state.layout !== 'force') params.set('lay', state.layout);
  if (state.keep) {
    params.set('keep', '1');
    if (Object.keys(state.positions).length > 0) params.set('pos', positionsToParam(state.positions));
  }
  return params.toString();
}

/** The state a URL query describes; anything malformed is ignored rather than trusted. */
export function stateFromQuery(query: string): ViewState {
  const params = new URLSearchParams(query);
  const from = params.get('from');
  const to = params.get('to');
  const pathFrom = validId(params.get('pf'));
  const pathTo = validId(params.get('pt'));
  const asOf = params.get('asof');
  const min = params.get('min');
  const tab = params.get('tab');
  const pathIndex = Number(params.get('pi') ?? 0);
  const without = (params.get('pw') ?? '')
    .split(',')
    .filter((type) => (GRAPH_REL_TYPES as readonly string[]).includes(type));
  return {
    language: params.get('lang') === 'ar' ? 'ar' : 'en',
    selected: validId(params.get('sel')),
    window: from && to && DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : null,
    attributedTo: idList(params.get('voices')),
    minCertainty: API_CERTAINTIES.includes(min as Certainty) ? (min as Certainty) : null,
    path:
      pathFrom && pathTo
        ? {
            from: pathFrom,
            to: pathTo,
            asOf: asOf && PARTIAL_DATE.test(asOf) ? asOf : null,
            without: [...new Set(without)],
            datedOnly: params.get('pd') === '1',
          }
        : null,
    pathIndex: Number.isInteger(pathIndex) && pathIndex >= 0 && pathIndex < 10 ? pathIndex : 0,
    expanded: idList(params.get('exp')),
    focus: validId(params.get('focus')),
    hidden: [...new Set(idList(params.get('hide'), MAX_HIDDEN))],
    pinned: [...new Set(idList(params.get('pin'), 200))],
    tab: TABS.includes(tab as ViewState['tab']) ? (tab as ViewState['tab']) : 'details',
    playAt: DAY.test(params.get('at') ?? '') ? params.get('at') : null,
    sizeBy: isSizeRule(params.get('size')) ? (params.get('size') as SizeRule) : 'links',
    colourBy: isColourRule(params.get('colour')) ? (params.get('colour') as ColourRule) : 'kind',
    layout: isLayoutName(params.get('lay')) ? (params.get('lay') as LayoutName) : 'force',
    keep: params.get('keep') === '1',
    positions: params.get('keep') === '1' ? positionsFromParam(params.get('pos')) : {},
  };
}

export type Listener = (state: ViewState, previous: ViewState) => void;

/** Holds the state, notifies listeners, and keeps the URL in step (push for user actions, replace otherwise). */
export class Store {
  private listeners: Listener[] = [];

  constructor(private current: ViewState) {}

  get state(): ViewState {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Applies a change; `history: 'push'` adds a back/forward step. */
  update(change: Partial<ViewState>, history: 'push' | 'replace' | 'none' = 'push'): void {
    const previous = this.current;
    const next = { ...previous, ...change };
    if (stateToQuery(next) === stateToQuery(previous)) return;
    this.current = next;
    if (history !== 'none') {
      const query = stateToQuery(next);
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    for (const listener of this.listeners) listener(next, previous);
  }

  // Actions:
  select(id: string | null): void {
    const focus = id === this.current.focus ? this.current.focus : null;
    this.update({ selected: id, focus, tab: id ? 'details' : this.current.tab });
  }
  setFocus(id: string | null): void {
    this.update({ focus: id, selected: id ?? this.current.selected });
  }
  setWindow(window: TimeWindow | null): void {
    this.update({ window }, 'replace');
  }
  setLanguage(language: Language): void {
    this.update({ language });
  }
  setAttributedTo(attributedTo: string[]): void {
    this.update({ attributedTo });
  }
  setMinCertainty(minCertainty: Certainty | null): void {
    this.update({ minCertainty });
  }
  findPath(path: PathQuery | null): void {
    this.update({ path, pathIndex: 0, tab: 'path' });
  }
  choosePath(pathIndex: number): void {
    this.update({ pathIndex });
  }
  expand(id: string): void {
    if (!this.current.expanded.includes(id)) this.update({ expanded: [...this.current.expanded, id] });
  }
  collapse(id: string): void {
    this.update({ expanded: this.current.expanded.filter((e) => e !== id) });
  }
  /** Moves the time bar's cursor (steps while playing replace the URL; starting and stopping add a step). */
  playTo(day: string | null, history: 'push' | 'replace' = 'replace'): void {
    this.update({ playAt: day }, history);
  }
  showTab(tab: ViewState['tab']): void {
    this.update({ tab }, 'replace');
  }
  setStyleRules(sizeBy: SizeRule, colourBy: ColourRule): void {
    this.update({ sizeBy, colourBy });
  }
  /** A new layout starts from its own positions: what was dragged under the previous one is let go. */
  setLayout(layout: LayoutName): void {
    this.update({ layout, positions: {} });
  }
  setKeep(keep: boolean): void {
    this.update({ keep, positions: keep ? this.current.positions : {} });
  }
  /** A dragged node's place, kept while "keep my arrangement" is on (the latest MAX_POSITIONS). */
  keepPosition(id: string, position: { x: number; y: number }): void {
    if (!this.current.keep) return;
    const { [id]: _moved, ...others } = this.current.positions;
    const kept = Object.entries(others).slice(-(MAX_POSITIONS - 1));
    const at = { x: Math.round(position.x), y: Math.round(position.y) };
    this.update({ positions: { ...Object.fromEntries(kept), [id]: at } }, 'replace');
  }
}
