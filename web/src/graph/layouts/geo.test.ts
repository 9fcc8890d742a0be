import { describe, expect, it } from 'vitest';
import { concentricPositions, geoPositions } from './geo.ts';

describe('geographic positions', () => {
  const nodes = [
    { id: 'place:baghouz', isPlace: true, point: { lat: 34.46, lon: 40.93, origin: 'gazetteer' } },
    { id: 'place:hasakah', isPlace: true, point: { lat: 36.5, lon: 40.75, origin: 'source' } },
    { id: 'place:raqqa', isPlace: true, point: { lat: 35.95, lon: 39.01, origin: 'gazetteer' } },
    { id: 'place:somewhere', isPlace: true, point: null },
    { id: 'place:elsewhere', isPlace: true, point: null },
    { id: 'event:battle', isPlace: false, point: null },
    { id: 'actor:sdf', isPlace: false, point: null },
    { id: 'actor:alone', isPlace: false, point: null },
  ];
  const edges = [
    { source: 'event:battle', target: 'place:baghouz' },
    { source: 'actor:sdf', target: 'event:battle' },
  ];

  it('keeps places where their coordinates say: north up, east right', () => {
    const { positions } = geoPositions(nodes, edges);
    const at = (id: string) => positions.get(id) ?? { x: Number.NaN, y: Number.NaN };
    expect(at('place:hasakah').y).toBeLessThan(at('place:baghouz').y);
    expect(at('place:raqqa').x).toBeLessThan(at('place:hasakah').x);
    expect(at('place:raqqa').y).toBeLessThan(at('place:baghouz').y);
  });

  it('gathers the rest round the places they are linked to, and marks what has no place', () => {
    const geo = geoPositions(nodes, edges);
    const baghouz = geo.positions.get('place:baghouz') ?? { x: 0, y: 0 };
    const battle = geo.positions.get('event:battle') ?? { x: 1e9, y: 1e9 };
    expect(Math.hypot(battle.x - baghouz.x, battle.y - baghouz.y)).toBeLessThan(80);
    expect(geo.positions.has('actor:sdf')).toBe(true);
    expect([...geo.gazetteer].sort()).toEqual(['place:baghouz', 'place:raqqa']);
    expect([...geo.unlocated].sort()).toEqual(['place:elsewhere', 'place:somewhere']);
    expect([...geo.unplaced]).toEqual(['actor:alone']);
    // Places without coordinates are in their own row below the map, side by side, not on one point.
    const a = geo.positions.get('place:elsewhere');
    const b = geo.positions.get('place:somewhere');
    expect(a?.y).toBe(geo.unlocatedY);
    expect(a).not.toEqual(b);
    expect(geo.unlocatedY).toBeGreaterThan(Math.max(baghouz.y, geo.positions.get('place:hasakah')?.y ?? 0));
  });
});

describe('concentric positions', () => {
  it('puts the best connected node in the middle and fewer connections further out', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `n:${String(i).padStart(2, '0')}`, degree: 30 - i }));
    const positions = concentricPositions(nodes);
    const r = (id: string) => Math.hypot(positions.get(id)?.x ?? 0, positions.get(id)?.y ?? 0);
    expect(r('n:00')).toBe(0);
    expect(r('n:01')).toBeLessThanOrEqual(r('n:29'));
    for (let i = 1; i < 29; i++)
      expect(r(`n:${String(i).padStart(2, '0')}`)).toBeLessThanOrEqual(r(`n:${String(i + 1).padStart(2, '0')}`) + 1e-9);
    expect(new Set([...positions.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(30);
  });
});
