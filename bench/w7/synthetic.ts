/**
 * Synthetic API-shaped subgraphs for W7: `n` nodes of every kind with dates, certainties and voices,
 * about two edges per node with a few hubs (preferential attachment), deterministic for a seed.
 */
import type { Subgraph } from '../../web/src/api.ts';
import type { Certainty, EdgeFieldsFragment, NodeFieldsFragment } from '../../web/src/generated/graphql.ts';
import { seededRandom } from '../../web/src/graph/layout-core.ts';

const VOICES = ['actor:v0', 'actor:v1', 'actor:v2', 'actor:v3', 'actor:v4'];
const CERTAINTIES: Certainty[] = ['CONFIRMED', 'REPORTED', 'REPORTED', 'REPORTED', 'REPORTED', 'CLAIMED', 'ALLEGED'];

function day(rand: () => number): string {
  const year = 2011 + Math.floor(rand() * 9);
  const month = 1 + Math.floor(rand() * 12);
  const date = 1 + Math.floor(rand() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export function syntheticSubgraph(n: number, seed = 1): Subgraph {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const nodes: NodeFieldsFragment[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const kind: NodeFieldsFragment['kind'] = r < 0.4 ? 'ACTOR' : r < 0.55 ? 'PLACE' : r < 0.9 ? 'EVENT' : 'AGREEMENT';
    const base = {
      id: i < VOICES.length ? (VOICES[i] as string) : `${kind.toLowerCase()}:s${i}`,
      kind: i < VOICES.length ? ('ACTOR' as const) : kind,
      name: `${kind[0]}${kind.slice(1).toLowerCase()} ${i}`,
      nameAr: `عقدة ${i}`,
      aliases: [],
      certainty: pick(CERTAINTIES),
      attributedTo: [pick(VOICES)],
    };
    if (base.kind === 'ACTOR')
      nodes.push({ ...base, actorKind: pick(['armed_group', 'person', 'state', 'civilians']) });
    else if (base.kind === 'PLACE') nodes.push({ ...base, placeKind: 'town', coordinates: null });
    else {
      const start = day(rand);
      const date = {
        start,
        end: null,
        precision: 'DAY' as const,
        approximate: false,
        expression: null,
        inferred: null,
        earliest: start,
        latest: start,
      };
      nodes.push(base.kind === 'EVENT' ? { ...base, eventType: 'battle', date } : { ...base, status: 'signed', date });
    }
  }
  const edges: EdgeFieldsFragment[] = [];
  const dateOf = (node: NodeFieldsFragment) => ('date' in node ? (node.date?.earliest ?? null) : null);
  const link = (a: number, b: number) => {
    if (a === b) return;
    const source = nodes[a] as NodeFieldsFragment;
    const target = nodes[b] as NodeFieldsFragment;
    const dated = dateOf(source) ?? dateOf(target);
    edges.push({
      id: `rel:s${edges.length}`,
      type: pick(['PARTICIPATED_IN', 'ALLIED_WITH', 'FOUGHT', 'LOCATED_IN', 'PARTY_TO']),
      source: source.id,
      target: target.id,
      label: null,
      certainty: pick(CERTAINTIES),
      attributedTo: [pick(VOICES)],
      earliest: dated,
      latest: dated,
      citations: [],
    });
  };
  // A tree with preferential attachment (hubs), then as many random chords: ≈ 2 edges per node.
  for (let i = 1; i < n; i++) link(i, Math.floor(rand() ** 2 * i));
  for (let i = 0; i < n; i++) link(Math.floor(rand() * n), Math.floor(rand() * n));
  return { nodes, edges };
}
