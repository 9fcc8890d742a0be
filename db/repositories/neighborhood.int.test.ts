import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDriver } from '../../test/seeded-database.ts';
import { findNeighborhood, type GraphFilter } from './neighborhood.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await seededDriver();
});
afterAll(async () => {
  await driver.close();
});

const NO_FILTER: GraphFilter = { fromDay: null, toDay: null, voices: null, maxRank: null };

describe('findNeighborhood on the seeded Baghouz graph', () => {
  it('keeps, under the edge cap, those touching the start, then those of the nodes in the order the levels chose them', async () => {
    const whole = await findNeighborhood(driver, 'actor:sdf', 2, 40, NO_FILTER);
    if (!whole) throw new Error('actor:sdf has no neighbourhood');
    expect(whole.truncated).toBe(false);
    expect(whole.edges).toHaveLength(whole.totalEdges);
    const position = new Map(whole.nodes.map((n, i) => [n.id, i]));
    const placeOf = (e: { source: string; target: string; id: string }) => {
      const source = position.get(e.source);
      const target = position.get(e.target);
      if (source === undefined || target === undefined) throw new Error(`${e.id} reaches outside the nodes`);
      return Math.min(source, target);
    };
    const inCapOrder = [...whole.edges].sort((a, b) => placeOf(a) - placeOf(b) || (a.id < b.id ? -1 : 1));
    expect(whole.edges.map((e) => e.id)).toEqual(whole.edges.map((e) => e.id).sort());

    for (const edgeLimit of [1, 7, Math.floor(whole.totalEdges / 2), whole.totalEdges - 1]) {
      const cut = await findNeighborhood(driver, 'actor:sdf', 2, 40, NO_FILTER, undefined, edgeLimit);
      expect(cut?.nodes).toEqual(whole.nodes);
      expect(cut?.totalEdges).toBe(whole.totalEdges);
      expect(cut?.truncated).toBe(true);
      const expected = inCapOrder
        .slice(0, edgeLimit)
        .map((e) => e.id)
        .sort();
      expect(cut?.edges.map((e) => e.id)).toEqual(expected);
    }
  });
});
