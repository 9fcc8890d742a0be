/**
 * How elements arrive in the graph view without freezing the page: a few at a time, each chunk added in its own
 * batch and drawn before the next, so the graph appears progressively and input is answered between chunks. Chunks
 * are sized by time: the next one holds as many elements as fit in the budget at the rate the last one was added.
 */
import type { Core, ElementDefinition } from 'cytoscape';

/** Main-thread time one chunk may take, ms: well under a frame's worth, so a task never approaches 50 ms. */
export const CHUNK_BUDGET_MS = 12;
/** Elements in the first chunk, before any rate is known. */
export const FIRST_CHUNK = 50;
/** Up to this many elements everything is added at once, in one short task (the article's graph among them). */
export const ADD_AT_ONCE = 500;

/** Resolves after the next frame has been produced, in a task of its own (the frame's drawing is not in ours). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Nodes before edges, and each edge after both its ends (a chunk never holds an edge whose end is still to come). */
export function arrivalOrder(elements: readonly ElementDefinition[]): ElementDefinition[] {
  return [...elements.filter((e) => e.group === 'nodes'), ...elements.filter((e) => e.group === 'edges')];
}

/** How many elements the next chunk holds, from the rate of the last one. */
export function nextChunkSize(lastCount: number, lastMs: number, budgetMs = CHUNK_BUDGET_MS): number {
  if (lastCount === 0 || lastMs <= 0) return FIRST_CHUNK;
  return Math.max(20, Math.min(2000, Math.floor((lastCount * budgetMs) / lastMs)));
}

/** One frame at 60 Hz, ms. */
const FRAME_MS = 1000 / 60;

/**
 * The time the next chunk may take, ms: the budget, or half of what the frame after the last chunk took beyond a
 * frame's time. Cytoscape redraws every element drawn so far in that frame, a task that grows with the graph (a quarter
 * of a second at 5,000 nodes in software rendering, W7); a chunk well under that task is never the longest, and the
 * graph arrives in a few such frames rather than in dozens.
 */
export function chunkBudget(frameMs: number, budgetMs = CHUNK_BUDGET_MS): number {
  return Math.max(budgetMs, (frameMs - FRAME_MS) / 2);
}

/** Adds elements in chunks; a later `add` (or `cancel`) stops the chunks of an earlier one. */
export class ElementArrival {
  private generation = 0;
  /** Chunks added by the latest `add` (for tests and benchmarks). */
  chunks = 0;

  /**
   * Adds `elements` to the instance `target()` returns when each chunk runs (it can be replaced meanwhile), each as
   * `dress` makes it at that moment (the view's state then: a filter can move while elements wait). Resolves true once
   * all are in, false when a later call superseded this one.
   */
  async add(
    target: () => Core,
    elements: readonly ElementDefinition[],
    dress: (element: ElementDefinition) => ElementDefinition = (element) => element,
  ): Promise<boolean> {
    const generation = ++this.generation;
    this.chunks = 0;
    const ordered = arrivalOrder(elements);
    if (ordered.length <= ADD_AT_ONCE) {
      if (ordered.length > 0) target().add(ordered.map(dress));
      this.chunks = ordered.length > 0 ? 1 : 0;
      return true;
    }
    let size = FIRST_CHUNK;
    for (let start = 0; start < ordered.length; ) {
      const chunk = ordered.slice(start, start + size);
      const began = performance.now();
      const cy = target();
      cy.startBatch();
      const added = cy.add(chunk.map(dress));
      cy.endBatch();
      // Cytoscape styles and measures elements lazily, in the next draw: asking their bounding box does it here, so
      // this chunk's time counts it and the draw that follows only paints.
      added.boundingBox();
      this.chunks++;
      start += chunk.length;
      const addedMs = performance.now() - began;
      if (start < ordered.length) {
        const waiting = performance.now();
        await afterNextFrame();
        if (generation !== this.generation) return false;
        size = nextChunkSize(chunk.length, addedMs, chunkBudget(performance.now() - waiting));
      }
    }
    return true;
  }

  cancel(): void {
    this.generation++;
  }
}
