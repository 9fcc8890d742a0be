/**
 * ACLED-style CSV → the product's dataset format (pure; no files, no database).
 *
 * Each good row becomes an event with its actors (actor1, actor2 and their associates), the place hierarchy
 * (country → admin1 → admin2 → admin3 → location, with the row's coordinates), fatalities as a figure and the ACLED
 * coding kept on the event. The notes of every row are written, in order, into one source text; each event cites its
 * own notes verbatim (with offsets), once per outlet named in the `source` column, attributed to that outlet.
 * Rows that cannot be used are reported with their line number and left out.
 */
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS, type AcledColumn, type AcledRow } from '../../schema/acled.ts';
import type { AcledCoding, Certainty, DatasetInput } from '../../schema/dataset.ts';
import { FORMAT_VERSION } from '../../schema/dataset.ts';
import { normalizeLatin } from '../../schema/normalize.ts';
import type { EVENT_TYPES } from '../../schema/vocabulary.ts';

const REQUIRED: readonly AcledColumn[] = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'actor1',
  'country',
  'location',
  'latitude',
  'longitude',
];

export interface AcledProblem {
  /** Line of the CSV file where the row starts (1 is the header). */
  line: number;
  eventId?: string;
  message: string;
}

export interface AcledConversion {
  dataset: DatasetInput;
  /** The text the dataset's one source file must hold. */
  sourceText: string;
  /** Rows converted. */
  events: number;
  problems: AcledProblem[];
}

export class AcledFormatError extends Error {
  readonly code = 'ACLED_FORMAT';
}

type EventType = (typeof EVENT_TYPES)[number];

const SUB_EVENT_TYPES: Record<string, EventType> = {
  'armed clash': 'battle',
  'government regains territory': 'territory_captured',
  'non-state actor overtakes territory': 'territory_captured',
  'non-violent transfer of territory': 'territory_captured',
  'air/drone strike': 'airstrike',
  'shelling/artillery/missile attack': 'shelling',
  'remote explosive/landmine/ied': 'attack',
  'suicide bomb': 'attack',
  grenade: 'attack',
  'chemical weapon': 'weapons_use',
  attack: 'attack',
  'abduction/forced disappearance': 'detention',
  arrests: 'detention',
  'sexual violence': 'attack',
  agreement: 'declaration',
  'headquarters or base established': 'other',
  'peaceful protest': 'other',
  'protest with intervention': 'other',
  'excessive force against protesters': 'attack',
  'violent demonstration': 'other',
  'mob violence': 'attack',
};

/** The product's event type for an ACLED event and sub-event type. */
export function eventTypeFor(eventType: string, subEventType: string): EventType {
  const bySub = SUB_EVENT_TYPES[subEventType.trim().toLowerCase()];
  if (bySub) return bySub;
  const main = eventType.trim().toLowerCase();
  if (main === 'battles') return 'battle';
  if (main === 'violence against civilians') return 'attack';
  if (main === 'explosions/remote violence') return 'attack';
  return 'other';
}

/** ACLED's inter codes (1–8) or their names → the product's actor kinds. */
export function actorKindFor(inter: string, name: string) {
  const value = inter.trim().toLowerCase();
  if (/^civilians\b/i.test(name) || value === '7' || value.startsWith('civilian')) return 'civilians' as const;
  if (value === '1' || value.startsWith('state forces')) return 'military' as const;
  if (value === '5' || value === '6' || value.startsWith('rioter') || value.startsWith('protester'))
    return 'civilians' as const;
  if (value === '8' || value.startsWith('external')) return 'military' as const;
  if (['2', '3', '4'].includes(value) || /rebel|militia/.test(value)) return 'armed_group' as const;
  return 'organization' as const;
}

/**
 * The event's certainty from the notes' own wording, after ACLED's codebook: ACLED codes events its sources report,
 * and its notes hedge the event itself with "allegedly" or "unconfirmed/unverified reports" (→ alleged), or say
 * who "claimed" it (→ claimed); otherwise reported. A hedge on one detail does not make the whole event alleged:
 * "terms unconfirmed" (an agreement's terms), "casualty figures unconfirmed", "alleged IS members" (who, not
 * whether) leave it reported; the fatality figure has its own rule ({@link fatalityCertaintyFor}).
 */
