import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset, type DatasetInput } from '../../schema/dataset.ts';
import {
  type Extract,
  GAZETTEER,
  GAZETTEER_LABEL,
  type GeoNamesRow,
  lookUpPlaces,
  nameKey,
  parseGeoNamesLine,
} from './geonames.ts';

const HERE = import.meta.dirname;
const extract = JSON.parse(readFileSync(path.join(HERE, 'geonames-extract.json'), 'utf8')) as Extract;
const DATA_DIR = path.join(HERE, '..', 'data');
const datasets = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, dataset: Dataset.parse(JSON.parse(readFileSync(path.join(DATA_DIR, f), 'utf8'))) }));

const row = (over: Partial<GeoNamesRow>): GeoNamesRow => ({
  id: '1',
  name: 'X',
  asciiName: 'X',
  alternateNames: [],
  lat: 0,
  lon: 0,
  featureClass: 'P',
  featureCode: 'PPL',
  countryCode: 'SY',
  admin1: '07',
  ...over,
});

type PlaceInput = Omit<NonNullable<DatasetInput['places']>[number], 'citations'>;

function datasetWith(places: PlaceInput[]): Dataset {
  const cite = {
    source: 'source:s',
    quote: 'q',
    start: 0,
    end: 1,
    translation: 'q',
    attributedTo: 'actor:a',
    certainty: 'reported' as const,
  };
  return Dataset.parse({
    formatVersion: 1,
    id: 'test',
    title: 'test',
    sources: [
      {
        id: 'source:s',
        title: 's',
        outlet: 'o',
        language: 'ar',
        published: { start: '2019', precision: 'year' },
        text: 'q',
      },
    ],
    places: places.map((p) => ({ ...p, citations: [cite] })),
  });
}

describe('name keys', () => {
  it('bring spellings of one name together, in each script', () => {
    expect(new Set(['Ālbū Kamāl', 'Albu Kamal', 'albu-kamal'].map(nameKey)).size).toBe(1);
    expect(new Set(['البو كمال', 'البوكمال', 'ٱلْبُوكَمَال'].map(nameKey)).size).toBe(1);
    expect(nameKey('Ar-Raqqah')).toBe(nameKey('Ar Raqqah'));
    expect(nameKey('الرقة')).toBe(nameKey('رقه'));
    expect(nameKey('Hajīn')).toBe(nameKey('Hajin'));
  });

  it('keep different names apart', () => {
    expect(nameKey('Hajin')).not.toBe(nameKey('Hasakah'));
    expect(nameKey('الباغوز')).not.toBe(nameKey('البوكمال'));
  });
});

describe('GeoNames rows', () => {
  it('parse the columns of the dump', () => {
    const line = '174506\tHajīn\tHajin\tHajin,هجين\t34.69508\t40.83138\tP\tPPLA3\tSY\t\t07\t\t\t\t29237';
    expect(parseGeoNamesLine(line)).toEqual(
      row({
        id: '174506',
        name: 'Hajīn',
        asciiName: 'Hajin',
        alternateNames: ['Hajin', 'هجين'],
        lat: 34.69508,
        lon: 40.83138,
        featureCode: 'PPLA3',
      }),
    );
    expect(parseGeoNamesLine('')).toBeUndefined();
  });
});

describe('looking places up', () => {
  const syria = { id: 'place:syria', kind: 'country' as const, name: 'Syria' };
  const rows = [
    row({ id: '10', name: 'Hajīn', alternateNames: ['هجين'] }),
    row({ id: '11', name: 'Markadah', alternateNames: ['مركدة'] }),
    row({ id: '12', name: 'Hajin', countryCode: 'IQ' }),
    row({ id: '13', name: 'Twin' }),
    row({ id: '14', name: 'Twin' }),
  ];

  it('matches a town by its Arabic name in its own country only', () => {
    const dataset = datasetWith([
      syria,
      { id: 'place:hajin', kind: 'town', name: 'Hajeen', nameAr: 'الهجين', partOf: 'place:syria' },
    ]);
    const { lookups, entries } = lookUpPlaces([dataset], rows);
    expect(lookups.find((l) => l.place === 'place:hajin')).toMatchObject({ entry: '10', country: ['SY'] });
    expect(entries.map((e) => e.id)).toEqual(['10']);
    expect(entries[0]?.arabicNames).toEqual(['هجين']);
  });

  it('uses no populated place for a desert, and nothing when two entries share the name', () => {
    const dataset = datasetWith([
      syria,
      { id: 'place:markada-desert', kind: 'desert', name: 'Markada desert', aliases: ['مركدة'], partOf: 'place:syria' },
      { id: 'place:twin', kind: 'village', name: 'Twin', partOf: 'place:syria' },
    ]);
    const { lookups, entries } = lookUpPlaces([dataset], rows);
    expect(lookups.find((l) => l.place === 'place:markada-desert')?.entry).toBeNull();
    expect(lookups.find((l) => l.place === 'place:twin')).toMatchObject({ entry: null, note: /Ambiguous/ });
    expect(entries).toEqual([]);
  });
});

describe('the committed extract', () => {
  it('names its gazetteer, package, version and licence', () => {
    expect(extract.gazetteer).toEqual(GAZETTEER);
    expect(extract.gazetteer.licence).toContain('CC BY 4.0');
    expect(extract.gazetteer.attribution).toContain('GeoNames');
  });

  it('has a lookup for every place of every dataset', () => {
    const looked = new Set(extract.lookups.map((l) => l.place));
    for (const { dataset } of datasets) for (const p of dataset.places) expect(looked, p.id).toContain(p.id);
  });
});

describe('dataset coordinates', () => {
  const entries = new Map(extract.entries.map((e) => [e.id, e]));
  const lookups = new Map(extract.lookups.map((l) => [l.place, l]));

  it('are the gazetteer entry the lookup found, and absent where it found none', () => {
    let checked = 0;
    for (const { file, dataset } of datasets) {
      for (const place of dataset.places) {
        const where = `${file} ${place.id}`;
        const c = place.coordinates;
        const lookup = lookups.get(place.id);
        if (lookup?.entry == null) {
          expect(c?.origin, `${where}: the gazetteer has no entry, so no gazetteer coordinates`).not.toBe('gazetteer');
          continue;
        }
        const entry = entries.get(lookup.entry);
        expect(entry, where).toBeDefined();
        expect(c, where).toMatchObject({
          lat: entry?.lat,
          lon: entry?.lon,
          origin: 'gazetteer',
          gazetteer: GAZETTEER_LABEL,
          entry: { id: entry?.id, name: entry?.name },
        });
        checked++;
      }
    }
    expect(checked).toBe(extract.entries.length);
  });

  it('from a gazetteer always name their entry', () => {
    for (const { file, dataset } of datasets) {
      for (const place of dataset.places) {
        if (place.coordinates?.origin !== 'gazetteer') continue;
        expect(place.coordinates.entry, `${file} ${place.id}`).toBeDefined();
        expect(entries.has(place.coordinates.entry?.id ?? ''), `${file} ${place.id}`).toBe(true);
      }
    }
  });
});
