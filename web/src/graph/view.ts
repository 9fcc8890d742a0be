/**
 * The Cytoscape view. It receives data and state and expresses state through classes; the stylesheet
 * decides how things look. It never owns state: interactions are reported through callbacks.
 */
import cytoscape, {
  type Core,
  type CytoscapeOptions,
  type ElementDefinition,
  type EventObject,
  type Position,
  type StylesheetJson,
} from 'cytoscape';
import type { Path, Subgraph } from '../api.ts';
import type { Direction, Language } from '../ui-types.ts';
import { type ArrangeOptions, Arranger, type ArrangerLabels, placeSilently } from './arranger.ts';
import { ElementArrival } from './arrival.ts';
import { type CursorMove, nextCursor } from './cursor.ts';
import { displayName, type NodeData, shortLabel, toElements } from './elements.ts';
import { boxAround, type FrameOptions, frameBox, type Insets, spiralPosition } from './framing.ts';
import { placeLabels } from './label-placement.ts';
import { LABEL_SPOTS } from './labels.ts';
import { LayoutRunner } from './layout.ts';
import { pinNodes, selectedNodes } from './selection.ts';
import { graphStyle } from './style.ts';
import { DEFAULT_RULES, type RuleInputs, ruleInputsFrom, ruleStylesheet, type StyleRules } from './style-rules.ts';
import { estimatedNodeSize, nodeDiameter, type RenderProfile, rendererSettings, renderProfile } from './tuning.ts';
import { applyHiddenTo, hiddenBy } from './visibility.ts';

/** Core options of a render profile: the stylesheet (with style rules), and renderer options taken only at construction. */
export function coreOptions(profile: RenderProfile, rules: StylesheetJson = []): CytoscapeOptions {
  const settings = rendererSettings(profile);
  return {
    style: graphStyle(profile, 1, rules),
    minZoom: 0.05,
    maxZoom: 4,
    // With panning on, box selection takes Shift+drag; the "Select area" toggle turns panning off for a plain drag.
    boxSelectionEnabled: true,
    textureOnViewport: settings.textureOnViewport,
    hideEdgesOnViewport: settings.hideEdgesOnViewport,
    pixelRatio: settings.pixelRatio ?? 'auto',
  };
}

/** How `setData` places what it adds. */
export interface Placing {
  /** New nodes of an expansion start around this node. */
  anchor?: string | undefined;
  /** Positions from the server's layout, used when they cover every node of a fresh graph. */
  positions?: ReadonlyMap<string, Position>;
  /** Start over: the graph is placed anew as a whole (another opening view), not grown. */
  fresh?: boolean;
}

export interface GraphViewOptions {
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  /** Lines of the hover tooltip of a node or edge (full names, kind, links), in the interface language. */
  describe?(id: string): string[];
  /** Room the graph's own overlays take at the pane's edges, px: framing keeps nodes out of it. */
  insets?(): Insets;
  /** A right-click or long-press on a node or edge, at a point of the graph's container (px). */
  onContextMenu?(id: string, at: { x: number; y: number }): void;
  /** The set of selected nodes changed (Shift/Ctrl-click, box selection, or a plain click). */
  onSelectionChange?(ids: string[]): void;
  /** A node the user dragged to a new place, with where it now stands. */
  onMoved?(id: string, position: Position): void;
  /** The style rules were applied to the data drawn (their scales, `ruleInputs`, may have changed). */
  onStyled?(): void;
  /** Layouts' default options and overlay captions (arranger.ts; English captions when not given). */
  arrangeOptions?(): ArrangeOptions;
  arrangerLabels?(): ArrangerLabels;
}

export type { CursorMove } from './cursor.ts';

