/**
 * fcose off the main thread: a headless Cytoscape in a Web Worker lays out the nodes it is sent
 * (with the sizes the view measured) and posts the positions back.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResult } from './layout.ts';
import { fcoseOptions, layoutQuality, spreadPositions } from './tuning.ts';

cytoscape.use(fcose);

self.onmessage = (message: MessageEvent<LayoutRequest>) => {
  const request = message.data;
  const started = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        ...(n.x !== undefined && n.y !== undefined ? { position: { x: n.x, y: n.y } } : {}),
      })),
      ...request.edges.map((e) => ({
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
