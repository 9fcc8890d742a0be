/**
 * The timeline's items: one group per event or agreement (bar segments, marker, kind glyph, label, hit area),
 * created in time order (also the tab order), positioned at the current zoom, and classed for selection,
 * highlight and the time window. Colours, gradients and hatching come from timeline.css through classes.
 */
import { select } from 'd3-selection';
import { svgEl } from '../dom.ts';
import type { TimelineItem, TimeWindow } from '../ui-types.ts';
import { isPointOnly } from './lanes.ts';
import {
  BAR,
  flip,
  GLYPH,
  LANE,
  MARKER,
  type Placement,
  type Row,
  rtl,
  type Shape,
  TAIL,
  type TimelineModel,
  TOP_PAD,
} from './model.ts';
import { overlaps, type Segment, textDirection } from './spans.ts';

/** Diamond for events, hexagon for agreements — the graph's shapes. */
export function glyphPath(kind: TimelineItem['kind'], r: number): string {
  if (kind === 'EVENT') return `M0,${-r}L${r},0L0,${r}L${-r},0Z`;
  const h = r * 0.87;
  return `M${-r},0L${-r / 2},${-h}L${r / 2},${-h}L${r},0L${r / 2},${h}L${-r / 2},${h}Z`;
}

/** Gradients and hatching per kind; colours come from CSS (stop-color / stroke via classes). */
export function buildDefs(defs: SVGDefsElement, uid: string): void {
  const gradient = (id: string, cls: string, stops: Array<[string, string]>) =>
    defs.append(
      svgEl(
        'linearGradient',
        { class: cls, id },
        stops.map(([offset, stopClass]) => svgEl('stop', { class: stopClass, offset })),
      ),
    );
  for (const kind of ['event', 'agreement']) {
    gradient(`${uid}-fade-in-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-clear'],
      ['1', 'tl-stop-tint'],
    ]);
    gradient(`${uid}-fade-out-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-tint'],
      ['1', 'tl-stop-clear'],
    ]);
    gradient(`${uid}-lead-${kind}`, `tl-grad tl-${kind}`, [
      ['0', 'tl-stop-clear'],
      ['1', 'tl-stop-strong'],
    ]);
    defs.append(
      svgEl(
        'pattern',
        {
          class: `tl-hatch tl-${kind}`,
          id: `${uid}-band-${kind}`,
          patternUnits: 'userSpaceOnUse',
          width: '5',
          height: '5',
          patternTransform: 'rotate(45)',
        },
        svgEl('rect', { class: 'tl-hatch-back', width: '5', height: '5' }),
        svgEl('rect', { class: 'tl-hatch-line', width: '2', height: '5' }),
      ),
    );
  }
  gradient(`${uid}-legend-lead`, 'tl-grad tl-event', [
    ['0', 'tl-stop-clear'],
    ['1', 'tl-stop-strong'],
  ]);
}

/** Creates one group per item, in time order (which is also tab order), and classes them. */
export function joinItems(
  m: TimelineModel,
  handlers: { onSelect(id: string): void; onKey(event: KeyboardEvent, row: Row): void },
): void {
  const uid = m.uid;
  select(m.parts.itemsG)
    .selectAll<SVGGElement, Row>('g.tl-item')
    .data(m.rows, (d) => d.item.id)
    .join((enter) => {
      const g = enter.append('g').attr('tabindex', -1).attr('role', 'button');
      g.append('rect').attr('class', 'tl-hit');
      g.append('g').attr('class', 'tl-segments');
      g.append('rect').attr('class', 'tl-outline').attr('rx', 4);
      g.append('path').attr('class', 'tl-glyph');
      g.append('text').attr('class', 'tl-label');
      g.append('title');
      g.on('click', (_event: MouseEvent, d: Row) => handlers.onSelect(d.item.id));
      g.on('keydown', (event: KeyboardEvent, d: Row) => handlers.onKey(event, d));
      return g;
    })
    .order()
    .each(function (row) {
      const g = select(this);
      const kind = row.item.kind === 'AGREEMENT' ? 'agreement' : 'event';
      const certainty = row.item.certainty ? ` tl-${row.item.certainty.toLowerCase()}` : '';
      g.attr('class', `tl-item tl-${kind}${certainty}${row.span.fuzzy ? ' tl-fuzzy' : ''}`);
      g.attr('data-id', row.item.id);
      g.attr('aria-label', `${row.item.label}, ${row.dateText}`);
      g.select('title').text(`${row.text}\n${row.dateText}`);
      g.select('path.tl-glyph').attr('d', glyphPath(row.item.kind, 4.5));
      g.select('g.tl-segments')
        .selectAll<SVGElement, Segment>('.tl-seg')
        .data(row.span.segments, (s, i) => `${i}-${s.kind}`)
        .join((enter) => enter.append((s) => svgEl(s.kind === 'point' ? 'path' : 'rect')))
        .attr('class', (s) => `tl-seg tl-seg-${s.kind}`)
        .each(function (s) {
          if (s.kind === 'point') this.setAttribute('d', glyphPath(row.item.kind, MARKER + 0.5));
          else if (s.kind !== 'core') this.setAttribute('fill', `url(#${uid}-${s.kind}-${kind})`);
          else this.removeAttribute('fill');
        });
    });
  applyClasses(m, m.shownWindow);
}

