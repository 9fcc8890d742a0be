/**
 * fcose off the server's event loop, in a worker thread: lays out the graphs LayoutService sends and posts the
 * positions back. Plain JavaScript so that the thread starts under any runner (tsx, vitest) without a TypeScript
 * loader. Math.random is seeded for each layout (this thread runs nothing else), so the same graph always gets the
 * same positions.
 */
import { parentPort } from 'node:worker_threads';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

/** mulberry32: a small seedable generator. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {{ nodes: Array<{ id: string, w: number, h: number }>, edges: Array<{ id: string, source: string, target: string }>,
 *   options: { quality: 'draft' | 'default', numIter: number, idealEdgeLength: number, nodeRepulsion: number }, seed: number }} request
 * @returns {Float64Array} x0, y0, x1, y1… in the order of the request's nodes
 */
function layout(request) {
  Math.random = seeded(request.seed);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...request.nodes.map((n) => ({ group: 'nodes', data: n })),
      ...request.edges.map((e) => ({ group: 'edges', data: e })),
    ],
  });
  try {
    const { quality, numIter, idealEdgeLength, nodeRepulsion } = request.options;
    cy.layout({
      name: 'fcose',
      quality,
      numIter,
      randomize: true,
      animate: false,
      fit: false,
      idealEdgeLength: () => idealEdgeLength,
      nodeRepulsion: () => nodeRepulsion,
    }).run();
    const positions = new Float64Array(request.nodes.length * 2);
    request.nodes.forEach((n, i) => {
      const p = cy.getElementById(n.id).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    return positions;
  } finally {
    cy.destroy();
  }
}

parentPort?.on('message', (message) => {
  try {
    const positions = layout(message);
    parentPort?.postMessage({ id: message.id, positions }, [positions.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, positions: null, error: String(error) });
  }
});
