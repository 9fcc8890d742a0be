/**
 * Pure geometry for the map: which part of the world to frame, how places are drawn, where labels go
 * without covering each other, and how long the scale bar is. No DOM here, so all of it is unit-tested.
 */
import type { MultiPoint } from 'geojson';
import type { Direction } from '../ui-types.ts';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A box in degrees; `west` < `east` (boxes never cross the antimeridian). */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Eastern Mediterranean to the Gulf: Syria and Iraq whole, the view when nothing has coordinates. */
export const DEFAULT_BOX: GeoBox = { west: 35.4, south: 29, east: 48.6, north: 37.6 };

/** Mercator is unusable near the poles; frames stay inside these latitudes. */
const MAX_NORTH = 80;
const MAX_SOUTH = -75;

export function isValidPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.lat) && Number.isFinite(point.lon) && Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180
  );
}

export interface FrameOptions {
  /** Smallest width and height of the frame in degrees, so one place is not zoomed to a dot. Default 4. */
  minSpan?: number;
  /** Padding on each side as a share of the places' spread. Default 0.2. */
  margin?: number;
  /** Smallest padding on each side in degrees. Default 0.5. */
  minPad?: number;
  /** The frame when no place is valid. Default: Syria and Iraq. */
  fallback?: GeoBox;
}

/** Grows [lo, hi] around its middle to at least `span`, then slides it back inside [min, max]. */
function widen(lo: number, hi: number, span: number, min: number, max: number): [number, number] {
  let a = lo;
  let b = hi;
  if (b - a < span) {
    const mid = (a + b) / 2;
    a = mid - span / 2;
    b = mid + span / 2;
  }
  if (b - a >= max - min) return [min, max];
  if (a < min) {
    b += min - a;
    a = min;
  }
  if (b > max) {
    a -= b - max;
    b = max;
  }
  return [a, b];
}

/** The geographic box to frame: every valid place, padded, at least `minSpan` degrees each way. */
export function frameBox(points: readonly GeoPoint[], options: FrameOptions = {}): GeoBox {
  const { minSpan = 4, margin = 0.2, minPad = 0.5, fallback = DEFAULT_BOX } = options;
  const valid = points.filter(isValidPoint);
  if (valid.length === 0) return { ...fallback };
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of valid) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  const padLon = Math.max((east - west) * margin, minPad);
  const padLat = Math.max((north - south) * margin, minPad);
  const [w, e] = widen(west - padLon, east + padLon, minSpan, -180, 180);
  const [s, n] = widen(south - padLat, north + padLat, minSpan, MAX_SOUTH, MAX_NORTH);
  return { west: w, south: s, east: e, north: n };
}

/** A stable key for a frame, so the view is refitted only when the frame really changes. */
export function boxKey(box: GeoBox): string {
  return [box.west, box.south, box.east, box.north].map((v) => v.toFixed(2)).join(',');
}

/** The box as GeoJSON for `projection.fitExtent` (corners and edge midpoints, so any projection fits it). */
export function boxGeometry(box: GeoBox): MultiPoint {
  const midLon = (box.west + box.east) / 2;
  const midLat = (box.south + box.north) / 2;
  return {
    type: 'MultiPoint',
    coordinates: [
      [box.west, box.south],
      [midLon, box.south],
      [box.east, box.south],
      [box.east, midLat],
      [box.east, box.north],
      [midLon, box.north],
      [box.west, box.north],
      [box.west, midLat],
    ],
  };
}

/** Graticule step (degrees) that gives a handful of lines across a frame. */
export function graticuleStep(box: GeoBox): number {
  const span = Math.max(box.east - box.west, box.north - box.south);
  if (span <= 6) return 1;
  if (span <= 14) return 2;
  if (span <= 35) return 5;
  if (span <= 80) return 10;
  return 20;
}

// ---------------------------------------------------------------------------------------------------------------
// Markers

export type MarkerShape = 'point' | 'area';

export interface MarkerStyle {
  shape: MarkerShape;
  /** Radius in screen pixels (constant whatever the zoom). */
  radius: number;
  /** Label priority among unselected places of the same activity: bigger places win the better spots. */
  rank: number;
}

const AREA_RADIUS: Record<string, number> = {
  country: 18,
  governorate: 15,
  province: 15,
  region: 14,
  district: 12,
  desert: 13,
  area: 11,
  countryside: 11,
  border: 10,
  river: 10,
};

const POINT_RADIUS: Record<string, number> = {
  capital: 6.5,
  city: 5.5,
  town: 4.5,
};

/** How a place of a kind is drawn: towns and smaller as dots, regions and deserts as (dashed) rings. */
export function markerStyle(kind: string): MarkerStyle {
  const k = kind
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const area = AREA_RADIUS[k];
  if (area !== undefined) return { shape: 'area', radius: area, rank: 1 };
  const point = POINT_RADIUS[k];
  if (point !== undefined) return { shape: 'point', radius: point, rank: point >= 5.5 ? 3 : 2 };
  return { shape: 'point', radius: 4, rank: 1 };
}

/** Extra radius of the dashed ring that marks an approximate point position. */
export const APPROXIMATE_RING = 4;

