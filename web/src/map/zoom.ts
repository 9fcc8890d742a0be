/**
 * The map's zoom: d3-zoom on the SVG (wheel, drag, pinch), the zoom and reset buttons, eased transitions that
 * keep the point under an anchor in place, and fitting the projection to the places' frame. Geography zooms as
 * one transformed group; the layers in screen space are laid out again after every change (`onZoom`).
 */
import { geoMercator } from 'd3-geo';
import { type Selection, select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import { drawGeography, worldRect } from './geography.ts';
import { ANIMATION_MS, FIT_PADDING, type MapModel, SCALE_EXTENT, toScreen, validPlaces } from './model.ts';
import { boxGeometry, boxKey, frameBox } from './projection.ts';

export interface MapZoom {
  behavior: ZoomBehavior<SVGSVGElement, unknown>;
  selection: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Eases the view to `target`, keeping the point under `anchor` on a straight line (instant under reduced motion). */
  animateTo(target: ZoomTransform, anchor?: [number, number]): void;
  /** Stops an eased transition where it is. */
  stop(): void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function createZoom(m: MapModel, onZoom: () => void): MapZoom {
  const { root, geoLayer } = m.parts;
  let animationFrame = 0;
  const stop = () => {
    if (animationFrame) cancelAnimationFrame(animationFrame);
    animationFrame = 0;
  };
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent(SCALE_EXTENT)
    .on('start', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (event.sourceEvent) stop();
      root.classList.add('is-moving');
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      m.transform = event.transform;
      geoLayer.setAttribute('transform', m.transform.toString());
      onZoom();
    })
    .on('end', () => root.classList.remove('is-moving'));
  const selection = select(m.parts.svgNode);
  selection.call(behavior);

  function animateTo(target: ZoomTransform, anchor: [number, number] = [m.width / 2, m.height / 2]): void {
    stop();
    if (prefersReducedMotion()) {
      behavior.transform(selection, target);
      return;
    }
    const start = m.transform;
    const [ax, ay] = start.invert(anchor);
    const [bx, by] = target.invert(anchor);
    const began = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - began) / ANIMATION_MS);
      const e = 1 - (1 - p) ** 3;
      const k = start.k * (target.k / start.k) ** e;
      const x = ax + (bx - ax) * e;
      const y = ay + (by - ay) * e;
      behavior.transform(selection, zoomIdentity.translate(anchor[0] - x * k, anchor[1] - y * k).scale(k));
      animationFrame = p < 1 ? requestAnimationFrame(step) : 0;
    };
    animationFrame = requestAnimationFrame(step);
  }

  /** Zooms about the selected place when it is on screen (it stays put), else about the centre. */
  function zoomBy(factor: number): void {
    const { width, height, transform } = m;
    const [min, max] = SCALE_EXTENT;
    const k = Math.max(min, Math.min(max, transform.k * factor));
    let anchor: [number, number] = [width / 2, height / 2];
    const selected = validPlaces(m).find((p) => p.id === m.state.selectedId);
    const at = selected ? toScreen(m, selected.lon, selected.lat) : null;
    if (at && at[0] >= 0 && at[0] <= width && at[1] >= 0 && at[1] <= height) anchor = at;
    const [x, y] = transform.invert(anchor);
    animateTo(zoomIdentity.translate(anchor[0] - x * k, anchor[1] - y * k).scale(k), anchor);
  }

  m.parts.zoomInButton.addEventListener('click', () => zoomBy(2));
  m.parts.zoomOutButton.addEventListener('click', () => zoomBy(0.5));
  m.parts.resetButton.addEventListener('click', () => animateTo(zoomIdentity));
  return { behavior, selection, animateTo, stop };
}

/**
 * Fits the projection to the places' frame; the zoom resets only when the frame itself changed.
 * Returns true when it did (every place is then in view).
 */
export function fitView(m: MapModel, z: MapZoom): boolean {
  const { width, height } = m;
  const box = frameBox(validPlaces(m));
  const key = boxKey(box);
  const size = `${width}x${height}`;
  if (key === m.fittedBox && size === m.fittedSize) return false;
  const boxChanged = key !== m.fittedBox;
  m.fittedBox = key;
  m.fittedSize = size;
  const pad = Math.min(FIT_PADDING, width / 6, height / 6);
  m.projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
    ],
    boxGeometry(box),
  );
  z.behavior
    .extent([
      [0, 0],
      [width, height],
    ])
    .translateExtent(worldRect(m));
  m.graticuleKey = '';
  drawGeography(m);
  if (boxChanged) {
    z.stop();
    z.behavior.transform(z.selection, zoomIdentity);
  } else {
    z.behavior.transform(z.selection, m.transform); // re-apply under the new extent
  }
  return boxChanged;
}
