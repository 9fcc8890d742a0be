import { describe, expect, it } from 'vitest';
import { hierarchyPositions } from './hierarchy.ts';

describe('hierarchy positions', () => {
  const nodes = [
    { id: 'hub', degree: 3 },
    { id: 'a', degree: 2 },
    { id: 'b', degree: 1 },
    { id: 'c', degree: 1 },
    { id: 'a1', degree: 1 },
    { id: 'lone', degree: 0 },
  ];
  const edges = [
    { source: 'hub', target: 'a' },
    { source: 'hub', target: 'b' },
    { source: 'c', target: 'hub' },
    { source: 'a', target: 'a1' },
  ];

  it('hangs each part from its best connected node, levels by distance, parts side by side', () => {
    const p = hierarchyPositions(nodes, edges);
    const y = (id: string) => p.get(id)?.y ?? Number.NaN;
    expect(y('hub')).toBe(0);
    expect([y('a'), y('b'), y('c')]).toEqual([110, 110, 110]);
    expect(y('a1')).toBe(220);
    expect(y('lone')).toBe(0);
    expect(p.get('lone')?.x).toBeGreaterThan(Math.max(...['hub', 'a', 'b', 'c', 'a1'].map((id) => p.get(id)?.x ?? 0)));
    expect(p.size).toBe(nodes.length);
  });

  it('gives the same positions whatever order the graph comes in', () => {
    const one = hierarchyPositions(nodes, edges);
    const two = hierarchyPositions([...nodes].reverse(), [...edges].reverse());
    expect(Object.fromEntries(two)).toEqual(Object.fromEntries(one));
  });
});
