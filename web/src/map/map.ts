/**
 * The map pane: places with coordinates over country outlines from world-atlas (bundled, loaded lazily —
 * no tiles, no network beyond our own origin). Geography zooms as one transformed group; markers and labels
 * are re-positioned in screen space so they keep their size, and labels are laid out again on every view
 * change so none covers another. All text goes through textContent.
 */
import './map.css';
import { type GeoProjection, geoBounds, geoContains, geoDistance, geoGraticule, geoMercator, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Direction, MapPlace } from '../ui-types.ts';
import { countryName } from './countries.ts';
import {
  boxGeometry,
  boxKey,
  frameBox,
  graticuleStep,
  isValidPoint,
  type LabelRequest,
  type MarkerStyle,
  markerExtent,
  markerStyle,
  placeLabels,
  type Rect,
  rectsOverlap,
  scaleBar,
  textDirection,
} from './projection.ts';

export interface MapOptions {
  onSelect(id: string): void;
  labels: {
    empty: string;
    approximateNote: string;
    resetView: string;
    zoomIn: string;
    zoomOut: string;
    /** Announced while the outlines load; without it only a spinner shows. */
    loading?: string;
    /** Shown when the outlines fail to load (places are still drawn); without it only a warning sign shows. */
    loadError?: string;
  };
}

export interface MapState {
  selectedId: string | null;
  /** Places linked to what is visible in the graph/time window; others are dimmed. null = none dimmed. */
  activeIds: ReadonlySet<string> | null;
  dir: Direction;
}

export interface MapView {
  update(places: MapPlace[], state: MapState): void;
  destroy(): void;
}

// ---------------------------------------------------------------------------------------------------------------
// The atlas, loaded once per page.

interface CountryShape {
  feature: Feature<Geometry, { name?: string }>;
  key: string;
  atlasName: string | undefined;
  /** Geographic bounds; `west > east` when the country crosses the antimeridian. */
  bounds: GeoBounds;
}

type GeoBounds = [[number, number], [number, number]];

/** One line of a mesh, with its bounds so lines far from the view are never projected. */
interface MeshLine {
  coordinates: Position[];
  bounds: GeoBounds;
}

interface Atlas {
  countries: CountryShape[];
  borders: MeshLine[];
  coast: MeshLine[];
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name?: string }>; land: GeometryCollection }>;

let atlasPromise: Promise<Atlas> | null = null;

function meshLines(lines: MultiLineString): MeshLine[] {
  return lines.coordinates.map((coordinates) => {
    let west = 180;
    let east = -180;
    let south = 90;
    let north = -90;
    for (const [lon = 0, lat = 0] of coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    // A line spanning more than half the world may cross the antimeridian: treat it as everywhere.
    if (east - west > 180) [west, east] = [-180, 180];
    return {
      coordinates,
      bounds: [
        [west, south],
        [east, north],
      ] as GeoBounds,
    };
  });
}

function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= import('world-atlas/countries-50m.json').then((module) => {
    const topology = module.default as unknown as CountriesTopology;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    const countries = collection.features.map((f, index) => ({
      feature: f,
      key: String(f.id ?? `n${index}`),
      atlasName: f.properties?.name,
      bounds: geoBounds(f),
    }));
    return {
      countries,
      borders: meshLines(mesh(topology, topology.objects.countries, (a, b) => a !== b)),
      coast: meshLines(mesh(topology, topology.objects.countries, (a, b) => a === b)),
    };
  });
  atlasPromise.catch(() => {
    atlasPromise = null; // a later map may try again
  });
  return atlasPromise;
}

// ---------------------------------------------------------------------------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';
/** Space between the fitted frame and the pane edge. */
const FIT_PADDING = 18;
/** How far (in frames) geography is drawn and can be panned beyond the fitted frame. */
const WORLD_MARGIN = 3;
const SCALE_EXTENT: [number, number] = [0.25, 64];
const LABEL_HEIGHT = 15;
const COUNTRY_LABEL_HEIGHT = 13;
const ANIMATION_MS = 260;

interface PlaceDatum {
  place: MapPlace;
  style: MarkerStyle;
  extent: number;
  selected: boolean;
  dim: boolean;
  dir: Direction;
}

