/**
 * The geographic and concentric layouts, pure. Geographic: places at their coordinates in the map's projection
 * (Web Mercator, as map/ draws the offline basemap), north up; the rest of the graph gathers around the places it is
 * linked to; places without coordinates and nodes linked to no located place wait in marked rows below, never stacked
 * on one point. Concentric: the best connected node in the middle, rings outwards by fewer connections.
 */
import { neighboursOf } from './adjacency.ts';

export interface GeoInput {
  id: string;
  /** Coordinates and where they come from (`gazetteer` when not from the article); null when the node has none. */
  point: { lat: number; lon: number; origin: string } | null;
  isPlace: boolean;
}

export interface GeoArrangement {
  positions: Map<string, { x: number; y: number }>;
  /** Places with coordinates from a gazetteer (drawn marked: not from the article). */
  gazetteer: Set<string>;
  /** Places with no coordinates, in their own row. */
  unlocated: Set<string>;
  /** Nodes not linked to any located place, in their own row. */
  unplaced: Set<string>;
  /** y of the two rows, model px (for their captions), or null when a row is empty. */
  unlocatedY: number | null;
  unplacedY: number | null;
  /** How Web Mercator maps to model px (for a basemap drawn behind the graph); null when no place is located. */
  frame: MercatorFrame | null;
}

/** Model px = (mercator − min) × scale. */
export interface MercatorFrame {
  minX: number;
  minY: number;
  scale: number;
}

/** Where a longitude and latitude lie in the graph's model coordinates under `frame`. */
export function mercatorToModel(frame: MercatorFrame, lat: number, lon: number): { x: number; y: number } {
  const m = mercator(lat, lon);
  return { x: (m.x - frame.minX) * frame.scale, y: (m.y - frame.minY) * frame.scale };
}

/** Web Mercator: x east, y south, in units of the map's width / 2π. */
export function mercator(lat: number, lon: number): { x: number; y: number } {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return { x: (lon * Math.PI) / 180, y: -Math.log(Math.tan(Math.PI / 4 + phi / 2)) };
}

/** Sunflower spiral offsets: several nodes round one place spread evenly, the same way every time. */
function around(centre: { x: number; y: number }, index: number, spacing: number): { x: number; y: number } {
  const radius = spacing * Math.sqrt(index + 0.5);
  const angle = index * 2.399963229728653;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

const ROW_STEP = 110;
const ROW_GAP = 220;

/** Positions for the geographic layout; the located places span `width` model px. */
export function geoPositions(
  nodes: readonly GeoInput[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  width = 1400,
): GeoArrangement {
  const positions = new Map<string, { x: number; y: number }>();
  const gazetteer = new Set<string>();
  const unlocated = new Set<string>();
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
  const located = sorted.filter((n) => n.point !== null);
  const projected = located.map((n) => {
    const point = n.point as NonNullable<GeoInput['point']>;
    return { id: n.id, ...mercator(point.lat, point.lon) };
  });
  let frame: MercatorFrame | null = null;
  if (projected.length > 0) {
    const xs = projected.map((p) => p.x);
    const ys = projected.map((p) => p.y);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    // At least ~1° across, so one place or a few close ones are not blown up to the whole width.
    const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY, Math.PI / 180);
    frame = { minX, minY, scale: width / span };
    for (const p of located) {
      const point = p.point as NonNullable<GeoInput['point']>;
      positions.set(p.id, mercatorToModel(frame, point.lat, point.lon));
    }
  }
  for (const n of located) if (n.point?.origin === 'gazetteer') gazetteer.add(n.id);
  for (const n of sorted) if (n.isPlace && n.point === null) unlocated.add(n.id);

  const neighbours = neighboursOf(edges);
  // Rings outwards: first what is linked to a located place, then what is linked to those, three steps at most.
  let pending = sorted.filter((n) => !positions.has(n.id) && !unlocated.has(n.id));
  for (let step = 0; step < 3 && pending.length > 0; step++) {
    const placedNow = new Map<string, { x: number; y: number }>();
    const crowd = new Map<string, number>();
    const next: GeoInput[] = [];
    for (const n of pending) {
      const anchors = (neighbours.get(n.id) ?? []).flatMap((m) => {
        const p = positions.get(m);
        return p ? [p] : [];
      });
      if (anchors.length === 0) {
        next.push(n);
        continue;
      }
      const centre = {
        x: anchors.reduce((a, p) => a + p.x, 0) / anchors.length,
        y: anchors.reduce((a, p) => a + p.y, 0) / anchors.length,
      };
      const key = `${Math.round(centre.x)},${Math.round(centre.y)}`;
      const index = (crowd.get(key) ?? 0) + 1;
      crowd.set(key, index);
      placedNow.set(n.id, around(centre, index, 44));
    }
    for (const [id, p] of placedNow) positions.set(id, p);
    pending = next;
  }
  const bottom = Math.max(0, ...[...positions.values()].map((p) => p.y));
  const rowOf = (ids: string[], y: number) => {
    const perRow = Math.max(1, Math.floor(width / ROW_STEP));
    ids.forEach((id, i) => {
      positions.set(id, { x: (i % perRow) * ROW_STEP, y: y + Math.floor(i / perRow) * 60 });
    });
    return y + Math.ceil(ids.length / perRow) * 60;
  };
  const unlocatedY = unlocated.size > 0 ? bottom + ROW_GAP : null;
  const afterUnlocated = unlocatedY === null ? bottom : rowOf([...unlocated], unlocatedY);
  const unplaced = new Set(pending.map((n) => n.id));
  const unplacedY = unplaced.size > 0 ? afterUnlocated + ROW_GAP : null;
  if (unplacedY !== null) rowOf([...unplaced], unplacedY);
  return { positions, gazetteer, unlocated, unplaced, unlocatedY, unplacedY, frame };
}

/**
 * Concentric by connections: nodes by degree (ties by id) fill rings from the centre, each ring holding as many as
 * its circumference allows.
 */
export function concentricPositions(
  nodes: ReadonlyArray<{ id: string; degree: number }>,
  gap = 90,
  spacing = 64,
): Map<string, { x: number; y: number }> {
  const order = [...nodes].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const positions = new Map<string, { x: number; y: number }>();
  let ring = 0;
  let filled = 0;
  let capacity = 1;
  for (const n of order) {
    if (filled === capacity) {
      ring++;
      filled = 0;
      capacity = Math.floor((2 * Math.PI * ring * gap) / spacing);
    }
    const remaining = order.length - positions.size;
    const onRing = Math.min(capacity, filled + remaining);
    const angle = (2 * Math.PI * filled) / Math.max(1, onRing) - Math.PI / 2 + ring * 0.37;
    positions.set(
      n.id,
      ring === 0 ? { x: 0, y: 0 } : { x: ring * gap * Math.cos(angle), y: ring * gap * Math.sin(angle) },
    );
    filled++;
  }
  return positions;
}
