/**
 * The map's labels and scale, laid out again after every view change so none covers another: place names
 * around their markers (the focused and selected places first), the scale bar in the bottom inline-end corner,
 * and country names where they fit inside their country, all clear of the controls and the note.
 */
import { geoContains, geoDistance, geoMercator, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { boundsIntersect, type GeoBounds } from './atlas.ts';
import { countryName } from './countries.ts';
import {
  COUNTRY_LABEL_HEIGHT,
  LABEL_HEIGHT,
  type MapModel,
  measure,
  type PlaceDatum,
  placeLang,
  round,
  viewLanguage,
} from './model.ts';
import { type LabelRequest, placeLabels, type Rect, rectsOverlap, scaleBar, textDirection } from './projection.ts';

interface CountryLabel {
  key: string;
  name: string;
  lang: string;
  x: number;
  y: number;
}

/** Screen areas labels keep clear of: the controls and the note, with a margin. */
export function obstacleRects(m: MapModel): Rect[] {
  const { root, controls, note } = m.parts;
  const origin = root.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const element of [controls, note]) {
    if (element.hidden) continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0) continue;
    rects.push({ x: r.left - origin.left - 4, y: r.top - origin.top - 4, width: r.width + 8, height: r.height + 8 });
  }
  return rects;
}

/** The scale bar, unless the map is too small or it would cover an obstacle; returns the room it takes. */
export function drawScale(m: MapModel, obstacles: Rect[]): Rect | null {
  const { width, height, transform, projection, state } = m;
  const { scaleLayer, scaleLine, scaleText } = m.parts;
  const y = height / 2;
  const a = transform.invert([width / 2 - 50, y]);
  const b = transform.invert([width / 2 + 50, y]);
  const ga = projection.invert?.(a);
  const gb = projection.invert?.(b);
  const bar = ga && gb ? scaleBar((geoDistance(ga, gb) * 6371.0088) / 100, Math.min(110, width / 4)) : null;
  if (!bar || width < 220 || height < 140) {
    scaleLayer.setAttribute('visibility', 'hidden');
    return null;
  }
  const lang = viewLanguage(state.dir);
  let text: string;
  try {
    text = new Intl.NumberFormat(`${lang}-u-nu-latn`, { style: 'unit', unit: 'kilometer' }).format(bar.km);
  } catch {
    text = `${bar.km} km`;
  }
  const margin = 12;
  const rtl = state.dir === 'rtl';
  const bottom = height - margin;
  // The bar sits at the bottom inline-end corner (the note takes inline-start).
  const x0 = rtl ? margin : width - margin - bar.px;
  const x1 = x0 + bar.px;
  scaleLayer.removeAttribute('visibility');
  scaleLine.setAttribute('d', `M${round(x0)},${bottom - 5}V${bottom}H${round(x1)}V${bottom - 5}`);
  scaleText.textContent = text;
  scaleText.setAttribute('x', String(round((x0 + x1) / 2)));
  scaleText.setAttribute('y', String(bottom - 9));
  const textWidth = measure(m, text, 'map-scale-text', null);
  const left = Math.min(x0, (x0 + x1) / 2 - textWidth / 2);
  const rect = { x: left - 4, y: bottom - 22, width: Math.max(bar.px, textWidth) + 8, height: 26 };
  if (obstacles.some((o) => rectsOverlap(o, rect))) {
    scaleLayer.setAttribute('visibility', 'hidden');
    return null;
  }
  return rect;
}

/**
 * Places the names of the places at `positions` (screen points by id) around their markers, clear of the
 * obstacles; a name that fits nowhere is hidden. Returns the room taken by names and markers.
 */
