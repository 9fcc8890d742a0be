import { describe, expect, it } from 'vitest';
import { alpha2, countryName } from './countries.ts';
import {
  boxGeometry,
  boxKey,
  DEFAULT_BOX,
  frameBox,
  graticuleStep,
  type LabelRequest,
  markerExtent,
  markerStyle,
  placeLabels,
  type Rect,
  rectsOverlap,
  scaleBar,
  textDirection,
} from './projection.ts';

const baghouz = { lat: 34.46, lon: 40.95 };
const abuKamal = { lat: 34.45, lon: 40.92 };
const hajin = { lat: 34.69, lon: 40.83 };
const raqqa = { lat: 35.95, lon: 39.01 };
const mosul = { lat: 36.34, lon: 43.13 };

describe('frameBox', () => {
  it('frames Syria and Iraq when no place has coordinates', () => {
    expect(frameBox([])).toEqual(DEFAULT_BOX);
    expect(
      frameBox([
        { lat: Number.NaN, lon: 40 },
        { lat: 95, lon: 40 },
      ]),
    ).toEqual(DEFAULT_BOX);
  });

  it('gives one place at least the minimum span, centred on it', () => {
    const box = frameBox([baghouz]);
    expect(box.east - box.west).toBeCloseTo(4);
    expect(box.north - box.south).toBeCloseTo(4);
    expect((box.east + box.west) / 2).toBeCloseTo(baghouz.lon);
    expect((box.north + box.south) / 2).toBeCloseTo(baghouz.lat);
  });

  it('contains every place with a margin', () => {
    const places = [baghouz, abuKamal, hajin, raqqa, mosul];
    const box = frameBox(places);
    for (const p of places) {
      expect(p.lon).toBeGreaterThan(box.west + 0.4);
      expect(p.lon).toBeLessThan(box.east - 0.4);
      expect(p.lat).toBeGreaterThan(box.south + 0.4);
      expect(p.lat).toBeLessThan(box.north - 0.4);
    }
    expect(box.east - box.west).toBeGreaterThan(mosul.lon - raqqa.lon);
    expect(box.north - box.south).toBeGreaterThanOrEqual(4 - 1e-9);
  });

  it('honours a custom minimum span and fallback', () => {
    const box = frameBox([baghouz], { minSpan: 10 });
    expect(box.east - box.west).toBeCloseTo(10);
    const fallback = { west: 0, south: 0, east: 1, north: 1 };
    expect(frameBox([], { fallback })).toEqual(fallback);
  });

  it('stays inside the world and away from the poles', () => {
    const box = frameBox([{ lat: 89, lon: 179.9 }]);
    expect(box.east).toBeLessThanOrEqual(180);
    expect(box.north).toBeLessThanOrEqual(80);
    expect(box.east - box.west).toBeCloseTo(4);
    const world = frameBox([
      { lat: -60, lon: -179 },
      { lat: 70, lon: 179 },
    ]);
    expect(world.west).toBe(-180);
    expect(world.east).toBe(180);
  });

  it('has a stable key and a GeoJSON outline for fitting', () => {
    expect(boxKey(frameBox([baghouz]))).toBe(boxKey(frameBox([{ lat: 34.4600001, lon: 40.95 }])));
    expect(boxKey(frameBox([baghouz]))).not.toBe(boxKey(frameBox([mosul])));
    const geometry = boxGeometry(DEFAULT_BOX);
    expect(geometry.type).toBe('MultiPoint');
    expect(geometry.coordinates).toContainEqual([DEFAULT_BOX.west, DEFAULT_BOX.south]);
    expect(geometry.coordinates).toContainEqual([DEFAULT_BOX.east, DEFAULT_BOX.north]);
  });

  it('picks a graticule step for the frame size', () => {
    expect(graticuleStep(frameBox([baghouz]))).toBe(1);
    expect(graticuleStep(DEFAULT_BOX)).toBe(2);
    expect(graticuleStep({ west: -180, south: -60, east: 180, north: 80 })).toBe(20);
  });
});

describe('markerStyle', () => {
  it('draws settlements as dots and regions as rings', () => {
    expect(markerStyle('city').shape).toBe('point');
    expect(markerStyle('village').shape).toBe('point');
    expect(markerStyle('oil_field').shape).toBe('point');
    expect(markerStyle('desert').shape).toBe('area');
    expect(markerStyle('Governorate').shape).toBe('area');
    expect(markerStyle('city').radius).toBeGreaterThan(markerStyle('village').radius);
    expect(markerStyle('city').rank).toBeGreaterThan(markerStyle('village').rank);
  });

  it('counts the approximate ring in the covered extent of points only', () => {
    const city = markerStyle('city');
    expect(markerExtent(city, true)).toBeGreaterThan(markerExtent(city, false));
    const desert = markerStyle('desert');
    expect(markerExtent(desert, true)).toBe(desert.radius);
  });
});

