/**
 * Layout of the graph view. fcose runs in a Web Worker so the main thread stays responsive however big
 * the graph; the view sends node sizes (labels included for detailed graphs) and positions, and applies
 * the positions that come back. Where workers are unavailable it runs in place.
 */
import type { Core, NodeSingular, Position } from 'cytoscape';

/** Cytoscape's silentPositions (missing from its typings): positions without an event per node. */
interface SilentPositioning {
  silentPositions(position: (node: NodeSingular) => Position): void;
}

import { fcoseOptions } from './tuning.ts';

export interface LayoutRequest {
  id: number;
  fresh: boolean;
  nodes: Array<{ id: string; w: number; h: number; x?: number; y?: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

export interface LayoutResult {
  id: number;
  /** x0, y0, x1, y1… in the order of the request's nodes; null on failure. */
  positions: Float64Array | null;
  ms: number;
  error?: string;
}

/** Runs layouts in a worker; only the latest request's positions are applied. */
export class LayoutRunner {
  private worker: Worker | null = null;
  private sequence = 0;
  private pending = new Map<number, (result: LayoutResult) => void>();

  constructor() {
    if (typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<LayoutResult>) => {
        this.pending.get(event.data.id)?.(event.data);
        this.pending.delete(event.data.id);
      };
    } catch {
      this.worker = null;
    }
  }

  /**
   * Lays out all nodes of `cy` (from their current positions unless `fresh`) and applies the positions to
   * `target()`, the instance drawing once they arrive. Resolves true when the positions were applied, false when
   * a later layout superseded this one.
   */
  async run(cy: Core, target: () => Core, fresh: boolean, measureLabels: boolean): Promise<boolean> {
    const id = ++this.sequence;
    if (!this.worker) {
      cy.layout(fcoseOptions(cy.nodes().length, fresh, true)).run();
      return true;
    }
    const nodes = cy.nodes();
    const request: LayoutRequest = {
      id,
      fresh,
      nodes: nodes.map((n) => {
        const size = measureLabels
          ? n.layoutDimensions({ nodeDimensionsIncludeLabels: true })
          : { w: n.outerWidth(), h: n.outerHeight() };
        const p = n.position();
        return { id: n.id(), w: size.w, h: size.h, ...(fresh ? {} : { x: p.x, y: p.y }) };
      }),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    const result = await new Promise<LayoutResult>((resolve) => {
      this.pending.set(id, resolve);
      this.worker?.postMessage(request);
    });
    if (id !== this.sequence) return false;
    const positions = result.positions;
    const drawing = target();
    if (!positions) {
      drawing.layout(fcoseOptions(drawing.nodes().length, fresh, true)).run();
      return true;
    }
    const index = new Map(request.nodes.map((n, i) => [n.id, i]));
    // Silently, then one notification for all: a position event per node costs seconds at 5k nodes.
    const laidOut = drawing.nodes() as unknown as SilentPositioning;
    laidOut.silentPositions((node) => {
      const i = index.get(node.id());
      return i === undefined
        ? node.position()
        : { x: positions[2 * i] ?? node.position('x'), y: positions[2 * i + 1] ?? node.position('y') };
    });
    (drawing as unknown as { notify(event: string, eles: unknown): void }).notify('position', laidOut);
    return true;
  }
}
