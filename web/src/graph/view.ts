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
} from 'cytoscape';
import type { Path, Subgraph } from '../api.ts';
import type { Direction, Language } from '../ui-types.ts';
import { ElementArrival } from './arrival.ts';
import { displayName, type NodeData, toElements } from './elements.ts';
import { LayoutRunner } from './layout.ts';
import { graphStyle } from './style.ts';
import {
  estimatedNodeSize,
  type RendererSettings,
  type RenderProfile,
  rendererSettings,
  renderProfile,
} from './tuning.ts';

/** Core options of a render profile: the stylesheet, and renderer options Cytoscape takes only at construction. */
export function coreOptions(profile: RenderProfile): CytoscapeOptions {
  const settings = rendererSettings(profile);
  return {
    style: graphStyle(profile),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    textureOnViewport: settings.textureOnViewport,
    hideEdgesOnViewport: settings.hideEdgesOnViewport,
    pixelRatio: settings.pixelRatio ?? 'auto',
  };
}

/**
 * The renderer settings in force on a Cytoscape instance, through public means: the options `cy.json()` reports,
 * and the pixel ratio its canvas is drawn at (backing-store pixels per CSS pixel).
 */
export function appliedRendererSettings(cy: Core): Omit<RendererSettings, 'pixelRatio'> & { pixelRatio: number } {
  const { textureOnViewport, hideEdgesOnViewport } = cy.json() as unknown as Omit<RendererSettings, 'pixelRatio'>;
  const canvas = cy.container()?.querySelector('canvas');
  const cssWidth = canvas ? Number.parseFloat(canvas.style.width) : 0;
  return { textureOnViewport, hideEdgesOnViewport, pixelRatio: canvas && cssWidth > 0 ? canvas.width / cssWidth : 1 };
}

/** Padding around the graph when it is framed, px. */
const FRAME_PADDING = 40;

/**
 * The zoom and pan that frame points (with `margin` around each) in a viewport of `width` × `height`, within the
 * zoom bounds: what `cy.fit` does, for a graph whose elements are not added yet.
 */
export function frameViewport(
  points: readonly Position[],
  width: number,
  height: number,
  zoomBounds: { min: number; max: number },
  margin = 20,
): { zoom: number; pan: Position } {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    minX = Math.min(minX, p.x - margin);
    maxX = Math.max(maxX, p.x + margin);
    minY = Math.min(minY, p.y - margin);
    maxY = Math.max(maxY, p.y + margin);
  }
  if (points.length === 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  const fit = Math.min(
    (width - 2 * FRAME_PADDING) / Math.max(1, maxX - minX),
    (height - 2 * FRAME_PADDING) / Math.max(1, maxY - minY),
  );
  const zoom = Math.max(zoomBounds.min, Math.min(zoomBounds.max, fit));
  return { zoom, pan: { x: width / 2 - zoom * ((minX + maxX) / 2), y: height / 2 - zoom * ((minY + maxY) / 2) } };
}

/** How `setData` places what it adds. */
export interface Placing {
  /** New nodes of an expansion start near this node. */
  anchor?: string | undefined;
  /** Positions from the server's layout, used when they cover every node of a fresh graph. */
  positions?: ReadonlyMap<string, Position>;
  /** Start over: the graph is placed anew as a whole (another opening view), not grown. */
  fresh?: boolean;
}

export interface GraphViewOptions {
  onSelect(id: string | null): void;
  onExpand(id: string): void;
}

/** Sets the `hidden` class on exactly the given ids, touching only elements whose visibility changes. */
export function applyHiddenTo(cy: Core, hidden: ReadonlySet<string>): void {
  const toHide = cy.elements().filter((ele) => hidden.has(ele.id()) && !ele.hasClass('hidden'));
  const toShow = cy.elements('.hidden').filter((ele) => !hidden.has(ele.id()));
  cy.batch(() => {
    toHide.addClass('hidden');
    toShow.removeClass('hidden');
  });
}

export class GraphView {
  private core: Core;
  private lastTap: { id: string; at: number } | null = null;
  private readonly layouts = new LayoutRunner();
  private readonly arrival = new ElementArrival();
  /** The state the view was last given, applied to elements as they arrive too. */
  private hiddenIds: ReadonlySet<string> = new Set();
  private expandedIds: ReadonlySet<string> = new Set();
  private selectedId: string | null = null;
  /** Counts setData calls: a call that awaited and finds a later one started gives way. */
  private dataGeneration = 0;
  profile: RenderProfile = 'detailed';
  /** How many times a fresh graph has been placed and drawn, or an expansion laid out (for tests and benchmarks). */
  layoutsApplied = 0;
  /** Settles when the latest data is all in the view and placed. */
  layoutDone: Promise<void> = Promise.resolve();