describe('placeLabels', () => {
  const frame = { width: 400, height: 240 };
  const label = (id: string, x: number, y: number, priority = 0, width = 60): LabelRequest => ({
    id,
    x,
    y,
    radius: 5,
    width,
    height: 14,
    priority,
  });
  const rects = (placed: Map<string, { rect: Rect } | null>) =>
    [...placed.values()].filter((p): p is { rect: Rect } => p !== null).map((p) => p.rect);

  it('puts a lone label after the marker in the reading direction', () => {
    const ltr = placeLabels([label('a', 200, 120)], frame).get('a');
    expect(ltr?.side).toBe('e');
    expect(ltr?.rect.x).toBeGreaterThan(205);
    const rtl = placeLabels([label('a', 200, 120)], { ...frame, dir: 'rtl' }).get('a');
    expect(rtl?.side).toBe('w');
    expect((rtl?.rect.x ?? 0) + (rtl?.rect.width ?? 0)).toBeLessThan(195);
  });

  it('separates labels of markers on the same spot (Baghouz and Abu Kamal)', () => {
    const placed = placeLabels([label('abu-kamal', 200, 120, 3), label('baghouz', 203, 120, 1)], frame);
    expect(placed.get('abu-kamal')?.side).toBe('e');
    expect(placed.get('baghouz')).not.toBeNull();
    const [a, b] = rects(placed);
    expect(a && b && rectsOverlap(a, b)).toBe(false);
  });

  it('gives the best spot to the highest priority', () => {
    const placed = placeLabels([label('low', 200, 120, 0), label('high', 203, 120, 10)], frame);
    expect(placed.get('high')?.side).toBe('e');
    expect(placed.get('low')?.side).not.toBe('e');
  });

  it('never overlaps labels, markers or obstacles, hiding what does not fit', () => {
    const requests = Array.from({ length: 30 }, (_, i) => label(`p${i}`, 150 + (i % 6) * 12, 100 + (i % 5) * 8, i));
    const obstacles = [{ x: 340, y: 0, width: 60, height: 100 }];
    const placed = placeLabels(requests, { ...frame, obstacles });
    const boxes = rects(placed);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThan(requests.length);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
      for (const o of obstacles) expect(rectsOverlap(a, o)).toBe(false);
      for (const r of requests) {
        const marker = { x: r.x - r.radius, y: r.y - r.radius, width: r.radius * 2, height: r.radius * 2 };
        const own = placed.get(r.id)?.rect === a;
        if (!own) expect(rectsOverlap(a, marker)).toBe(false);
      }
    }
  });

  it('keeps labels inside the frame and drops markers off screen', () => {
    const placed = placeLabels([label('edge', 395, 120), label('off', -20, 120), label('top', 200, 1)], frame);
    const edge = placed.get('edge');
    expect(edge?.side).toBe('w');
    expect(placed.get('off')).toBeNull();
    const top = placed.get('top');
    expect(top?.rect.y).toBeGreaterThanOrEqual(2);
  });

  it('hides a label too wide for the frame', () => {
    expect(placeLabels([label('wide', 200, 120, 0, 500)], frame).get('wide')).toBeNull();
  });
});

describe('scaleBar', () => {
  it('picks the longest round distance that fits', () => {
    expect(scaleBar(1, 100)).toEqual({ km: 100, px: 100 });
    expect(scaleBar(1, 90)).toEqual({ km: 50, px: 50 });
    expect(scaleBar(0.5, 90)).toEqual({ km: 20, px: 40 });
    expect(scaleBar(3, 100)?.km).toBe(200);
  });

  it('refuses nonsense', () => {
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(1, 0)).toBeNull();
  });
});

describe('textDirection', () => {
  it('follows the first strong character', () => {
    expect(textDirection('الباغوز')).toBe('rtl');
    expect(textDirection('Baghouz')).toBe('ltr');
    expect(textDirection('123 الباغوز')).toBe('rtl');
    expect(textDirection('Baghouz (الباغوز)')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});

describe('countryName', () => {
  it('maps world-atlas numeric ids to ISO codes', () => {
    expect(alpha2('760')).toBe('SY');
    expect(alpha2('368')).toBe('IQ');
    expect(alpha2(4)).toBe('AF');
    expect(alpha2(undefined, 'Kosovo')).toBe('XK');
    expect(alpha2(undefined, 'N. Cyprus')).toBeNull();
  });

  it('names countries in the reader language', () => {
    expect(countryName('760', 'Syria', 'en')).toBe('Syria');
    expect(countryName('368', 'Iraq', 'ar')).toBe('العراق');
    expect(countryName(undefined, 'N. Cyprus', 'en')).toBe('N. Cyprus');
    expect(countryName(undefined, 'N. Cyprus', 'ar')).toBeNull();
  });
});