export function certaintyFor(notes: string): Certainty {
  if (/\ballegedly\b/i.test(notes)) return 'alleged';
  if (
    /\b(unconfirmed|unverified) reports?\b|\breports? (?:(?:is|are|was|were|remain|remains) )?(unconfirmed|unverified)\b/i.test(
      notes,
    )
  )
    return 'alleged';
  if (/\b(claimed|claims|claiming)\b/i.test(notes)) return 'claimed';
  return 'reported';
}

/**
 * The fatality figure's certainty: `disputed` when the notes say the casualty or fatality figures (or the death
 * toll) are disputed, contested or conflicting (ACLED then codes the lowest figure, per its codebook); otherwise
 * the event's.
 */
export function fatalityCertaintyFor(notes: string, eventCertainty: Certainty): Certainty {
  const figures =
    '(?:casualty|fatality|death)(?: figures?| counts?| tolls?| numbers?)?|death toll|number of (?:dead|deaths|fatalities)';
  const disputed = '(?:disputed|contested|conflicting|contradictory)';
  if (new RegExp(`\\b(?:${figures})\\s+(?:(?:is|are|was|were|remain|remains)\\s+)?${disputed}\\b`, 'i').test(notes))
    return 'disputed';
  if (new RegExp(`\\b${disputed}\\s+(?:${figures})\\b`, 'i').test(notes)) return 'disputed';
  return eventCertainty;
}

