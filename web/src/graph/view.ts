/**
 * The Cytoscape view. It receives data and state and expresses state through classes; the stylesheet
 * decides how things look. It never owns state: interactions are reported through callbacks.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ApiPath, ApiSubgraph } from '../api.ts';
import type { Direction, Language } from '../types.ts';
import { displayName, type EdgeData, hiddenIds, type NodeData, toElements, type ViewFilter } from './elements.ts';
import { LayoutRunner } from './layout.ts';
import { graphStyle } from './style.ts';
import { type RendererSettings, type RenderProfile, rendererSettings, renderProfile } from './tuning.ts';

cytoscape.use(fcose);

/** The canvas renderer's own fields for the options Cytoscape otherwise takes only at construction. */
interface CanvasRendererFields {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  forcedPixelRatio: number | null;
}

/** The renderer settings in force on a Cytoscape instance (read from its renderer). */
export function appliedRendererSettings(cy: Core): RendererSettings {
  const renderer = (cy as unknown as { renderer(): CanvasRendererFields }).renderer();
  return {
    textureOnViewport: renderer.textureOnViewport,
    hideEdgesOnViewport: renderer.hideEdgesOnViewport,
    pixelRatio: renderer.forcedPixelRatio,
  };
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

/** Sets the `hidden` class by the filter, touching only elements whose visibility changes. */
export function applyFilterTo(cy: Core, filter: ViewFilter): void {
  const nodes = cy.nodes().map((n) => n.data() as NodeData);
  const edges = cy.edges().map((e) => e.data() as EdgeData);
  const hidden = hiddenIds(nodes, edges, filter);
  const toHide = cy.elements().filter((ele) => hidden.has(ele.id()) && !ele.hasClass('hidden'));
  const toShow = cy.elements('.hidden').filter((ele) => !hidden.has(ele.id()));
  cy.batch(() => {
    toHide.addClass('hidden');
    toShow.removeClass('hidden');
  });
}

export class GraphView {
  readonly cy: Core;
  private lastTap: { id: string; at: number } | null = null;
  private readonly layouts = new LayoutRunner();
  profile: RenderProfile = 'detailed';
  /** How many layouts have been applied (for tests and benchmarks). */
  layoutsApplied = 0;
  /** Settles when the latest layout has been applied. */
  layoutDone: Promise<void> = Promise.resolve();

  constructor(
    private readonly container: HTMLElement,
    options: GraphViewOptions,
  ) {
    this.cy = cytoscape({
      container,
      style: graphStyle(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', (event: EventObject) => {
      if (event.target === this.cy) options.onSelect(null);
    });
    this.cy.on('tap', 'node, edge', (event: EventObject) => {
      const id = event.target.id() as string;
      const now = Date.now();
      // A second tap on the same node within 350 ms is a double-tap: expand its neighbours.
      if (this.lastTap && this.lastTap.id === id && now - this.lastTap.at < 350 && event.target.isNode()) {
        this.lastTap = null;
        options.onExpand(id);
        return;
      }
      this.lastTap = { id, at: now };
      options.onSelect(id);
    });
  }

  /** Replaces the elements with a subgraph, keeping positions of nodes already placed; lays out new ones. */
  setData(subgraph: ApiSubgraph, language: Language, anchor?: string): void {
    const incoming = toElements(subgraph, language);
    const ids = new Set(incoming.map((e) => e.data.id as string));
    // Choose the profile before adding, so a large graph is styled once.
    const incomingNodes = incoming.filter((e) => e.group === 'nodes').length;
    this.applyProfile(incomingNodes, incoming.length - incomingNodes);
    const added: ElementDefinition[] = [];
    this.cy.batch(() => {
      this.cy.elements().forEach((ele) => {
        if (!ids.has(ele.id())) ele.remove();
      });
      for (const element of incoming) {
        const existing = this.cy.getElementById(element.data.id as string);
        if (existing.nonempty()) {
          existing.data(element.data);
          existing.classes(element.classes as string);
        } else added.push(element);
      }
      const around = anchor ? this.cy.getElementById(anchor) : null;
      const origin = around?.nonempty() ? around.position() : null;
      for (const element of added)
        if (element.group === 'nodes' && origin)
          element.position = { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 };
      const fresh = this.cy.nodes().empty();
      let placed = 0;
      for (const element of added) if (element.group === 'nodes' && fresh) element.position = spiralPosition(placed++);
      this.cy.add(added);
    });
    if (added.some((e) => e.group === 'nodes'))
      this.layout(this.cy.nodes().length === added.filter((e) => e.group === 'nodes').length);
  }

  /** Switches renderer settings and stylesheet when the graph crosses the large-graph threshold. */
  private applyProfile(nodes = this.cy.nodes().length, edges = this.cy.edges().length): void {
    const profile = renderProfile(nodes, edges);
    if (profile === this.profile) return;
    this.profile = profile;
    const settings = rendererSettings(profile);
    const renderer = (this.cy as unknown as { renderer(): CanvasRendererFields | null }).renderer();
    if (renderer) {
      renderer.textureOnViewport = settings.textureOnViewport;
      renderer.hideEdgesOnViewport = settings.hideEdgesOnViewport;
      renderer.forcedPixelRatio = settings.pixelRatio;
    }
    this.cy.style(graphStyle(profile));
    this.cy.resize();
  }

  /**
   * fcose in a worker: a full layout for a fresh graph, an incremental one (from current positions) after
   * an expansion; the view fits the graph once the positions arrive.
   */
  layout(fresh: boolean): Promise<void> {
    const running = this.layouts.run(this.cy, fresh, this.profile === 'detailed');
    // A fresh graph is not drawn until its positions arrive (Cytoscape does not render while batching).
    if (fresh) this.cy.startBatch();
    const done = running
      .then((applied) => {
        if (!applied) return;
        this.layoutsApplied++;
        this.cy.fit(undefined, 40);
      })
      .finally(() => {
        if (fresh) this.cy.endBatch();
        this.cy.emit('layoutapplied');
      });
    this.layoutDone = done;
    return done;
  }

  setLanguage(language: Language, dir: Direction): void {
    this.container.setAttribute('dir', dir);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const data = node.data() as NodeData;
        node.data('label', displayName({ name: data.name, nameAr: data.nameAr }, language));
      });
    });
  }

  /** Hides what the time window and perspective leave out; the data stays loaded. */
  applyFilter(filter: ViewFilter): void {
    applyFilterTo(this.cy, filter);
  }

  /** Selects a node or edge and highlights its neighbourhood; null clears. */
  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements().unselect().removeClass('dimmed highlighted');
      if (!id) return;
      const element = this.cy.getElementById(id);
      if (element.empty()) return;
      element.select();
      const neighbourhood = element.isEdge()
        ? element.connectedNodes().union(element)
        : this.cy.nodes().getElementById(id).closedNeighborhood();
      this.cy.elements().not(neighbourhood).addClass('dimmed');
      neighbourhood.addClass('highlighted');
    });
  }

  /** Highlights a path's nodes and edges (adding any that are not loaded yet). */
  showPath(path: ApiPath | null, language: Language): void {
    this.cy.elements().removeClass('path');
    if (!path) {
      this.cy.elements().removeClass('dimmed');
      return;
    }
    const missing = toElements(path, language).filter((e) => this.cy.getElementById(e.data.id as string).empty());
    const ids = [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)];
    const highlight = () => {
      let elements = this.cy.collection();
      for (const id of ids) elements = elements.union(this.cy.getElementById(id));
      elements.removeClass('hidden dimmed').addClass('path');
      this.cy.elements().not(elements).addClass('dimmed');
      this.cy.animate({ fit: { eles: elements, padding: 80 } }, { duration: 300 });
    };
    if (missing.length > 0) {
      this.cy.add(missing);
      this.applyProfile();
      highlight();
      void this.layout(false).then(highlight);
    } else highlight();
  }

  markExpanded(ids: readonly string[]): void {
    this.cy.nodes().forEach((n) => {
      n.toggleClass('expanded', ids.includes(n.id()));
    });
  }

  focus(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.nonempty())
      this.cy.animate({ center: { eles: element }, zoom: Math.max(this.cy.zoom(), 1.1) }, { duration: 250 });
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.cy.elements(':visible'), padding: 40 } }, { duration: 250 });
  }

  zoomBy(factor: number): void {
    const { width, height } = this.container.getBoundingClientRect();
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  /** Ids of what is shown now (for export). */
  visibleIds(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy.nodes(':visible').map((n) => n.id()),
      edges: this.cy.edges(':visible').map((e) => e.id()),
    };
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }) as unknown as Blob;
  }

  resize(): void {
    this.cy.resize();
  }
}
