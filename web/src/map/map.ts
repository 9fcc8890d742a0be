/**
 * The map pane: places with coordinates over country outlines. This file builds the pane and composes its
 * layers: the atlas (atlas.ts), geography (geography.ts), zoom and framing (zoom.ts), place markers (markers.ts),
 * labels and the scale bar (labels.ts), and the controls and status (controls.ts), over the state they share
 * (model.ts); the pure geometry is in projection.ts. All text goes through textContent.
 */
import './map.css';
import { zoomIdentity } from 'd3-zoom';
import type { MapPlace } from '../ui-types.ts';
import { loadAtlas, yieldToPage } from './atlas.ts';
import { buildParts, drawChrome } from './controls.ts';
import { drawGeography, drawGraticule, updateFocusCountries } from './geography.ts';
import { drawCountryLabels, drawPlaceLabels, drawScale, obstacleRects } from './labels.ts';
import { drawPlaces, positionPlaces } from './markers.ts';
import { createModel, type MapOptions, type MapState, toScreen, validPlaces } from './model.ts';
import { createZoom, fitView } from './zoom.ts';

export type { MapOptions, MapState } from './model.ts';

export interface MapView {
  update(places: MapPlace[], state: MapState): void;
  destroy(): void;
}

export function createMap(container: HTMLElement, options: MapOptions): MapView {
  const parts = buildParts();
  const hostWasStatic = getComputedStyle(container).position === 'static';
  if (hostWasStatic) container.classList.add('map-host');
  container.append(parts.root);
  const m = createModel(options, parts);
  let layoutFrame = 0;
  let lastSelected: string | null = null;

  const zoom = createZoom(m, scheduleLayout);

  function scheduleLayout(): void {
    if (layoutFrame || m.destroyed) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      layout();
    });
  }

  /** Everything in screen space, after every view change: graticule, scale bar, markers, place and country names. */
  function layout(): void {
    if (m.width === 0 || m.height === 0) return;
    drawGraticule(m);
    const obstacles = obstacleRects(m);
    const scaleRect = drawScale(m, obstacles);
    if (scaleRect) obstacles.push(scaleRect);
    const taken = drawPlaceLabels(m, positionPlaces(m), obstacles);
    drawCountryLabels(m, [...obstacles, ...taken]);
  }

  /** Brings a newly selected place into view when it is off screen (or under the controls). */
  function revealSelected(refitted: boolean): void {
    const id = m.state.selectedId;
    const changed = id !== lastSelected;
    lastSelected = id;
    if (!changed || !id || refitted) return;
    const place = validPlaces(m).find((p) => p.id === id);
    if (!place) return;
    const p = toScreen(m, place.lon, place.lat);
    if (!p) return;
    const { width, height } = m;
    const margin = Math.min(28, width / 6, height / 6);
    const inside = p[0] >= margin && p[0] <= width - margin && p[1] >= margin && p[1] <= height - margin;
    if (inside) return;
    const base = m.projection([place.lon, place.lat]);
    if (!base) return;
    const k = m.transform.k;
    zoom.animateTo(zoomIdentity.translate(width / 2 - base[0] * k, height / 2 - base[1] * k).scale(k));
  }

  function render(): void {
    if (m.destroyed) return;
    const shown = drawPlaces(m, scheduleLayout);
    drawChrome(m, shown);
    if (m.width > 0 && m.height > 0) {
      parts.water.setAttribute('width', String(m.width));
      parts.water.setAttribute('height', String(m.height));
      const refitted = fitView(m, zoom);
      layout();
      revealSelected(refitted);
    }
  }

  const resizeObserver = new ResizeObserver(() => {
    const rect = parts.root.getBoundingClientRect();
    const w = Math.round(rect.width);
    const h = Math.round(rect.height);
    if (w === m.width && h === m.height) return;
    m.width = w;
    m.height = h;
    render();
  });
  resizeObserver.observe(parts.root);

  loadAtlas().then(
    async (loaded) => {
      if (m.destroyed) return;
      m.atlas = loaded;
      m.atlasState = 'ready';
      updateFocusCountries(m);
      // One task each, so the page answers input in between.
      await yieldToPage();
      if (m.destroyed) return;
      drawGeography(m);
      await yieldToPage();
      render();
    },
    () => {
      if (m.destroyed) return;
      m.atlasState = 'error';
      render();
    },
  );

  return {
    update(nextPlaces: MapPlace[], nextState: MapState): void {
      const dirChanged = nextState.dir !== m.state.dir;
      m.places = nextPlaces;
      m.state = nextState;
      if (dirChanged) m.widths.clear();
      updateFocusCountries(m);
      render();
    },
    destroy(): void {
      m.destroyed = true;
      zoom.stop();
      if (layoutFrame) cancelAnimationFrame(layoutFrame);
      resizeObserver.disconnect();
      zoom.selection.on('.zoom', null);
      parts.root.remove();
      if (hostWasStatic) container.classList.remove('map-host');
    },
  };
}