  constructor(
    private readonly container: HTMLElement,
    private readonly options: GraphViewOptions,
  ) {
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
    const cy = cytoscape({ container: this.container, ...coreOptions(profile), ...keep, layout: { name: 'preset' } });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.options.onSelect(null);
    });
    cy.on('tap', 'node, edge', (event: EventObject) => {
      const id = event.target.id() as string;
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
    return cy;
  }

  /**
   * Replaces the elements with a subgraph, keeping the nodes already placed. A fresh graph takes the given
   * `positions` (or is laid out in the worker first) and is framed before its elements arrive; new nodes of an
   * expansion start near `anchor` and are laid out from the current positions afterwards. Elements arrive in
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
        } else added.push({ ...element, classes: this.withViewState(element) });
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
      const { zoom, pan } = frameViewport(
        addedNodes.map((e) => e.position as Position),
        this.core.width(),
        this.core.height(),
        { min: this.core.minZoom(), max: this.core.maxZoom() },
      );
      this.core.viewport({ zoom, pan });
    } else {
      const around = anchor ? this.core.getElementById(anchor) : null;
      const origin = around?.nonempty() ? around.position() : this.core.extent();
      const centre = 'x1' in origin ? { x: (origin.x1 + origin.x2) / 2, y: (origin.y1 + origin.y2) / 2 } : origin;
      for (const element of unplaced)
        element.position = { x: centre.x + (Math.random() - 0.5) * 80, y: centre.y + (Math.random() - 0.5) * 80 };
    }
    if (!(await this.arrival.add(() => this.core, added))) return;
    if (fresh) {
      this.layoutsApplied++;
      this.core.emit('layoutapplied');
    } else if (unplaced.length > 0) await this.layout();
    if (this.selectedId) this.select(this.selectedId);
  }

  /** Positions for the nodes of a fresh graph from the worker, before any is added; false when superseded. */
  private async layOutApart(nodes: ElementDefinition[], elements: ElementDefinition[]): Promise<boolean> {
    const placing = new Set(nodes.map((n) => n.data.id as string));
    const positions = await this.layouts.layoutApart(
      nodes.map((n) => ({
        id: n.data.id as string,
        ...estimatedNodeSize(n.data as NodeData, this.profile),
      })),
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
    return [own, this.hiddenIds.has(id) ? 'hidden' : '', this.expandedIds.has(id) ? 'expanded' : '']
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

  /** fcose in the worker from the current positions (after an expansion); the view fits the graph once applied. */
  layout(): Promise<void> {
    const done = this.layouts
      .run(this.core, () => this.core, this.profile === 'detailed')
      .then((applied) => {
        if (!applied) return;
        this.layoutsApplied++;
        this.core.fit(undefined, FRAME_PADDING);
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
        node.data('label', displayName({ name: data.name, nameAr: data.nameAr }, language));
      });
    });
  }

  /** Hides what the time window and perspective leave out (ids from the data store); the data stays loaded. */
  applyHidden(hidden: ReadonlySet<string>): void {
    this.hiddenIds = hidden;
    applyHiddenTo(this.core, hidden);
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
    const highlight = () => {
      let elements = this.core.collection();
      for (const id of ids) elements = elements.union(this.core.getElementById(id));
      elements.removeClass('hidden dimmed').addClass('path');
      this.core.elements().not(elements).addClass('dimmed');
      this.core.animate({ fit: { eles: elements, padding: 80 } }, { duration: 300 });
    };
    if (missing.length > 0) {
      this.core.add(missing);
      this.applyProfile();
      highlight();
      void this.layout().then(highlight);
    } else highlight();
  }

  markExpanded(ids: readonly string[]): void {
    this.expandedIds = new Set(ids);
    this.core.nodes().forEach((n) => {
      n.toggleClass('expanded', ids.includes(n.id()));
    });
  }

  focus(id: string): void {
    const element = this.core.getElementById(id);
    if (element.nonempty())
      this.core.animate({ center: { eles: element }, zoom: Math.max(this.core.zoom(), 1.1) }, { duration: 250 });
  }

  fit(): void {
    this.core.animate({ fit: { eles: this.core.elements(':visible'), padding: FRAME_PADDING } }, { duration: 250 });
  }

  zoomBy(factor: number): void {
    const { width, height } = this.container.getBoundingClientRect();
    this.core.zoom({ level: this.core.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  /** Ids of what is shown now (for export). */
  visibleIds(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.core.nodes(':visible').map((n) => n.id()),
      edges: this.core.edges(':visible').map((e) => e.id()),
    };
  }

  png(): Blob {
    return this.core.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }) as unknown as Blob;
  }

  resize(): void {
    this.core.resize();
  }
}
