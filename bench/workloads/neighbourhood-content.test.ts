import { describe, expect, it } from 'vitest';
import {
  type ContentVerdict,
  compareNeighbourhoods,
  describeVerdicts,
  type FlatNeighbourhood,
  ruleProblems,
} from './neighbourhood-content.ts';

const LIMITS = { nodes: 4, edges: 3 };

const edge = (source: string, target: string) => ({ id: `${source}>${target}`, source, target });

/** a at the centre; b, c, d one hop away; e two hops away (through b). */
const subject: FlatNeighbourhood = {
  nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
  edges: [edge('a', 'b'), edge('a', 'c'), edge('a', 'd')],
};

describe('ruleProblems', () => {
  it('accepts a neighbourhood with the start, under the limits, with every relationship among its nodes', () => {
    expect(ruleProblems('a', subject, { among: 3, touchingStart: 3 }, LIMITS)).toEqual([]);
  });

  it('accepts a capped set of relationships when the cap keeps those touching the start', () => {
    const capped = { ...subject, edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')] };
    expect(ruleProblems('a', capped, { among: 5, touchingStart: 2 }, LIMITS)).toEqual([]);
  });

  it('names each broken part of the rule', () => {
    const broken: FlatNeighbourhood = {
      nodes: [{ id: 'b' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }],
      edges: [edge('b', 'x'), edge('b', 'x')],
    };
    expect(ruleProblems('a', broken, { among: 1, touchingStart: 1 }, LIMITS)).toEqual([
      'the start a is missing',
      '5 nodes, over the limit of 4',
      'nodes listed twice: b',
      'relationships listed twice: b>x',
      '2 relationships reach outside the nodes (b>x)',
      '2 relationships where Neo4j counts 1 among the nodes (cap 3)',
      '0 relationships touch the start where 1 should',
    ]);
  });

  it('finds relationships left out under the cap', () => {
    const missing = { ...subject, edges: [edge('a', 'b')] };
    expect(ruleProblems('a', missing, { among: 3, touchingStart: 3 }, LIMITS)).toEqual([
      '1 relationships where Neo4j counts 3 among the nodes (cap 3)',
      '1 relationships touch the start where 3 should',
    ]);
  });
});

describe('compareNeighbourhoods', () => {
  const counts = { subject: { among: 3, touchingStart: 3 }, peer: { among: 3, touchingStart: 3 } };

  it('calls the same ids in another order the same', () => {
    const peer = { nodes: [...subject.nodes].reverse(), edges: [...subject.edges].reverse() };
    expect(compareNeighbourhoods('a', subject, peer, counts, LIMITS)).toEqual({ kind: 'same', nodes: 4, edges: 3 });
  });

  it('tells apart the same nodes with other relationships', () => {
    const peer = { ...subject, edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')] };
    const verdict = compareNeighbourhoods('a', subject, peer, counts, LIMITS);
    expect(verdict.kind).toBe('different');
    expect(verdict.kind === 'different' && verdict.problems).toContain(
      'same nodes, different relationships: 1 only from this server, 1 only from the peer',
    );
  });

  it('accepts other nodes at the cut hop when both keep the rule and the count', () => {
    const peer = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'e' }],
      edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'e')],
    };
    const verdict = compareNeighbourhoods(
      'a',
      subject,
      peer,
      { subject: counts.subject, peer: { among: 3, touchingStart: 2 } },
      LIMITS,
    );
    expect(verdict).toEqual({ kind: 'same rule', nodes: 4, commonNodes: 3, edges: { subject: 3, peer: 3 } });
  });

  it('rejects other nodes in a different number', () => {
    const peer = { nodes: [{ id: 'a' }, { id: 'b' }, { id: 'e' }], edges: [edge('a', 'b'), edge('b', 'e')] };
    const verdict = compareNeighbourhoods(
      'a',
      subject,
      peer,
      { subject: counts.subject, peer: { among: 2, touchingStart: 1 } },
      LIMITS,
    );
    expect(verdict).toEqual({ kind: 'different', problems: ['4 nodes from this server, 3 from the peer'] });
  });

  it('rejects a side that breaks the rule even when the node sets agree', () => {
    const verdict = compareNeighbourhoods(
      'a',
      subject,
      subject,
      { subject: counts.subject, peer: { among: 4, touchingStart: 3 } },
      { nodes: 4, edges: 10 },
    );
    expect(verdict).toEqual({
      kind: 'different',
      problems: ['peer: 3 relationships where Neo4j counts 4 among the nodes (cap 10)'],
    });
  });
});

describe('describeVerdicts', () => {
  const limits = { nodes: 200, edges: 1000 };

  it('accepts the same nodes with other relationships kept under the cap when both keep the rule', () => {
    const capped = { subject: { among: 5, touchingStart: 2 }, peer: { among: 5, touchingStart: 2 } };
    const mine = { ...subject, edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')] };
    const theirs = { ...subject, edges: [edge('a', 'b'), edge('a', 'c'), edge('c', 'd')] };
    expect(compareNeighbourhoods('a', mine, theirs, capped, LIMITS)).toEqual({
      kind: 'same nodes',
      nodes: 4,
      edges: 3,
      commonEdges: 2,
    });
    const touchingLess = { ...subject, edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')] };
    expect(compareNeighbourhoods('a', mine, touchingLess, capped, LIMITS).kind).toBe('different');
  });

  it('says how many samples were the same', () => {
    const same: ContentVerdict = { kind: 'same', nodes: 8, edges: 17 };
    expect(describeVerdicts([same, same], limits)).toBe('same node and relationship ids on 2 of 2 sample actors');
  });

  it('describes the samples cut at the node limit', () => {
    const verdicts: ContentVerdict[] = [
      { kind: 'same', nodes: 75, edges: 889 },
      { kind: 'same rule', nodes: 200, commonNodes: 120, edges: { subject: 1000, peer: 1000 } },
      { kind: 'same rule', nodes: 200, commonNodes: 150, edges: { subject: 1000, peer: 980 } },
      { kind: 'same nodes', nodes: 40, edges: 1000, commonEdges: 620 },
    ];
    expect(describeVerdicts(verdicts, limits)).toBe(
      'same node and relationship ids on 1 of 4 sample actors; same nodes on 1 more, with more relationships among ' +
        'them than the cap of 1,000: both keep every one touching the start, then this server those of its ' +
        'best-ranked nodes and the peer by id (620 of 1,000 in common); on the other 2 the 200-node limit cuts a hop, which ' +
        'this server fills by rank and the peer by id: 120–150 of 200 nodes in common, 1,000 vs 980–1,000 ' +
        "relationships, each side every relationship among its own nodes up to 1,000 (checked against Neo4j's count)",
    );
  });

  it('refuses to describe samples that differ', () => {
    const verdicts: ContentVerdict[] = [
      { kind: 'same', nodes: 8, edges: 17 },
      { kind: 'different', problems: ['peer: the start a is missing'] },
    ];
    expect(() => describeVerdicts(verdicts, limits)).toThrow(
      'the two neighbourhoods differ on 1 of 2 samples: sample 2: peer: the start a is missing',
    );
  });
});