/** A lowercase slug for ids; non-Latin names fall back to a short hash so ids stay stable. */
export function slug(value: string): string {
  const s = normalizeLatin(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s !== '') return s.slice(0, 80).replace(/-+$/, '');
  let hash = 0;
  for (const c of value) hash = (hash * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return `x${hash.toString(36)}`;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** ISO day from "2019-03-23" or "23 March 2019" / "23-March-2019", or undefined when it is not a real day. */
export function parseAcledDate(value: string): string | undefined {
  const text = value.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (isoMatch) iso = text;
  const named = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text);
  if (named) {
    const monthName = (named[2] as string).toLowerCase();
    const month = MONTHS.findIndex((m) => monthName.length >= 3 && m.startsWith(monthName));
    if (month >= 0) iso = `${named[3]}-${String(month + 1).padStart(2, '0')}-${(named[1] as string).padStart(2, '0')}`;
  }
  if (iso === undefined) return undefined;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

const GEO_PRECISION_NOTES: Record<number, string> = {
  1: 'ACLED geo_precision 1: the named location itself',
  2: 'ACLED geo_precision 2: near the named location, within its area',
  3: 'ACLED geo_precision 3: only the larger region is known; this point stands for it',
};

const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * Names ACLED's conventions imply: "SDF: Syrian Democratic Forces" is also "SDF" and "Syrian Democratic Forces";
 * "Islamic State (Syria)" is also "Islamic State". They let the actor merge with other datasets' entities.
 */
export function actorAliases(name: string): string[] {
  const aliases: string[] = [];
  const abbreviated = /^([^:]{1,20}):\s*(.+)$/.exec(name);
  if (abbreviated) aliases.push((abbreviated[1] as string).trim(), (abbreviated[2] as string).trim());
  for (const value of [name, ...aliases]) {
    const withoutQualifier = value.replace(/\s*\([^)]*\)\s*$/, '');
    if (withoutQualifier !== value && withoutQualifier !== '') aliases.push(withoutQualifier);
  }
  return [...new Set(aliases)].filter((a) => a !== name);
}

const MAX_QUOTE = 2000;
/** How many citations an actor or place keeps (the first rows that name it); events keep all of theirs. */
const ENTITY_CITATIONS = 3;

type CitationInput = NonNullable<DatasetInput['actors']>[number]['citations'][number];
type ActorInput = NonNullable<DatasetInput['actors']>[number];
type PlaceInput = NonNullable<DatasetInput['places']>[number];
type EventInput = NonNullable<DatasetInput['events']>[number];

/** One CSV record's fields, or null when the text is not exactly one valid record. */
function fieldsOf(text: string): string[] | null {
  try {
    const records = parse(text, { relax_column_count: true }) as string[][];
    return records.length === 1 ? (records[0] as string[]) : null;
  } catch {
    return null;
  }
}

/** Whether the quote characters of `text` leave a quoted field open at its end (`""` inside quotes is one quote). */
const leavesQuoteOpen = (text: string): boolean => ((text.match(/"/g)?.length ?? 0) & 1) === 1;

/** The id a damaged row starts with, when it can be read: its first field, unquoted. */
const leadingId = (line: string): string | undefined => /^\s*([^",\r\n]+?)\s*,/.exec(line)?.[1];

/**
 * The file's records with the line each starts on. A quoted field may span lines (notes with line breaks), but a
 * quote that never closes (or closes only inside a later row) would swallow the rows after it: such a row is
 * reported on the line where the quote opened, with the ids of the rows it would have swallowed, and those rows
 * are read on their own.
 */
function splitRecords(csv: string, problems: AcledProblem[]): Array<{ line: number; fields: string[] }> {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records: Array<{ line: number; fields: string[] }> = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as string;
    if (first.trim() === '') continue;
    let end = i;
    let text = first;
    while (leavesQuoteOpen(text) && end + 1 < lines.length) {
      end += 1;
      text += `\n${lines[end]}`;
    }
    const fields = leavesQuoteOpen(text) ? null : fieldsOf(text);
    const width = records[0]?.fields.length;
    if (fields && (end === i || width === undefined || fields.length === width)) {
      records.push({ line: i + 1, fields });
      i = end;
      continue;
    }
    // The quote opened on this line swallows the lines after it: report it here, read those lines on their own.
    const swallowed = lines.slice(i + 1, end + 1).filter((l) => l.trim() !== '');
    const ids = swallowed.map(leadingId).filter((id): id is string => id !== undefined);
    const id = leadingId(first);
    problems.push({
      line: i + 1,
      ...(id ? { eventId: id } : {}),
      message:
        end > i
          ? `a quote opened on line ${i + 1} is never closed; it would swallow lines ${i + 2}–${end + 1}${ids.length ? ` (${ids.join(', ')})` : ''}, which are read as rows of their own`
          : 'not valid CSV: a quoted field is malformed',
    });
  }
  return records;
}

function readRows(csv: string, problems: AcledProblem[]): Array<{ line: number; row: AcledRow }> {
  const [header, ...body] = splitRecords(csv, problems);
  if (!header) throw new AcledFormatError('the file is empty');
  const columns = header.fields.map((c) => c.trim());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new AcledFormatError(`line 1: the header lacks the column(s) ${missing.join(', ')}`);
  const rows: Array<{ line: number; row: AcledRow }> = [];
  for (const { line, fields: record } of body) {
    if (record.length !== columns.length) {
      problems.push({
        line,
        ...(record[0] ? { eventId: record[0] } : {}),
        message: `has ${record.length} fields; the header has ${columns.length}`,
      });
      continue;
    }
    const row = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, ''])) as AcledRow;
    for (const [i, name] of columns.entries())
      if ((ACLED_COLUMNS as readonly string[]).includes(name)) row[name as AcledColumn] = (record[i] ?? '').trim();
    rows.push({ line, row });
  }
  return rows;
}

function optionalInt(value: string, min: number, max: number): number | undefined | 'invalid' {
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) return 'invalid';
  const n = Number(value);
  return n >= min && n <= max ? n : 'invalid';
}

interface CheckedRow {
  line: number;
  row: AcledRow;
  date: string;
  lat: number;
  lon: number;
  fatalities: number | undefined;
  timePrecision: number | undefined;
  geoPrecision: number | undefined;
  timestamp: number | undefined;
}

function checkRow(line: number, row: AcledRow, seen: Map<string, number>): CheckedRow | AcledProblem {
  const eventId = row.event_id_cnty;
  const problem = (message: string): AcledProblem => ({ line, ...(eventId ? { eventId } : {}), message });
  for (const column of REQUIRED) if (row[column] === '') return problem(`${column} is empty`);
  const earlier = seen.get(eventId);
  if (earlier !== undefined) return problem(`event_id_cnty "${eventId}" is already used on line ${earlier}`);
  const date = parseAcledDate(row.event_date);
  if (!date) return problem(`event_date "${row.event_date}" is not a real day (YYYY-MM-DD or "23 March 2019")`);
  if (row.year !== '' && row.year !== date.slice(0, 4))
    return problem(`year "${row.year}" contradicts event_date "${row.event_date}" (${date.slice(0, 4)})`);
  const lat = Number(row.latitude);
  const lon = Number(row.longitude);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return problem(`latitude "${row.latitude}" is not a latitude`);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180)
    return problem(`longitude "${row.longitude}" is not a longitude`);
  const fatalities = optionalInt(row.fatalities, 0, 1_000_000);
  if (fatalities === 'invalid') return problem(`fatalities "${row.fatalities}" is not a count`);
  const timePrecision = optionalInt(row.time_precision, 1, 3);
  if (timePrecision === 'invalid') return problem(`time_precision "${row.time_precision}" is not 1, 2 or 3`);
  const geoPrecision = optionalInt(row.geo_precision, 1, 3);
  if (geoPrecision === 'invalid') return problem(`geo_precision "${row.geo_precision}" is not 1, 2 or 3`);
  const timestamp = optionalInt(row.timestamp, 0, Number.MAX_SAFE_INTEGER);
  if (timestamp === 'invalid') return problem(`timestamp "${row.timestamp}" is not Unix seconds`);
  seen.set(eventId, line);
  return { line, row, date, lat, lon, fatalities, timePrecision, geoPrecision, timestamp };
}

