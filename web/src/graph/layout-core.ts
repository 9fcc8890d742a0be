/**
 * One fcose layout of nodes given by id and size, in a headless Cytoscape: what the layout worker runs, and what runs
 * on the page when no worker can. The caller passes Cytoscape with fcose registered.
 */
import type cytoscape from 'cytoscape';
import { fcoseOptions, layoutQuality, spreadPositions } from './tuning.ts';

/** What a layout is asked: nodes with sizes (and positions unless fresh), and the edges among them. */
export interface LayoutRequest {
  id: number;
  fresh: boolean;
  nodes: Array<{ id: string; w: number; h: number; x?: number; y?: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

/** What a layout answers, with how long it took. */
export interface LayoutResult {
  id: number;
  /** x0, y0, x1, y1… in the order of the request's nodes; null on failure. */
  positions: Float64Array | null;
  ms: number;
  error?: string;
}

/** A small seeded generator (mulberry32): the same graph gets the same layout on every load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Positions x0, y0, x1, y1… in the order of the request's nodes. Deterministic: fcose draws its random start from
 * Math.random, seeded here for the run, over the elements in id order whatever order they came in.
 */
export function computeLayout(core: typeof cytoscape, request: LayoutRequest): Float64Array<ArrayBuffer> {
  const cy = core({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...[...request.nodes].sort(byId).map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        ...(n.x !== undefined && n.y !== undefined ? { position: { x: n.x, y: n.y } } : {}),
      })),
      ...[...request.edges].sort(byId).map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
  });
  const random = Math.random;
  try {
    Math.random = seededRandom(request.nodes.length * 7919 + request.edges.length);
    cy.layout(fcoseOptions(request.nodes.length, request.fresh, false)).run();
    const positions = new Float64Array(request.nodes.length * 2);
    request.nodes.forEach((n, i) => {
      const p = cy.getElementById(n.id).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    return request.fresh && layoutQuality(request.nodes.length).quality === 'draft'
      ? spreadPositions(positions)
      : positions;
  } finally {
    cy.destroy();
    Math.random = random;
  }
}
