import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { arrivalOrder, FIRST_CHUNK, nextChunkSize } from './arrival.ts';
import { frameViewport } from './view.ts';

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
});

describe('framing a graph before it is drawn', () => {
  it('fits the points with padding, centred, within the zoom bounds', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 1000, y: 500 },
    ];
    const { zoom, pan } = frameViewport(points, 600, 400, { min: 0.05, max: 4 }, 0);
    expect(zoom).toBeCloseTo(0.52);
    // The centre of the points lands at the centre of the viewport.
    expect(pan.x + zoom * 500).toBeCloseTo(300);
    expect(pan.y + zoom * 250).toBeCloseTo(200);
    expect(frameViewport([{ x: 5, y: 5 }], 600, 400, { min: 0.05, max: 4 }).zoom).toBe(4);
  });
});
