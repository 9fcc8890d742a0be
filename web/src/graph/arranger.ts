/**
 * Applies a layout to the drawn graph: every layout change goes through `apply(name, options)` (so an undo history can
 * record it). Force is the view's seeded fcose; the others are computed by layouts/arrange.ts, loaded on first use.
 * A layout's marks are classes and data read by the stylesheet (`time-span` with `span`, `geo-gazetteer`,
 * `layout-lane`); its captions (time axis, marked rows) are an overlay that follows the viewport.
 */
import type { Core, NodeSingular, Position } from 'cytoscape';
import { h, replaceChildren } from '../dom.ts';
import type { Direction } from '../ui-types.ts';
import { GraphBasemap } from './basemap.ts';
import type { Arrangement, ArrangeNode } from './layouts/arrange.ts';
import type { LayoutName, Positions } from './layouts/names.ts';

export interface ArrangeOptions {
  dir?: Direction;
  /** Coordinates of places (the geographic layout). */
  points?: ReadonlyMap<string, NonNullable<ArrangeNode['point']>>;
  /** Dragged positions kept by the user: they win over any layout. */
  positions?: Positions;
}

export interface ArrangerHost {
  cy(): Core;
  /** The seeded force layout of the whole drawn graph; false when superseded. */
  forceLayout(): Promise<boolean>;
  /** Frames what is shown once positions changed. */
  frameAll(): void;
  /** The options a layout is applied with when the caller gives none (language, coordinates, kept positions). */
  options?(): ArrangeOptions;
}

/** Captions the overlay draws, in the interface language. */
export interface ArrangerLabels {
  undated: string;
  unlocated: string;
  unplaced: string;
  arranging: string;
  failed(error: string): string;
  /** The geographic layout's basemap credits. */
  outlinesCredit: string;
  geonamesCredit: string;
}

export const ENGLISH_ARRANGER_LABELS: ArrangerLabels = {
  undated: 'Undated',
  unlocated: 'Places without coordinates',
  unplaced: 'Not linked to a located place',
  arranging: 'Arranging…',
  failed: (error) => `The layout failed: ${error}`,
  outlinesCredit: 'Outlines: Natural Earth (world-atlas)',
  geonamesCredit: 'Place positions: GeoNames (CC BY 4.0)',
};

const MARK_CLASSES = 'time-span time-open geo-gazetteer layout-lane';

let arrangeModule: Promise<typeof import('./layouts/arrange.ts')> | null = null;

export class Arranger {
  name: LayoutName = 'force';
  private options: ArrangeOptions = {};
  /** The layout last applied in full (for tests): null while one is being computed. */
  arrangedAs: LayoutName | null = 'force';
  private sequence = 0;
  private arrangement: Arrangement | null = null;

  /** Captions drawn over the graph (hidden from screen readers: the legend says what the layout means). */
  private readonly overlay = h('div', { class: 'layout-overlay', 'aria-hidden': 'true' });
  /** "Arranging…" or what failed, read out once. */
  private readonly status = h('p', { class: 'layout-status', role: 'status' });
  /** Country outlines behind the geographic layout. */
  readonly basemap: GraphBasemap;

  constructor(
    private readonly host: ArrangerHost,
    pane: HTMLElement,
    private readonly wordsNow: (() => ArrangerLabels) | undefined,
  ) {
    this.status.hidden = true;
    pane.append(this.overlay, this.status);
    this.basemap = new GraphBasemap(
      pane,
      () => this.host.cy(),
      () => this.labels(),
    );
  }

  private say(text: string | null, error = false): void {
    this.status.hidden = text === null;
    this.status.textContent = text ?? '';
    this.status.classList.toggle('error', error);
  }

  /** Whether new data must be arranged again (a layout other than force, or kept positions). */
  get needed(): boolean {
    return this.name !== 'force' || Object.keys(this.host.options?.().positions ?? {}).length > 0;
  }

  private labels(): ArrangerLabels {
    return this.wordsNow?.() ?? ENGLISH_ARRANGER_LABELS;
  }

