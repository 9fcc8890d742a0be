import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../schema/dataset.ts';
import { findQuoteSpans } from '../quotes.ts';
import {
  AcledFormatError,
  actorAliases,
  actorKindFor,
  certaintyFor,
  convertAcledCsv,
  eventTypeFor,
  parseAcledDate,
} from './convert.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'synthetic-deir-ez-zor.csv');
const csv = await readFile(FIXTURE, 'utf8');
const options = { datasetId: 'acled-test', title: 'test', sourceFile: 'acled-test.txt' };
const converted = convertAcledCsv(csv, options);
const dataset = Dataset.parse(converted.dataset);
const event = (id: string) => dataset.events.find((e) => e.id === `event:acled-${id}`);

describe('converting an ACLED-style CSV', () => {
  it('converts every good row and reports each malformed one with its line number', () => {
    expect(converted.events).toBe(10);
    expect(converted.problems).toEqual([
      { line: 12, message: 'event_id_cnty is empty' },
      { line: 13, eventId: 'TST012', message: expect.stringMatching(/^event_date "2019-02-30" is not a real day/) },
      { line: 14, eventId: 'TST013', message: 'latitude "north" is not a latitude' },
      { line: 15, eventId: 'TST014', message: 'fatalities "many" is not a count' },
      { line: 16, eventId: 'TST015', message: 'has 6 fields; the header has 30' },
      { line: 17, eventId: 'TST001', message: 'event_id_cnty "TST001" is already used on line 2' },
    ]);
  });

  it('maps a row onto an event with actors, roles, place, date, fatalities and the ACLED coding', () => {
    const clash = event('tst001');
    expect(clash).toMatchObject({
      type: 'battle',
      name: 'Armed clash in Baghouz',
      date: { start: '2019-03-23', precision: 'day' },
      places: [{ place: 'place:syria-deir-ez-zor-abu-kamal-susat-baghouz' }],
      figures: [{ measure: 'fatalities', value: 12, unit: 'people' }],
      acled: {
        eventId: 'TST001',
        eventType: 'Battles',
        subEventType: 'Armed clash',
        geoPrecision: 1,
        timestamp: 1553990400,
      },
    });
    expect(clash?.participants.map((p) => [p.actor, p.role])).toEqual([
      ['actor:sdf-syrian-democratic-forces', 'initiator'],
      ['actor:ypg-people-s-protection-units', 'associate_of_initiator'],
      ['actor:ypj-women-s-protection-units', 'associate_of_initiator'],
      ['actor:islamic-state-syria', 'opponent'],
    ]);
    expect(event('tst009')?.participants.map((p) => p.role)).toEqual(['initiator', 'target']);
    expect(dataset.actors.find((a) => a.id === 'actor:sdf-syrian-democratic-forces')?.aliases).toEqual([
      'SDF',
      'Syrian Democratic Forces',
    ]);
  });

  it('builds the place hierarchy with coordinates and notes the geo precision', () => {
    const place = (id: string) => dataset.places.find((p) => p.id === id);
    expect(place('place:syria')?.kind).toBe('country');
    expect(place('place:syria-deir-ez-zor')).toMatchObject({ kind: 'governorate', partOf: 'place:syria' });
    expect(place('place:syria-deir-ez-zor-abu-kamal-susat-baghouz')).toMatchObject({
      kind: 'town',
      partOf: 'place:syria-deir-ez-zor-abu-kamal-susat',
      coordinates: { lat: 34.4605, lon: 40.9444, origin: 'source', approximate: false },
    });
    expect(place('place:syria-deir-ez-zor-al-mayadin-al-mayadin-al-mayadin')?.coordinates).toMatchObject({
      approximate: true,
      note: expect.stringMatching(/^ACLED geo_precision 2/),
    });
  });

  it('keeps time precision: a week is an approximate day, a month is month precision', () => {
    expect(event('tst003')?.date).toMatchObject({ start: '2019-03-14', precision: 'day', approximate: true });
    expect(event('tst005')?.date).toMatchObject({ start: '2019-03', precision: 'month', approximate: true });
    expect(event('tst009')?.date.start).toBe('2019-03-22');
  });

  it('cites the notes verbatim, once per outlet, attributed to it, with certainty from the wording', () => {
    const strike = event('tst002');
    expect(strike?.citations).toHaveLength(1);
    expect(strike?.citations[0]).toMatchObject({ attributedTo: 'actor:sohr', certainty: 'alleged' });
    const ied = event('tst006');
    expect(ied?.citations.map((c) => [c.attributedTo, c.certainty])).toEqual([
      ['actor:amaq-news-agency', 'claimed'],
      ['actor:sohr', 'claimed'],
    ]);
    for (const e of dataset.events)
      for (const c of e.citations) {
        expect(converted.sourceText.slice(c.start, c.end)).toBe(c.quote);
        expect(findQuoteSpans(converted.sourceText, c.quote).length).toBeGreaterThan(0);
      }
    expect(event('tst004')?.citations[0]?.quote).toContain('the "slow return" of services');
    expect(event('tst010')?.citations[0]?.quote).toBe('TST010 | 2019-03-21 | Baghouz, Syria');
  });

  it('refuses a file whose header lacks required columns', () => {
    expect(() => convertAcledCsv('event_id_cnty,event_date\nX,2019-01-01\n', options)).toThrow(AcledFormatError);
    expect(() => convertAcledCsv('event_id_cnty,event_date\n', options)).toThrow(/lacks the column\(s\) event_type/);
  });

  it('maps codebook values', () => {
    expect(eventTypeFor('Explosions/Remote violence', 'Air/drone strike')).toBe('airstrike');
    expect(eventTypeFor('Battles', 'Government regains territory')).toBe('territory_captured');
    expect(eventTypeFor('Riots', 'Something new')).toBe('other');
    expect(actorKindFor('1', 'Military Forces of Syria')).toBe('military');
    expect(actorKindFor('Rebel group', 'SDF')).toBe('armed_group');
    expect(actorKindFor('', 'Civilians (Syria)')).toBe('civilians');
    expect(certaintyFor('IS fighters reportedly left')).toBe('reported');
    expect(parseAcledDate('23 March 2019')).toBe('2019-03-23');
    expect(parseAcledDate('23-Mar-2019')).toBe('2019-03-23');
    expect(parseAcledDate('2019-13-01')).toBeUndefined();
    expect(actorAliases('Islamic State (Syria)')).toEqual(['Islamic State']);
  });
});
