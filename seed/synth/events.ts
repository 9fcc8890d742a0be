/** The events: when they happen, who takes part where, what they are cited by, and what follows from them. */
import type { Citation, Figure } from '../../schema/dataset.ts';
import { agreement } from './agreements.ts';
import { DAYS, dayParts, isoDay, isoMonth } from './calendar.ts';
import { type EventInput, type EventType, SYNTHETIC_NAME_ORIGIN, type SynthContext } from './context.ts';
import type { ArrayWriter } from './output.ts';
import { eventRelationships, type RelationshipWriter } from './relationships.ts';
import {
  datePhrase,
  EVENT_NAMES,
  EVENT_WORDING,
  FIGURE_MEASURES,
  figurePhrase,
  type Phrase,
  tookPartSentence,
} from './wording.ts';
import { slug } from './world.ts';

/** How often each event type occurs. */
const EVENT_TYPE_WEIGHTS: ReadonlyArray<readonly [EventType, number]> = [
  ['battle', 22],
  ['territory_captured', 8],
  ['airstrike', 12],
  ['shelling', 10],
  ['attack', 12],
  ['detention', 6],
  ['displacement', 5],
  ['surrender', 3],
  ['announcement', 6],
  ['press_conference', 3],
  ['declaration', 2],
  ['campaign', 3],
  ['relocation', 2],
  ['airdrop_raid', 2],
  ['territory_lost', 2],
  ['weapons_use', 1],
  ['publication', 1],
];

/** Event types that may carry a casualty or displacement figure. */
const WITH_FIGURES: readonly EventType[] = ['battle', 'airstrike', 'attack', 'displacement', 'detention', 'shelling'];

/** The day of every event, sorted: uniform over ten years, a third of them bunched around twelve peaks. */
function eventDays(ctx: SynthContext): Int32Array {
  const { events } = ctx.profile;
  const days = new Int32Array(events);
  const peaks = Array.from({ length: 12 }, () => ctx.random.int(DAYS));
  for (let i = 0; i < events; i++) {
    const peak = ctx.random.chance(0.35) ? ctx.random.pick(peaks) : -1;
    const day = peak >= 0 ? peak + Math.round((ctx.random.next() - 0.5) * 60) : ctx.random.int(DAYS);
    days[i] = Math.min(DAYS - 1, Math.max(0, day));
  }
  return days.sort();
}

/**
 * Writes every event in date order, with the relationships it yields and, now and then, an agreement between
 * its parties. Events inside a running campaign become part of it and may follow its previous event.
 */
export async function writeEvents(
  ctx: SynthContext,
  events: ArrayWriter,
  agreements: ArrayWriter,
  relationships: RelationshipWriter,
): Promise<void> {
  const r = ctx.random;
  const world = ctx.world;
  const profile = ctx.profile;
  const days = eventDays(ctx);
  const campaigns: Array<{ id: string; start: number; end: number; previous?: string }> = [];
  for (const [i, day] of days.entries()) {
    const type = r.weighted(EVENT_TYPE_WEIGHTS);
    const wording = EVENT_WORDING[type];
    const peopleSide = type === 'detention' || type === 'displacement';
    const count = Math.max(2, Math.round(profile.participantsMean * (0.3 + r.next() * 1.4)));
    const taken = new Set<number>();
    const sideA = world.drawDistinct(
      world.combatants,
      ctx.samplers.combatants,
      Math.max(1, Math.floor(count / 2)),
      taken,
    );
    const sideB = peopleSide
      ? world.drawDistinct(world.people, ctx.samplers.people, Math.ceil(count / 2), taken)
      : world.drawDistinct(world.combatants, ctx.samplers.combatants, Math.ceil(count / 2), taken);
    if (sideA.length === 0 || sideB.length === 0) continue;
    const first = world.actor(sideA[0] as number);
    const second = world.actor(sideB[0] as number);
    const town = world.place(world.towns[ctx.samplers.towns.sample(r)] as number);
    const { year, month, date } = dayParts(day);
    const monthPrecision = r.chance(0.15);
    const when: Phrase = datePhrase(monthPrecision, date, month, year);
    const [dateAr, dateEn] = when;
    const id = `event:${type.replaceAll('_', '-')}-${slug(town.name)}-${i.toString(36)}`;
    const figure = WITH_FIGURES.includes(type) ? (r.chance(0.3) ? r.pick(FIGURE_MEASURES) : undefined) : undefined;
    const figureValue = figure ? r.between(2, 400) : 0;
    const [figureAr, figureEn] = figure ? figurePhrase(figureValue, figure) : ['', ''];
    const citation = await ctx.cite(
      `${wording.ar(first.nameAr, second.nameAr, town.nameAr)} ${dateAr}${figureAr}`,
      `${wording.en(first.name, second.name, town.name)} ${dateEn}${figureEn}`,
      day,
      first,
    );
    const participants: Array<{ actor: string; role: string; citations?: Citation[] }> = [];
    for (const [side, role] of [
      [sideA, wording.roles[0]],
      [sideB, wording.roles[1]],
    ] as const)
      for (const index of side) {
        const actor = world.actor(index);
        const participant: { actor: string; role: string; citations?: Citation[] } = { actor: actor.id, role };
        if (r.chance(0.08))
          participant.citations = [await ctx.cite(...tookPartSentence(actor, type, town, when), day, actor)];
        participants.push(participant);
      }
    const eventPlaces: Array<{ place: string; role: 'location' | 'origin' | 'destination' }> = [
      { place: town.id, role: type === 'displacement' || type === 'relocation' ? 'origin' : 'location' },
    ];
    if (type === 'displacement' || type === 'relocation') {
      const destination = world.place(world.towns[ctx.samplers.towns.sample(r)] as number);
      if (destination.id !== town.id) eventPlaces.push({ place: destination.id, role: 'destination' });
    }
    const record: EventInput = {
      id,
      type,
      date: monthPrecision
        ? { start: isoMonth(day), precision: 'month', approximate: true, expression: dateAr }
        : { start: isoDay(day), precision: 'day', approximate: false },
      participants,
      places: eventPlaces,
      name: `${EVENT_NAMES[type][0]} ${town.name} (${isoMonth(day)})`,
      nameAr: `${EVENT_NAMES[type][1]} ${town.nameAr}`,
      nameArOrigin: SYNTHETIC_NAME_ORIGIN,
      aliases: [],
      citations: [citation],
    };
    if (type === 'campaign') {
      const end = Math.min(DAYS - 1, day + r.between(20, 150));
      record.date = { start: isoDay(day), end: isoDay(end), precision: 'day', approximate: true, expression: dateAr };
      campaigns.push({ id, start: day, end });
      if (campaigns.length > 6) campaigns.shift();
    } else {
      const campaign = campaigns.find((c) => c.end >= day);
      if (campaign && r.chance(0.6)) {
        record.partOf = campaign.id;
        if (campaign.previous && r.chance(0.3))
          await relationships.push({ type: 'FOLLOWED', from: id, to: campaign.previous, citations: [citation] });
        campaign.previous = id;
      }
    }
    if (figure) {
      const f: Figure = {
        measure: figure[0],
        value: figureValue,
        unit: 'people',
        approximate: false,
        label: `${figureValue} ${figure[1]}`,
        citations: [citation],
      };
      record.figures = [f];
    }
    await events.push(record);
    await eventRelationships(ctx, relationships, { type, sideA, sideB, day, citation, town, eventId: id });
    if (r.chance(profile.agreementChance) && !peopleSide)
      await agreement(ctx, agreements, relationships, { sideA, sideB, day, town, date: when, eventId: id });
  }
}
