/** The graph's look, all in the stylesheet: kinds by shape and colour, certainty by line style, state by class. */
import type { StylesheetJson } from 'cytoscape';
import type { RenderProfile } from './tuning.ts';

export const KIND_COLOURS = {
  actor: '#2f6fb0',
  place: '#3f8f5a',
  event: '#c0692b',
  agreement: '#7a4fa3',
  source: '#6b7280',
} as const;

/**
 * Large graphs keep colours, shapes and certainty line styles but draw labels only once zoomed in far
 * enough to read them, and use haystack edges without arrows (the cheapest edges Cytoscape draws).
 */
const LARGE_NODE: StylesheetJson[number] = {
  selector: 'node',
  style: { 'min-zoomed-font-size': 10, 'text-background-opacity': 0, 'text-max-width': '100px' },
};
const LARGE_EDGE: StylesheetJson[number] = {
  selector: 'edge',
  style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', width: 1 },
};

/** Screen sizes of labels, px: node names and relation words read the same at any zoom. */
export const LABEL_PX = 12;
export const EDGE_LABEL_PX = 11;

/**
 * The stylesheet for a profile and a zoom level: labels keep their screen size (the model size is divided by the zoom),
 * and nodes are sized by how many links they have unless `rules` (style-rules.ts) say otherwise. Which node labels show is decided in view.ts (`label-off`).
 */
export function graphStyle(profile: RenderProfile = 'detailed', zoom = 1, rules: StylesheetJson = []): StylesheetJson {
  const large = profile === 'large';
  const z = Math.max(zoom, 0.05);
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif',
        'font-size': large ? 12 : LABEL_PX / z,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': large ? 4 : 3 / z,
        'text-wrap': 'none',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': `${large ? 1 : 1.5 / z}px`,
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? 6 : 0,
        width: 'mapData(degree, 0, 24, 24, 64)',
        height: 'mapData(degree, 0, 24, 24, 64)',
        'border-width': 2,
        'border-color': '#ffffff',
        'background-color': KIND_COLOURS.actor,
      },
    },
    ...(large ? [LARGE_NODE] : []),
    { selector: 'node.actor', style: { shape: 'ellipse', 'background-color': KIND_COLOURS.actor } },

    {
      selector: 'node.actor[subtype = "unnamed_sources"], node.actor[subtype = "media"]',
      style: { shape: 'ellipse', 'background-color': '#5b7a99' },
    },
    { selector: 'node.actor[subtype = "civilians"]', style: { 'background-color': '#8aa4bf' } },
    {
      selector: 'node.place',
      style: { shape: 'round-rectangle', 'background-color': KIND_COLOURS.place },
    },
    {
      selector: 'node.event',
      style: { shape: 'diamond', 'background-color': KIND_COLOURS.event },
    },
    {
      selector: 'node.agreement',
      style: { shape: 'hexagon', 'background-color': KIND_COLOURS.agreement },
    },
    {
      selector: 'node.certainty-alleged, node.certainty-disputed',
      style: { 'border-style': 'dotted', 'border-color': '#b42318', 'border-width': 2 },
    },
    {
      selector: 'node.certainty-claimed',
      style: { 'border-style': 'dashed', 'border-color': '#b54708', 'border-width': 2 },
    },
    // The style rules' sizes and colours (style-rules.ts): over the kind colours, under the state classes.
    ...rules,
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'straight',
        label: '',
        'font-size': large ? 9 : EDGE_LABEL_PX / z,
        'font-family': '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif',
        color: '#334155',
        'text-rotation': 'none',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.92,
        'text-background-padding': `${large ? 1 : 2 / z}px`,
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? 8 : 0,
      },
    },
    ...(large ? [LARGE_EDGE] : []),
    {
      selector: 'edge.certainty-claimed',
      style: { 'line-style': 'dashed', 'line-color': '#d4a373', 'target-arrow-color': '#d4a373' },
    },
    {
      selector: 'edge.certainty-alleged, edge.certainty-disputed',
      style: { 'line-style': 'dotted', width: 2, 'line-color': '#e07a7a', 'target-arrow-color': '#e07a7a' },
    },
    { selector: 'edge:selected, edge.show-label, edge.path, edge.hovered', style: { label: 'data(label)' } },
    { selector: 'node.label-off', style: { label: '' } },
    { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': -3 / z } },
    {
      selector: 'node.label-right',
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4 / z, 'text-margin-y': 0 },
    },
    {
      selector: 'node.label-left',
      style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -4 / z, 'text-margin-y': 0 },
    },
    {
      selector: 'node.hovered',
      style: { 'underlay-color': '#94a3b8', 'underlay-opacity': 0.35, 'underlay-padding': 4 },
    },
    {
      selector: 'node.kb-cursor',
      style: { 'underlay-color': '#f59e0b', 'underlay-opacity': 0.55, 'underlay-padding': 6, 'z-index': 30 },
    },
    // Marks of the layouts (arranger.ts): a dated node under the time layout is as wide as the days its date can mean.
    {
      selector: 'node.time-span',
      style: { shape: 'round-rectangle', width: 'data(span)', height: 18, 'text-valign': 'top', 'text-margin-y': -2 },
    },
    { selector: 'node.time-open', style: { 'border-style': 'dashed', 'border-color': '#1f2933', 'border-width': 2 } },
    {
      selector: 'node.geo-gazetteer',
      style: { 'border-style': 'dashed', 'border-color': '#111827', 'border-width': 2 },
    },
    { selector: 'node.layout-lane', style: { 'background-opacity': 0.55 } },
    // Hidden by `visibility`, not `display`: a display change recomputes the bounds of every element it touches and of
    // their edges, a third of a time-window repaint at 5k nodes (W7). Hidden elements keep their room in the bounds,
    // so what frames or exports "what is shown" asks for `:visible` (view.ts, png.ts); they take no clicks.
    { selector: '.hidden', style: { visibility: 'hidden' } },
    { selector: '.dimmed', style: { opacity: 0.18 } },
    { selector: 'node.highlighted', style: { opacity: 1 } },
    { selector: 'edge.highlighted', style: { opacity: 1, width: 2.5 } },
    { selector: 'edge.label-on', style: { label: 'data(label)' } },
    {
      selector: 'node:selected',
      style: {
        'border-color': '#111827',
        'border-width': 4,
        'border-style': 'solid',
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    {
      selector: 'edge:selected',
      style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827', 'z-index': 10 },
    },
    {
      selector: 'node.path',
      style: { 'border-color': '#f59e0b', 'border-width': 5, 'border-style': 'solid', 'z-index': 20 },
    },
    {
      selector: 'edge.path',
      style: { width: 4, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 20, color: '#92400e' },
    },
    { selector: 'node.expanded', style: { 'background-blacken': -0.15, 'border-color': '#111827', 'border-width': 1 } },
    // The time bar: a node whose date may still lie after the cursor (known only to its month or year) is drawn as
    // uncertain, faded with a dashed outline, until its span has passed.
    {
      selector: 'node.may-be-later',
      style: { opacity: 0.55, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#52606d' },
    },
    // Pinned by the user (context menu): a double ring, so it reads apart from the expanded and selected rings.
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#7c2d12' } },
  ];
}
