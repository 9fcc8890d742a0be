/**
 * The dataset format: what a curated dataset file in `seed/data/*.json` holds.
 *
 * This zod schema is the single definition. TypeScript types are inferred from it and
 * `schema/dataset.schema.json` is generated from it (`npm run schema:json`) for editors.
 * Checks that need the whole dataset (references between ids, quotes against source texts)
 * live in `seed/rules.ts` (asked by `seed/validate.ts` and the streamed loader).
 */
import { z } from 'zod';
import { DATE_PATTERNS, isRealCalendarDay } from './dates.ts';
import {
  ACTOR_KINDS,
  AGREEMENT_STATUSES,
  CERTAINTIES,
  DATE_PRECISIONS,
  ENTITY_KINDS,
  EVENT_TYPES,
  PLACE_KINDS,
  RELATIONSHIP_TYPES,
  TERM_TYPES,
} from './vocabulary.ts';

export const FORMAT_VERSION = 1;

/** Stable ids are `kind:slug`, e.g. `actor:sdf`, `place:baghouz`, `event:baghouz-captured`. */
const idOf = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}:[a-z0-9]+(?:-[a-z0-9]+)*$`),
      `must look like "${prefix}:some-slug" (lowercase letters, digits and single hyphens)`,
    );

export const ActorId = idOf('actor');
export const PlaceId = idOf('place');
export const EventId = idOf('event');
export const AgreementId = idOf('agreement');
export const SourceId = idOf('source');
export const AnyEntityId = z
  .string()
  .regex(
    new RegExp(`^(${ENTITY_KINDS.join('|')}):[a-z0-9]+(?:-[a-z0-9]+)*$`),
    'must be the id of an actor, place, event or agreement',
  );

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const ArabicText = text(500).regex(/[\u0600-\u06FF]/, 'must contain Arabic script');

export const Certainty = z.enum(CERTAINTIES);

const offset = () =>
  z
    .int()
    .nonnegative()
    .describe('Offset in the source text (UTF-16 code units, as JavaScript indexes strings); `end` is exclusive.');

/** Points at another citation of the dataset by its span, e.g. the one that contradicts this one. */
export const SpanRef = z
  .strictObject({
    source: SourceId.optional().describe("The citation's source; omit when it is the same source."),
    start: offset(),
    end: offset(),
  })
  .meta({ id: 'SpanRef' });

/**
 * Where an entity's Arabic name comes from: the source's own words (a verbatim span) or the editors.
 * Required for entities cited from an Arabic source (seed/rules.ts checks it, with the span).
 */
export const NameArOrigin = z
  .discriminatedUnion('origin', [
    z.strictObject({
      origin: z.literal('article').describe('The name is written in the source: `quote` is that verbatim span.'),
      source: SourceId,
      quote: text(500).describe(
        'Verbatim span of the source. `nameAr` equals it once quotation marks are removed and whitespace collapsed.',
      ),
      start: offset(),
      end: offset(),
    }),
    z.strictObject({
      origin: z.literal('editors').describe('The editors wrote the name: the source has no phrase for it.'),
      note: text(500).describe('Which words of the source the name is built from, or why the source has none.'),
    }),
  ])
  .meta({ id: 'NameArOrigin' });

/** Where an alias comes from, so a merge can tell names the source states from outside knowledge. */
export const AliasOrigin = z.enum(['article', 'outside']);

export const Citation = z
  .strictObject({
    source: SourceId.describe('Id of the source document the quote comes from.'),
    quote: text(2000).describe(
      'Verbatim span of the source text, in its original language. Compared after whitespace normalisation.',
    ),
    start: z
      .int()
      .nonnegative()
      .describe(
        'Offset of the first character of the quote in the source text (UTF-16 code units, as JavaScript indexes strings).',
      ),
    end: z.int().positive().describe('Offset just past the last character of the quote (exclusive).'),
    translation: text(2000).describe('English translation of the quote.'),
    attributedTo: ActorId.describe(
      'Who asserts this: the outlet itself, unnamed "local sources", or an actor whose statement is reported.',
    ),
    certainty: Certainty.describe(
      "How sure the source is, by the certainty policy in docs/authoring.md. confirmed: stated by voices on opposing sides and contradicted by none; reported: the outlet states it in its own voice and has no stake in it; claimed: a party says it about itself or its enemy (the outlet too, when it accuses the side it opposes or praises its own); alleged: unnamed sources, a hedged or agentless statement, or an editors' inference; disputed: contradicted by another citation.",
    ),
    note: text(1000).optional().describe('Why this certainty or attribution, or what the quote leaves implicit.'),
    contradictedBy: z
      .array(SpanRef)
      .optional()
      .describe(
        'Other citations (by their span) that contradict the fact this citation supports; such a citation is `disputed` (docs/authoring.md, certainty policy).',
      ),
  })
  .refine((c) => c.end > c.start, {
    message: 'end must be greater than start',
    path: ['end'],
  })
  .meta({ id: 'Citation' });

const Citations = z.array(Citation).min(1, 'needs at least one citation');

export const DatePrecision = z.enum(DATE_PRECISIONS);

/**
 * A date or interval kept at the precision the source gives. A single day has `start` only;
 * "the past two months" is a month-precision interval flagged approximate.
 */
export const DateSpec = z
  .strictObject({
    start: z
      .string()
      .optional()
      .describe(
        'ISO date at the given precision: 2014, 2019-03 or 2019-03-23. Omit only when the source gives no lower bound.',
      ),
    end: z.string().optional().describe('Inclusive end of the interval at the same precision; omit for a single date.'),
    precision: DatePrecision,
    approximate: z.boolean().default(false).describe('True when the bounds are an honest estimate, not stated dates.'),
    expression: text(300)
      .optional()
      .describe('The time expression as the source words it, e.g. "خلال الأيام الماضية".'),
    inferred: text(500)
      .optional()
      .describe('What part of this date is not in the source and how it was inferred (e.g. the year from context).'),
  })
  .superRefine((d, ctx) => {
    for (const key of ['start', 'end'] as const) {
      const value = d[key];
      if (value === undefined) continue;
      if (!DATE_PATTERNS[d.precision].test(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${value}" is not a ${d.precision}-precision ISO date`,
        });
      } else if (d.precision === 'day' && !isRealCalendarDay(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${value}" is not a real calendar day`,
        });
      }
    }
    if (d.start === undefined && d.end === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: 'a date needs a start, an end, or both',
      });
    }
    if (d.start !== undefined && d.end !== undefined && d.end < d.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `end "${d.end}" is before start "${d.start}"`,
      });
    }
  })
  .meta({ id: 'DateSpec' });