export class GraphView {
  private core: Core;
  private lastTap: { id: string; at: number } | null = null;
  private readonly layouts = new LayoutRunner();
  private readonly arrival = new ElementArrival();
  /** The state the view was last given, applied to elements as they arrive too. */
  private hiddenIds: ReadonlySet<string> = new Set();
  private expandedIds: ReadonlySet<string> = new Set();
  private pinnedIds: ReadonlySet<string> = new Set();
  private selectedId: string | null = null;
  /** Counts setData calls: a call that awaited and finds a later one started gives way. */
  private dataGeneration = 0;
  profile: RenderProfile = 'detailed';
  /** How many times a fresh graph has been placed and drawn, or an expansion laid out (for tests and benchmarks). */
  layoutsApplied = 0;
  /** Settles when the latest data is all in the view and placed. */
  layoutDone: Promise<void> = Promise.resolve();
  /** The node the arrow keys move from (drawn with a ring); null until the keyboard is used. */
  cursor: string | null = null;
  /** Node labels drawn now, by node id, with their spot (the rest are hidden so none collide). */
  labelsShown = new Map<string, number>();
  private styledZoom = 1;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly tooltip: HTMLDivElement;
  private readonly measure = document.createElement('canvas').getContext('2d');
  private styleRules: StyleRules = DEFAULT_RULES;
  /** What the style rules' scales are drawn from (the highest citation count, the voices with their own colour). */
  ruleInputs: RuleInputs = { maxCitations: 0, voices: [] };
  readonly arranger: Arranger;
  private readonly ruleSheet = () => ruleStylesheet(this.styleRules, this.ruleInputs);

  constructor(
    private readonly container: HTMLElement,
    private readonly options: GraphViewOptions,
  ) {
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'graph-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    (container.parentElement ?? container).append(this.tooltip);
    const host = { cy: () => this.core, forceLayout: () => this.forceLayout(), options: options.arrangeOptions };
    const frameAll = () => this.frame(this.core.elements(':visible'), { animate: false });
    this.arranger = new Arranger({ ...host, frameAll }, container.parentElement ?? container, options.arrangerLabels);
    this.core = this.createCore(this.profile);
  }

  /** The Cytoscape instance now drawing; a new one replaces it when the render profile changes. */
  get cy(): Core {
    return this.core;
  }

  /** Chunks the latest data arrived in (for tests and benchmarks). */
  get arrivalChunks(): number {
    return this.arrival.chunks;
  }