/** Positions every item's hit area, outline, segments, glyph and label as shaped and placed at the current zoom. */
export function drawItems(
  m: TimelineModel,
  shapes: ReadonlyMap<Row, Shape>,
  placements: ReadonlyMap<Row, Placement>,
): void {
  const width = m.width;
  const screen = (a: number, b: number): [number, number] => (rtl(m) ? [width - b, width - a] : [a, b]);
  select(m.parts.itemsG)
    .selectAll<SVGGElement, Row>('g.tl-item')
    .each(function (row) {
      const shaped = shapes.get(row);
      if (!shaped) return;
      const placement = placements.get(row) ?? null;
      const y = TOP_PAD + row.lane * LANE;
      const barY = y + (LANE - BAR) / 2;
      const middle = y + LANE / 2;
      const g = select(this);
      const [hx0, hx1] = screen(
        Math.min(shaped.a, placement?.s ?? shaped.a),
        Math.max(shaped.b, placement ? placement.s + placement.w : shaped.b),
      );
      g.select('rect.tl-hit')
        .attr('x', hx0 - 2)
        .attr('y', y)
        .attr('width', hx1 - hx0 + 4)
        .attr('height', LANE);
      const [ox0, ox1] = screen(shaped.a, shaped.b);
      g.select('rect.tl-outline')
        .attr('x', ox0 - 2)
        .attr('y', barY - 2)
        .attr('width', ox1 - ox0 + 4)
        .attr('height', BAR + 4);
      g.select('g.tl-segments')
        .selectAll<SVGElement, Segment>('.tl-seg')
        .each(function (segment, i) {
          const part = shaped.segments[i];
          if (!part) return;
          if (segment.kind === 'point') {
            const cx = flip(m, shaped.marker ?? part.a);
            this.setAttribute('transform', `translate(${cx},${middle})`);
            return;
          }
          const [x0, x1] = screen(part.a, part.b);
          const tall = segment.kind !== 'lead';
          this.setAttribute('x', String(x0));
          this.setAttribute('width', String(Math.max(0, x1 - x0)));
          this.setAttribute('y', String(tall ? barY : middle - TAIL / 2));
          this.setAttribute('height', String(tall ? BAR : TAIL));
        });
      const label = g.select<SVGTextElement>('text.tl-label');
      const glyph = g.select('path.tl-glyph');
      if (!placement) {
        label.attr('display', 'none');
        glyph.attr('display', 'none');
        return;
      }
      const withGlyph = !isPointOnly(shaped);
      const textStart = placement.s + (withGlyph ? GLYPH : 0);
      // Each label reads in its own direction (names may be Arabic in English and the reverse), its
      // block still starting at textStart in reading order.
      const own = textDirection(placement.text, m.state.dir);
      label
        .attr('display', null)
        .attr('class', `tl-label tl-${own}${placement.halo ? ' tl-label-halo' : ''}`)
        .attr('text-anchor', own === m.state.dir ? 'start' : 'end')
        .attr('x', flip(m, textStart))
        .attr('y', middle)
        .text(placement.text);
      glyph
        .attr('display', withGlyph ? null : 'none')
        .attr('transform', `translate(${flip(m, placement.s + GLYPH / 2 - 1)},${middle})`);
    });
}

/**
 * Classes for selection, highlight and the window (the brushed one while brushing), and the one tab stop: the items
 * are a single stop in the tab order (the selected or last focused item, else the first) and the arrows move inside.
 */
export function applyClasses(m: TimelineModel, window: TimeWindow | null): void {
  const { selectedId, highlighted } = m.state;
  if (!m.rows.some((r) => r.item.id === m.tabStop)) m.tabStop = m.rows[0]?.item.id ?? null;
  select(m.parts.itemsG)
    .selectAll<SVGGElement, Row>('g.tl-item')
    .classed('is-selected', (d) => d.item.id === selectedId)
    .classed('is-highlighted', (d) => highlighted?.has(d.item.id) ?? false)
    .classed('is-dim', (d) => window !== null && !overlaps(d.item, window))
    .attr('aria-current', (d) => (d.item.id === selectedId ? 'true' : null))
    .attr('tabindex', (d) => (d.item.id === m.tabStop ? 0 : -1));
}