const EntityBase = {
  name: text(300).describe('English name, neutral wording.'),
  nameAr: ArabicText.optional().describe('Arabic name as the source writes it.'),
  nameArOrigin: NameArOrigin.optional().describe(
    'Where `nameAr` comes from: a verbatim span of the source, or written by the editors.',
  ),
  aliases: z.array(text(300)).default([]).describe('Other names and spellings, in either script.'),
  aliasOrigins: z
    .record(z.string(), AliasOrigin)
    .optional()
    .describe(
      'Origin of each alias: "article" when the source writes it (or it is a plain translation, transliteration or spelling of a name the source writes); "outside" when it comes from knowledge outside the source (another name, an official title, a broader or narrower place). Merging on "outside" aliases needs an opt-in.',
    ),
  description: text(2000).optional().describe("Neutral English description in the dataset's own voice."),
  sameAs: z
    .array(AnyEntityId)
    .default([])
    .describe(
      'Ids of the same entity in other datasets loaded together: merged into one node even without a shared name or alias.',
    ),
  distinctFrom: z
    .array(AnyEntityId)
    .default([])
    .describe('Ids in other datasets that are different entities, even if they share a name or alias: never merged.'),
  citations: Citations,
};

export const Actor = z
  .strictObject({
    id: ActorId,
    kind: z.enum(ACTOR_KINDS),
    ...EntityBase,
  })
  .meta({ id: 'Actor' });

export const Coordinates = z
  .strictObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    origin: z
      .enum(['source', 'gazetteer'])
      .describe('"gazetteer" when the coordinates are not in the source document.'),
    gazetteer: text(200)
      .optional()
      .describe('Which gazetteer (and the package and version it was read from), when origin is "gazetteer".'),
    entry: z
      .strictObject({
        id: text(50).describe("The entry's id in the gazetteer, e.g. a GeoNames geonameid."),
        name: text(300).describe("The entry's name as the gazetteer writes it."),
      })
      .optional()
      .describe('The gazetteer entry the coordinates are copied from (seed/gazetteer/ holds the extract).'),
    approximate: z.boolean().default(false).describe('True for a representative point of an area.'),
    note: text(300)
      .optional()
      .describe('How precise the point is, e.g. ACLED geo_precision 2: "a nearby town; the event was near it".'),
  })
  .meta({ id: 'Coordinates' });