interface CountryLabel {
  key: string;
  name: string;
  lang: string;
  x: number;
  y: number;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, className?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  if (className) element.setAttribute('class', className);
  return element;
}

function htmlEl<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}

/** The language of country names and numbers: the page's, when it agrees with the direction. */
function viewLanguage(dir: Direction): string {
  const page = document.documentElement.lang.trim();
  const pageIsRtl = /^(ar|fa|he|ur|ps|ckb|yi)\b/i.test(page);
  if (page && pageIsRtl === (dir === 'rtl')) return page;
  return dir === 'rtl' ? 'ar' : 'en';
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Screen rectangles overlap in geographic bounds, tolerant of boxes crossing the antimeridian. */
function boundsIntersect(a: GeoBounds, b: GeoBounds): boolean {
  if (a[1][1] < b[0][1] || b[1][1] < a[0][1]) return false;
  const crosses = (x: GeoBounds) => x[0][0] > x[1][0];
  if (crosses(a) || crosses(b)) return true;
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0];
}

function icon(paths: string[]): SVGSVGElement {
  const svg = svgEl('svg', 'map-icon');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = svgEl('path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export function createMap(container: HTMLElement, options: MapOptions): MapView {
  // ---- DOM -------------------------------------------------------------------------------------------------------
  const root = htmlEl('div', 'map');
  root.setAttribute('dir', 'ltr');
  const hostWasStatic = getComputedStyle(container).position === 'static';
  if (hostWasStatic) container.classList.add('map-host');

  const svgNode = svgEl('svg', 'map-svg');
  svgNode.setAttribute('role', 'group');
  const water = svgEl('rect', 'map-water');
  const geoLayer = svgEl('g', 'map-geo');
  const graticulePath = svgEl('path', 'map-graticule');
  const countryLayer = svgEl('g', 'map-countries');
  const coastPath = svgEl('path', 'map-coast');
  const bordersPath = svgEl('path', 'map-borders');
  geoLayer.append(graticulePath, countryLayer, coastPath, bordersPath);
  const countryLabelLayer = svgEl('g', 'map-country-labels');
  countryLabelLayer.setAttribute('aria-hidden', 'true');
  const placeLayer = svgEl('g', 'map-places');
  const labelLayer = svgEl('g', 'map-labels');
  labelLayer.setAttribute('aria-hidden', 'true');
  const scaleLayer = svgEl('g', 'map-scale');
  scaleLayer.setAttribute('aria-hidden', 'true');
  const scaleLine = svgEl('path', 'map-scale-bar');
  const scaleText = svgEl('text', 'map-scale-text');
  scaleLayer.append(scaleLine, scaleText);
  const measurer = svgEl('text', 'map-measure');
  measurer.setAttribute('aria-hidden', 'true');
  svgNode.append(water, geoLayer, countryLabelLayer, placeLayer, labelLayer, scaleLayer, measurer);

  const controls = htmlEl('div', 'map-controls');
  const zoomGroup = htmlEl('div', 'map-zoom');
  const zoomInButton = htmlEl('button', 'map-button');
  zoomInButton.type = 'button';
  zoomInButton.append(icon(['M10 4.5v11M4.5 10h11']));
  const zoomOutButton = htmlEl('button', 'map-button');
  zoomOutButton.type = 'button';
  zoomOutButton.append(icon(['M4.5 10h11']));
  zoomGroup.append(zoomInButton, zoomOutButton);
  const resetButton = htmlEl('button', 'map-button map-button-single');
  resetButton.type = 'button';
  resetButton.append(icon(['M4 8V4h4', 'M12 4h4v4', 'M16 12v4h-4', 'M8 16H4v-4', 'M10 8.6v2.8M8.6 10h2.8']));
  controls.append(zoomGroup, resetButton);

  const note = htmlEl('div', 'map-note');
  const noteIcon = svgEl('svg', 'map-note-icon');
  noteIcon.setAttribute('viewBox', '0 0 16 16');
  noteIcon.setAttribute('aria-hidden', 'true');
  const noteRing = svgEl('circle', 'map-note-ring');
  noteRing.setAttribute('cx', '8');
  noteRing.setAttribute('cy', '8');
  noteRing.setAttribute('r', '6.5');
  const noteDot = svgEl('circle', 'map-note-dot');
  noteDot.setAttribute('cx', '8');
  noteDot.setAttribute('cy', '8');
  noteDot.setAttribute('r', '2.8');
  noteIcon.append(noteRing, noteDot);
  const noteText = htmlEl('span', 'map-note-text');
  note.append(noteIcon, noteText);
  note.hidden = true;

  const status = htmlEl('div', 'map-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const statusCard = htmlEl('div', 'map-status-card');
  status.append(statusCard);

  root.append(svgNode, controls, note, status);
  container.append(root);

  const svg = select(svgNode);

  // ---- State -----------------------------------------------------------------------------------------------------
  let places: MapPlace[] = [];
  let state: MapState = { selectedId: null, activeIds: null, dir: 'ltr' };
  let width = 0;
  let height = 0;
  let projection: GeoProjection = geoMercator();
  let fittedBox = '';
  let fittedSize = '';
  let transform: ZoomTransform = zoomIdentity;
  let atlas: Atlas | null = null;
  let atlasState: 'loading' | 'ready' | 'error' = 'loading';
  let focusCountries = new Set<string>();
  let graticuleKey = '';
  let statusKey = '';
  let layoutFrame = 0;
  let animationFrame = 0;
  let lastSelected: string | null = null;
  let destroyed = false;
  const widths = new Map<string, number>();

  // ---- Zoom ------------------------------------------------------------------------------------------------------
  const zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent(SCALE_EXTENT)
    .on('start', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (event.sourceEvent) stopAnimation();
      root.classList.add('is-moving');
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = event.transform;
      geoLayer.setAttribute('transform', transform.toString());
      scheduleLayout();
    })
    .on('end', () => root.classList.remove('is-moving'));
  svg.call(zoomBehavior);

  function stopAnimation(): void {
    if (animationFrame) cancelAnimationFrame(animationFrame);
    animationFrame = 0;
  }

  /**
   * Eases the view to `target`. The geographic point under `anchor` moves in a straight line, so a zoom that
   * keeps the anchor fixed keeps it fixed throughout. Instant under prefers-reduced-motion.
   */
  function animateTo(target: ZoomTransform, anchor: [number, number] = [width / 2, height / 2]): void {
    stopAnimation();
    if (prefersReducedMotion()) {
      zoomBehavior.transform(svg, target);
      return;
    }
    const start = transform;
    const [ax, ay] = start.invert(anchor);
    const [bx, by] = target.invert(anchor);
    const began = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - began) / ANIMATION_MS);
      const e = 1 - (1 - p) ** 3;
      const k = start.k * (target.k / start.k) ** e;
      const x = ax + (bx - ax) * e;
      const y = ay + (by - ay) * e;
      zoomBehavior.transform(svg, zoomIdentity.translate(anchor[0] - x * k, anchor[1] - y * k).scale(k));
      animationFrame = p < 1 ? requestAnimationFrame(step) : 0;
    };
    animationFrame = requestAnimationFrame(step);
  }

  /** Zooms about the selected place when it is on screen (it stays put), else about the centre. */
  function zoomBy(factor: number): void {
    const [min, max] = SCALE_EXTENT;
    const k = Math.max(min, Math.min(max, transform.k * factor));
    let anchor: [number, number] = [width / 2, height / 2];
    const selected = validPlaces().find((p) => p.id === state.selectedId);
    const at = selected ? toScreen(selected.lon, selected.lat) : null;
    if (at && at[0] >= 0 && at[0] <= width && at[1] >= 0 && at[1] <= height) anchor = at;
    const [x, y] = transform.invert(anchor);
    animateTo(zoomIdentity.translate(anchor[0] - x * k, anchor[1] - y * k).scale(k), anchor);
  }

  zoomInButton.addEventListener('click', () => zoomBy(2));
  zoomOutButton.addEventListener('click', () => zoomBy(0.5));
  resetButton.addEventListener('click', () => animateTo(zoomIdentity));

  // ---- Geometry --------------------------------------------------------------------------------------------------
  function validPlaces(): MapPlace[] {
    const seen = new Set<string>();
    return places.filter((p) => {
      if (!isValidPoint(p) || seen.has(p.id)) return false;
      seen.add(p.id);
      return true;
    });
  }

  /**
   * Fits the projection to the places' frame; the zoom resets only when the frame itself changed.
   * Returns true when it did (every place is then in view).
   */
  function fitView(): boolean {
    const shown = validPlaces();
    const box = frameBox(shown);
    const key = boxKey(box);
    const size = `${width}x${height}`;
    if (key === fittedBox && size === fittedSize) return false;
    const boxChanged = key !== fittedBox;
    fittedBox = key;
    fittedSize = size;
    const pad = Math.min(FIT_PADDING, width / 6, height / 6);
    projection = geoMercator().fitExtent(
      [
        [pad, pad],
        [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
      ],
      boxGeometry(box),
    );
    const world = worldRect();
    zoomBehavior
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent(world);
    graticuleKey = '';
    drawGeography();
    if (boxChanged) {
      stopAnimation();
      zoomBehavior.transform(svg, zoomIdentity);
    } else {
      zoomBehavior.transform(svg, transform); // re-apply under the new extent
    }
    return boxChanged;
  }

  /** The screen area (at zoom 1) geography is drawn in and the view can pan over. */
  function worldRect(): GeoBounds {
    return [
      [-WORLD_MARGIN * width, -WORLD_MARGIN * height],
      [(WORLD_MARGIN + 1) * width, (WORLD_MARGIN + 1) * height],
    ];
  }

  /** Geographic bounds of a screen rectangle at zoom 1 (Mercator: a lon/lat rectangle). */
  function geoBoundsOf(rect: GeoBounds): GeoBounds {
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

  /** Graticule lines spaced for what is on screen (1° close up, wider when zoomed out). */
  function drawGraticule(): void {
    const visible = geoBoundsOf([transform.invert([0, 0]), transform.invert([width, height])]);
    const step = graticuleStep({
      west: visible[0][0],
      south: visible[0][1],
      east: visible[1][0],
      north: visible[1][1],
    });
    const key = `${fittedBox}|${fittedSize}|${step}`;
    if (key === graticuleKey) return;
    graticuleKey = key;
    graticulePath.setAttribute('d', pathFor(worldRect())(geoGraticule().step([step, step])()) ?? '');
  }

  function pathFor(clip: GeoBounds) {
    const clipped = geoMercator().scale(projection.scale()).translate(projection.translate()).clipExtent(clip);
    return geoPath(clipped).digits(1);
  }

  function drawGeography(): void {
    if (!atlas || width === 0 || height === 0) {
      countryLayer.replaceChildren();
      coastPath.removeAttribute('d');
      bordersPath.removeAttribute('d');
      return;
    }
    const world = worldRect();
    const path = pathFor(world);
    const near = geoBoundsOf(world);
    const shapes = atlas.countries
      .filter((c) => boundsIntersect(c.bounds, near))
      .map((c) => ({ key: c.key, d: path(c.feature) ?? '' }))
      .filter((c) => c.d !== '');
    select(countryLayer)
      .selectAll<SVGPathElement, { key: string; d: string }>('path')
      .data(shapes, (c) => c.key)
      .join('path')
      .attr('class', (c) => (focusCountries.has(c.key) ? 'map-country is-focus' : 'map-country'))
      .attr('d', (c) => c.d);
    const lines = (mesh: MeshLine[]): MultiLineString => ({
      type: 'MultiLineString',
      coordinates: mesh.filter((line) => boundsIntersect(line.bounds, near)).map((line) => line.coordinates),
    });
    coastPath.setAttribute('d', path(lines(atlas.coast)) ?? '');
    bordersPath.setAttribute('d', path(lines(atlas.borders)) ?? '');
  }

  function updateFocusCountries(): void {
    if (!atlas) return;
    const shown = validPlaces();
    const next = new Set<string>();
    for (const country of atlas.countries) {
      const [[west, south], [east, north]] = country.bounds;
      const within = (p: MapPlace) =>
        p.lat >= south &&
        p.lat <= north &&
        (west > east ? p.lon >= west || p.lon <= east : p.lon >= west && p.lon <= east);
      if (shown.some((p) => within(p) && geoContains(country.feature, [p.lon, p.lat]))) next.add(country.key);
    }
    const same = next.size === focusCountries.size && [...next].every((k) => focusCountries.has(k));
    if (same) return;
    focusCountries = next;
    select(countryLayer)
      .selectAll<SVGPathElement, { key: string }>('path')
      .attr('class', (c) => (focusCountries.has(c.key) ? 'map-country is-focus' : 'map-country'));
  }

  /** Screen position of a geographic point under the current zoom. */
  function toScreen(lon: number, lat: number): [number, number] | null {
    const p = projection([lon, lat]);
    return p ? transform.apply(p) : null;
  }

  // ---- Text ------------------------------------------------------------------------------------------------------
  function measure(text: string, className: string, lang: string | null): number {
    const key = `${className}\u0000${lang ?? ''}\u0000${text}`;
    const cached = widths.get(key);
    if (cached !== undefined) return cached;
    measurer.setAttribute('class', `map-measure ${className}`);
    if (lang) measurer.setAttribute('lang', lang);
    else measurer.removeAttribute('lang');
    measurer.textContent = text;
    const value = measurer.getComputedTextLength();
    if (value > 0) widths.set(key, value);
    return value;
  }

  function placeLang(label: string): string | null {
    return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(label) && textDirection(label) === 'rtl' ? 'ar' : null;
  }

  // ---- Places ----------------------------------------------------------------------------------------------------
  function placeData(): PlaceDatum[] {
    const active = state.activeIds;
    const data = validPlaces().map((place) => {
      const style = markerStyle(place.kind);
      return {
        place,
        style,
        extent: markerExtent(style, place.approximate),
        selected: place.id === state.selectedId,
        dim: active !== null && !active.has(place.id) && place.id !== state.selectedId,
        dir: textDirection(place.label),
      };
    });
    // Paint order: areas under points, dimmed under active, southern over northern, the selection on top.
    const layer = (d: PlaceDatum) => (d.selected ? 3 : d.style.shape === 'area' ? 0 : d.dim ? 1 : 2);
    return data.sort(
      (a, b) => layer(a) - layer(b) || b.place.lat - a.place.lat || a.place.id.localeCompare(b.place.id),
    );
  }

  function placeClass(d: PlaceDatum): string {
    return [
      'map-place',
      `map-place-${d.style.shape}`,
      d.place.approximate ? 'is-approximate' : '',
      d.selected ? 'is-selected' : '',
      d.dim ? 'is-dim' : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  function drawPlaces(): PlaceDatum[] {
    const data = placeData();
    const focused = document.activeElement;
    const groups = select(placeLayer)
      .selectAll<SVGGElement, PlaceDatum>('g.map-place')
      .data(data, (d) => d.place.id)
      .join((enter) => {
        const g = enter.append('g').attr('tabindex', 0).attr('role', 'button');
        g.append('title');
        g.append('circle').attr('class', 'map-place-hit');
        g.append('circle').attr('class', 'map-place-halo');
        g.append('circle').attr('class', 'map-place-ring');
        g.append('circle').attr('class', 'map-place-dot');
        g.append('circle').attr('class', 'map-place-focus');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          options.onSelect(d.place.id);
        });
        // A focused place's label gets first pick of the spots, so keyboard users always see its name.
        g.on('focus', scheduleLayout).on('blur', scheduleLayout);
        g.on('keydown', (event: KeyboardEvent, d) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            options.onSelect(d.place.id);
          }
        });
        return g;
      })
      .attr('class', placeClass)
      .attr('aria-label', (d) => d.place.label)
      .attr('aria-pressed', (d) => String(d.selected));
    groups.select('title').text((d) => d.place.label);
    groups.select('.map-place-hit').attr('r', (d) => Math.max(d.extent + 2, 9));
    groups.select('.map-place-halo').attr('r', (d) => d.extent + 3.5);
    groups
      .select('.map-place-ring')
      .attr('r', (d) => (d.style.shape === 'area' ? d.style.radius : d.style.radius + 4))
      .attr('visibility', (d) => (d.style.shape === 'area' || d.place.approximate ? null : 'hidden'));
    groups
      .select('.map-place-dot')
      .attr('r', (d) => (d.style.shape === 'area' ? 2 : d.style.radius))
      .attr('visibility', null);
    groups.select('.map-place-focus').attr('r', (d) => d.extent + 3.5);
    groups.order();
    if (focused instanceof SVGGElement && placeLayer.contains(focused) && document.activeElement !== focused) {
      focused.focus({ preventScroll: true });
    }

    select(labelLayer)
      .selectAll<SVGTextElement, PlaceDatum>('text')
      .data(data, (d) => d.place.id)
      .join((enter) =>
        enter.append('text').on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          options.onSelect(d.place.id);
        }),
      )
      .attr('class', (d) => `map-label${d.selected ? ' is-selected' : ''}${d.dim ? ' is-dim' : ''}`)
      .attr('direction', (d) => d.dir)
      .attr('lang', (d) => placeLang(d.place.label))
      .text((d) => d.place.label)
      .order();
    return data;
  }

  // ---- Layout (every view change) --------------------------------------------------------------------------------
  function scheduleLayout(): void {
    if (layoutFrame || destroyed) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      layout();
    });
  }

  function obstacleRects(): Rect[] {
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

  function layout(): void {
    if (width === 0 || height === 0) return;
    drawGraticule();
    const obstacles = obstacleRects();
    const scaleRect = drawScale(obstacles);
    if (scaleRect) obstacles.push(scaleRect);

    const groups = select(placeLayer).selectAll<SVGGElement, PlaceDatum>('g.map-place');
    const positions = new Map<string, [number, number]>();
    groups.each((d) => {
      const p = toScreen(d.place.lon, d.place.lat);
      if (p) positions.set(d.place.id, p);
    });
    groups.attr('transform', (d) => {
      const p = positions.get(d.place.id);
      return p ? `translate(${round(p[0])},${round(p[1])})` : 'translate(-9999,-9999)';
    });

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
        width: measure(d.place.label, className, placeLang(d.place.label)) + 2,
        height: LABEL_HEIGHT,
        priority:
          (d.place.id === focusedId ? 2000 : 0) +
          (d.selected ? 1000 : 0) +
          (d.dim ? 0 : 100) +
          d.style.rank * 10 -
          (d.style.shape === 'area' ? 5 : 0),
      });
    });
    const placed = placeLabels(requests, { width, height, obstacles, dir: state.dir });
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

    const taken: Rect[] = [...obstacles];
    for (const spot of placed.values()) if (spot) taken.push(spot.rect);
    for (const r of requests) {
      taken.push({ x: r.x - r.radius, y: r.y - r.radius, width: r.radius * 2, height: r.radius * 2 });
    }
    drawCountryLabels(taken);
  }

  function drawScale(obstacles: Rect[]): Rect | null {
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
    const textWidth = measure(text, 'map-scale-text', null);
    const left = Math.min(x0, (x0 + x1) / 2 - textWidth / 2);
    const rect = { x: left - 4, y: bottom - 22, width: Math.max(bar.px, textWidth) + 8, height: 26 };
    if (obstacles.some((o) => rectsOverlap(o, rect))) {
      scaleLayer.setAttribute('visibility', 'hidden');
      return null;
    }
    return rect;
  }

  function drawCountryLabels(taken: Rect[]): void {
    const labels: CountryLabel[] = [];
    if (atlas && width >= 200 && height >= 120) {
      const lang = viewLanguage(state.dir);
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
        const w = measure(name, className, lang) + 4;
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
    select(countryLabelLayer)
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

  // ---- Status, note, controls ------------------------------------------------------------------------------------
  function drawChrome(shown: PlaceDatum[]): void {
    const { labels } = options;
    root.setAttribute('dir', state.dir);
    zoomInButton.setAttribute('aria-label', labels.zoomIn);
    zoomInButton.title = labels.zoomIn;
    zoomOutButton.setAttribute('aria-label', labels.zoomOut);
    zoomOutButton.title = labels.zoomOut;
    resetButton.setAttribute('aria-label', labels.resetView);
    resetButton.title = labels.resetView;

    const approximate = shown.some((d) => d.place.approximate || d.place.origin === 'gazetteer');
    note.hidden = !approximate;
    noteText.textContent = labels.approximateNote;
    note.title = labels.approximateNote;

    const empty = shown.length === 0;
    root.classList.toggle('is-empty', empty);
    root.classList.toggle('is-loading', atlasState === 'loading');
    root.classList.toggle('is-error', atlasState === 'error');
    svgNode.setAttribute('aria-busy', String(atlasState === 'loading'));
    // Rebuilt only when it changes, so the live region does not announce the same thing on every update.
    const key = empty ? `empty:${labels.empty}` : `${atlasState}:${labels.loading ?? ''}:${labels.loadError ?? ''}`;
    if (key === statusKey) return;
    statusKey = key;
    statusCard.replaceChildren();
    statusCard.removeAttribute('title');
    if (empty) {
      status.className = 'map-status is-empty';
      statusCard.textContent = labels.empty;
    } else if (atlasState === 'loading') {
      status.className = 'map-status is-loading';
      const spinner = htmlEl('span', 'map-spinner');
      spinner.setAttribute('aria-hidden', 'true');
      statusCard.append(spinner);
      if (labels.loading) statusCard.append(labels.loading);
      status.classList.toggle('has-text', Boolean(labels.loading));
    } else if (atlasState === 'error') {
      status.className = 'map-status is-error';
      const sign = htmlEl('span', 'map-warning');
      sign.setAttribute('aria-hidden', 'true');
      sign.textContent = '!';
      statusCard.append(sign);
      if (labels.loadError) statusCard.append(labels.loadError);
      status.classList.toggle('has-text', Boolean(labels.loadError));
      statusCard.title = labels.loadError ?? '';
    } else {
      status.className = 'map-status';
    }
  }

  /** Brings a newly selected place into view when it is off screen (or under the controls). */
  function revealSelected(refitted: boolean): void {
    const id = state.selectedId;
    const changed = id !== lastSelected;
    lastSelected = id;
    if (!changed || !id || refitted) return;
    const place = validPlaces().find((p) => p.id === id);
    if (!place) return;
    const p = toScreen(place.lon, place.lat);
    if (!p) return;
    const margin = Math.min(28, width / 6, height / 6);
    const inside = p[0] >= margin && p[0] <= width - margin && p[1] >= margin && p[1] <= height - margin;
    if (inside) return;
    const base = projection([place.lon, place.lat]);
    if (!base) return;
    const k = transform.k;
    animateTo(zoomIdentity.translate(width / 2 - base[0] * k, height / 2 - base[1] * k).scale(k));
  }

  // ---- Render ----------------------------------------------------------------------------------------------------
  function render(): void {
    if (destroyed) return;
    const shown = drawPlaces();
    drawChrome(shown);
    if (width > 0 && height > 0) {
      water.setAttribute('width', String(width));
      water.setAttribute('height', String(height));
      const refitted = fitView();
      layout();
      revealSelected(refitted);
    }
  }

  const resizeObserver = new ResizeObserver(() => {
    const rect = root.getBoundingClientRect();
    const w = Math.round(rect.width);
    const h = Math.round(rect.height);
    if (w === width && h === height) return;
    width = w;
    height = h;
    render();
  });
  resizeObserver.observe(root);

  loadAtlas().then(
    (loaded) => {
      if (destroyed) return;
      atlas = loaded;
      atlasState = 'ready';
      updateFocusCountries();
      drawGeography();
      render();
    },
    () => {
      if (destroyed) return;
      atlasState = 'error';
      render();
    },
  );

  return {
    update(nextPlaces: MapPlace[], nextState: MapState): void {
      const dirChanged = nextState.dir !== state.dir;
      places = nextPlaces;
      state = nextState;
      if (dirChanged) widths.clear();
      updateFocusCountries();
      render();
    },
    destroy(): void {
      destroyed = true;
      stopAnimation();
      if (layoutFrame) cancelAnimationFrame(layoutFrame);
      resizeObserver.disconnect();
      svg.on('.zoom', null);
      root.remove();
      if (hostWasStatic) container.classList.remove('map-host');
    },
  };
}
