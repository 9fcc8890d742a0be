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

export function graphStyle(profile: RenderProfile = 'detailed'): StylesheetJson {
  const large = profile === 'large';
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif',
        'font-size': 12,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
        width: 26,
        height: 26,
        'border-width': 2,
        'border-color': '#ffffff',
        'background-color': KIND_COLOURS.actor,
      },
    },
    ...(large ? [LARGE_NODE] : []),
    { selector: 'node.actor', style: { shape: 'ellipse', 'background-color': KIND_COLOURS.actor } },
    { selector: 'node.actor[subtype = "person"]', style: { width: 20, height: 20 } },
    {
      selector: 'node.actor[subtype = "unnamed_sources"], node.actor[subtype = "media"]',
      style: { shape: 'ellipse', 'background-color': '#5b7a99' },
    },
    { selector: 'node.actor[subtype = "civilians"]', style: { 'background-color': '#8aa4bf' } },
    {
      selector: 'node.place',
      style: { shape: 'round-rectangle', 'background-color': KIND_COLOURS.place, width: 22, height: 22 },
    },
    {
      selector: 'node.event',
      style: { shape: 'diamond', 'background-color': KIND_COLOURS.event, width: 24, height: 24 },
    },
    {
      selector: 'node.agreement',
      style: { shape: 'hexagon', 'background-color': KIND_COLOURS.agreement, width: 28, height: 28 },
    },
    {
      selector: 'node.certainty-alleged, node.certainty-disputed',
      style: { 'border-style': 'dotted', 'border-color': '#b42318', 'border-width': 2 },
    },
    {
      selector: 'node.certainty-claimed',
      style: { 'border-style': 'dashed', 'border-color': '#b54708', 'border-width': 2 },
    },
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
        'font-size': 9,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 8,
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
    { selector: 'edge:selected, edge.show-label, edge.path', style: { label: 'data(label)' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.18 } },
    { selector: 'node.highlighted', style: { opacity: 1 } },
    { selector: 'edge.highlighted', style: { opacity: 1, width: 2.5, label: 'data(label)' } },
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
  ];
}
