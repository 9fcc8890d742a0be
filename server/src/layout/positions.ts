/**
 * Positions that arrive with the data: the server lays out the opening view once (fcose in a worker thread, seeded,
 * so the same view always gets the same layout) and keeps the result, so a browser draws the view without laying it
 * out first. Views are keyed by their node and edge ids: new data makes new keys, never stale positions.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { EdgeRecord, NodeRecord } from '../../../db/records.ts';

export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

/** Views with more nodes than this get no positions: a layout that size takes seconds, and the client lays it out. */
export const LAYOUT_NODE_LIMIT = 800;

/** The explorer's fcose settings (web/src/graph/tuning.ts) at the sizes the server lays out. */
const FCOSE = { quality: 'default', numIter: 2500, idealEdgeLength: 55, nodeRepulsion: 4500 } as const;
const SEED = 1;

// Node sizes as the explorer draws them (web/src/graph/style.ts and tuning.ts): 24 px alone to 64 px at 24 links or
// more, the name (at most 24 characters) under the node.
const LABEL_HEIGHT = 18;
const CHARACTER_WIDTH = 6.5;
const LABEL_CHARACTERS = 24;

function nodeSize(node: NodeRecord, degree: number): { w: number; h: number } {
  const diameter = 24 + (40 * Math.min(degree, 24)) / 24;
  const names = [node.props.name, node.props.nameAr].filter((n): n is string => typeof n === 'string');
  const characters = Math.min(LABEL_CHARACTERS, Math.max(0, ...names.map((n) => [...n].length)));
  return { w: Math.max(diameter, characters * CHARACTER_WIDTH), h: diameter + LABEL_HEIGHT };
}

interface LayoutReply {
  id: number;
  positions: Float64Array | null;
  error?: string;
}

/** Lays out views in one worker thread, one at a time, and keeps the latest `capacity` results. */
export class LayoutService {
  private worker: Worker | null = null;
  private sequence = 0;
  private readonly pending = new Map<number, (reply: LayoutReply) => void>();
  private readonly cache = new Map<string, Promise<NodePosition[]>>();

  constructor(
    private readonly capacity = 32,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /**
   * Positions of every node of the view, the same for the same nodes and edges whatever their order; empty when the
   * view is larger than {@link LAYOUT_NODE_LIMIT} or the layout failed (the client then lays it out).
   */
  positions(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): Promise<NodePosition[]> {
    if (nodes.length === 0 || nodes.length > LAYOUT_NODE_LIMIT) return Promise.resolve([]);
    const sortedNodes = [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
    const ids = new Set(sortedNodes.map((n) => n.id));
    const sortedEdges = edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const key = createHash('sha1')
      .update(sortedNodes.map((n) => n.id).join('\n'))
      .update('\n\n')
      .update(sortedEdges.map((e) => e.id).join('\n'))
      .digest('base64');
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: the first key is the one to drop.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const computed = this.layout(sortedNodes, sortedEdges).catch((error: Error) => {
      this.cache.delete(key);
      this.onError(error);
      return [];
    });
    this.cache.set(key, computed);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    return computed;
  }

  /** Ends the worker thread (it never keeps the process alive on its own). */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private async layout(nodes: NodeRecord[], edges: EdgeRecord[]): Promise<NodePosition[]> {
    const worker = this.startWorker();
    const id = ++this.sequence;
    const degree = new Map<string, number>();
    for (const e of edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const reply = await new Promise<LayoutReply>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({
        id,
        seed: SEED,
        options: FCOSE,
        nodes: nodes.map((n) => ({ id: n.id, ...nodeSize(n, degree.get(n.id) ?? 0) })),
        edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
      });
    });
    const positions = reply.positions;
    if (!positions) throw new Error(`layout failed: ${reply.error ?? 'no positions'}`);
    return nodes.map((n, i) => ({ id: n.id, x: positions[2 * i] as number, y: positions[2 * i + 1] as number }));
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./fcose-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (reply: LayoutReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    const fail = (error: Error) => {
      for (const [id, resolve] of this.pending) resolve({ id, positions: null, error: error.message });
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the layout thread exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