  /** Lays out the drawn graph with `name`; resolves once applied (or superseded by a later call). */
  async apply(name: LayoutName, options: ArrangeOptions = this.host.options?.() ?? {}): Promise<void> {
    this.name = name;
    this.options = options;
    const run = ++this.sequence;
    this.arrangedAs = null;
    const cy = this.host.cy();
    this.overlay.dataset.state = 'loading';
    this.say(this.labels().arranging);
    try {
      if (name === 'force') {
        this.arrangement = null;
        this.basemap.hide();
        cy.batch(() => cy.nodes().removeClass(MARK_CLASSES));
        const applied = await this.host.forceLayout();
        if (run !== this.sequence) return;
        if (!applied) {
          // New data superseded it, and is laid out by force as it arrives.
          this.arrangedAs = name;
          this.say(null);
          return;
        }
        this.keepPositions(cy);
      } else {
        arrangeModule ??= import('./layouts/arrange.ts');
        const { arrange } = await arrangeModule;
        if (run !== this.sequence) return;
        const arrangement = arrange(name, {
          nodes: cy.nodes().map((n) => {
            const d = n.data() as Omit<ArrangeNode, 'point'>;
            return { ...d, point: this.options.points?.get(n.id()) ?? null };
          }),
          edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
          dir: this.options.dir ?? 'ltr',
        });
        this.arrangement = arrangement;
        cy.batch(() => {
          cy.nodes().removeClass(MARK_CLASSES);
          for (const [id, names] of arrangement.classes) cy.getElementById(id).addClass(names.join(' '));
          for (const [id, span] of arrangement.spans) cy.getElementById(id).data('span', Math.round(span));
        });
        placeSilently(cy, (node) => this.options.positions?.[node.id()] ?? arrangement.positions.get(node.id()));
        this.drawBasemap(arrangement);
      }
      this.arrangedAs = name;
      this.say(null);
      this.host.frameAll();
      this.drawOverlay();
      cy.emit('layoutapplied');
    } catch (error) {
      this.overlay.dataset.state = 'error';
      if (run === this.sequence) this.say(this.labels().failed(String(error)), true);
    }
  }

  /** Outlines behind the geographic layout only; not awaited (the graph is usable while the atlas loads). */
  private drawBasemap(arrangement: Arrangement): void {
    if (!arrangement.geoFrame) {
      this.basemap.hide();
      return;
    }
    let width = 0;
    let height = 0;
    for (const p of arrangement.positions.values()) {
      width = Math.max(width, p.x);
      height = Math.max(height, p.y);
    }
    const geonames = [...arrangement.classes.values()].some((names) => names.includes('geo-gazetteer'));
    void this.basemap.show(arrangement.geoFrame, { width, height }, geonames);
  }

  private keepPositions(cy: Core): void {
    const positions = this.options.positions ?? {};
    if (Object.keys(positions).length > 0) placeSilently(cy, (node) => positions[node.id()]);
  }

  /** The time axis's ticks and the marked rows' captions, at the rendered positions of their model coordinates. */
  drawOverlay(): void {
    const cy = this.host.cy();
    this.basemap.follow();
    const arrangement = this.arrangement;
    this.overlay.dataset.state = arrangement ? this.name : 'none';
    if (!arrangement) {
      replaceChildren(this.overlay, null);
      return;
    }
    const zoom = cy.zoom();
    const pan = cy.pan();
    const at = (x: number, y: number) => ({ left: x * zoom + pan.x, top: y * zoom + pan.y });
    const placed = (className: string, text: string, x: number, y: number) => {
      const label = h('span', { class: className }, text);
      const p = at(x, y);
      label.style.left = `${Math.round(p.left)}px`;
      label.style.top = `${Math.round(p.top)}px`;
      return label;
    };
    const labels = this.labels();
    const parts: HTMLElement[] = [];
    if (arrangement.axis) {
      const axis = arrangement.axis;
      for (const tick of arrangement.ticks) parts.push(placed('layout-tick', tick.label, tick.x, axis.bandTop));
    }
    const rows = arrangement.rows.map((row) => ({
      row,
      label: placed(`layout-row layout-row-${row.side}`, labels[row.key], row.x, row.y),
    }));
    replaceChildren(this.overlay, parts, ...rows.map((r) => r.label));
    // A caption with no room beside its row (a narrow screen) goes above the row's first node instead.
    const room = this.overlay.clientWidth;
    for (const { row, label } of rows) {
      const left = Number.parseFloat(label.style.left);
      const width = label.offsetWidth + 16;
      if (row.side === 'left' ? left - width < 0 : left + width > room)
        label.className = `layout-row layout-row-above-${row.side}`;
    }
  }
}

/** Cytoscape's silentPositions (missing from its typings). */
interface SilentPositioning {
  silentPositions(position: (node: NodeSingular) => Position): void;
}

/** Positions without an event per node (seconds at 5k nodes otherwise), then one notification for all. */
export function placeSilently(cy: Core, position: (node: NodeSingular) => Position | undefined): void {
  const nodes = cy.nodes() as unknown as SilentPositioning;
  nodes.silentPositions((node) => {
    const p = position(node);
    return p ? { x: p.x, y: p.y } : node.position();
  });
  (cy as unknown as { notify(event: string, eles: unknown): void }).notify('position', nodes);
}
