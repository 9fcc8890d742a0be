import { describe, expect, it } from 'vitest';
import { concentricPositions, geoPositions, mercatorToModel } from './geo.ts';

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

  it('exposes the Mercator → model transform: a coordinate maps onto the place drawn there, the rest in proportion', () => {
    const geo = geoPositions(nodes, edges, 1400);
    const frame = geo.frame;
    if (!frame) throw new Error('no frame for located places');
    for (const n of nodes) {
      if (!n.point) continue;
      const drawn = geo.positions.get(n.id);
      const mapped = mercatorToModel(frame, n.point.lat, n.point.lon);
      expect(Math.abs(mapped.x - (drawn?.x ?? Number.NaN))).toBeLessThan(1e-9);
      expect(Math.abs(mapped.y - (drawn?.y ?? Number.NaN))).toBeLessThan(1e-9);
    }
    // The westernmost place is at x 0, the northernmost at y 0; the widest extent spans 1400 px.
    expect(mercatorToModel(frame, 36.5, 39.01)).toEqual({ x: 0, y: 0 });
    const east = mercatorToModel(frame, 36.5, 40.93);
    const south = mercatorToModel(frame, 34.46, 39.01);
    expect(Math.max(east.x, south.y)).toBeCloseTo(1400, 6);
    // Mercator stretches north–south: one degree of latitude is longer than one of longitude at 35° N.
    const degreeNorth = mercatorToModel(frame, 35, 40).y - mercatorToModel(frame, 36, 40).y;
    const degreeEast = mercatorToModel(frame, 35, 41).x - mercatorToModel(frame, 35, 40).x;
    expect(degreeNorth / degreeEast).toBeCloseTo(1 / Math.cos((35.5 * Math.PI) / 180), 2);
    expect(
      geoPositions(
        nodes.filter((n) => !n.point),
        edges,
      ).frame,
    ).toBeNull();
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
