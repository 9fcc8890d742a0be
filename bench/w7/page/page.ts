/**
 * The W7 bench page: one graph per page, either the product's GraphView (tuned by size, layout in a
 * worker) or a Cytoscape instance with default settings and the product's stylesheet and element
 * mapping. The runner drives real input and reads the measurements through `window.w7`.
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Subgraph } from '../../../web/src/api.ts';
import { hiddenInSubgraph, toElements, type ViewFilter } from '../../../web/src/graph/elements.ts';
import { graphStyle } from '../../../web/src/graph/style.ts';
import { appliedRendererSettings, fcoseOptions } from '../../../web/src/graph/tuning.ts';
import { GraphView } from '../../../web/src/graph/view.ts';
import { applyHiddenTo } from '../../../web/src/graph/visibility.ts';
import type { TimeWindow } from '../../../web/src/ui-types.ts';
import { syntheticSubgraph } from '../synthetic.ts';

cytoscape.use(fcose);

const container = document.getElementById('graph') as HTMLElement;
let cy: Core | null = null;
let view: GraphView | null = null;
/** The subgraph on the page: the filter's hidden set is computed from it, as the explorer computes it from its data store. */
let shown: Subgraph = { nodes: [], edges: [] };

const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Resolves after Cytoscape has drawn (its render event) and the browser produced the frame. */
async function drawn(core: Core): Promise<number> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    core.one('render', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await nextFrame();
  return performance.now();
}

/** Longest task overlapping [from, to], leaving out the task running at `unless` (an earlier phase's). */
function longestIn(from: number, to: number, unless?: number): number {
  const contains = (t: { start: number; duration: number }, at: number) => t.start <= at && at <= t.start + t.duration;
  return Math.max(
    0,
    ...longTasks
      .filter((t) => t.start <= to && t.start + t.duration >= from && !(unless !== undefined && contains(t, unless)))
      .map((t) => t.duration),
  );
}

/** The parts of Cytoscape's canvas renderer `drawFloor` uses (not in its typings). */
interface DirectRenderer {
  data: { lyrTxrCache: { invalidateElements(eles: cytoscape.CollectionReturnValue): void; skipping: boolean } };
  redrawHint(group: 'eles', dirty: boolean): void;
  render(options: object): void;
}

export interface MountReport {
  nodes: number;
  edges: number;
  /** Creating the elements (mapping, add, style), ms. */
  addMs: number;
  /** From the elements being added to the positions being applied, ms. */
  layoutMs: number;
  /** Longest main-thread task while adding the elements, ms. */
  longestAddTaskMs: number;
  /** Longest main-thread task from the elements being added until the positions were applied, ms. */
  longestLayoutTaskMs: number;
  /** Longest main-thread task of the first full draw after layout, ms. */
  longestFirstDrawTaskMs: number;
  totalMs: number;
  /** Phase marks and long tasks (ms since navigation start), for attribution. */
  marks: Record<string, number>;
  tasks: Array<{ start: number; duration: number }>;
}

