/**
 * How long the explorer's own layouts (web/src/graph/layouts/) take on synthetic graphs of 500 and 5,000 nodes with
 * twice as many edges. They run on the page's main thread (force runs in the worker), so they must stay short.
 * Seeded, so every run lays out the same graphs. `npx tsx bench/layouts.ts`
 */
import { seededRandom } from '../web/src/graph/layout-core.ts';
import { type ArrangeNode, arrange } from '../web/src/graph/layouts/arrange.ts';

const KINDS = ['actor', 'place', 'event', 'agreement'];

function syntheticGraph(size: number) {
  const random = seededRandom(size);
  const nodes: ArrangeNode[] = Array.from({ length: size }, (_, i) => {
    const kind = KINDS[i % KINDS.length] as string;
    const iso = `${2010 + Math.floor(random() * 10)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const dated = kind === 'event' || kind === 'agreement';
    const located = kind === 'place' && random() < 0.8;
    return {
      id: `n:${i}`,
      kind,
      degree: 0,
      earliest: dated ? iso : null,
      latest: dated ? iso : null,
      point: located ? { lat: 30 + random() * 8, lon: 35 + random() * 12, origin: 'gazetteer' } : null,
    };
  });
  const edges = Array.from({ length: size * 2 }, (_, i) => ({
    id: `e:${i}`,
    source: `n:${Math.floor(random() * size)}`,
    target: `n:${Math.floor(random() * size)}`,
  }));
  return { nodes, edges };
}

for (const size of [500, 5000]) {
  const { nodes, edges } = syntheticGraph(size);
  for (const name of ['concentric', 'tree', 'time', 'geo'] as const) {
    const started = performance.now();
    arrange(name, { nodes, edges, dir: 'ltr' });
    console.log(`${size} nodes, ${edges.length} edges: ${name} ${Math.round(performance.now() - started)} ms`);
  }
}
