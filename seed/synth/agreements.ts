/** Agreements that follow an event between its two sides: terms, guarantor, status and who rejects them. */
import { isoDay } from './calendar.ts';
import { type AgreementInput, SYNTHETIC_NAME_ORIGIN, type SynthContext } from './context.ts';
import type { ArrayWriter } from './output.ts';
import type { RelationshipWriter } from './relationships.ts';
import { AGREEMENT_TERMS, agreementName, agreementSentence, type Phrase, rejectionSentence } from './wording.ts';
import { type PlaceInfo, slug } from './world.ts';

const AGREEMENT_STATUSES = ['proposed', 'reported', 'in_effect', 'implemented', 'collapsed'] as const;
const IN_FORCE: ReadonlySet<string> = new Set(['in_effect', 'implemented']);

/** The event an agreement follows. */
export interface AgreementOccasion {
  sideA: number[];
  sideB: number[];
  day: number;
  town: PlaceInfo;
  date: Phrase;
  eventId: string;
}

/** Writes an agreement between the first actor of each side, and sometimes a FOLLOWED link to the event. */
export async function agreement(
  ctx: SynthContext,
  agreements: ArrayWriter,
  relationships: RelationshipWriter,
  e: AgreementOccasion,
): Promise<void> {
  const r = ctx.random;
  const world = ctx.world;
  const a = world.actor(e.sideA[0] as number);
  const b = world.actor(e.sideB[0] as number);
  const guarantor = world.states[r.int(world.states.length)] as number;
  const term = r.pick(AGREEMENT_TERMS);
  const [termType, termEn] = term;
  const n = ctx.nextAgreementNumber();
  const id = `agreement:${termType}-${slug(e.town.name)}-${n.toString(36)}`;
  const citation = await ctx.cite(...agreementSentence(a, b, term, e.town, e.date), e.day, a);
  const parties: Array<{ actor: string; side?: string; role: 'party' | 'guarantor' }> = [
    { actor: a.id, side: 'a', role: 'party' },
    { actor: b.id, side: 'b', role: 'party' },
  ];
  const g = world.actor(guarantor);
  if (g.id !== a.id && g.id !== b.id && r.chance(0.5)) parties.push({ actor: g.id, role: 'guarantor' });
  const [nameAr, name] = agreementName(term, e.town);
  const status = r.pick(AGREEMENT_STATUSES);
  // Unnamed sources alone cannot establish that a deal holds (docs/authoring.md, certainty policy).
  const knownOnlyFromUnnamedSources = citation.attributedTo === world.actor(world.unnamedSources).id;
  const record: AgreementInput = {
    id,
    date: { start: isoDay(e.day), precision: 'day', approximate: false },
    status: knownOnlyFromUnnamedSources && IN_FORCE.has(status) ? 'reported' : status,
    parties,
    terms: [
      {
        type: termType,
        description: `The parties agree on ${termEn} in ${e.town.name}.`,
        places: [{ place: e.town.id, role: 'scope' }],
        citations: [citation],
      },
    ],
    places: [{ place: e.town.id }],
    name,
    nameAr,
    nameArOrigin: SYNTHETIC_NAME_ORIGIN,
    aliases: [],
    citations: [citation],
  };
  const rejecter = e.sideB[1];
  if (rejecter !== undefined && r.chance(0.2)) {
    const x = world.actor(rejecter);
    record.rejectedBy = [{ actor: x.id, citations: [await ctx.cite(...rejectionSentence(x, e.town), e.day, x)] }];
  }
  await agreements.push(record);
  if (r.chance(0.3)) await relationships.push({ type: 'FOLLOWED', from: id, to: e.eventId, citations: [citation] });
}
