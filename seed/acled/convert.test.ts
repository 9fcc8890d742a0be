import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { convertAcledFile } from './import.ts';

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

describe("rows ACLED-style files get wrong, and the codebook's wording (issue 17)", () => {
  const header =
    'event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,geo_precision,source,notes,fatalities';
  const row = (id: string, notes: string, extra: Partial<Record<string, string>> = {}) => {
    const r = {
      event_date: '2019-03-23',
      year: '2019',
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: 'SDF: Syrian Democratic Forces',
      actor2: 'Islamic State (Syria)',
      location: 'Baghouz',
      geo_precision: '1',
      fatalities: '3',
      ...extra,
    };
    return [
      id,
      r.event_date,
      r.year,
      r.event_type,
      r.sub_event_type,
      r.actor1,
      r.actor2,
      'Syria',
      r.location,
      '34.46',
      '40.94',
      r.geo_precision,
      'SOHR',
      notes,
      r.fatalities,
    ].join(',');
  };
  const convert = (...rows: string[]) => {
    const result = convertAcledCsv([header, ...rows].join('\n'), options);
    return { ...result, dataset: Dataset.parse(result.dataset) };
  };

  it('an unterminated quote is reported where it opened, with the rows it would swallow, and those rows are kept', () => {
    const { dataset, problems } = convert(
      row('A1', 'Clashes near the river.'),
      row('A2', '"SDF said the fight ended, 12 killed'),
      row('A3', 'Shelling of the camp.'),
      row('A4', '"Quoted notes, with a comma."'),
      row('A5', 'Calm day.'),
    );
    expect(problems).toEqual([
      {
        line: 3,
        eventId: 'A2',
        message:
          'a quote opened on line 3 is never closed; it would swallow lines 4–6 (A3, A4, A5), which are read as rows of their own',
      },
    ]);
    expect(dataset.events.map((e) => e.acled?.eventId)).toEqual(['A1', 'A3', 'A4', 'A5']);
    expect(dataset.events.find((e) => e.acled?.eventId === 'A4')?.citations[0]?.quote).toBe(
      'Quoted notes, with a comma.',
    );
  });

  it('a quoted field that spans lines on purpose is still one row', () => {
    const { dataset, problems } = convert(row('B1', '"First line,\nsecond line."'), row('B2', 'Next.'));
    expect(problems).toEqual([]);
    expect(dataset.events.map((e) => e.acled?.eventId)).toEqual(['B1', 'B2']);
  });

  it('"Casualty figures disputed" makes the fatality figure disputed, and only the figure', () => {
    const { dataset } = convert(row('C1', 'SDF took the town. Casualty figures disputed.'));
    const [event] = dataset.events;
    expect(event?.citations[0]?.certainty).toBe('reported');
    expect(event?.figures?.[0]?.citations[0]?.certainty).toBe('disputed');
    expect(certaintyFor('The death toll is contested.')).toBe('reported');
  });

  it.each([
    ['A ceasefire was agreed; terms unconfirmed.', 'reported'],
    ['Casualty figures unconfirmed.', 'reported'],
    ['Alleged IS members were arrested in the camp.', 'reported'],
    ['Coalition strikes allegedly hit a tent area.', 'alleged'],
    ['Unconfirmed reports of an air strike on the camp.', 'alleged'],
    ['Reports remain unverified.', 'alleged'],
    ['IS claimed the attack.', 'claimed'],
    ['SDF forces clashed with IS fighters.', 'reported'],
  ])('wording: "%s" → the event is %s', (notes, certainty) => {
    expect(certaintyFor(notes)).toBe(certainty);
  });

  it("an agreement row's actor2 is a party, not an opponent", () => {
    const { dataset } = convert(
      row('D1', 'The SDF and IS agreed on an exit; terms unconfirmed.', {
        event_type: 'Strategic developments',
        sub_event_type: 'Agreement',
        fatalities: '',
      }),
    );
    const [event] = dataset.events;
    expect(event?.participants.map((p) => [p.actor, p.role])).toEqual([
      ['actor:sdf-syrian-democratic-forces', 'party'],
      ['actor:islamic-state-syria', 'party'],
    ]);
    expect(event?.citations[0]?.certainty).toBe('reported');
  });

  it('a place shared by rows keeps each row’s geo_precision: as precise as the best, the note naming the rows', () => {
    const { dataset } = convert(
      row('E1', 'Near Baghouz.', { geo_precision: '2' }),
      row('E2', 'In Baghouz.', { geo_precision: '1' }),
      row('E3', 'Somewhere in the region.', { geo_precision: '3' }),
    );
    const baghouz = dataset.places.find((p) => p.name === 'Baghouz');
    expect(baghouz?.coordinates?.approximate).toBe(false);
    expect(baghouz?.coordinates?.note).toBe(
      'ACLED geo_precision 1: the named location itself (rows E2); ACLED geo_precision 2: near the named location, within its area (rows E1); ACLED geo_precision 3: only the larger region is known; this point stands for it (rows E3)',
    );
    expect(dataset.events.map((e) => e.acled?.geoPrecision)).toEqual([2, 1, 3]);
    const near = convert(row('F1', 'Near Baghouz.', { geo_precision: '2' })).dataset.places.find(
      (p) => p.name === 'Baghouz',
    );
    expect(near?.coordinates).toMatchObject({
      approximate: true,
      note: expect.stringMatching(/^ACLED geo_precision 2/),
    });
  });

  it('a year that contradicts event_date is a row error', () => {
    const { dataset, problems } = convert(row('G1', 'Fine.'), row('G2', 'Wrong year.', { year: '2018' }));
    expect(problems).toEqual([
      { line: 3, eventId: 'G2', message: 'year "2018" contradicts event_date "2019-03-23" (2019)' },
    ]);
    expect(dataset.events.map((e) => e.acled?.eventId)).toEqual(['G1']);
  });
});

describe('the dataset id of an imported file', () => {
  it('is acled-<file name>, without doubling a name that already starts with acled', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acled-id-'));
    try {
      for (const [file, id] of [
        ['acled-fixture.csv', 'acled-fixture'],
        ['syria-2019.csv', 'acled-syria-2019'],
        ['ACLED_Syria.csv', 'acled-syria'],
      ]) {
        await copyFile(FIXTURE, path.join(dir, file as string));
        const { datasetFile, conversion } = await convertAcledFile(path.join(dir, file as string), {
          outDir: path.join(dir, 'out'),
        });
        expect(conversion.dataset.id).toBe(id);
        expect(path.basename(datasetFile)).toBe(`${id}.json`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
