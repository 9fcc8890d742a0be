/**
 * The Cytoscape view. It receives data and state and expresses state through classes; the stylesheet
 * decides how things look. It never owns state: interactions are reported through callbacks.
 */
import cytoscape, { type Core, type CytoscapeOptions, type ElementDefinition, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Path, Subgraph } from '../api.ts';
import type { Direction, Language } from '../ui-types.ts';
import { displayName, type NodeData, toElements } from './elements.ts';
import { LayoutRunner } from './layout.ts';
import { graphStyle } from './style.ts';
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
  profile: RenderProfile = 'detailed';
  /** How many layouts have been applied (for tests and benchmarks). */
  layoutsApplied = 0;
  /** Settles when the latest layout has been applied. */
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
        this.core.fit(undefined, 40);
      })
      .finally(() => {
        batched?.endBatch();
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
    applyHiddenTo(this.core, hidden);
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
      void this.layout(false).then(highlight);
    } else highlight();
  }

  markExpanded(ids: readonly string[]): void {
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
    this.core.animate({ fit: { eles: this.core.elements(':visible'), padding: 40 } }, { duration: 250 });
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
