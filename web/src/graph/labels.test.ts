import { describe, expect, it } from 'vitest';
import { type Box, chooseLabels, type LabelCandidate } from './labels.ts';

const box = (x1: number, y1: number, w = 40, h = 14): Box => ({ x1, y1, x2: x1 + w, y2: y1 + h });

describe('which node labels the graph draws', () => {
  it('keeps the most important of two overlapping labels, and every label that fits', () => {
    const candidates: LabelCandidate[] = [
      { id: 'hub', priority: 20, boxes: [box(0, 0)] },
      { id: 'leaf', priority: 1, boxes: [box(20, 5)] },
      { id: 'far', priority: 1, boxes: [box(200, 200)] },
    ];
    expect([...chooseLabels(candidates, new Map()).keys()].sort()).toEqual(['far', 'hub']);
  });

  it('moves a label to its next spot (above, beside) when the first is taken', () => {
    const chosen = chooseLabels(
      [
        { id: 'hub', priority: 20, boxes: [box(0, 0)] },
        { id: 'next', priority: 5, boxes: [box(10, 0), box(10, -40), box(60, 0)] },
      ],
      new Map(),
    );
    expect(chosen.get('next')).toBe(1);
  });

  it('puts a name cut by the pane edge on a spot inside the pane, or leaves it out', () => {
    const pane = box(0, 0, 390, 600);
    // Below and above stick out at the left edge; the right-hand spot lies inside.
    const edge = { id: 'turkey', priority: 9, boxes: [box(-30, 50), box(-30, 20), box(12, 35), box(-50, 35)] };
    expect(chooseLabels([edge], new Map(), pane).get('turkey')).toBe(2);
    const hub = { id: 'hub', priority: 30, boxes: [box(370, 50), box(370, 20)], overNodes: true };
    expect(chooseLabels([hub], new Map(), pane).has('hub')).toBe(false);
    expect(chooseLabels([hub], new Map()).get('hub')).toBe(0);
  });

  it('never draws a label over another node, only over its own', () => {
    const obstacles = new Map([
      ['a', box(0, -20, 20, 20)],
      ['b', box(10, 2, 10, 10)],
    ]);
    expect([...chooseLabels([{ id: 'a', priority: 5, boxes: [box(0, 0)] }], obstacles).keys()]).toEqual([]);
    const own = new Map([['b', box(10, 2, 10, 10)]]);
    expect([...chooseLabels([{ id: 'b', priority: 5, boxes: [box(0, 0)] }], own).keys()]).toEqual(['b']);
  });

  it('names a hub even over other nodes, but never over another label', () => {
    const obstacles = new Map([['leaf', box(0, 0, 10, 10)]]);
    const hub = { id: 'hub', priority: 30, boxes: [box(0, 0)], overNodes: true };
    expect([...chooseLabels([hub], obstacles).keys()]).toEqual(['hub']);
    const first = { id: 'first', priority: 40, boxes: [box(5, 5)] };
    expect([...chooseLabels([first, hub], new Map()).keys()]).toEqual(['first']);
  });

  it('chooses the same labels whatever the order of the candidates (ties go by id)', () => {
    const a = { id: 'a', priority: 3, boxes: [box(0, 0)] };
    const b = { id: 'b', priority: 3, boxes: [box(10, 0)] };
    expect([...chooseLabels([a, b], new Map()).keys()]).toEqual(['a']);
    expect([...chooseLabels([b, a], new Map()).keys()]).toEqual(['a']);
  });
});