/** The radius a marker really covers on screen (dot plus its dashed ring when approximate). */
export function markerExtent(style: MarkerStyle, approximate: boolean): number {
  return style.shape === 'point' && approximate ? style.radius + APPROXIMATE_RING : style.radius;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

/** A screen rectangle; `x`, `y` its top-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

export interface LabelRequest {
  id: string;
  /** Marker centre on screen. */
  x: number;
  y: number;
  /** Marker radius on screen. */
  radius: number;
  /** Label text size on screen. */
  width: number;
  height: number;
  /** Higher goes first and gets the best spot; ties keep the input order. */
  priority: number;
}

export type LabelSide = 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw' | 'n' | 's';

export interface LabelPlacement {
  /** Label centre (draw with text-anchor middle, dominant-baseline central). */
  x: number;
  y: number;
  side: LabelSide;
  rect: Rect;
}

export interface LabelLayoutOptions {
  width: number;
  height: number;
  /** Screen areas labels must not cover (controls, legend). */
  obstacles?: readonly Rect[];
  /** Reading direction: labels go after the marker first (right in LTR, left in RTL). */
  dir?: Direction;
  /** Space between marker and label. Default 3. */
  gap?: number;
  /** Space kept between labels and the frame edge. Default 2. */
  inset?: number;
}

const LTR_SIDES: readonly LabelSide[] = ['e', 'w', 'ne', 'se', 'nw', 'sw', 'n', 's'];
const RTL_SIDES: readonly LabelSide[] = ['w', 'e', 'nw', 'sw', 'ne', 'se', 'n', 's'];

function candidate(request: LabelRequest, side: LabelSide, gap: number): LabelPlacement {
  const { x, y, radius: r, width: w, height: h } = request;
  const d = r + gap;
  const diagonal = r * Math.SQRT1_2 + gap;
  let cx = x;
  let cy = y;
  switch (side) {
    case 'e':
      cx = x + d + w / 2;
      break;
    case 'w':
      cx = x - d - w / 2;
      break;
    case 'n':
      cy = y - d - h / 2;
      break;
    case 's':
      cy = y + d + h / 2;
      break;
    case 'ne':
      cx = x + diagonal + w / 2;
      cy = y - diagonal - h / 2 + 2;
      break;
    case 'nw':
      cx = x - diagonal - w / 2;
      cy = y - diagonal - h / 2 + 2;
      break;
    case 'se':
      cx = x + diagonal + w / 2;
      cy = y + diagonal + h / 2 - 2;
      break;
    case 'sw':
      cx = x - diagonal - w / 2;
      cy = y + diagonal + h / 2 - 2;
      break;
  }
  return { x: cx, y: cy, side, rect: { x: cx - w / 2, y: cy - h / 2, width: w, height: h } };
}

/**
 * Greedy label placement: in priority order, each label takes the first of eight spots around its marker
 * that stays in the frame and covers no placed label, no other marker and no obstacle; with no such spot
 * the label is hidden (null). Markers off screen get null too.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: LabelLayoutOptions,
): Map<string, LabelPlacement | null> {
  const { width, height, obstacles = [], dir = 'ltr', gap = 3, inset = 2 } = options;
  const sides = dir === 'rtl' ? RTL_SIDES : LTR_SIDES;
  const order = requests.map((request, index) => ({ request, index }));
  order.sort((a, b) => b.request.priority - a.request.priority || a.index - b.index);
  const markers = requests.map((m) => ({
    id: m.id,
    rect: { x: m.x - m.radius, y: m.y - m.radius, width: m.radius * 2, height: m.radius * 2 },
  }));
  const placed: Rect[] = [];
  const result = new Map<string, LabelPlacement | null>();
  for (const { request } of order) {
    result.set(request.id, null);
    const onScreen = request.x >= 0 && request.x <= width && request.y >= 0 && request.y <= height;
    if (!onScreen || request.width <= 0) continue;
    for (const side of sides) {
      const spot = candidate(request, side, gap);
      const { rect } = spot;
      const inside =
        rect.x >= inset &&
        rect.y >= inset &&
        rect.x + rect.width <= width - inset &&
        rect.y + rect.height <= height - inset;
      if (!inside) continue;
      if (placed.some((other) => rectsOverlap(rect, other, 1))) continue;
      if (obstacles.some((other) => rectsOverlap(rect, other))) continue;
      if (markers.some((m) => m.id !== request.id && rectsOverlap(rect, m.rect))) continue;
      placed.push(rect);
      result.set(request.id, spot);
      break;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Scale bar and text

/** The longest round distance (1, 2 or 5 × 10ⁿ km) whose bar fits in `maxPx`; null when nothing sensible fits. */
export function scaleBar(kmPerPixel: number, maxPx: number): { km: number; px: number } | null {
  if (!(kmPerPixel > 0) || !Number.isFinite(kmPerPixel) || !(maxPx > 0)) return null;
  const maxKm = kmPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * power).find((v) => v <= maxKm) ?? power;
  const px = km / kmPerPixel;
  return px >= 8 ? { km, px } : null;
}

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** Direction of a text from its first strongly directional character (like `dir="auto"`). */
export function textDirection(text: string): Direction {
  for (const char of text) {
    if (STRONG_RTL.test(char)) return 'rtl';
    if (STRONG_LTR.test(char)) return 'ltr';
  }
  return 'ltr';
}
