import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDriver } from '../../db/driver.ts';
import { countByLabel, countProductNodes, resetProductData } from '../../db/writer.ts';
import { testConnection } from '../../test/seeded-database.ts';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..', '..');
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const importer = path.join(import.meta.dirname, 'import.ts');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'synthetic-deir-ez-zor.csv');
const connection = testConnection();
const env = {
  ...process.env,
  NEO4J_URI: connection.uri,
  NEO4J_USER: connection.user,
  NEO4J_PASSWORD: connection.password,
};

const scratch = await mkdtemp(path.join(tmpdir(), 'acled-tests-'));
let driver: Driver;
beforeAll(async () => {
  driver = createDriver(connection);
  await driver.verifyConnectivity();
});
beforeEach(() => resetProductData(driver));
afterAll(async () => {
  await resetProductData(driver);
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('npm run import:acled', () => {
  it('loads the good rows of the fixture, reports the malformed ones by line, and cites the notes', async () => {
    const out = path.join(scratch, 'lenient');
    const { stdout, stderr } = await run(tsx, [importer, FIXTURE, '--out', out], { env });
    expect(stderr).toContain('6 malformed row(s) left out:');
    expect(stderr).toContain('line 14 (TST013): latitude "north" is not a latitude');
    expect(stdout).toMatch(/^10 event\(s\) converted into .*acled-synthetic-deir-ez-zor\.json/m);
    expect((await countByLabel(driver)).Event).toBe(10);
    const { records } = await driver.executeQuery(
      `MATCH (e:Event {id: 'event:acled-tst002'})-[:HAS_FIGURE]->(f:Figure)
       MATCH (c:Citation) WHERE c.id IN e.citationIds
       MATCH (c)-[:FROM_SOURCE]->(s:Source)
       RETURN f.value AS fatalities, e.acledSubEventType AS sub, c.quote AS quote, c.certainty AS certainty, s.text AS text`,
    );
    const row = records[0]?.toObject();
    expect(row).toMatchObject({ sub: 'Air/drone strike', certainty: 'alleged' });
    expect(Number(row?.fatalities)).toBe(7);
    expect(row?.text).toContain(row?.quote);
    const place = await driver.executeQuery(
      `MATCH (:Place {id: 'place:syria-deir-ez-zor-abu-kamal-susat-baghouz'})-[:PART_OF*]->(p:Place) RETURN p.id AS id`,
    );
    expect(place.records.map((r) => r.get('id'))).toEqual([
      'place:syria-deir-ez-zor-abu-kamal-susat',
      'place:syria-deir-ez-zor-abu-kamal',
      'place:syria-deir-ez-zor',
      'place:syria',
    ]);
  });

  it('with --strict writes nothing, not even the dataset files, and exits non-zero', async () => {
    const out = path.join(scratch, 'strict');
    const failure = await run(tsx, [importer, FIXTURE, '--out', out, '--strict'], { env }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/6 malformed row\(s\); nothing was written \(--strict\)/);
    expect(failure.stderr).toContain('line 16 (TST015): has 6 fields; the header has 30');
    expect(await countProductNodes(driver)).toBe(0);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('merges with the curated dataset given with --with', async () => {
    const out = path.join(scratch, 'merged');
    const { stdout } = await run(
      tsx,
      [importer, FIXTURE, '--out', out, '--with', path.join(ROOT, 'seed', 'data', 'baghouz.json')],
      { env },
    );
    expect(stdout).toContain(
      'merged actor:sdf-syrian-democratic-forces (acled-synthetic-deir-ez-zor) into actor:sdf (baghouz-2019) on shared alias "sdf"',
    );
    // "Islamic State" is not the article's word for «داعش» (an outside alias), and the curated dataset does not opt in
    // to merging on those: the pair is kept apart, and the log says why.
    expect(stdout).toContain(
      'kept actor:islamic-state-syria (acled-synthetic-deir-ez-zor) apart from actor:isis (baghouz-2019) despite shared outside alias "islamic state"',
    );
    const { records } = await driver.executeQuery(
      `MATCH (a:Actor {id: 'actor:sdf'})-[:PARTICIPATED_IN]->(e:Event) WHERE e.id STARTS WITH 'event:acled-' RETURN count(e) AS n`,
    );
    expect(Number(records[0]?.get('n'))).toBeGreaterThanOrEqual(4);
  });
});
