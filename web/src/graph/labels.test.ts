import { describe, expect, it } from 'vitest';
import { type Box, chooseLabels, type LabelCandidate } from './labels.ts';

const box = (x1: number, y1: number, w = 40, h = 14): Box => ({ x1, y1, x2: x1 + w, y2: y1 + h });

describe('which node labels the graph draws', () => {
  it('keeps the most important of two overlapping labels, and every label that fits', () => {
    const candidates: LabelCandidate[] = [
      { id: 'hub', priority: 20, box: box(0, 0) },
      { id: 'leaf', priority: 1, box: box(20, 5) },
      { id: 'far', priority: 1, box: box(200, 200) },
    ];
    expect([...chooseLabels(candidates, new Map())].sort()).toEqual(['far', 'hub']);
  });

  it('never draws a label over another node, only over its own', () => {
    const obstacles = new Map([
      ['a', box(0, -20, 20, 20)],
      ['b', box(10, 2, 10, 10)],
    ]);
    expect([...chooseLabels([{ id: 'a', priority: 5, box: box(0, 0) }], obstacles)]).toEqual([]);
    expect([...chooseLabels([{ id: 'b', priority: 5, box: box(0, 0) }], new Map([['b', box(10, 2, 10, 10)]]))]).toEqual(
      ['b'],
    );
  });

  it('chooses the same labels whatever the order of the candidates (ties go by id)', () => {
    const a = { id: 'a', priority: 3, box: box(0, 0) };
    const b = { id: 'b', priority: 3, box: box(10, 0) };
    expect([...chooseLabels([a, b], new Map())]).toEqual(['a']);
    expect([...chooseLabels([b, a], new Map())]).toEqual(['a']);
  });
});
