/**
 * fcose off the main thread: a headless Cytoscape in a Web Worker lays out the nodes it is sent
 * (with the sizes the view measured) and posts the positions back.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResult } from './layout.ts';
import { fcoseOptions, layoutQuality, spreadPositions } from './tuning.ts';

cytoscape.use(fcose);

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

self.onmessage = (message: MessageEvent<LayoutRequest>) => {
  const request = message.data;
  const started = performance.now();
  // Deterministic positions: fcose draws its random start from Math.random (this worker's own), seeded here, over
  // the elements in id order whatever order the server sent them in.
  Math.random = seededRandom(request.nodes.length * 7919 + request.edges.length);
  const cy = cytoscape({
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
  try {
    cy.layout(fcoseOptions(request.nodes.length, request.fresh, false)).run();
    let positions = new Float64Array(request.nodes.length * 2);
    request.nodes.forEach((n, i) => {
      const p = cy.getElementById(n.id).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    if (request.fresh && layoutQuality(request.nodes.length).quality === 'draft')
      positions = spreadPositions(positions);
    const result: LayoutResult = { id: request.id, positions, ms: performance.now() - started };
    (self as unknown as Worker).postMessage(result, [positions.buffer]);
  } catch (error) {
    const result: LayoutResult = { id: request.id, positions: null, ms: 0, error: String(error) };
    (self as unknown as Worker).postMessage(result);
  } finally {
    cy.destroy();
  }
};
