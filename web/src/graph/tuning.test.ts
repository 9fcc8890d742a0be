import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../api.ts';
import type { EdgeFieldsFragment, NodeFieldsFragment } from '../generated/graphql.ts';
import {
  capNeighborhood,
  EXPANSION_STEP,
  fcoseOptions,
  LARGE_GRAPH,
  MAX_NEIGHBORS,
  NEIGHBORHOOD_LIMIT,
  neighborhoodRequestLimit,
  neighborsShown,
  rendererSettings,
  renderProfile,
  spreadPositions,
} from './tuning.ts';

const node = (id: string): NodeFieldsFragment => ({
  id,
  kind: 'ACTOR',
  name: id,
  nameAr: null,
  aliases: [],
  actorKind: 'person',
  certainty: null,
  attributedTo: [],
});
const edge = (id: string, source: string, target: string): EdgeFieldsFragment => ({
  id,
  type: 'ALLIED_WITH',
  source,
  target,
  label: null,
  certainty: 'REPORTED',
  attributedTo: [],
  earliest: null,
  latest: null,
  citations: [],
});

/** A hub with `n` neighbours in server order, each linked to the hub, and a chord between the first and last. */
function star(n: number): Subgraph {
  const leaves = Array.from({ length: n }, (_, i) => node(`actor:n${i}`));
  return {
    nodes: [node('actor:hub'), ...leaves],
    edges: [
      ...leaves.map((leaf, i) => edge(`rel:${i}`, 'actor:hub', leaf.id)),
      edge('rel:chord', 'actor:n0', `actor:n${n - 1}`),
    ],
  };
}

describe('render profile', () => {
  it('keeps small graphs (like the seed graph) detailed and switches at the node or edge threshold', () => {
    expect(renderProfile(120, 300)).toBe('detailed');
    expect(renderProfile(LARGE_GRAPH.nodes - 1, LARGE_GRAPH.edges - 1)).toBe('detailed');
    expect(renderProfile(LARGE_GRAPH.nodes, 0)).toBe('large');
    expect(renderProfile(50, LARGE_GRAPH.edges)).toBe('large');
  });

  it('uses the viewport texture, hidden edges during gestures and pixel ratio 1 only for large graphs', () => {
    expect(rendererSettings('large')).toEqual({ textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 });
    expect(rendererSettings('detailed')).toEqual({
      textureOnViewport: false,
      hideEdgesOnViewport: false,
      pixelRatio: null,
    });
  });

  it('lays out in draft quality above 800 nodes', () => {
    expect(fcoseOptions(500, true, true)).toMatchObject({ quality: 'default', randomize: true });
    expect(fcoseOptions(5000, false, false)).toMatchObject({ quality: 'draft', randomize: false, numIter: 1000 });
  });
});

describe('capped expansion', () => {
  it('shows one step of neighbours per page, never more than the server limit allows', () => {
    expect(neighborsShown(1)).toBe(EXPANSION_STEP);
    expect(neighborsShown(3)).toBe(3 * EXPANSION_STEP);
    expect(neighborsShown(1000)).toBe(MAX_NEIGHBORS);
    expect(neighborhoodRequestLimit(EXPANSION_STEP)).toBe(EXPANSION_STEP + 2);
    expect(neighborhoodRequestLimit(MAX_NEIGHBORS)).toBe(NEIGHBORHOOD_LIMIT);
  });

  it('keeps the start node and the first neighbours in server order, with only the edges among them', () => {
    const { subgraph, more } = capNeighborhood(star(30), 'actor:hub', 10);
    expect(more).toBe(true);
    expect(subgraph.nodes.map((n) => n.id)).toEqual([
      'actor:hub',
      ...Array.from({ length: 10 }, (_, i) => `actor:n${i}`),
    ]);
    expect(subgraph.edges).toHaveLength(10);
    expect(subgraph.edges.some((e) => e.id === 'rel:chord')).toBe(false);
  });

  it('reports no more when everything fits', () => {
    const all = star(10);
    const { subgraph, more } = capNeighborhood(all, 'actor:hub', 10);
    expect(more).toBe(false);
    expect(subgraph).toBe(all);
  });

  it('does not count the start node as a neighbour wherever the server puts it', () => {
    const graph = star(5);
    const reordered = { ...graph, nodes: [...graph.nodes.slice(1), graph.nodes[0] as NodeFieldsFragment] };
    expect(capNeighborhood(reordered, 'actor:hub', 5).more).toBe(false);
    expect(capNeighborhood(reordered, 'actor:hub', 4).subgraph.nodes.map((n) => n.id)).toContain('actor:hub');
  });
});

describe('spreading a packed draft layout', () => {
  it('scales a blob about its centre to √n × spacing on its longer side', () => {
    const packed = new Float64Array([0, 0, 10, 0, 10, 5, 0, 5]);
    const spread = spreadPositions(packed, 60);
    const xs = [spread[0], spread[2], spread[4], spread[6]] as number[];
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(120);
    expect(spread[0]).toBeCloseTo(5 - 60);
    expect(spread[1]).toBeCloseTo(2.5 - 30);
  });

  it('leaves layouts that are already large enough, and degenerate ones, as they are', () => {
    const roomy = new Float64Array([0, 0, 500, 500]);
    expect(spreadPositions(roomy, 60)).toBe(roomy);
    const stacked = new Float64Array([3, 3, 3, 3]);
    expect(spreadPositions(stacked, 60)).toBe(stacked);
  });
});
