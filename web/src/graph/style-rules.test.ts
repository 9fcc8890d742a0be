import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphStyle, KIND_COLOURS } from './style.ts';
import {
  CERTAINTY_COLOURS,
  leadingVoices,
  legendEntries,
  NO_VOICE_COLOUR,
  nodeEvidence,
  OTHER_VOICE_COLOUR,
  ruleInputsFrom,
  ruleStylesheet,
  type StyleRules,
  VOICE_PALETTE,
} from './style-rules.ts';

const edges = [
  { source: 'actor:sdf', target: 'event:x', citations: [{ attributedTo: 'actor:sdf' }, { attributedTo: 'actor:tv' }] },
  { source: 'actor:isis', target: 'event:x', citations: [{ attributedTo: 'actor:tv' }] },
  { source: 'actor:isis', target: 'place:y', citations: [{ attributedTo: null }] },
];

describe('what the edges say about a node', () => {
  it('counts the citations on its links and names the voice asserting most of them', () => {
    const evidence = nodeEvidence(edges);
    expect(evidence.get('event:x')).toEqual({ citations: 3, voice: 'actor:tv' });
    // A tie goes to the smaller id, so the same graph always colours alike.
    expect(evidence.get('actor:sdf')).toEqual({ citations: 2, voice: 'actor:sdf' });
    expect(evidence.get('place:y')).toEqual({ citations: 1, voice: '' });
  });

  it('gives their own colour to the most frequent voices only', () => {
    expect(leadingVoices(['b', 'a', 'b', '', 'c', 'a', 'b'], 2)).toEqual(['b', 'a']);
  });
});

/** Background colour and width of each node under the rules, in a headless Cytoscape with the real stylesheet. */
function drawn(rules: StyleRules) {
  const nodes = [
    { id: 'actor:sdf', kind: 'actor', certainty: 'reported', degree: 1, citations: 2, voice: 'actor:sdf' },
    { id: 'event:x', kind: 'event', certainty: 'claimed', degree: 2, citations: 3, voice: 'actor:tv' },
    { id: 'place:y', kind: 'place', certainty: 'alleged', degree: 1, citations: 0, voice: '' },
    { id: 'actor:z', kind: 'actor', certainty: 'disputed', degree: 0, citations: 1, voice: 'actor:rare' },
  ];
  const inputs = { ...ruleInputsFrom(nodes), voices: ['actor:tv', 'actor:sdf'] };
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStyle('detailed', 1, ruleStylesheet(rules, inputs)),
    elements: nodes.map((data) => ({ group: 'nodes', data: { ...data, label: data.id }, classes: data.kind })),
  });
  const out = Object.fromEntries(
    cy.nodes().map((n) => [n.id(), { colour: n.style('background-color') as string, width: n.width() }]),
  );
  cy.destroy();
  return out;
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe('rule → stylesheet', () => {
  it('colours by kind by default and sizes by connections', () => {
    const nodes = drawn({ size: 'links', colour: 'kind' });
    expect(nodes['event:x']?.colour).toBe(rgb(KIND_COLOURS.event));
    expect(nodes['place:y']?.colour).toBe(rgb(KIND_COLOURS.place));
    expect(nodes['event:x']?.width).toBeGreaterThan(nodes['actor:sdf']?.width ?? Number.POSITIVE_INFINITY);
    expect(nodes['place:y']?.width).toBe(nodes['actor:sdf']?.width);
  });

  it('colours by certainty', () => {
    const nodes = drawn({ size: 'links', colour: 'certainty' });
    expect(nodes['actor:sdf']?.colour).toBe(rgb(CERTAINTY_COLOURS.reported));
    expect(nodes['event:x']?.colour).toBe(rgb(CERTAINTY_COLOURS.claimed));
    expect(nodes['place:y']?.colour).toBe(rgb(CERTAINTY_COLOURS.alleged));
    expect(nodes['actor:z']?.colour).toBe(rgb(CERTAINTY_COLOURS.disputed));
  });

  it('colours by voice: the leading voices by palette, the rest as other, none as unnamed', () => {
    const nodes = drawn({ size: 'links', colour: 'voice' });
    expect(nodes['event:x']?.colour).toBe(rgb(VOICE_PALETTE[0]));
    expect(nodes['actor:sdf']?.colour).toBe(rgb(VOICE_PALETTE[1]));
    expect(nodes['actor:z']?.colour).toBe(rgb(OTHER_VOICE_COLOUR));
    expect(nodes['place:y']?.colour).toBe(rgb(NO_VOICE_COLOUR));
  });

  it('sizes by citations, the most cited largest', () => {
    const nodes = drawn({ size: 'citations', colour: 'kind' });
    const widths = ['event:x', 'actor:sdf', 'actor:z', 'place:y'].map((id) => nodes[id]?.width ?? 0);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(widths[0]).toBeGreaterThan(widths[3] ?? 0);
  });

  it('lists in the legend exactly what the rule colours', () => {
    expect(legendEntries({ size: 'links', colour: 'certainty' }, []).map((e) => e.swatch)).toEqual(
      Object.values(CERTAINTY_COLOURS),
    );
    expect(legendEntries({ size: 'links', colour: 'voice' }, ['actor:tv']).map((e) => e.kind)).toEqual([
      'voice',
      'other-voice',
      'no-voice',
    ]);
  });
});
