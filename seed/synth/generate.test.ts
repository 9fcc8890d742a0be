import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../schema/dataset.ts';
import { countRows } from '../../schema/graph.ts';
import { normalizeArabic } from '../../schema/normalize.ts';
import { planDatasets } from '../plan.ts';
import { type ValidDataset, validateDatasetFiles } from '../validate.ts';
import { applyVariantRule, spellingVariants } from './arabic-variants.ts';
import { folderFiles, memoryFiles } from './files.ts';
import { DATASET_FILE, generateSynthDataset, SIZE_PROFILES, VARIANTS_FILE } from './generate.ts';
import { Random, ZipfSampler } from './random.ts';

async function digestOf(seed: number): Promise<string> {
  const files = memoryFiles();
  await generateSynthDataset('S', seed, files);
  const hash = createHash('sha256');
  for (const name of [...files.files.keys()].sort()) hash.update(`${name}\n${files.files.get(name)}\n`);
  return hash.digest('hex');
}

describe('the seeded random generator', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(new Random(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(9)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws Zipf ranks with the top ranks far more often than the tail', () => {
    const sampler = new ZipfSampler(1000, 1);
    const random = new Random(3);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const rank = sampler.sample(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    const top10 = counts.slice(0, 10).reduce((a, b) => a + b, 0);
    const last500 = counts.slice(500).reduce((a, b) => a + b, 0);
    expect(top10).toBeGreaterThan(last500);
  });
});

describe('Arabic spelling variants', () => {
  it('applies each rule and folds back to the same search form', () => {
    expect(applyVariantRule('أسامة', 'hamza')).toBe('اسامة');
    expect(applyVariantRule('أسامة', 'ta-marbuta')).toBe('أسامه');
    expect(applyVariantRule('موسى', 'alef-maqsura')).toBe('موسي');
    expect(applyVariantRule('الحمادي', 'ya')).toBe('الحمادى');
    expect(applyVariantRule('خالد', 'hamza')).toBeUndefined();
    for (const { variant } of spellingVariants('إبراهيم حمزة الموسى'))
      expect(normalizeArabic(variant)).toBe(normalizeArabic('إبراهيم حمزة الموسى'));
  });
});

describe('synthetic dataset generator', () => {
  it('gives byte-identical output for the same size and seed, and different output for another seed', async () => {
    const first = await digestOf(1);
    expect(await digestOf(1)).toBe(first);
    expect(await digestOf(2)).not.toBe(first);
  }, 60_000);

  it('still writes, for S and seed 1, the bytes it wrote before the generator was split into modules', async () => {
    // Digest of every file of S seed 1 as generated at commit 6966ff3, then changed on purpose for issue 13 (the
    // validator's certainty policy): Arabic names say they are the generator's, aliases carry their origin, places
    // name their synthetic gazetteer entry, an agreement only unnamed sources report is never "in_effect" or
    // "implemented", and «أكد» of a named party reads "affirmed". The source texts and the random stream are
    // unchanged. Benchmarks and recorded results rely on a size and seed naming one dataset: change this only on
    // purpose, together with what the change is for.
    expect(await digestOf(1)).toBe('b8c85fabd446d215f34ef417789bed556d8ca4ae11253b9d716e6376a85b85ac');
  }, 60_000);

  describe('size S written to disk', () => {
    let dir: string;
    let valid: ValidDataset[];
    let dataset: Dataset;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'synth-'));
      await generateSynthDataset('S', 5, await folderFiles(dir));
      valid = await validateDatasetFiles([path.join(dir, DATASET_FILE)]);
      dataset = (valid[0] as ValidDataset).dataset;
    }, 60_000);
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("passes the product's validator (format, references, dates, every quote at its offsets)", () => {
      expect(valid).toHaveLength(1);
      expect(dataset.sources.length).toBeGreaterThan(10);
    });

    it('plans to within 10% of 10k nodes and 30k relationships', () => {
      const rows = countRows(planDatasets(valid));
      const { targetNodes, targetRelationships } = SIZE_PROFILES.S;
      expect(Math.abs(rows.nodes - targetNodes) / targetNodes).toBeLessThan(0.1);
      expect(Math.abs(rows.rels - targetRelationships) / targetRelationships).toBeLessThan(0.1);
    }, 30_000);

    it('has skewed degrees: the top 1% of actors take part in a large share of events', () => {
      const participations = new Map<string, number>();
      let total = 0;
      for (const e of dataset.events)
        for (const p of e.participants) {
          participations.set(p.actor, (participations.get(p.actor) ?? 0) + 1);
          total++;
        }
      const sorted = dataset.actors.map((a) => participations.get(a.id) ?? 0).sort((a, b) => b - a);
      const top = sorted.slice(0, Math.ceil(sorted.length / 100)).reduce((a, b) => a + b, 0);
      expect(top / total).toBeGreaterThan(0.2);
      const never = sorted.filter((n) => n <= 1).length;
      expect(never / sorted.length).toBeGreaterThan(0.3);
    });

    it('names entities in both scripts and exports Arabic spelling variants that search must match', async () => {
      const arabic = /[\u0600-\u06FF]/;
      for (const entity of [...dataset.actors, ...dataset.places, ...dataset.events]) {
        expect(entity.name, entity.id).not.toMatch(arabic);
        expect(entity.nameAr, entity.id).toMatch(arabic);
      }
      const lines = (await readFile(path.join(dir, VARIANTS_FILE), 'utf8')).trim().split('\n');
      const pairs = lines.map(
        (l) => JSON.parse(l) as { id: string; nameAr: string; variant: string; rule: string; inDataset: boolean },
      );
      expect(pairs.length).toBeGreaterThan(500);
      expect(new Set(pairs.map((p) => p.rule))).toEqual(new Set(['hamza', 'ta-marbuta', 'alef-maqsura', 'ya']));
      const aliasesOf = new Map([...dataset.actors, ...dataset.places].map((e) => [e.id, e.aliases]));
      for (const pair of pairs) {
        expect(pair.variant).not.toBe(pair.nameAr);
        expect(normalizeArabic(pair.variant)).toBe(normalizeArabic(pair.nameAr));
        expect(aliasesOf.get(pair.id)?.includes(pair.variant), pair.id).toBe(pair.inDataset);
      }
      expect(pairs.some((p) => p.inDataset)).toBe(true);
      expect(pairs.some((p) => !p.inDataset)).toBe(true);
    });

    it('varies certainty and attribution, and marks every coordinate as synthetic', () => {
      const certainties = new Set(dataset.events.flatMap((e) => e.citations.map((c) => c.certainty)));
      expect(certainties).toEqual(new Set(['confirmed', 'reported', 'claimed', 'alleged', 'disputed']));
      const attributed = new Set(dataset.events.flatMap((e) => e.citations.map((c) => c.attributedTo)));
      expect(attributed.size).toBeGreaterThan(20);
      for (const p of dataset.places) expect(p.coordinates?.gazetteer, p.id).toMatch(/synthetic/);
      const kinds = new Set(dataset.places.map((p) => p.kind));
      expect(kinds).toEqual(new Set(['country', 'governorate', 'district', 'town']));
      const years = new Set(dataset.events.map((e) => e.date.start?.slice(0, 4)));
      expect(years.size).toBe(10);
    });
  });
});