  private createCore(profile: RenderProfile, keep: Pick<CytoscapeOptions, 'elements' | 'zoom' | 'pan'> = {}): Core {
    const settings = coreOptions(profile, this.ruleSheet());
    const cy = cytoscape({ container: this.container, ...settings, ...keep, layout: { name: 'preset' } });
    cy.on('dragfree', 'node', (event: EventObject) => {
      this.options.onMoved?.(event.target.id() as string, { ...event.target.position() });
    });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.options.onSelect(null);
    });
    cy.on('tap', 'node, edge', (event: EventObject) => {
      const id = event.target.id() as string;
      // Shift/Ctrl/Cmd-click adds to (or takes from) the selection: Cytoscape does that itself.
      const pointer = event.originalEvent as MouseEvent | undefined;
      if (pointer && (pointer.shiftKey || pointer.ctrlKey || pointer.metaKey)) return;
      const now = Date.now();
      // A second tap on the same node within 350 ms is a double-tap: expand its neighbours.
      if (this.lastTap && this.lastTap.id === id && now - this.lastTap.at < 350 && event.target.isNode()) {
        this.lastTap = null;
        this.options.onExpand(id);
        return;
      }
      this.lastTap = { id, at: now };
      this.options.onSelect(id);
    });
    const menu = (event: EventObject) => {
      const at = event.renderedPosition ?? event.target.renderedPosition?.() ?? { x: 0, y: 0 };
      this.options.onContextMenu?.(event.target.id() as string, { x: at.x, y: at.y });
    };
    cy.on('cxttap taphold', 'node, edge', menu);
    cy.on('select unselect', () => this.selectionChanged());
    cy.on('mouseover', 'node, edge', (event: EventObject) => this.hover(event, true));
    cy.on('mouseout', 'node, edge', (event: EventObject) => this.hover(event, false));
    cy.on('viewport', () => {
      this.tooltip.hidden = true;
      this.arranger.drawOverlay();
      this.scheduleLabels();
    });
    return cy;
  }

  /** The pointer over a node or edge: pointer cursor, its tooltip, its relation word on an edge. */
  private hover(event: EventObject, over: boolean): void {
    const element = event.target;
    element.toggleClass('hovered', over);
    this.container.style.cursor = over ? 'pointer' : '';
    const lines = over ? (this.options.describe?.(element.id() as string) ?? []) : [];
    this.tooltip.hidden = lines.length === 0;
    if (lines.length === 0) return;
    this.tooltip.replaceChildren(
      ...lines.map((line, i) => {
        const p = document.createElement(i === 0 ? 'strong' : 'span');
        p.textContent = line;
        return p;
      }),
    );
    const at = event.renderedPosition ?? { x: 0, y: 0 };
    const { width, height } = this.container.getBoundingClientRect();
    this.tooltip.style.insetInlineStart = '';
    this.tooltip.style.left = `${Math.min(at.x + 14, width - 260)}px`;
    this.tooltip.style.top = `${Math.min(at.y + 14, height - 80)}px`;
  }

  /** Labels are chosen again once the view settles (after a zoom, pan, layout, selection or filter). */
  scheduleLabels(): void {
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.updateLabels(), 80);
  }

  /**
   * Keeps labels at their screen size (a new stylesheet when the zoom changed), then draws the labels that fit with
   * no overlap, the selection, the cursor, a path and the selection's neighbours first.
   */
  updateLabels(): void {
    const cy = this.core;
    if (this.profile !== 'detailed' || cy.nodes().empty()) return;
    const zoom = cy.zoom();
    if (Math.abs(Math.log(zoom / this.styledZoom)) > 0.05) {
      this.styledZoom = zoom;
      cy.style(graphStyle(this.profile, zoom, this.ruleSheet()));
    }
    const { shown, edgeLabels } = placeLabels(cy, this.measure);
    this.labelsShown = shown;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const spot = shown.get(node.id());
        node.toggleClass('label-off', spot === undefined);
        for (const [i, name] of LABEL_SPOTS.entries()) node.toggleClass(`label-${name}`, i > 0 && spot === i);
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass('label-on', edgeLabels.has(edge.id()));
      });
    });
  }

  /**
   * Replaces the elements with a subgraph, keeping the nodes already placed. A fresh graph takes the given
   * `positions` (or is laid out in the worker first) and is framed before its elements arrive; new nodes of an
   * expansion start around `anchor` and are laid out from the current positions afterwards. Elements arrive in
   * chunks (arrival.ts); `layoutDone` settles when all are in and placed.
   */
  setData(subgraph: Subgraph, language: Language, placing: Placing = {}): Promise<void> {
    this.layoutDone = this.replaceElements(subgraph, language, placing);
    return this.layoutDone;
  }

  private async replaceElements(subgraph: Subgraph, language: Language, placing: Placing): Promise<void> {
    const { anchor, positions } = placing;
    const generation = ++this.dataGeneration;
    this.arrival.cancel();
    if (placing.fresh) this.core.elements().remove();
    const incoming = toElements(subgraph, language);
    const ids = new Set(incoming.map((e) => e.data.id as string));
    // Choose the profile before adding, so a large graph is styled once.
    const incomingNodes = incoming.filter((e) => e.group === 'nodes').length;
    this.applyProfile(incomingNodes, incoming.length - incomingNodes);
    const added: ElementDefinition[] = [];
    this.core.batch(() => {
      this.core.elements().forEach((ele) => {
        if (!ids.has(ele.id())) ele.remove();
      });
      for (const element of incoming) {
        const existing = this.core.getElementById(element.data.id as string);
        if (existing.nonempty()) {
          existing.data(element.data);
          existing.classes(this.withViewState(element));
        } else added.push(element);
      }
    });
    const addedNodes = added.filter((e) => e.group === 'nodes');
    const fresh = this.core.nodes().empty();
    const unplaced = addedNodes.filter((e) => {
      const given = positions?.get(e.data.id as string);
      if (given) e.position = { x: given.x, y: given.y };
      return !given;
    });
    if (fresh) {
      // Positions given for only some nodes belong to another layout: a fresh graph is then laid out whole.
      if (unplaced.length > 0 && !(await this.layOutApart(addedNodes, added))) return;
      if (generation !== this.dataGeneration) return;
      // Framed as `frame` will frame it once drawn (what the filters leave, clear of the overlays): no jump after.
      const shown = addedNodes.filter((e) => !this.hiddenIds.has(e.data.id as string));
      const box = boxAround(
        (shown.length > 0 ? shown : addedNodes).map((e) => ({
          ...(e.position as Position),
          r: nodeDiameter((e.data as NodeData).degree) / 2,
        })),
      );
      const { width, height } = this.container.getBoundingClientRect();
      if (width > 0 && height > 0) this.core.viewport(frameBox(box, width, height, this.zoomBounds(), this.framing()));
    } else {
      const around = anchor ? this.core.getElementById(anchor) : null;
      const origin = around?.nonempty() ? around.position() : this.core.extent();
      const centre = 'x1' in origin ? { x: (origin.x1 + origin.x2) / 2, y: (origin.y1 + origin.y2) / 2 } : origin;
      // Around the anchor on a sunflower spiral: the same expansion starts from the same places.
      unplaced.forEach((element, i) => {
        element.position = spiralPosition(i + 1, centre, 20);
      });
    }
    // Classes from the view's state as each element goes in: the filters may have moved while the layout ran.
    const dressed = (element: ElementDefinition) => ({ ...element, classes: this.withViewState(element) });
    if (!(await this.arrival.add(() => this.core, added, dressed))) return;
    if (fresh) {
      this.layoutsApplied++;
      this.core.emit('layoutapplied');
    } else if (unplaced.length > 0) await this.layout();
    this.setStyleRules(this.styleRules);
    if (this.arranger.needed) await this.arranger.apply(this.arranger.name);
    if (this.selectedId) this.select(this.selectedId);
    if (this.pinnedIds.size > 0) this.setPinned([...this.pinnedIds]);
    if (this.cursor) this.core.getElementById(this.cursor).addClass('kb-cursor');
    this.scheduleLabels();
  }

  /** Sizes and colours nodes by the rules, their scales taken from the nodes drawn (style-rules.ts). */
  setStyleRules(rules: StyleRules): void {
    const before = JSON.stringify(this.ruleSheet());
    this.styleRules = rules;
    this.ruleInputs = ruleInputsFrom(this.core.nodes().map((n) => n.data() as NodeData));
    // A new stylesheet restyles every element: only when the rules' entries changed (not on every expansion).
    if (JSON.stringify(this.ruleSheet()) !== before)
      this.core.style(graphStyle(this.profile, this.styledZoom, this.ruleSheet()));
    this.options.onStyled?.();
  }

  /** The one way a layout changes (force, concentric, tree, time, geo), with the options it needs. */
  applyLayout(...args: Parameters<Arranger['apply']>): Promise<void> {
    this.layoutDone = this.layoutDone.then(() => this.arranger.apply(...args));
    return this.layoutDone;
  }

  /** The seeded force layout of everything drawn, as a fresh graph is laid out (the worker's fcose). */
  private async forceLayout(): Promise<boolean> {
    const nodes: ElementDefinition[] = this.core.nodes().map((n) => ({ group: 'nodes', data: n.data() as NodeData }));
    const edges: ElementDefinition[] = this.core.edges().map((e) => ({ group: 'edges', data: e.data() }));
    if (!(await this.layOutApart(nodes, [...nodes, ...edges]))) return false;
    const at = new Map(nodes.map((n) => [n.data.id as string, n.position]));
    placeSilently(this.core, (node) => at.get(node.id()));
    this.layoutsApplied++;
    return true;
  }

  /** Positions for the nodes of a fresh graph from the worker, before any is added; false when superseded. */
  private async layOutApart(nodes: ElementDefinition[], elements: ElementDefinition[]): Promise<boolean> {
    const placing = new Set(nodes.map((n) => n.data.id as string));
    const positions = await this.layouts.layoutApart(
      nodes.map((n) => ({ id: n.data.id as string, ...estimatedNodeSize(n.data as NodeData, this.profile) })),
      elements
        .filter((e) => e.group === 'edges' && placing.has(e.data.source) && placing.has(e.data.target))
        .map((e) => ({ id: e.data.id as string, source: e.data.source as string, target: e.data.target as string })),
    );
    if (!positions) return false;
    nodes.forEach((node, i) => {
      node.position = { x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 };
    });
    return true;
  }

  /** An element's own classes and those of the view's state (hidden by a filter, expanded). */
  private withViewState(element: ElementDefinition): string {
    const id = element.data.id as string;
    const own = typeof element.classes === 'string' ? element.classes : (element.classes ?? []).join(' ');
    return [own, hiddenBy(this.hiddenIds, element.data) ? 'hidden' : '', this.expandedIds.has(id) ? 'expanded' : '']
      .filter(Boolean)
      .join(' ');
  }

  /**
   * Moves to the profile of a graph this size when it crosses the large-graph threshold: Cytoscape takes its renderer
   * options only at construction, so a new instance with the profile's options takes over the elements (positions,
   * classes, selection) and the viewport.
   */
  private applyProfile(nodes = this.core.nodes().length, edges = this.core.edges().length): void {
    const profile = renderProfile(nodes, edges);
    if (profile === this.profile) return;
    this.profile = profile;
    const previous = this.core;
    const keep = { elements: previous.elements().jsons(), zoom: previous.zoom(), pan: { ...previous.pan() } };
    previous.destroy();
    // A destroyed instance leaves its canvases in the container; the new one draws in their place.
    this.container.replaceChildren();
    this.core = this.createCore(profile, keep as Pick<CytoscapeOptions, 'elements' | 'zoom' | 'pan'>);
  }

  /** fcose in the worker from the current positions (after an expansion); the view frames the graph once applied. */
  layout(): Promise<void> {
    const done = this.layouts
      .run(this.core, () => this.core, this.profile === 'detailed')
      .then((applied) => {
        if (!applied) return;
        this.layoutsApplied++;
        this.frame(this.core.elements(':visible'), { animate: false });
        this.core.emit('layoutapplied');
      });
    this.layoutDone = done;
    return done;
  }

  setLanguage(language: Language, dir: Direction): void {
    this.container.setAttribute('dir', dir);
    this.core.batch(() => {
      this.core.nodes().forEach((node) => {
        const data = node.data() as NodeData;
        node.data('label', shortLabel(displayName({ name: data.name, nameAr: data.nameAr }, language)));
      });
    });
  }

  /** Hides what the time window and perspective leave out (ids from the data store); the data stays loaded. */
  applyHidden(hidden: ReadonlySet<string>): void {
    this.hiddenIds = hidden;
    applyHiddenTo(this.core, hidden);
    this.scheduleLabels();
  }

  /** Selects a node or edge and highlights its neighbourhood; null clears. */
  select(id: string | null): void {
    this.selectedId = id;
    this.core.batch(() => {
      this.core.elements().unselect().removeClass('dimmed highlighted');
      if (!id) return;
      const element = this.core.getElementById(id);
      if (element.empty()) return;
      element.select();
      const neighborhood = element.isEdge()
        ? element.connectedNodes().union(element)
        : this.core.nodes().getElementById(id).closedNeighborhood();
      this.core.elements().not(neighborhood).addClass('dimmed');
      neighborhood.addClass('highlighted');
    });
    this.scheduleLabels();
  }

  /** Highlights a path's nodes and edges (adding any that are not loaded yet). */
  showPath(path: Path | null, language: Language): void {
    this.core.elements().removeClass('path');
    if (!path) {
      this.core.elements().removeClass('dimmed');
      return;
    }
    const missing = toElements(path, language).filter((e) => this.core.getElementById(e.data.id as string).empty());
    const ids = [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)];
    // Framed once the layout has placed the nodes: a path restored from a link opens on the path, not at maximum zoom.
    const highlight = () => {
      let elements = this.core.collection();
      for (const id of ids) elements = elements.union(this.core.getElementById(id));
      elements.removeClass('hidden dimmed').addClass('path');
      // As when a node's `display: none` hid its edges: an edge hidden only by a path node's hiding shows with it.
      elements
        .nodes()
        .connectedEdges('.hidden')
        .filter((e) => !this.hiddenIds.has(e.id()) && !e.source().hasClass('hidden') && !e.target().hasClass('hidden'))
        .removeClass('hidden');
      this.core.elements().not(elements).addClass('dimmed');
      void this.layoutDone.then(() => this.frame(elements, { maxZoom: 1.4 }));
      this.scheduleLabels();
    };
    if (missing.length > 0) {
      this.core.add(missing);
      this.applyProfile();
      highlight();
      void this.layout().then(highlight);
    } else highlight();
  }

  /** The selection and its neighbours (what the timeline lights up with it); undefined without a selection. */
  neighbours(id: string | null): ReadonlySet<string> | undefined {
    if (!id) return undefined;
    const element = this.core.getElementById(id);
    if (element.empty()) return new Set([id]);
    const around = element.isNode()
      ? element.closedNeighborhood()
      : (element as unknown as cytoscape.EdgeSingular).connectedNodes();
    return new Set(around.nodes().map((n) => n.id()));
  }

  markExpanded(ids: readonly string[]): void {
    this.expandedIds = new Set(ids);
    this.core.nodes().forEach((n) => {
      n.toggleClass('expanded', ids.includes(n.id()));
    });
  }

  /** Marks the nodes the time bar shows as possibly later than its cursor (a date known only to its month or year). */
  markMayBeLater(ids: ReadonlySet<string>): void {
    this.core.batch(() => this.core.nodes().forEach((n) => void n.toggleClass('may-be-later', ids.has(n.id()))));
  }

  /** Frames a node with its neighbours, once the layout has placed them. */
  focus(id: string): void {
    void this.layoutDone.then(() => {
      const element = this.core.getElementById(id);
      if (element.empty()) return;
      const around = element.isNode()
        ? element.closedNeighborhood(':visible')
        : (element as unknown as cytoscape.EdgeSingular).connectedNodes().union(element);
      this.frame(around, { maxZoom: 1.6 });
    });
  }

  /** Frames everything shown (after a filter, on "Fit"). */
  fit(animate = true): void {
    void this.layoutDone.then(() => this.frame(this.core.elements(':visible'), { animate }));
  }

  /**
   * Zooms and pans so `eles` fill the room the overlays leave (legend, controls, bars), never past `maxZoom`:
   * Cytoscape's own fit pads evenly and would put nodes under the legend.
   */
  frame(eles: cytoscape.CollectionReturnValue, { maxZoom = 2, animate = true } = {}): void {
    const cy = this.core;
    if (eles.empty()) return;
    const { width, height } = this.container.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
    const { zoom, pan } = frameBox(bb, width, height, this.zoomBounds(), this.framing(maxZoom));
    cy.stop(true, false);
    if (animate) cy.animate({ zoom, pan }, { duration: 250, complete: () => this.scheduleLabels() });
    else {
      cy.viewport({ zoom, pan });
      this.scheduleLabels();
    }
  }

  private zoomBounds(): { min: number; max: number } {
    return { min: this.core.minZoom(), max: this.core.maxZoom() };
  }

  private framing(maxZoom = 2): FrameOptions {
    return { insets: this.options.insets?.(), maxZoom };
  }

  /**
   * Moves the keyboard cursor to the neighbour of the current one that lies most in the arrow's direction (the
   * selection or the best connected node when there is no cursor yet); returns the new cursor's id.
   */
  moveCursor(key: CursorMove | null): string | null {
    const next = nextCursor(this.core, this.cursor, key);
    return next === this.cursor ? this.cursor : this.setCursor(next);
  }

  /** Puts the keyboard cursor on a node and brings it into view. */
  setCursor(id: string | null): string | null {
    const cy = this.core;
    cy.nodes('.kb-cursor').removeClass('kb-cursor');
    this.cursor = id;
    if (!id) return null;
    const node = cy.getElementById(id);
    node.addClass('kb-cursor');
    const p = node.renderedPosition();
    const { width, height } = this.container.getBoundingClientRect();
    if (p.x < 30 || p.y < 30 || p.x > width - 30 || p.y > height - 30)
      cy.animate({ center: { eles: node } }, { duration: 200 });
    this.scheduleLabels();
    return id;
  }

  zoomBy(factor: number): void {
    const { width, height } = this.container.getBoundingClientRect();
    this.core.zoom({ level: this.core.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  /** One report per burst of select/unselect events (a box selects many at once). */
  private selectionChanged(): void {
    clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => this.options.onSelectionChange?.(selectedNodes(this.core)), 30);
  }

  /** "Select area": a plain drag draws a selection box instead of panning. */
  setBoxSelecting(on: boolean): void {
    this.core.userPanningEnabled(!on);
  }

  /** Locks the given nodes where they are (layouts leave them) and marks them; unlocks the rest. */
  setPinned(ids: readonly string[]): void {
    this.pinnedIds = new Set(ids);
    pinNodes(this.core, this.pinnedIds);
  }

  /** Ids of what is shown now (for export). */
  visibleIds(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.core.nodes(':visible').map((n) => n.id()),
      edges: this.core.edges(':visible').map((e) => e.id()),
    };
  }

  resize(): void {
    this.core.resize();
  }
}