export const Place = z
  .strictObject({
    id: PlaceId,
    kind: z.enum(PLACE_KINDS),
    partOf: PlaceId.optional().describe(
      'The place that contains this one (village → district → governorate → country).',
    ),
    partOfOrigin: z
      .enum(['source', 'gazetteer'])
      .default('source')
      .describe('"gazetteer" when the containment is general knowledge, not stated in the source.'),
    coordinates: Coordinates.optional(),
    ...EntityBase,
  })
  .meta({ id: 'Place' });

export const Figure = z
  .strictObject({
    measure: z
      .string()
      .regex(/^[a-z]+(?:_[a-z]+)*$/, 'must be a snake_case measure name')
      .describe('What is counted, e.g. area_controlled, fighters_killed, people_displaced.'),
    value: z.number().nonnegative().optional().describe('The figure when the source gives one number.'),
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    unit: z.enum(['people', 'km2', 'tonnes', 'times', 'years', 'items']),
    approximate: z.boolean().default(false).describe('True for "about", "more than", "hundreds", "thousands".'),
    label: text(300).describe('English wording of the figure, e.g. "more than 40 tonnes".'),
    citations: Citations,
  })
  .superRefine((f, ctx) => {
    if (f.value === undefined && f.min === undefined && f.max === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a figure needs a value, or a min and/or max',
      });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max ${f.max} is below min ${f.min}`,
      });
    }
  })
  .meta({ id: 'Figure' });

export const Participant = z
  .strictObject({
    actor: ActorId,
    role: z
      .string()
      .regex(/^[a-z]+(?:_[a-z]+)*$/, 'must be a snake_case role')
      .describe('e.g. announcer, attacker, defender, target, victim, captor, detainee, attendee, speaker, displaced.'),
    citations: z
      .array(Citation)
      .optional()
      .describe("Citations for this actor's part in the event; when omitted the event's citations apply."),
    inferred: text(500)
      .optional()
      .describe(
        'How the editors identified this actor when the source does not name it (an unnamed side, the agent of a passive verb); its citations are then at most `alleged`.',
      ),
  })
  .meta({ id: 'Participant' });

export const EventPlace = z
  .strictObject({
    place: PlaceId,
    role: z.enum(['location', 'origin', 'destination', 'target']).default('location'),
    citations: z.array(Citation).optional().describe("When omitted the event's citations apply."),
  })
  .meta({ id: 'EventPlace' });

/** An event's classification in ACLED's codebook, kept so imported events export back to the same columns. */
export const AcledCoding = z
  .strictObject({
    eventId: text(100).describe('event_id_cnty'),
    disorderType: text(200).optional(),
    eventType: text(200),
    subEventType: text(200).optional(),
    inter1: text(100).optional(),
    inter2: text(100).optional(),
    interaction: text(100).optional(),
    civilianTargeting: text(100).optional(),
    timePrecision: z.int().min(1).max(3).optional(),
    geoPrecision: z.int().min(1).max(3).optional(),
    sourceScale: text(300).optional(),
    tags: text(1000).optional(),
    iso: text(10).optional().describe('ISO 3166 numeric country code, as ACLED gives it.'),
    region: text(200).optional(),
    timestamp: z.int().nonnegative().optional().describe('ACLED timestamp (Unix seconds of the last change).'),
  })
  .meta({ id: 'AcledCoding' });

export const Event = z
  .strictObject({
    id: EventId,
    type: z.enum(EVENT_TYPES),
    date: DateSpec,
    participants: z.array(Participant).default([]),
    places: z.array(EventPlace).default([]),
    figures: z.array(Figure).default([]),
    partOf: EventId.optional().describe('A larger event (campaign, battle) this one belongs to.'),
    acled: AcledCoding.optional().describe('Set by the ACLED importer; the CSV export writes it back.'),
    ...EntityBase,
  })
  .meta({ id: 'Event' });

export const Term = z
  .strictObject({
    type: z.enum(TERM_TYPES),
    description: text(1000).describe('Neutral English statement of the term.'),
    places: z
      .array(
        z.strictObject({
          place: PlaceId,
          role: z.enum(['origin', 'destination', 'scope']),
        }),
      )
      .default([]),
    figures: z.array(Figure).default([]),
    citations: Citations,
  })
  .meta({ id: 'Term' });

export const Agreement = z
  .strictObject({
    id: AgreementId,
    date: DateSpec.optional(),
    status: z.enum(AGREEMENT_STATUSES),
    parties: z
      .array(
        z.strictObject({
          actor: ActorId,
          side: z
            .string()
            .min(1)
            .max(40)
            .optional()
            .describe('Parties on the same side share a label, e.g. "a" and "b".'),
          role: z.enum(['party', 'guarantor', 'mediator', 'beneficiary']).default('party'),
          citations: z.array(Citation).optional(),
          inferred: text(500)
            .optional()
            .describe(
              'How the editors identified this party when the source does not name it; its citations are then at most `alleged`.',
            ),
        }),
      )
      .min(2, 'an agreement needs at least two parties'),
    terms: z.array(Term).default([]),
    rejectedBy: z
      .array(z.strictObject({ actor: ActorId, citations: Citations }))
      .default([])
      .describe('Actors who rejected the agreement, each with the source saying so.'),
    places: z
      .array(
        z.strictObject({
          place: PlaceId,
          citations: z.array(Citation).optional(),
        }),
      )
      .default([]),
    figures: z.array(Figure).default([]),
    ...EntityBase,
  })
  .meta({ id: 'Agreement' });

export const Relationship = z
  .strictObject({
    type: z.enum(RELATIONSHIP_TYPES),
    from: AnyEntityId,
    to: AnyEntityId,
    date: DateSpec.optional().describe('When the relationship held, at the precision the source gives.'),
    label: text(300).optional().describe('Short English label when the type alone is too coarse.'),
    citations: Citations,
  })
  .refine((r) => r.from !== r.to, {
    message: 'a relationship cannot point at its own start',
    path: ['to'],
  })
  .meta({ id: 'Relationship' });

export const Source = z
  .strictObject({
    id: SourceId,
    title: text(500),
    titleAr: ArabicText.optional(),
    outlet: text(200),
    outletAr: ArabicText.optional(),
    publisher: ActorId.optional().describe(
      'The actor standing for the outlet, so its own assertions can be attributed.',
    ),
    author: text(200).optional(),
    authorAr: ArabicText.optional(),
    section: text(200).optional(),
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "ar"'),
    published: DateSpec,
    file: z
      .string()
      .regex(/^[A-Za-z0-9._/-]+$/, 'must be a relative path of plain characters')
      .refine((p) => !p.startsWith('/'), 'must be relative to the dataset file, not absolute')
      // Source texts are stored and served: a dataset must not reach files elsewhere on the machine.
      .refine(
        (p) =>
          !p
            .replace(/^\.\.\//, '')
            .split('/')
            .includes('..'),
        'must stay beside the dataset file or in a sibling folder (at most one leading "../")',
      )
      .optional()
      .describe('Path of the source text (UTF-8), relative to the dataset file. Needed unless `text` is given.'),
    text: z
      .string()
      .min(1)
      .max(10_000_000)
      .optional()
      .describe(
        'The source text inline (exports carry it so one file is complete). When given, it is the text quotes are checked against and `file` only records where it came from.',
      ),
  })
  .refine((s) => s.file !== undefined || s.text !== undefined, {
    message: 'a source needs its text: a `file` path or the `text` itself',
    path: ['file'],
  })
  .meta({ id: 'Source' });

export const Dataset = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'),
  title: text(300),
  description: text(5000).optional(),
  mergeOnOutsideAliases: z
    .boolean()
    .default(false)
    .describe(
      "True to let the merge join this dataset's entities with other datasets' on aliases marked \"outside\" (knowledge from outside the source). Off by default: an outside alias is not the source's word that two things are one. Each merge made on one says so in the decision log.",
    ),
  sources: z.array(Source).min(1, 'needs at least one source'),
  actors: z.array(Actor).default([]),
  places: z.array(Place).default([]),
  events: z.array(Event).default([]),
  agreements: z.array(Agreement).default([]),
  relationships: z.array(Relationship).default([]),
});

export type Certainty = z.infer<typeof Certainty>;
export type Citation = z.infer<typeof Citation>;
export type DateSpec = z.infer<typeof DateSpec>;
export type Actor = z.infer<typeof Actor>;
export type Place = z.infer<typeof Place>;
export type Figure = z.infer<typeof Figure>;
export type Event = z.infer<typeof Event>;
export type Term = z.infer<typeof Term>;
export type Agreement = z.infer<typeof Agreement>;
export type Relationship = z.infer<typeof Relationship>;
export type Source = z.infer<typeof Source>;
export type AcledCoding = z.infer<typeof AcledCoding>;
export type Dataset = z.infer<typeof Dataset>;
/** The dataset as written by an author, before defaults are applied. */
export type DatasetInput = z.input<typeof Dataset>;