const w7 = {
  /** The product's view: tuned settings by size, layout in a worker. */
  async mountTuned(n: number): Promise<MountReport> {
    const subgraph = syntheticSubgraph(n);
    shown = subgraph;
    await nextFrame();
    const t0 = performance.now();
    view = new GraphView(container, { onSelect: () => {}, onExpand: () => {} });
    view.setData(subgraph, 'en');
    // Read after setData: a graph this size gets an instance built with the large-graph renderer options.
    cy = view.cy;
    const tAdded = performance.now();
    await view.layoutDone;
    const tLaid = performance.now();
    const tDrawn = await drawn(cy);
    await nextTask();
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      addMs: tAdded - t0,
      layoutMs: tLaid - tAdded,
      longestAddTaskMs: longestIn(t0, tAdded),
      longestLayoutTaskMs: longestIn(tAdded, tLaid, tAdded),
      longestFirstDrawTaskMs: longestIn(tLaid, tDrawn, tLaid),
      totalMs: tDrawn - t0,
      marks: { t0, tAdded, tLaid, tDrawn },
      tasks: longTasks.filter((t) => t.start + t.duration >= t0),
    };
  },

  /**
   * Default Cytoscape settings with the product's stylesheet and mapping. With `positions` the nodes are
   * preset; without, fcose (the product's options) runs on the main thread as Cytoscape normally does.
   */
  async mountDefault(n: number, positions: number[] | null): Promise<MountReport> {
    const subgraph = syntheticSubgraph(n);
    shown = subgraph;
    await nextFrame();
    const t0 = performance.now();
    const elements = toElements(subgraph, 'en');
    if (positions) {
      let i = 0;
      for (const element of elements)
        if (element.group === 'nodes') {
          element.position = { x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 };
          i++;
        }
    }
    cy = cytoscape({ container, style: graphStyle(), elements, layout: { name: 'preset' } });
    const tAdded = performance.now();
    await nextTask();
    const tLayoutStart = performance.now();
    if (!positions)
      cy.layout({ ...fcoseOptions(n, true, true), fit: true, padding: 40 } as cytoscape.LayoutOptions).run();
    const tLaid = performance.now();
    const tDrawn = await drawn(cy);
    await nextTask();
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      addMs: tAdded - t0,
      layoutMs: tLaid - tLayoutStart,
      longestAddTaskMs: longestIn(t0, tAdded),
      longestLayoutTaskMs: positions ? 0 : longestIn(tLayoutStart, tLaid, tAdded),
      longestFirstDrawTaskMs: longestIn(tLaid, tDrawn, tLaid),
      totalMs: tDrawn - t0,
      marks: { t0, tAdded, tLayoutStart, tLaid, tDrawn },
      tasks: longTasks.filter((t) => t.start + t.duration >= t0),
    };
  },

  positions(): number[] {
    const flat: number[] = [];
    (cy as Core).nodes().forEach((node) => {
      flat.push(node.position('x'), node.position('y'));
    });
    return flat;
  },

  settings() {
    const core = cy as Core;
    return { ...appliedRendererSettings(core), profile: view?.profile ?? 'default' };
  },

  /** Fits the graph and waits until it is drawn. */
  async fit(): Promise<void> {
    const core = cy as Core;
    core.fit(undefined, 40);
    await drawn(core);
    await nextTask();
  },

  /** A point in the viewport far from every node, where a drag pans instead of moving a node. */
  emptyPoint(): { x: number; y: number } {
    const core = cy as Core;
    const rendered = core.nodes().map((node) => node.renderedPosition());
    const { width, height } = container.getBoundingClientRect();
    let best = { x: width / 2, y: height / 2, gap: -1 };
    for (let gx = 0.3; gx <= 0.7; gx += 0.025)
      for (let gy = 0.3; gy <= 0.7; gy += 0.025) {
        const x = width * gx;
        const y = height * gy;
        let gap = Number.POSITIVE_INFINITY;
        for (const p of rendered) gap = Math.min(gap, Math.hypot(p.x - x, p.y - y));
        if (gap > best.gap) best = { x, y, gap };
      }
    return { x: best.x, y: best.y };
  },

  viewport(): { zoom: number; pan: { x: number; y: number } } {
    const core = cy as Core;
    return { zoom: core.zoom(), pan: { ...core.pan() } };
  },

  frames: [] as number[],
  recording: false,
  renders: 0,

  gestureStart: 0,

  /** Waits for the redraw after a gesture and returns the longest task since the gesture began, ms. */
  async settleTask(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await nextFrame();
    await nextTask();
    return longestIn(w7.gestureStart, performance.now());
  },

  beginGesture(): void {
    w7.gestureStart = performance.now();
  },

  startFrames(): void {
    w7.frames = [];
    w7.renders = 0;
    w7.recording = true;
    (cy as Core).on('render', w7.countRender);
    const tick = (time: number) => {
      if (!w7.recording) return;
      w7.frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },

  countRender(): void {
    w7.renders++;
  },

  /** Frame times between the first and last frame recorded. */
  stopFrames(): { frames: number[]; renders: number; longestTaskMs: number } {
    w7.recording = false;
    (cy as Core).off('render', w7.countRender);
    const first = w7.frames[0] ?? 0;
    const last = w7.frames[w7.frames.length - 1] ?? 0;
    return { frames: w7.frames, renders: w7.renders, longestTaskMs: longestIn(first, last) };
  },

  /**
   * The floor under every full redraw: one direct draw of the whole graph with every style and bounding box already
   * computed (the layered texture cache set aside, as after any change to the elements), ms per draw. Renderer
   * internals, for measurement only.
   */
  drawFloor(times: number): number[] {
    const renderer = (cy as Core & { renderer(): DirectRenderer }).renderer();
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      const layers = renderer.data.lyrTxrCache;
      layers.invalidateElements((cy as Core).elements());
      // As in a frame right after a change: the layered cache skipped (the renderer sets this before each frame).
      layers.skipping = true;
      renderer.redrawHint('eles', true);
      const began = performance.now();
      renderer.render({});
      out.push(performance.now() - began);
    }
    return out;
  },

  /** Applies a time window (or clears it) and returns ms until the result is on screen. */
  async repaint(window: TimeWindow | null): Promise<{ ms: number; hidden: number }> {
    const core = cy as Core;
    const filter: ViewFilter = { window, attributedTo: [], minCertainty: null };
    await nextFrame();
    const t0 = performance.now();
    const hidden = hiddenInSubgraph(shown, filter);
    if (view) view.applyHidden(hidden);
    else applyHiddenTo(core, hidden);
    const t1 = await drawn(core);
    await nextTask();
    return { ms: t1 - t0, hidden: core.elements('.hidden').length };
  },
};

Object.assign(window, { w7 });
