/**
 * The geographic layout's basemap: country outlines from the map's offline atlas (world-atlas, Natural Earth),
 * drawn in the graph's model coordinates in an SVG layer behind the graph's canvas, following its pan and zoom.
 * Loaded on first use (the atlas is ~240 kB), decorative (aria-hidden, no pointer events), with its credit.
 */
import type { Core } from 'cytoscape';
import type { Position } from 'geojson';
import { h } from '../dom.ts';
import type { Atlas, GeoBounds } from '../map/atlas.ts';
import { type MercatorFrame, mercatorToModel } from './layouts/geo.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Countries this far (degrees) beyond the located places are drawn too, so a pan shows the neighbours. */
const MARGIN_DEGREES = 25;

export interface BasemapLabels {
  /** Credit for the outlines (and for GeoNames when its positions are drawn). */
  outlinesCredit: string;
  geonamesCredit: string;
}

let atlasModule: Promise<typeof import('../map/atlas.ts')> | null = null;

/** One ring as an SVG path, broken where it jumps across the antimeridian rather than drawn across the world. */
function ringPath(ring: Position[], frame: MercatorFrame): string {
  let d = '';
  let previousLon: number | null = null;
  for (const [lon = 0, lat = 0] of ring) {
    const p = mercatorToModel(frame, lat, lon);
    const jump = previousLon !== null && Math.abs(lon - previousLon) > 180;
    d += `${d === '' || jump ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    previousLon = lon;
  }
  return d === '' ? '' : `${d}Z`;
}

/** Geographic bounds of the located places' frame, widened by the margin. */
function frameRegion(frame: MercatorFrame, width: number, height: number): GeoBounds {
  const lonOf = (x: number) => ((x / frame.scale + frame.minX) * 180) / Math.PI;
  const latOf = (y: number) => (Math.atan(Math.sinh(-(y / frame.scale + frame.minY))) * 180) / Math.PI;
  return [
    [Math.max(-180, lonOf(0) - MARGIN_DEGREES), Math.max(-90, latOf(height) - MARGIN_DEGREES)],
    [Math.min(180, lonOf(width) + MARGIN_DEGREES), Math.min(90, latOf(0) + MARGIN_DEGREES)],
  ];
}

export class GraphBasemap {
  private readonly svg = document.createElementNS(SVG, 'svg');
  private readonly group = document.createElementNS(SVG, 'g');
  private readonly credit = h('p', { class: 'graph-basemap-credit' });
  private frame: MercatorFrame | null = null;
  /** Whether positions from GeoNames are drawn (its licence asks for credit). */
  private geonames = false;
  private request = 0;

  constructor(
    pane: HTMLElement,
    private readonly cy: () => Core,
    private readonly labels: () => BasemapLabels,
  ) {
    this.svg.setAttribute('class', 'graph-basemap');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.setAttribute('focusable', 'false');
    this.svg.append(this.group);
    this.svg.setAttribute('display', 'none');
    this.credit.hidden = true;
    // First in the pane: the graph's canvas (later in the pane) draws over it.
    pane.prepend(this.svg);
    pane.append(this.credit);
  }

  /** Draws the outlines for `frame` (places spanning `width` × `height` model px); loads the atlas the first time. */
  async show(frame: MercatorFrame, extent: { width: number; height: number }, geonames: boolean): Promise<void> {
    const request = ++this.request;
    this.frame = frame;
    this.svg.removeAttribute('display');
    this.svg.dataset.state = 'loading';
    this.geonames = geonames;
    this.credit.hidden = false;
    this.follow();
    let atlas: Atlas;
    try {
      atlasModule ??= import('../map/atlas.ts');
      const module = await atlasModule;
      atlas = await module.loadAtlas();
      if (request !== this.request) return;
      const region = frameRegion(frame, extent.width, extent.height);
      const paths = atlas.countries
        .filter((country) => module.boundsIntersect(country.bounds, region))
        .map((country) => {
          const path = document.createElementNS(SVG, 'path');
          const geometry = country.feature.geometry;
          const polygons =
            geometry.type === 'Polygon'
              ? [geometry.coordinates]
              : geometry.type === 'MultiPolygon'
                ? geometry.coordinates
                : [];
          path.setAttribute('d', polygons.flatMap((rings) => rings.map((ring) => ringPath(ring, frame))).join(''));
          path.setAttribute('data-country', country.atlasName ?? country.key);
          return path;
        });
      this.group.replaceChildren(...paths);
      this.svg.dataset.state = 'ready';
    } catch {
      // The graph stands without its basemap; the layer says it failed (for tests), nothing else is lost.
      if (request === this.request) this.svg.dataset.state = 'error';
    }
  }

  /** Removes the outlines (another layout was chosen). */
  hide(): void {
    this.request++;
    this.frame = null;
    this.group.replaceChildren();
    this.svg.setAttribute('display', 'none');
    delete this.svg.dataset.state;
    this.credit.hidden = true;
    this.credit.textContent = '';
  }

  /** Keeps the outlines under the graph's pan and zoom, and the credit in the interface language. */
  follow(): void {
    if (!this.frame) return;
    const labels = this.labels();
    const credit = this.geonames ? `${labels.outlinesCredit} · ${labels.geonamesCredit}` : labels.outlinesCredit;
    if (this.credit.textContent !== credit) this.credit.textContent = credit;
    const cy = this.cy();
    const zoom = cy.zoom();
    const pan = cy.pan();
    this.group.setAttribute('transform', `translate(${pan.x} ${pan.y}) scale(${zoom})`);
  }
}
