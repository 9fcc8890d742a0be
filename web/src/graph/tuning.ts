/**
 * Size-dependent choices for the graph view, as pure functions: when a graph counts as large (cheaper
 * styles, the viewport texture during gestures, pixel ratio 1), how the layout runs, and how many
 * neighbours one expansion adds.
 */
import type { Core, LayoutOptions } from 'cytoscape';
import type { Subgraph } from '../api.ts';

/** From this many nodes (or edges) the view switches to the large-graph profile. The seed graph stays well below. */
export const LARGE_GRAPH = { nodes: 400, edges: 1000 } as const;

export type RenderProfile = 'detailed' | 'large';

export function renderProfile(nodes: number, edges: number): RenderProfile {
  return nodes >= LARGE_GRAPH.nodes || edges >= LARGE_GRAPH.edges ? 'large' : 'detailed';
}

/** Cytoscape renderer options that matter for speed; `pixelRatio` null means the device's own. */
export interface RendererSettings {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  pixelRatio: number | null;
}

export function rendererSettings(profile: RenderProfile): RendererSettings {
  return profile === 'large'
    ? { textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 }
    : { textureOnViewport: false, hideEdgesOnViewport: false, pixelRatio: null };
}

/** fcose settings by graph size: draft quality and fewer iterations above ~800 nodes. */
export function layoutQuality(nodes: number): { quality: 'draft' | 'default'; numIter: number } {
  return nodes > 800 ? { quality: 'draft', numIter: 1000 } : { quality: 'default', numIter: 2500 };
}

/** The product's fcose settings; `labels` only where the sizes are not already measured with labels. */
export function fcoseOptions(nodes: number, fresh: boolean, labels: boolean): LayoutOptions {
  const options = {
    name: 'fcose',
    ...layoutQuality(nodes),
    randomize: fresh,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: labels,
    idealEdgeLength: () => 55,
    nodeRepulsion: () => 4500,
  };
  return options as unknown as LayoutOptions;
}

/** Node sizes the stylesheet gives (style.ts: by links, 24 px alone to 64 px at 24 links or more). */
export function nodeDiameter(degree: number): number {
  return 24 + (40 * Math.min(Math.max(degree, 0), 24)) / 24;
}

/** Room for a name under the node in the detailed profile: names are drawn at most 24 characters (LABEL_CHARS). */
const LABEL = { height: 18, characterWidth: 6.5, maxWidth: 24 * 6.5 } as const;

/**
 * The size a node will take, from its data alone (a fresh graph is laid out before any instance holds it): the
 * stylesheet's node size, widened to an estimate of its label in the detailed profile.
 */
export function estimatedNodeSize(
  node: { degree: number; label: string },
  profile: RenderProfile,
): { w: number; h: number } {
  const size = nodeDiameter(node.degree);
  if (profile === 'large') return { w: size, h: size };
  const label = Math.min(LABEL.maxWidth, node.label.length * LABEL.characterWidth);
  return { w: Math.max(size, label), h: size + LABEL.height };
}

/** Room per node a large layout is spread to at least, px (draft fcose packs thousands of nodes into a blob). */
export const MIN_SPACING = 60;

/**
 * Scales flat [x0, y0, x1, y1…] positions about their centre so the layout covers at least
 * `√n × spacing` on its longer side; layouts already that large are left as they are.
 */
export function spreadPositions(
  positions: Float64Array<ArrayBuffer>,
  spacing = MIN_SPACING,
): Float64Array<ArrayBuffer> {
  const n = positions.length / 2;
  if (n < 2) return positions;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = positions[2 * i] as number;
    const y = positions[2 * i + 1] as number;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const side = Math.max(maxX - minX, maxY - minY);
  const target = Math.sqrt(n) * spacing;
  if (side >= target || side === 0) return positions;
  const scale = target / side;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const spread = new Float64Array(positions.length);
  for (let i = 0; i < n; i++) {
    spread[2 * i] = cx + ((positions[2 * i] as number) - cx) * scale;
    spread[2 * i + 1] = cy + ((positions[2 * i + 1] as number) - cy) * scale;
  }
  return spread;
}

/** Neighbours one expansion (or one "show more") adds at most. */
export const EXPANSION_STEP = 25;
/** The server's neighbourhood limit (server/src/args.ts LIMITS.neighborhoodLimit), start node included. */
export const NEIGHBORHOOD_LIMIT = 500;

/** Most neighbours that can be shown for one node: the limit minus the start node and one probe. */
export const MAX_NEIGHBORS = NEIGHBORHOOD_LIMIT - 2;

/** Neighbours shown after `pages` expansions of one node (1 = the first expansion). */
export function neighborsShown(pages: number): number {
  return Math.min(Math.max(1, pages) * EXPANSION_STEP, MAX_NEIGHBORS);
}

/** The `limit` to ask the server for: the start node, the neighbours to show, and one more to learn whether more exist. */
export function neighborhoodRequestLimit(shown: number): number {
  return Math.min(shown + 2, NEIGHBORHOOD_LIMIT);
}

/**
 * Keeps the start node and the first `shown` neighbours (the server orders them best-supported first),
 * with only the edges among what is kept; `more` tells whether the server had further neighbours.
 */
export function capNeighborhood(
  subgraph: Subgraph,
  startId: string,
  shown: number,
): { subgraph: Subgraph; more: boolean } {
  const neighbors = subgraph.nodes.filter((n) => n.id !== startId);
  const more = neighbors.length > shown;
  if (!more) return { subgraph, more };
  const kept = new Set([startId, ...neighbors.slice(0, shown).map((n) => n.id)]);
  return {
    subgraph: {
      nodes: subgraph.nodes.filter((n) => kept.has(n.id)),
      edges: subgraph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
    },
    more,
  };
}

/**
 * The renderer settings in force on a Cytoscape instance, through public means: the options `cy.json()` reports,
 * and the pixel ratio its canvas is drawn at (backing-store pixels per CSS pixel).
 */
export function appliedRendererSettings(cy: Core): Omit<RendererSettings, 'pixelRatio'> & { pixelRatio: number } {
  const { textureOnViewport, hideEdgesOnViewport } = cy.json() as unknown as Omit<RendererSettings, 'pixelRatio'>;
  const canvas = cy.container()?.querySelector('canvas');
  const cssWidth = canvas ? Number.parseFloat(canvas.style.width) : 0;
  return { textureOnViewport, hideEdgesOnViewport, pixelRatio: canvas && cssWidth > 0 ? canvas.width / cssWidth : 1 };
}
