/**
 * The map's geography: graticule, country shapes, coastlines and borders, projected with the fitted Mercator
 * into one group that zooms as a whole (so it is drawn once per frame change, not per zoom step), and the
 * countries that hold a place marked.
 */
import { geoContains, geoGraticule, geoMercator, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import type { MultiLineString } from 'geojson';
import type { MapPlace } from '../ui-types.ts';
import { boundsIntersect, type GeoBounds, type MeshLine } from './atlas.ts';
import { type MapModel, validPlaces, WORLD_MARGIN } from './model.ts';
import { graticuleStep } from './projection.ts';

/** The screen area (at zoom 1) geography is drawn in and the view can pan over. */
export function worldRect(m: MapModel): GeoBounds {
  return [
    [-WORLD_MARGIN * m.width, -WORLD_MARGIN * m.height],
    [(WORLD_MARGIN + 1) * m.width, (WORLD_MARGIN + 1) * m.height],
  ];
}

/** Geographic bounds of a screen rectangle at zoom 1 (Mercator: a lon/lat rectangle). */
function geoBoundsOf(m: MapModel, rect: GeoBounds): GeoBounds {
  const { projection } = m;
  const a = projection.invert?.(rect[0]) ?? [-180, 90];
  const b = projection.invert?.(rect[1]) ?? [180, -90];
  const span = ((rect[1][0] - rect[0][0]) / (projection.scale() * 2 * Math.PI)) * 360;
  if (span >= 360)
    return [
      [-180, Math.min(a[1], b[1])],
      [180, Math.max(a[1], b[1])],
    ];
  return [
    [a[0], Math.min(a[1], b[1])],
    [b[0], Math.max(a[1], b[1])],
  ];
}

function pathFor(m: MapModel, clip: GeoBounds) {
  const clipped = geoMercator().scale(m.projection.scale()).translate(m.projection.translate()).clipExtent(clip);
  return geoPath(clipped).digits(1);
}

/** Graticule lines spaced for what is on screen (1° close up, wider when zoomed out). */
export function drawGraticule(m: MapModel): void {
  const { transform, width, height } = m;
  const visible = geoBoundsOf(m, [transform.invert([0, 0]), transform.invert([width, height])]);
  const step = graticuleStep({
    west: visible[0][0],
    south: visible[0][1],
    east: visible[1][0],
    north: visible[1][1],
  });
  const key = `${m.fittedBox}|${m.fittedSize}|${step}`;
  if (key === m.graticuleKey) return;
  m.graticuleKey = key;
  m.parts.graticulePath.setAttribute('d', pathFor(m, worldRect(m))(geoGraticule().step([step, step])()) ?? '');
}

const countryClass = (m: MapModel) => (c: { key: string }) =>
  m.focusCountries.has(c.key) ? 'map-country is-focus' : 'map-country';

/** Countries, coastlines and borders near the fitted frame; nothing until the atlas is loaded. */
export function drawGeography(m: MapModel): void {
  const { atlas, parts } = m;
  if (!atlas || m.width === 0 || m.height === 0) {
    parts.countryLayer.replaceChildren();
    parts.coastPath.removeAttribute('d');
    parts.bordersPath.removeAttribute('d');
    return;
  }
  const world = worldRect(m);
  const path = pathFor(m, world);
  const near = geoBoundsOf(m, world);
  const shapes = atlas.countries
    .filter((c) => boundsIntersect(c.bounds, near))
    .map((c) => ({ key: c.key, d: path(c.feature) ?? '' }))
    .filter((c) => c.d !== '');
  select(parts.countryLayer)
    .selectAll<SVGPathElement, { key: string; d: string }>('path')
    .data(shapes, (c) => c.key)
    .join('path')
    .attr('class', countryClass(m))
    .attr('d', (c) => c.d);
  const lines = (mesh: MeshLine[]): MultiLineString => ({
    type: 'MultiLineString',
    coordinates: mesh.filter((line) => boundsIntersect(line.bounds, near)).map((line) => line.coordinates),
  });
  parts.coastPath.setAttribute('d', path(lines(atlas.coast)) ?? '');
  parts.bordersPath.setAttribute('d', path(lines(atlas.borders)) ?? '');
}

/** Marks the countries that hold a shown place (only when that set changes). */
export function updateFocusCountries(m: MapModel): void {
  if (!m.atlas) return;
  const shown = validPlaces(m);
  const next = new Set<string>();
  for (const country of m.atlas.countries) {
    const [[west, south], [east, north]] = country.bounds;
    const within = (p: MapPlace) =>
      p.lat >= south &&
      p.lat <= north &&
      (west > east ? p.lon >= west || p.lon <= east : p.lon >= west && p.lon <= east);
    if (shown.some((p) => within(p) && geoContains(country.feature, [p.lon, p.lat]))) next.add(country.key);
  }
  const same = next.size === m.focusCountries.size && [...next].every((k) => m.focusCountries.has(k));
  if (same) return;
  m.focusCountries = next;
  select(m.parts.countryLayer).selectAll<SVGPathElement, { key: string }>('path').attr('class', countryClass(m));
}
