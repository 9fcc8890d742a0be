/** Relationships between actors, places and events, written once each, and the ones an event gives rise to. */
import type { Citation, Relationship } from '../../schema/dataset.ts';
import { isoDay, isoMonth } from './calendar.ts';
import type { EventType, SynthContext } from './context.ts';
import type { ArrayWriter } from './output.ts';
import { type ExtraRelationshipType, RELATIONSHIP_SENTENCES } from './wording.ts';
import type { ActorInfo, PlaceInfo } from './world.ts';

/** How often each kind of relationship with a sentence of its own is drawn. */
const EXTRA_RELATIONSHIP_WEIGHTS: ReadonlyArray<readonly [ExtraRelationshipType, number]> = [
  ['MEMBER_OF', 4],
  ['LEADS', 1],
  ['BACKED_BY', 2],
  ['ENVOY_OF', 1],
  ['SPLIT_FROM', 1],
  ['ACCUSED', 2],
];

/** Event types whose parties did not fight each other. */
const NOT_HOSTILE: readonly EventType[] = [
  'detention',
  'displacement',
  'press_conference',
  'publication',
  'declaration',
];

/** Writes relationships into the dataset, dropping self-loops and repeats of one already written. */
export class RelationshipWriter {
  private readonly keys = new Set<string>();

  constructor(private readonly out: ArrayWriter) {}

  /** Writes `rel` unless it loops or repeats (same type, ends and dates); returns whether it was written. */
  async push(rel: Relationship | Omit<Relationship, 'label'>): Promise<boolean> {
    const key = [rel.type, rel.from, rel.to, '', rel.date?.start ?? '', rel.date?.end ?? ''].join('|');
    if (rel.from === rel.to || this.keys.has(key)) return false;
    this.keys.add(key);
    await this.out.push(rel);
    return true;
  }

  get size(): number {
    return this.out.size;
  }
}

/** One written event, as the relationships it yields need it. */
export interface EventFacts {
  type: EventType;
  sideA: number[];
  sideB: number[];
  day: number;
  citation: Citation;
  town: PlaceInfo;
  eventId: string;
}

/**
 * The relationships an event yields: FOUGHT between the sides (unless the event was not hostile), ALLIED_WITH
 * along side A, CONTROLS for a captured town, all cited by the event's own sentence; and, by chance, one
 * relationship with a sentence of its own (membership, leadership, backing, envoy, split, accusation).
 */
export async function eventRelationships(ctx: SynthContext, out: RelationshipWriter, e: EventFacts): Promise<void> {
  const r = ctx.random;
  const world = ctx.world;
  const profile = ctx.profile;
  const month = { start: isoMonth(e.day), precision: 'month' as const, approximate: false };
  const hostile = !NOT_HOSTILE.includes(e.type);
  let pairs = 0;
  if (hostile)
    for (const a of e.sideA)
      for (const b of e.sideB) {
        if (pairs >= profile.pairsPerEvent) break;
        pairs++;
        await out.push({
          type: 'FOUGHT',
          from: world.actor(a).id,
          to: world.actor(b).id,
          date: month,
          citations: [e.citation],
        });
      }
  for (let i = 0; i + 1 < e.sideA.length && pairs < profile.pairsPerEvent; i++, pairs++)
    await out.push({
      type: 'ALLIED_WITH',
      from: world.actor(e.sideA[i] as number).id,
      to: world.actor(e.sideA[i + 1] as number).id,
      date: month,
      citations: [e.citation],
    });
  if (e.type === 'territory_captured')
    await out.push({
      type: 'CONTROLS',
      from: world.actor(e.sideA[0] as number).id,
      to: e.town.id,
      date: month,
      citations: [e.citation],
    });
  if (!r.chance(profile.extraRelationshipChance)) return;
  const person = world.people[ctx.samplers.people.sample(r)] as number;
  const group = e.sideA[0] as number;
  const state = world.states[r.int(world.states.length)] as number;
  const year = { start: isoDay(e.day).slice(0, 4), precision: 'year' as const, approximate: false };
  const kind = r.weighted(EXTRA_RELATIONSHIP_WEIGHTS);
  const p = world.actor(person);
  const g = world.actor(group);
  const s = world.actor(state);
  const other = world.actor(e.sideB[0] as number);
  const ends: Record<ExtraRelationshipType, [from: string, to: string, claimant: ActorInfo]> = {
    MEMBER_OF: [p.id, g.id, p],
    LEADS: [p.id, g.id, p],
    BACKED_BY: [g.id, s.id, g],
    ENVOY_OF: [p.id, s.id, p],
    SPLIT_FROM: [other.id, g.id, other],
    ACCUSED: [other.id, e.eventId, other],
  };
  const [from, to, claimant] = ends[kind];
  if (kind === 'ENVOY_OF' && p.kind !== 'person') return;
  if ((kind === 'MEMBER_OF' || kind === 'LEADS') && p.kind !== 'person') return;
  const sentence = RELATIONSHIP_SENTENCES[kind]({ person: p, group: g, state: s, other, town: e.town });
  const citation = await ctx.cite(...sentence, e.day, claimant);
  await out.push({
    type: kind,
    from,
    to,
    date: kind === 'ACCUSED' ? month : year,
    citations: [citation],
  });
}
