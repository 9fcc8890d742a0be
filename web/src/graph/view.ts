/**
 * The Cytoscape view. It receives data and state and expresses state through classes; the stylesheet
 * decides how things look. It never owns state: interactions are reported through callbacks.
 */
import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Path, Subgraph } from '../api.ts';
import type { Direction, Language } from '../ui-types.ts';
import { displayName, type NodeData, shortLabel, toElements } from './elements.ts';
import { type Box, chooseLabels, LABEL_SPOTS, type LabelCandidate } from './labels.ts';
import { LayoutRunner } from './layout.ts';
import { EDGE_LABEL_PX, graphStyle, LABEL_PX } from './style.ts';
import { type RendererSettings, type RenderProfile, rendererSettings, renderProfile } from './tuning.ts';

cytoscape.use(fcose);

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

/** Nodes spread on a sunflower spiral around a point: an instant, even first placement before the layout. */
export function spiralPosition(index: number, origin = { x: 0, y: 0 }, spacing = 40): { x: number; y: number } {
  const radius = spacing * Math.sqrt(index + 0.5);
  const angle = index * 2.399963229728653;
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}

export interface GraphViewOptions {
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  /** Lines of the hover tooltip of a node or edge (full names, kind, links), in the interface language. */
  describe?(id: string): string[];
  /** Room the graph's own overlays take at the pane's edges, px: framing keeps nodes out of it. */
  insets?(): { top: number; right: number; bottom: number; left: number };
}

/** Where the arrow keys move the keyboard cursor: the neighbour lying most in that direction. */
export type CursorMove = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
/** How many of the best connected nodes are always named. */
const HUBS = 6;

