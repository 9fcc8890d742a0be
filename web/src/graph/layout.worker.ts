/**
 * fcose off the main thread: a headless Cytoscape in a Web Worker lays out the nodes it is sent
 * (with the sizes the view measured or estimated) and posts the positions back.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResult } from './layout.ts';
import { computeLayout } from './layout-core.ts';

cytoscape.use(fcose);

self.onmessage = (message: MessageEvent<LayoutRequest>) => {
  const request = message.data;
  const started = performance.now();
  try {
    const positions = computeLayout(cytoscape, request);
    const result: LayoutResult = { id: request.id, positions, ms: performance.now() - started };
    (self as unknown as Worker).postMessage(result, [positions.buffer]);
  } catch (error) {
    const result: LayoutResult = { id: request.id, positions: null, ms: 0, error: String(error) };
    (self as unknown as Worker).postMessage(result);
  }
};
