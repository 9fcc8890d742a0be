/**
 * What every layer of the map shares: its options and state, its elements, the size and projection it is drawn
 * with, and small helpers (valid places, screen positions, text measuring, languages).
 */
import { type GeoProjection, geoMercator } from 'd3-geo';
import { type ZoomTransform, zoomIdentity } from 'd3-zoom';
import type { Direction, MapPlace } from '../ui-types.ts';
import type { Atlas } from './atlas.ts';
import { isValidPoint, type MarkerStyle, textDirection } from './projection.ts';

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
    /** Credit shown while positions from GeoNames are drawn (its licence asks for it). */
    geonamesCredit?: string;
  };
}

export interface MapState {
  selectedId: string | null;
  /** Places linked to what is visible in the graph/time window; others are dimmed. null = none dimmed. */
  activeIds: ReadonlySet<string> | null;
  dir: Direction;
}

/** Space between the fitted frame and the pane edge. */
export const FIT_PADDING = 18;
/** How far (in frames) geography is drawn and can be panned beyond the fitted frame. */
export const WORLD_MARGIN = 3;
export const SCALE_EXTENT: [number, number] = [0.25, 64];
export const LABEL_HEIGHT = 15;
export const COUNTRY_LABEL_HEIGHT = 13;
export const ANIMATION_MS = 260;

/** A place as drawn: its marker style and extent, and whether it is selected or dimmed. */
export interface PlaceDatum {
  place: MapPlace;
  style: MarkerStyle;
  extent: number;
  selected: boolean;
  dim: boolean;
  dir: Direction;
}

/** The map's elements: the SVG layers, the controls, the approximate-positions note and the status card. */
export interface MapParts {
  root: HTMLDivElement;
  svgNode: SVGSVGElement;
  water: SVGRectElement;
  geoLayer: SVGGElement;
  graticulePath: SVGPathElement;
  countryLayer: SVGGElement;
  coastPath: SVGPathElement;
  bordersPath: SVGPathElement;
  countryLabelLayer: SVGGElement;
  placeLayer: SVGGElement;
  labelLayer: SVGGElement;
  scaleLayer: SVGGElement;
  scaleLine: SVGPathElement;
  scaleText: SVGTextElement;
  measurer: SVGTextElement;
  controls: HTMLDivElement;
  zoomInButton: HTMLButtonElement;
  zoomOutButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  note: HTMLDivElement;
  noteText: HTMLSpanElement;
  noteCredit: HTMLSpanElement;
  status: HTMLDivElement;
  statusCard: HTMLDivElement;
}

/** The state the layers read and change; one per map. */
export interface MapModel {
  readonly options: MapOptions;
  readonly parts: MapParts;
  places: MapPlace[];
  state: MapState;
  width: number;
  height: number;
  /** Mercator fitted to the places' frame at zoom 1. */
  projection: GeoProjection;
  fittedBox: string;
  fittedSize: string;
  transform: ZoomTransform;
  atlas: Atlas | null;
  atlasState: 'loading' | 'ready' | 'error';
  /** Countries that hold a place, drawn a shade darker. */
  focusCountries: Set<string>;
  graticuleKey: string;
  statusKey: string;
  destroyed: boolean;
  /** Text widths measured, by class, language and text. */
  readonly widths: Map<string, number>;
  /** The place that holds the markers' one tab stop (the arrow keys move it). */
  tabStop: string | null;
}

export function createModel(options: MapOptions, parts: MapParts): MapModel {
  return {
    options,
    parts,
    places: [],
    state: { selectedId: null, activeIds: null, dir: 'ltr' },
    width: 0,
    height: 0,
    projection: geoMercator(),
    fittedBox: '',
    fittedSize: '',
    transform: zoomIdentity,
    atlas: null,
    atlasState: 'loading',
    focusCountries: new Set(),
    graticuleKey: '',
    statusKey: '',
    destroyed: false,
    widths: new Map(),
    tabStop: null,
  };
}

/** The places with valid coordinates, each once. */
export function validPlaces(m: MapModel): MapPlace[] {
  const seen = new Set<string>();
  return m.places.filter((p) => {
    if (!isValidPoint(p) || seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

/** Screen position of a geographic point under the current zoom. */
export function toScreen(m: MapModel, lon: number, lat: number): [number, number] | null {
  const p = m.projection([lon, lat]);
  return p ? m.transform.apply(p) : null;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The language of country names and numbers: the page's, when it agrees with the direction. */
export function viewLanguage(dir: Direction): string {
  const page = document.documentElement.lang.trim();
  const pageIsRtl = /^(ar|fa|he|ur|ps|ckb|yi)\b/i.test(page);
  if (page && pageIsRtl === (dir === 'rtl')) return page;
  return dir === 'rtl' ? 'ar' : 'en';
}

/** `ar` for a label written in Arabic script, so it is shaped and measured as Arabic. */
export function placeLang(label: string): string | null {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(label) && textDirection(label) === 'rtl' ? 'ar' : null;
}

/** The rendered width of a text in a class and language, measured once. */
export function measure(m: MapModel, text: string, className: string, lang: string | null): number {
  const key = `${className}\u0000${lang ?? ''}\u0000${text}`;
  const cached = m.widths.get(key);
  if (cached !== undefined) return cached;
  const measurer = m.parts.measurer;
  measurer.setAttribute('class', `map-measure ${className}`);
  if (lang) measurer.setAttribute('lang', lang);
  else measurer.removeAttribute('lang');
  measurer.textContent = text;
  const value = measurer.getComputedTextLength();
  if (value > 0) m.widths.set(key, value);
  return value;
}