const DIRECTIONS: Record<CursorMove, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

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
  profile: RenderProfile = 'detailed';
  /** How many layouts have been applied (for tests and benchmarks). */
  layoutsApplied = 0;
  /** Settles when the latest layout has been applied. */
  layoutDone: Promise<void> = Promise.resolve();
  /** The node the arrow keys move from (drawn with a ring); null until the keyboard is used. */
  cursor: string | null = null;
  /** Node labels drawn now, by node id, with their spot (the rest are hidden so none collide). */
  labelsShown = new Map<string, number>();
  private styledZoom = 1;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly tooltip: HTMLDivElement;
  private readonly measure = document.createElement('canvas').getContext('2d');

  constructor(
    private readonly container: HTMLElement,
    private readonly options: GraphViewOptions,
  ) {
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'graph-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    (container.parentElement ?? container).append(this.tooltip);
    this.core = this.createCore(this.profile);
  }

  /** The Cytoscape instance now drawing; a new one replaces it when the render profile changes. */
  get cy(): Core {
    return this.core;
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
    cy.on('mouseover', 'node, edge', (event: EventObject) => this.hover(event, true));
    cy.on('mouseout', 'node, edge', (event: EventObject) => this.hover(event, false));
    cy.on('viewport', () => {
      this.tooltip.hidden = true;
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
      cy.style(graphStyle(this.profile, zoom));
    }
    const ctx = this.measure;
    if (ctx) ctx.font = `${LABEL_PX}px "Noto Sans", "Noto Sans Arabic", sans-serif`;
    const obstacles = new Map<string, Box>();
    const candidates: LabelCandidate[] = [];
    // The best connected few are named even where their label covers a smaller node.
    const hubs = new Set(
      cy
        .nodes(':visible')
        .sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number) || (a.id() < b.id() ? -1 : 1))
        .slice(0, HUBS)
        .map((n) => n.id()),
    );
    cy.nodes(':visible').forEach((node) => {
      const body = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      obstacles.set(node.id(), body);
      const text = node.data('label') as string;
      const width = ctx ? ctx.measureText(text).width : text.length * 7;
      const p = node.renderedPosition();
      const h = LABEL_PX + 4;
      const half = width / 2 + 2;
      const priority = node.selected()
        ? 5000
        : node.hasClass('kb-cursor')
          ? 4500
          : node.hasClass('path')
            ? 4000
            : node.hasClass('highlighted')
              ? 3000
              : (node.data('degree') as number);
      // The spots of LABEL_SPOTS: below, above, right and left of the node.
      candidates.push({
        id: node.id(),
        priority: hubs.has(node.id()) ? priority + 1000 : priority,
        overNodes: priority >= 4000 || hubs.has(node.id()),
        boxes: [
          { x1: p.x - half, x2: p.x + half, y1: body.y2 + 2, y2: body.y2 + 2 + h },
          { x1: p.x - half, x2: p.x + half, y1: body.y1 - 2 - h, y2: body.y1 - 2 },
          { x1: body.x2 + 3, x2: body.x2 + 3 + 2 * half, y1: p.y - h / 2, y2: p.y + h / 2 },
          { x1: body.x1 - 3 - 2 * half, x2: body.x1 - 3, y1: p.y - h / 2, y2: p.y + h / 2 },
        ],
      });
    });
    const shown = chooseLabels(candidates, obstacles);
    this.labelsShown = shown;
    // Relation words on the selection's links, where they fit among the names and each other.
    const taken = new Map(obstacles);
    for (const c of candidates) {
      const spot = shown.get(c.id);
      if (spot !== undefined) taken.set(`label:${c.id}`, c.boxes[spot] as Box);
    }
    if (ctx) ctx.font = `${EDGE_LABEL_PX}px "Noto Sans", "Noto Sans Arabic", sans-serif`;
    const edgeCandidates: LabelCandidate[] = cy
      .edges('.highlighted:visible')
      .filter((edge) => !edge.selected() && !edge.hasClass('path'))
      .map((edge) => {
        const text = edge.data('label') as string;
        const half = (ctx ? ctx.measureText(text).width : text.length * 6) / 2 + 4;
        const m = (edge as unknown as cytoscape.EdgeSingular).renderedMidpoint();
        const h = EDGE_LABEL_PX / 2 + 3;
        return { id: edge.id(), priority: 0, boxes: [{ x1: m.x - half, x2: m.x + half, y1: m.y - h, y2: m.y + h }] };
      });
    const edgeLabels = chooseLabels(edgeCandidates, taken);
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

  /** Replaces the elements with a subgraph, keeping positions of nodes already placed; lays out new ones. */
  setData(subgraph: Subgraph, language: Language, anchor?: string): void {
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
          existing.classes(element.classes as string);
        } else added.push(element);
      }
      const around = anchor ? this.core.getElementById(anchor) : null;
      const origin = around?.nonempty() ? around.position() : null;
      for (const element of added)
        if (element.group === 'nodes' && origin)
          element.position = { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 };
      const fresh = this.core.nodes().empty();
      let placed = 0;
      for (const element of added) if (element.group === 'nodes' && fresh) element.position = spiralPosition(placed++);
      this.core.add(added);
    });
    if (added.some((e) => e.group === 'nodes'))
      this.layout(this.core.nodes().length === added.filter((e) => e.group === 'nodes').length);
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

  /**
   * fcose in a worker: a full layout for a fresh graph, an incremental one (from current positions) after
   * an expansion; the view fits the graph once the positions arrive.
   */
  layout(fresh: boolean): Promise<void> {
    const running = this.layouts.run(this.core, () => this.core, fresh, this.profile === 'detailed');
    // A fresh graph is not drawn until its positions arrive (Cytoscape does not render while batching).
    const batched = fresh ? this.core : null;
    batched?.startBatch();
    const done = running
      .then((applied) => {
        if (!applied) return;
        this.layoutsApplied++;
        this.frame(this.core.elements(':visible'), { animate: false });
      })
      .finally(() => {
        batched?.endBatch();
        this.core.emit('layoutapplied');
        this.scheduleLabels();
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
    applyHiddenTo(this.core, hidden);
    this.scheduleLabels();
  }

  /** Selects a node or edge and highlights its neighbourhood; null clears. */
  select(id: string | null): void {
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
      this.core.elements().not(elements).addClass('dimmed');
      void this.layoutDone.then(() => this.frame(elements, { maxZoom: 1.4 }));
      this.scheduleLabels();
    };
    if (missing.length > 0) {
      this.core.add(missing);
      this.applyProfile();
      highlight();
      void this.layout(false).then(highlight);
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
    this.core.nodes().forEach((n) => {
      n.toggleClass('expanded', ids.includes(n.id()));
    });
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
    const inset = this.options.insets?.() ?? { top: 0, right: 0, bottom: 0, left: 0 };
    const pad = 24;
    const room = {
      x1: inset.left + pad,
      y1: inset.top + pad,
      x2: width - inset.right - pad,
      y2: height - inset.bottom - pad,
    };
    const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
    const roomW = Math.max(40, room.x2 - room.x1);
    const roomH = Math.max(40, room.y2 - room.y1);
    // Room for the labels under the lowest nodes.
    const labelRoom = LABEL_PX + 8;
    const zoom = Math.max(
      cy.minZoom(),
      Math.min(maxZoom, cy.maxZoom(), roomW / Math.max(bb.w, 1), (roomH - labelRoom) / Math.max(bb.h, 1)),
    );
    const pan = {
      x: (room.x1 + room.x2) / 2 - ((bb.x1 + bb.x2) / 2) * zoom,
      y: (room.y1 + room.y2 - labelRoom) / 2 - ((bb.y1 + bb.y2) / 2) * zoom,
    };
    cy.stop(true, false);
    if (animate) cy.animate({ zoom, pan }, { duration: 250, complete: () => this.scheduleLabels() });
    else {
      cy.viewport({ zoom, pan });
      this.scheduleLabels();
    }
  }

  /**
   * Moves the keyboard cursor to the neighbour of the current one that lies most in the arrow's direction (the
   * selection or the best connected node when there is no cursor yet); returns the new cursor's id.
   */
  moveCursor(key: CursorMove | null): string | null {
    const cy = this.core;
    const visible = cy.nodes(':visible');
    if (visible.empty()) return null;
    let current = this.cursor ? cy.getElementById(this.cursor) : cy.collection();
    if (current.empty() || !current.visible()) {
      const selected = cy.nodes(':selected:visible');
      const start = selected.nonempty()
        ? selected.first()
        : visible.max((n) => (n.data('degree') as number) * 1000 - n.id().length).ele;
      return this.setCursor(start.id());
    }
    if (key === null) return this.cursor;
    const [dx, dy] = DIRECTIONS[key];
    const from = current.renderedPosition();
    let best: { id: string; score: number } | null = null;
    current.neighborhood('node:visible').forEach((n) => {
      const p = n.renderedPosition();
      const vx = p.x - from.x;
      const vy = p.y - from.y;
      const distance = Math.hypot(vx, vy) || 1;
      const along = (vx * dx + vy * dy) / distance;
      if (along <= 0.2) return;
      const score = along * 2 - distance / 1000;
      if (!best || score > best.score) best = { id: n.id(), score };
    });
    current = cy.collection();
    return best ? this.setCursor((best as { id: string }).id) : this.cursor;
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
