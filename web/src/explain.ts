/**
 * Words about what the views show, in the interface language: why the filters leave nothing, a node's or edge's
 * hover tooltip, and the caption of the PNG export. Built from the stores, never read back from the drawing.
 */
import type { DataStore } from './data.ts';
import { displayName, edgeLabel } from './graph/elements.ts';
import type { PngCaption } from './graph/png.ts';
import { legendEntries } from './graph/style-rules.ts';
import type { GraphView } from './graph/view.ts';
import { directionOf, localeOf, type Strings } from './i18n.ts';
import { arrow } from './panels/details.ts';
import { entryName } from './panels/legend.ts';
import { legendWords } from './panels/legend-words.ts';
import type { ViewState } from './state.ts';
import { formatPartial } from './timeline/spans.ts';
import type { Language } from './ui-types.ts';
import { typeWord } from './words.ts';

const list = (items: string[], language: Language): string =>
  new Intl.ListFormat(language === 'ar' ? 'ar' : 'en-GB', { type: 'conjunction' }).format(items);

/**
 * The filters in force, in words: why nothing matches ("nothing dated between …; no link is at least “confirmed”"),
 * or, as a caption, what is shown ("dated …; at least “claimed”").
 */
export function filterReasons(
  state: ViewState,
  s: Strings,
  nameOf: (id: string) => string | null,
  as: 'reasons' | 'caption' = 'reasons',
): string {
  const locale = localeOf(state.language);
  const reasons: string[] = [];
  const caption = as === 'caption';
  if (state.window) {
    const [from, to] = [formatPartial(state.window.from, locale), formatPartial(state.window.to, locale)];
    reasons.push(caption ? s.captionWindow(from, to) : s.becauseWindow(from, to));
  }
  if (state.minCertainty) {
    const level = s.certainty[state.minCertainty];
    reasons.push(caption ? s.captionCertainty(level) : s.becauseCertainty(level));
  }
  if (state.attributedTo.length > 0) {
    const names = list(
      state.attributedTo.map((id) => nameOf(id) ?? id),
      state.language,
    );
    reasons.push(caption ? s.captionVoices(names) : s.becauseVoices(names));
  }
  return reasons.join(state.language === 'ar' ? '؛ ' : '; ');
}

/** The hover tooltip: a node's names in both scripts, kind and links; an edge's ends, relation word and certainty. */
export function describeElement(id: string, data: DataStore, language: Language, s: Strings): string[] {
  const node = data.nodeById(id);
  if (node) {
    const other = language === 'ar' ? node.name : node.nameAr;
    const subtype =
      'actorKind' in node
        ? node.actorKind
        : 'placeKind' in node
          ? node.placeKind
          : 'eventType' in node
            ? node.eventType
            : 'status' in node
              ? node.status
              : null;
    const degree = data.displayed().edges.filter((e) => e.source === id || e.target === id).length;
    return [
      displayName(node, language),
      ...(other && other !== displayName(node, language) ? [other] : []),
      [s.kinds[node.kind], subtype ? typeWord(subtype, language) : null, s.links(degree)].filter(Boolean).join(' · '),
    ];
  }
  const edge = data.edgeById(id);
  if (!edge) return [];
  const name = (end: string) => {
    const n = data.nodeById(end);
    return n ? displayName(n, language) : end;
  };
  return [
    `${name(edge.source)} — ${edgeLabel(edge, language)} ${arrow(language)} ${name(edge.target)}`,
    edge.certainty ? s.certainty[edge.certainty] : '',
  ].filter(Boolean);
}

/** Title, what is shown (filters, counts) and from which sources, for the PNG export. */
export function pngCaption(
  state: ViewState,
  data: DataStore,
  graph: GraphView,
  s: Strings,
  nameOf: (id: string) => string | null,
): PngCaption {
  const visible = graph.visibleIds();
  const shownEdges = new Set(visible.edges);
  const outlets = new Set<string>();
  for (const edge of data.displayed().edges)
    if (shownEdges.has(edge.id))
      for (const c of edge.citations) {
        const outlet = state.language === 'ar' ? (c.source.outletAr ?? c.source.outlet) : c.source.outlet;
        if (outlet) outlets.add(outlet);
      }
  const filtering = state.window !== null || state.minCertainty !== null || state.attributedTo.length > 0;
  const shown = filtering ? filterReasons(state, s, nameOf, 'caption') : s.pngAll;
  return {
    title: s.pngTitle,
    lines: [
      s.pngFilters(`${shown} — ${s.pngCount(visible.nodes.length, visible.edges.length)}`),
      s.pngSource(list([...outlets].sort(), state.language)),
      location.href,
    ],
    marks: legendEntries({ size: state.sizeBy, colour: state.colourBy }, graph.ruleInputs.voices).map((entry) => ({
      colour: entry.swatch,
      name: entryName(entry, legendWords(state.language), s, (id) => nameOf(id) ?? id),
    })),
    edges: s.legendEdges,
    dir: directionOf(state.language),
  };
}
