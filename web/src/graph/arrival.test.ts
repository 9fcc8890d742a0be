import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  ADD_AT_ONCE,
  arrivalOrder,
  CHUNK_BUDGET_MS,
  chunkBudget,
  ElementArrival,
  FIRST_CHUNK,
  nextChunkSize,
} from './arrival.ts';
import { boxAround, frameBox, LABEL_ROOM } from './framing.ts';

const node = (id: string): ElementDefinition => ({ group: 'nodes', data: { id } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
});

describe('elements arriving in chunks', () => {
  it('come nodes first, so that no edge arrives before its ends', () => {
    const order = arrivalOrder([edge('e1', 'a', 'b'), node('a'), edge('e2', 'b', 'c'), node('b'), node('c')]);
    expect(order.map((e) => e.data.id)).toEqual(['a', 'b', 'c', 'e1', 'e2']);
  });

  it('are sized to the time budget at the rate the last chunk was added, within bounds', () => {
    expect(nextChunkSize(0, 0)).toBe(FIRST_CHUNK);
    expect(nextChunkSize(100, 6, 12)).toBe(200);
    expect(nextChunkSize(100, 60, 12)).toBe(20);
    expect(nextChunkSize(100, 0.01, 12)).toBe(2000);
  });

  it('may take half as long as the redraw after the last one took, so that the graph arrives in few redraws', () => {
    // A frame that drew quickly leaves the budget as it is; one that took a 250 ms redraw lets the next chunk take 117.
    expect(chunkBudget(16)).toBe(CHUNK_BUDGET_MS);
    expect(chunkBudget(250)).toBeCloseTo((250 - 1000 / 60) / 2);
    expect(nextChunkSize(100, 12, chunkBudget(250))).toBe(972);
  });

  it('are dressed with the view state of the moment their chunk goes in, not of the moment they were handed over', async () => {
    // Node has no frames: the next "frame" is the next turn of the event loop.
    globalThis.requestAnimationFrame ??= (draw) => setTimeout(() => draw(performance.now()), 0) as unknown as number;
    const cy = cytoscape({ headless: true });
    const elements = Array.from({ length: ADD_AT_ONCE * 3 }, (_, i) => node(`n${i}`));
    let filtered = false;
    const arriving = new ElementArrival().add(
      () => cy,
      elements,
      (element) => ({ ...element, classes: filtered ? 'hidden' : '' }),
    );
    // The first chunk went in at once; a filter comes on before the rest do.
    filtered = true;
    expect(await arriving).toBe(true);
    expect(cy.nodes().length).toBe(elements.length);
    expect(cy.nodes('.hidden').length).toBe(elements.length - FIRST_CHUNK);
  });
});

describe('framing a graph before it is drawn', () => {
  it('fits the box in the room the overlays leave, centred there, with room for the lowest names', () => {
    const box = boxAround(
      [
        { x: 0, y: 0 },
        { x: 1000, y: 500 },
      ],
      0,
    );
    const insets = { top: 60, right: 0, bottom: 40, left: 0 };
    const { zoom, pan } = frameBox(box, 600, 400, { min: 0.05, max: 4 }, { insets });
    // Room: 600 − 2 × 24 wide, 400 − 60 − 40 − 2 × 24 − LABEL_ROOM high.
    expect(zoom).toBeCloseTo(Math.min(552 / 1000, (252 - LABEL_ROOM) / 500));
    // The centre of the box lands at the centre of the room, above the labels' room.
    expect(pan.x + zoom * 500).toBeCloseTo(300);
    expect(pan.y + zoom * 250).toBeCloseTo((60 + 24 + 400 - 40 - 24 - LABEL_ROOM) / 2);
  });

  it('never zooms past maxZoom on a single node, and counts each node by its own size', () => {
    expect(frameBox(boxAround([{ x: 5, y: 5 }]), 600, 400, { min: 0.05, max: 4 }).zoom).toBe(2);
    expect(frameBox(boxAround([{ x: 5, y: 5 }]), 600, 400, { min: 0.05, max: 4 }, { maxZoom: 8 }).zoom).toBe(4);
    expect(
      boxAround(
        [
          { x: 0, y: 0, r: 30 },
          { x: 100, y: 0 },
        ],
        10,
      ),
    ).toEqual({ x1: -30, y1: -30, x2: 110, y2: 30 });
  });
});
