/**
 * The map's place markers: one focusable group per place (hit area, halo, ring for approximate positions, dot,
 * focus ring), styled by kind, dimmed when the graph hides the place, the selection on top; and their labels'
 * text elements. Markers and labels sit in screen space so they keep their size at any zoom.
 */
import { select } from 'd3-selection';
import { type MapModel, type PlaceDatum, placeLang, round, toScreen, validPlaces } from './model.ts';
import { markerExtent, markerStyle, textDirection } from './projection.ts';

function placeData(m: MapModel): PlaceDatum[] {
  const { activeIds: active, selectedId } = m.state;
  const data = validPlaces(m).map((place) => {
    const style = markerStyle(place.kind);
    return {
      place,
      style,
      extent: markerExtent(style, place.approximate),
      selected: place.id === selectedId,
      dim: active !== null && !active.has(place.id) && place.id !== selectedId,
      dir: textDirection(place.label),
    };
  });
  // Paint order: areas under points, dimmed under active, southern over northern, the selection on top.
  const layer = (d: PlaceDatum) => (d.selected ? 3 : d.style.shape === 'area' ? 0 : d.dim ? 1 : 2);
  return data.sort((a, b) => layer(a) - layer(b) || b.place.lat - a.place.lat || a.place.id.localeCompare(b.place.id));
}

/** The marker in the tab order: the selected place, else the last one moved to, else the first. */
function tabStopOf(m: MapModel, data: PlaceDatum[]): string | null {
  const selected = data.find((d) => d.selected);
  if (selected) m.tabStop = selected.place.id;
  if (!data.some((d) => d.place.id === m.tabStop)) m.tabStop = data[0]?.place.id ?? null;
  return m.tabStop;
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

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The place nearest in an arrow's direction from `from` on screen; null when none lies that way. */
function placeToward(m: MapModel, from: PlaceDatum, key: string): string | null {
  const [dx, dy] = ARROWS[key] ?? [0, 0];
  const origin = toScreen(m, from.place.lon, from.place.lat);
  if (!origin) return null;
  let best: { id: string; score: number } | null = null;
  for (const place of validPlaces(m)) {
    if (place.id === from.place.id) continue;
    const p = toScreen(m, place.lon, place.lat);
    if (!p) continue;
    const vx = p[0] - origin[0];
    const vy = p[1] - origin[1];
    const distance = Math.hypot(vx, vy) || 0.001;
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    // Nearest first, preferring places straight along the arrow.
    const score = distance * (2 - along / distance);
    if (!best || score < best.score) best = { id: place.id, score };
  }
  return best?.id ?? null;
}

/**
 * Joins a marker and a label per place; clicks and Enter/Space select. `onFocusChange` runs when a marker gains
 * or loses focus (its label then gets first pick of the spots). Returns what was drawn.
 */
export function drawPlaces(m: MapModel, onFocusChange: () => void): PlaceDatum[] {
  const { placeLayer, labelLayer } = m.parts;
  const onSelect = (id: string) => m.options.onSelect(id);
  const data = placeData(m);
  const focused = document.activeElement;
  const groups = select(placeLayer)
    .selectAll<SVGGElement, PlaceDatum>('g.map-place')
    .data(data, (d) => d.place.id)
    .join((enter) => {
      const g = enter.append('g').attr('tabindex', -1).attr('role', 'button');
      g.append('title');
      g.append('circle').attr('class', 'map-place-hit');
      g.append('circle').attr('class', 'map-place-halo');
      g.append('circle').attr('class', 'map-place-ring');
      g.append('circle').attr('class', 'map-place-dot');
      g.append('circle').attr('class', 'map-place-focus');
      g.on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        onSelect(d.place.id);
      });
      // A focused place's label gets first pick of the spots, so keyboard users always see its name.
      g.on('focus', onFocusChange).on('blur', onFocusChange);
      g.on('keydown', (event: KeyboardEvent, d) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(d.place.id);
        } else if (event.key in ARROWS) {
          // The markers are one tab stop; the arrows move to the nearest place that way.
          event.preventDefault();
          const next = placeToward(m, d, event.key);
          if (!next) return;
          m.tabStop = next;
          select(placeLayer)
            .selectAll<SVGGElement, PlaceDatum>('g.map-place')
            .attr('tabindex', (p) => (p.place.id === next ? 0 : -1))
            .filter((p) => p.place.id === next)
            .node()
            ?.focus();
        }
      });
      return g;
    })
    .attr('class', placeClass)
    .attr('tabindex', (d) => (d.place.id === tabStopOf(m, data) ? 0 : -1))
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
        onSelect(d.place.id);
      }),
    )
    .attr('class', (d) => `map-label${d.selected ? ' is-selected' : ''}${d.dim ? ' is-dim' : ''}`)
    .attr('direction', (d) => d.dir)
    .attr('lang', (d) => placeLang(d.place.label))
    .text((d) => d.place.label)
    .order();
  return data;
}

/** Moves every marker to its place under the current zoom; returns the screen positions by place id. */
export function positionPlaces(m: MapModel): Map<string, [number, number]> {
  const groups = select(m.parts.placeLayer).selectAll<SVGGElement, PlaceDatum>('g.map-place');
  const positions = new Map<string, [number, number]>();
  groups.each((d) => {
    const p = toScreen(m, d.place.lon, d.place.lat);
    if (p) positions.set(d.place.id, p);
  });
  groups.attr('transform', (d) => {
    const p = positions.get(d.place.id);
    return p ? `translate(${round(p[0])},${round(p[1])})` : 'translate(-9999,-9999)';
  });
  return positions;
}