export function drawPlaceLabels(
  m: MapModel,
  positions: ReadonlyMap<string, [number, number]>,
  obstacles: Rect[],
): Rect[] {
  const { placeLayer, labelLayer } = m.parts;
  const groups = select(placeLayer).selectAll<SVGGElement, PlaceDatum>('g.map-place');
  const focused = document.activeElement;
  const focusedId =
    focused instanceof SVGGElement && placeLayer.contains(focused)
      ? select<SVGGElement, PlaceDatum>(focused).datum().place.id
      : null;
  const requests: LabelRequest[] = [];
  groups.each((d) => {
    const p = positions.get(d.place.id);
    if (!p) return;
    const className = `map-label${d.selected ? ' is-selected' : ''}`;
    requests.push({
      id: d.place.id,
      x: p[0],
      y: p[1],
      radius: d.extent + (d.selected ? 2 : 0),
      width: measure(m, d.place.label, className, placeLang(d.place.label)) + 2,
      height: LABEL_HEIGHT,
      priority:
        (d.place.id === focusedId ? 2000 : 0) +
        (d.selected ? 1000 : 0) +
        (d.dim ? 0 : 100) +
        d.style.rank * 10 -
        (d.style.shape === 'area' ? 5 : 0),
    });
  });
  const placed = placeLabels(requests, { width: m.width, height: m.height, obstacles, dir: m.state.dir });
  select(labelLayer)
    .selectAll<SVGTextElement, PlaceDatum>('text')
    .each(function (d) {
      const spot = placed.get(d.place.id);
      if (spot) {
        this.setAttribute('x', String(round(spot.x)));
        this.setAttribute('y', String(round(spot.y)));
        this.removeAttribute('visibility');
      } else {
        this.setAttribute('visibility', 'hidden');
      }
    });

  const taken: Rect[] = [];
  for (const spot of placed.values()) if (spot) taken.push(spot.rect);
  for (const r of requests) {
    taken.push({ x: r.x - r.radius, y: r.y - r.radius, width: r.radius * 2, height: r.radius * 2 });
  }
  return taken;
}

/** Names of the largest countries in view, each at the first spot inside it that nothing else takes. */
export function drawCountryLabels(m: MapModel, taken: Rect[]): void {
  const { atlas, width, height, transform, projection } = m;
  const labels: CountryLabel[] = [];
  if (atlas && width >= 200 && height >= 120) {
    const lang = viewLanguage(m.state.dir);
    const k = transform.k;
    const [tx, ty] = projection.translate();
    const screen = geoMercator()
      .scale(projection.scale() * k)
      .translate([transform.x + tx * k, transform.y + ty * k])
      .clipExtent([
        [0, 0],
        [width, height],
      ]);
    const path = geoPath(screen);
    const corners = [
      screen.invert?.([0, 0]),
      screen.invert?.([width, height]),
      screen.invert?.([0, height]),
      screen.invert?.([width, 0]),
    ];
    const lons = corners.map((c) => c?.[0] ?? 0);
    const lats = corners.map((c) => c?.[1] ?? 0);
    const view: GeoBounds = [
      [Math.min(...lons), Math.min(...lats)],
      [Math.max(...lons), Math.max(...lats)],
    ];
    const candidates = atlas.countries
      .filter((c) => boundsIntersect(c.bounds, view))
      .map((c) => ({ country: c, area: path.area(c.feature) }))
      .filter((c) => c.area > 2500)
      .sort((a, b) => b.area - a.area)
      .slice(0, 12);
    const className = 'map-country-label';
    for (const { country } of candidates) {
      const name = countryName(country.key, country.atlasName, lang);
      if (!name) continue;
      const w = measure(m, name, className, lang) + 4;
      const [[x0, y0], [x1, y1]] = path.bounds(country.feature);
      if (x1 - x0 < w * 1.2 || y1 - y0 < COUNTRY_LABEL_HEIGHT * 2.5) continue;
      const [cx, cy] = path.centroid(country.feature);
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
      const step = COUNTRY_LABEL_HEIGHT * 1.6;
      const spots: Array<[number, number]> = [
        [cx, cy],
        [cx, cy - step],
        [cx, cy + step],
        [cx - w * 0.6, cy],
        [cx + w * 0.6, cy],
        [cx, cy - 2 * step],
        [cx, cy + 2 * step],
      ];
      for (const [x, y] of spots) {
        const rect = { x: x - w / 2, y: y - COUNTRY_LABEL_HEIGHT / 2, width: w, height: COUNTRY_LABEL_HEIGHT };
        if (rect.x < 4 || rect.y < 4 || rect.x + w > width - 4 || rect.y + rect.height > height - 4) continue;
        if (taken.some((t) => rectsOverlap(rect, t, 6))) continue;
        const geo = screen.invert?.([x, y]);
        if (!geo || !geoContains(country.feature, geo)) continue;
        taken.push(rect);
        labels.push({ key: country.key, name, lang, x, y });
        break;
      }
    }
  }
  select(m.parts.countryLabelLayer)
    .selectAll<SVGTextElement, CountryLabel>('text')
    .data(labels, (d) => d.key)
    .join('text')
    .attr('class', 'map-country-label')
    .attr('lang', (d) => d.lang)
    .attr('direction', (d) => textDirection(d.name))
    .attr('x', (d) => round(d.x))
    .attr('y', (d) => round(d.y))
    .text((d) => d.name);
}