function dateFor(date: string, timePrecision: number | undefined): EventInput['date'] {
  if (timePrecision === 3)
    return {
      start: date.slice(0, 7),
      precision: 'month',
      approximate: true,
      expression: 'ACLED time_precision 3: some day in this month',
    };
  if (timePrecision === 2)
    return {
      start: date,
      precision: 'day',
      approximate: true,
      expression: 'ACLED time_precision 2: within about a week of this day',
    };
  return { start: date, precision: 'day' };
}

export interface ConvertOptions {
  /** Dataset id (a lowercase slug), e.g. `acled-syria-2019`. */
  datasetId: string;
  title: string;
  /** File name of the source text, relative to the dataset file. */
  sourceFile: string;
}

/** Converts an ACLED-style CSV; never throws for bad rows (they are in `problems`), only for an unusable file. */
export function convertAcledCsv(csv: string, options: ConvertOptions): AcledConversion {
  const problems: AcledProblem[] = [];
  const seen = new Map<string, number>();
  const checked: CheckedRow[] = [];
  for (const { line, row } of readRows(csv, problems)) {
    const result = checkRow(line, row, seen);
    if ('message' in result) problems.push(result);
    else checked.push(result);
  }
  problems.sort((a, b) => a.line - b.line);

  const sourceId = `source:${options.datasetId}`;
  const publisher = 'actor:acled';
  const actors = new Map<string, ActorInput>();
  const places = new Map<string, PlaceInput>();
  const events: EventInput[] = [];
  let text = `ACLED-style events: ${options.title}\n\n`;

  const cite = (entity: { citations: CitationInput[] }, citations: CitationInput[]) => {
    for (const c of citations) if (entity.citations.length < ENTITY_CITATIONS) entity.citations.push(c);
  };
  const actor = (name: string, kind: ActorInput['kind'], citations: CitationInput[]): string => {
    const id = `actor:${slug(name)}`;
    const aliases = actorAliases(name);
    const existing = actors.get(id) ?? { id, kind, name, ...(aliases.length > 0 ? { aliases } : {}), citations: [] };
    actors.set(id, existing);
    cite(existing, citations);
    return id;
  };
  const place = (
    id: string,
    kind: PlaceInput['kind'],
    name: string,
    partOf: string | undefined,
    citations: CitationInput[],
    coordinates?: PlaceInput['coordinates'],
  ) => {
    const existing = places.get(id) ?? {
      id,
      kind,
      name,
      ...(partOf ? { partOf } : {}),
      ...(coordinates ? { coordinates } : {}),
      citations: [],
    };
    places.set(id, existing);
    cite(existing, citations);
  };

  actors.set(publisher, { id: publisher, kind: 'organization', name: 'ACLED', citations: [] });
  /** Each location's geo_precision codes and the rows that gave them: rows sharing a place may differ. */
  const geoPrecisions = new Map<string, Map<number, string[]>>();

  for (const r of checked) {
    const { row } = r;
    const heading = `${row.event_id_cnty} | ${row.event_date} | ${row.location}, ${row.country}`;
    const blockStart = text.length;
    text += `${heading}\n`;
    const quoteStart = row.notes === '' ? blockStart : text.length;
    const quoteText = (row.notes === '' ? heading : row.notes).slice(0, MAX_QUOTE).trimEnd();
    text += `${row.notes}\n\n`;
    const certainty = certaintyFor(row.notes);
    const outlets = splitList(row.source);
    const voices = outlets.length > 0 ? outlets.map((o) => actor(o, 'media', [])) : [publisher];
    const citations: CitationInput[] = [...new Set(voices)].map((attributedTo) => ({
      source: sourceId,
      quote: quoteText,
      start: quoteStart,
      end: quoteStart + quoteText.length,
      translation: quoteText,
      attributedTo,
      certainty,
      note: `ACLED event ${row.event_id_cnty}; source: ${row.source || 'not given'}${row.source_scale ? ` (${row.source_scale})` : ''}`,
    }));
    const [first] = citations;
    if (first) {
      for (const voice of voices) cite(actors.get(voice) as ActorInput, [first]);
      cite(actors.get(publisher) as ActorInput, [{ ...first, attributedTo: publisher }]);
    }

    const countryId = `place:${slug(row.country)}`;
    place(countryId, 'country', row.country, undefined, citations);
    let parent = countryId;
    const chain: Array<[AcledColumn, PlaceInput['kind']]> = [
      ['admin1', 'governorate'],
      ['admin2', 'district'],
      ['admin3', 'area'],
    ];
    for (const [column, kind] of chain) {
      if (row[column] === '') continue;
      const id = `${parent}-${slug(row[column])}`;
      place(id, kind, row[column], parent, citations);
      parent = id;
    }
    const locationId = `${parent}-${slug(row.location)}`;
    place(locationId, 'town', row.location, parent, citations, { lat: r.lat, lon: r.lon, origin: 'source' });
    if (r.geoPrecision !== undefined) {
      const byPrecision = geoPrecisions.get(locationId) ?? new Map<number, string[]>();
      byPrecision.set(r.geoPrecision, [...(byPrecision.get(r.geoPrecision) ?? []), row.event_id_cnty]);
      geoPrecisions.set(locationId, byPrecision);
    }

    const participants: NonNullable<EventInput['participants']> = [];
    const seenRoles = new Set<string>();
    const take = (name: string, inter: string, role: string) => {
      const id = actor(name, actorKindFor(inter, name), citations);
      const key = `${id}|${role}`;
      if (seenRoles.has(key)) return;
      seenRoles.add(key);
      participants.push({ actor: id, role });
    };
    const againstCivilians = /violence against civilians/i.test(row.event_type) || row.civilian_targeting !== '';
    // An agreement's actors are its parties, on either column (ACLED's sub-event type "Agreement").
    const agreement = /^agreement$/i.test(row.sub_event_type);
    take(row.actor1, row.inter1, agreement ? 'party' : 'initiator');
    for (const a of splitList(row.assoc_actor_1)) take(a, row.inter1, agreement ? 'party' : 'associate_of_initiator');
    const second = agreement ? 'party' : againstCivilians ? 'target' : 'opponent';
    if (row.actor2 !== '') take(row.actor2, row.inter2, second);
    for (const a of splitList(row.assoc_actor_2))
      take(a, row.inter2, agreement ? 'party' : againstCivilians ? 'target' : 'associate_of_opponent');

    const acled: AcledCoding = {
      eventId: row.event_id_cnty,
      eventType: row.event_type,
      ...(row.disorder_type ? { disorderType: row.disorder_type } : {}),
      ...(row.sub_event_type ? { subEventType: row.sub_event_type } : {}),
      ...(row.inter1 ? { inter1: row.inter1 } : {}),
      ...(row.inter2 ? { inter2: row.inter2 } : {}),
      ...(row.interaction ? { interaction: row.interaction } : {}),
      ...(row.civilian_targeting ? { civilianTargeting: row.civilian_targeting } : {}),
      ...(r.timePrecision ? { timePrecision: r.timePrecision } : {}),
      ...(r.geoPrecision ? { geoPrecision: r.geoPrecision } : {}),
      ...(row.source_scale ? { sourceScale: row.source_scale } : {}),
      ...(row.tags ? { tags: row.tags } : {}),
      ...(row.iso ? { iso: row.iso } : {}),
      ...(row.region ? { region: row.region } : {}),
      ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}),
    };
    events.push({
      id: `event:acled-${slug(row.event_id_cnty)}`,
      type: eventTypeFor(row.event_type, row.sub_event_type),
      name: `${row.sub_event_type || row.event_type} in ${row.location}`,
      date: dateFor(r.date, r.timePrecision),
      participants,
      places: [{ place: locationId }],
      figures:
        r.fatalities === undefined
          ? []
          : [
              {
                measure: 'fatalities',
                value: r.fatalities,
                unit: 'people',
                label: `${r.fatalities} fatalities (ACLED count)`,
                citations: citations.map((c) => ({ ...c, certainty: fatalityCertaintyFor(row.notes, certainty) })),
              },
            ],
      acled,
      citations,
    });
  }

  // A place's coordinates are as precise as its most precise row; the note says which rows gave which precision.
  for (const [id, byPrecision] of geoPrecisions) {
    const coordinates = places.get(id)?.coordinates;
    if (!coordinates) continue;
    const precisions = [...byPrecision.keys()].sort();
    coordinates.approximate = (precisions[0] as number) > 1;
    coordinates.note = (
      precisions.length === 1
        ? GEO_PRECISION_NOTES[precisions[0] as number]
        : precisions.map((p) => `${GEO_PRECISION_NOTES[p]} (rows ${(byPrecision.get(p) ?? []).join(', ')})`).join('; ')
    )?.slice(0, 300);
  }

  const days = checked.map((r) => r.date).sort();
  const stamps = checked
    .map((r) => r.timestamp)
    .filter((t): t is number => t !== undefined)
    .map((t) => new Date(t * 1000).toISOString().slice(0, 10));
  const lastDay = [...days, ...stamps].sort().at(-1);
  const published = days[0]
    ? { start: days[0], ...(lastDay && lastDay > days[0] ? { end: lastDay } : {}), precision: 'day' as const }
    : { start: new Date().toISOString().slice(0, 10), precision: 'day' as const };

  const dataset: DatasetInput = {
    formatVersion: FORMAT_VERSION,
    id: options.datasetId,
    title: options.title,
    description: `Imported from an ACLED-style CSV: ${checked.length} event(s); ${problems.length} row(s) left out.`,
    sources: [
      {
        id: sourceId,
        title: options.title,
        outlet: 'ACLED',
        publisher,
        language: 'en',
        published,
        file: options.sourceFile,
      },
    ],
    actors: [...actors.values()].filter((a) => a.citations.length > 0),
    places: [...places.values()],
    events,
  };
  return { dataset, sourceText: text, events: events.length, problems };
}
