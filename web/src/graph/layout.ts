/**
 * Layout of the graph view. fcose runs in a Web Worker (started with the first layout) so the main thread stays
 * responsive however big the graph: a fresh graph is laid out before it is added (ids and sizes are all fcose
 * needs), an expanded one from its current positions, and the positions that come back are applied. Where workers
 * are unavailable it runs on the page, loading fcose then.
 */
import type cytoscape from 'cytoscape';
import type { Core, NodeSingular, Position } from 'cytoscape';
import { computeLayout, type LayoutRequest, type LayoutResult } from './layout-core.ts';

/** Cytoscape's silentPositions (missing from its typings): positions without an event per node. */
interface SilentPositioning {
  silentPositions(position: (node: NodeSingular) => Position): void;
}

export type { LayoutRequest, LayoutResult } from './layout-core.ts';

let coreHere: Promise<typeof cytoscape> | null = null;

/**
 * Cytoscape with fcose on this thread, loaded the first time a layout has to run here (no worker, or the worker
 * failed): the page's own bundle does not carry fcose.
 */
function loadFcoseHere(): Promise<typeof cytoscape> {
  coreHere ??= Promise.all([import('cytoscape'), import('cytoscape-fcose')]).then(([core, fcose]) => {
    core.default.use(fcose.default);
    return core.default;
  });
  return coreHere;
}

/** Runs layouts in a worker; only the latest request's positions are applied. */
export class LayoutRunner {
  private worker: Worker | null | undefined;
  private sequence = 0;
  private pending = new Map<number, (result: LayoutResult) => void>();

  private startWorker(): Worker | null {
    if (typeof Worker === 'undefined') return null;
    try {
      const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LayoutResult>) => {
        this.pending.get(event.data.id)?.(event.data);
        this.pending.delete(event.data.id);
      };
      return worker;
    } catch {
      return null;
    }
  }

  /** Positions for the request from the worker, or computed on this thread when there is none or it failed. */
  private async positionsFor(request: LayoutRequest): Promise<Float64Array> {
    if (this.worker === undefined) this.worker = this.startWorker();
    const worker = this.worker;
    if (worker) {
      const result = await new Promise<LayoutResult>((resolve) => {
        this.pending.set(request.id, resolve);
        worker.postMessage(request);
      });
      if (result.positions) return result.positions;
    }
    return computeLayout(await loadFcoseHere(), request);
  }

  /**
   * Lays out a graph that is not drawn yet: positions in the order of `nodes` (x0, y0, x1, y1…), or null when a later
   * layout superseded this one.
   */
  async layoutApart(nodes: LayoutRequest['nodes'], edges: LayoutRequest['edges']): Promise<Float64Array | null> {
    const id = ++this.sequence;
    const positions = await this.positionsFor({ id, fresh: true, nodes, edges });
    return id === this.sequence ? positions : null;
  }

  /**
   * Lays out all nodes of `cy` from their current positions (labels measured when `measureLabels`) and applies the
   * positions to `target()`, the instance drawing once they arrive. Resolves true when the positions were applied,
   * false when a later layout superseded this one.
   */
  async run(cy: Core, target: () => Core, measureLabels: boolean): Promise<boolean> {
    const id = ++this.sequence;
    const request: LayoutRequest = {
      id,
      fresh: false,
      nodes: cy.nodes().map((n) => {
        const size = measureLabels
          ? n.layoutDimensions({ nodeDimensionsIncludeLabels: true })
          : { w: n.outerWidth(), h: n.outerHeight() };
        const p = n.position();
        return { id: n.id(), w: size.w, h: size.h, x: p.x, y: p.y };
      }),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    const positions = await this.positionsFor(request);
    if (id !== this.sequence) return false;
    const index = new Map(request.nodes.map((n, i) => [n.id, i]));
    const drawing = target();
    // Silently, then one notification for all: a position event per node costs seconds at 5k nodes.
    const laidOut = drawing.nodes() as unknown as SilentPositioning;
    laidOut.silentPositions((node) => {
      const i = index.get(node.id());
      // A pinned (locked) node stays where the user left it.
      return i === undefined || node.locked()
        ? node.position()
        : { x: positions[2 * i] ?? node.position('x'), y: positions[2 * i + 1] ?? node.position('y') };
    });
    (drawing as unknown as { notify(event: string, eles: unknown): void }).notify('position', laidOut);
    return true;
  }
}
