/**
 * Wiring of the style rules and layouts: the legend's controls change the view state (state.ts), and the view state
 * reaches the graph through `graph.setStyleRules` and `graph.applyLayout` (the one way a layout changes).
 */
import type { Subgraph } from './api.ts';
import type { ArrangeOptions } from './graph/arranger.ts';
import type { LayoutName } from './graph/layouts/names.ts';
import type { GraphView } from './graph/view.ts';
import { directionOf, strings } from './i18n.ts';
import { $ } from './page.ts';
import { Legend } from './panels/legend.ts';
import { legendWords } from './panels/legend-words.ts';
import type { Store, ViewState } from './state.ts';

/** Own coordinates of places (not a parent's): a place without them is said to have none in the geographic layout. */
export function placePoints(graph: Subgraph): NonNullable<ArrangeOptions['points']> {
  const points = new Map<string, { lat: number; lon: number; origin: string }>();
  for (const node of graph.nodes)
    if ('coordinates' in node && node.coordinates) {
      const { lat, lon, origin } = node.coordinates;
      points.set(node.id, { lat, lon, origin });
    }
  return points;
}

/** What a layout is applied with under a state: the language's direction, coordinates, kept positions. */
export function arrangeOptions(state: ViewState, graph: Subgraph): ArrangeOptions {
  return { dir: directionOf(state.language), points: placePoints(graph), positions: state.keep ? state.positions : {} };
}

export class ViewOptions {
  private readonly legend: Legend;

  constructor(
    private readonly store: Store,
    private readonly graph: () => GraphView,
    private readonly nameOf: (id: string) => string | null,
    /** A layout chosen in the legend: an edit the graph's undo history records (edits.ts). */
    chooseLayout: (layout: LayoutName) => void,
  ) {
    this.legend = new Legend($('view-options'), $('legend-body'), {
      onRules: (sizeBy, colourBy) => store.setStyleRules(sizeBy, colourBy),
      onLayout: chooseLayout,
      onKeep: (keep) => store.setKeep(keep),
    });
  }

  /** The legend in the state's language, for the rule and layout in force and the scales of what is drawn. */
  renderLegend(state: ViewState = this.store.state): void {
    this.legend.render(legendWords(state.language), strings(state.language), {
      choice: state,
      inputs: this.graph().ruleInputs,
      nameOf: (id) => this.nameOf(id) ?? id,
    });
  }

  /** Brings the graph in line with the state's rules and layout; `previous` null: the first render, nothing drawn. */
  render(state: ViewState, previous: ViewState | null): void {
    const graph = this.graph();
    if (previous === null) {
      // Data arrives after this; the view arranges it with the layout named here once it is drawn.
      graph.arranger.name = state.layout;
      graph.setStyleRules({ size: state.sizeBy, colour: state.colourBy });
    } else {
      if (state.sizeBy !== previous.sizeBy || state.colourBy !== previous.colourBy)
        graph.setStyleRules({ size: state.sizeBy, colour: state.colourBy });
      const positionsDropped = previous.keep && !state.keep && Object.keys(previous.positions).length > 0;
      const turned = state.language !== previous.language && state.layout === 'time';
      if (state.layout !== previous.layout || positionsDropped || turned) void graph.applyLayout(state.layout);
    }
    this.renderLegend(state);
  }
}
