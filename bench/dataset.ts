/**
 * The data a run uses: the synthetic dataset of the chosen size (generated with `npm run synth` when missing, cached
 * under .data/synth/) or the curated seed data (`--size seed`), loaded into the bench Neo4j unless it already holds
 * exactly that data (a digest of the files is kept on a `BenchMeta` node outside the product's `KG` data).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { readQuery, writeQuery } from '../db/access.ts';
import { toPlain } from '../db/plain.ts';
import { resetProductData } from '../db/writer.ts';
import { seedFiles } from '../seed/seed.ts';
import { DEFAULT_STREAM_BATCH_SIZE, streamLoadFiles } from '../seed/stream-load.ts';

/** How long loading the current data took, and how (see BenchContext.load). */
export interface LoadTiming {
  seconds: number;
  nodes: number;
  relationships: number;
  /** How the load was done, for the notes. */
  loader: string;
  /** When the load ran. */
  loadedAt: string;
  /** Seconds per loader stage (validation, planning, writing, pruning), when the loader reports them. */
  stages: Record<string, number>;
}

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SIZES = ['seed', 'S', 'M', 'L'] as const;
export type BenchSize = (typeof SIZES)[number];

export interface BenchDataset {
  size: BenchSize;
  seed: number;
  files: string[];
  digest: string;
  nodes: number;
  relationships: number;
  /** For the report, e.g. `synthetic M (seed 1): 100,000 nodes / 500,000 relationships`. */
  label: string;
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((f) => f.endsWith('.json') && !f.startsWith('manifest'))
    .sort()
    .map((f) => path.join(dir, f));
}

function run(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`$ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

export function synthDir(size: BenchSize, seed: number): string {
  return path.join(REPO, '.data', 'synth', `${size}-${seed}`);
}

/** The dataset files for a size, generating the synthetic ones when they are not cached yet. */
export async function datasetFiles(size: BenchSize, seed: number, log: (line: string) => void): Promise<string[]> {
  if (size === 'seed') return jsonFilesIn(path.join(REPO, 'seed', 'data'));
  const dir = synthDir(size, seed);
  let files = await jsonFilesIn(dir);
  if (files.length === 0) {
    await run('npm', ['run', '-s', 'synth', '--', '--size', size, '--seed', String(seed)], log);
    files = await jsonFilesIn(dir);
    if (files.length === 0) throw new Error(`npm run synth wrote no dataset file into ${dir}`);
  }
  return files;
}

export async function digestFiles(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.basename(file)}\n`);
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

async function single(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const { records } = await readQuery(driver, cypher, params);
  const first = records[0];
  return first ? toPlain(first.get(0)) : null;
}

export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const nodes = Number(await single(driver, 'MATCH (n:KG) RETURN count(n)'));
  const relationships = Number(await single(driver, 'MATCH (:KG)-[r]->(:KG) RETURN count(r)'));
  return { nodes, relationships };
}

/**
 * Replaces the product data in the bench Neo4j with the files, timing the load alone (the reset before it is not
 * counted): synthetic data through the streamed loader `npm run seed` uses for large files, the curated seed data
 * through the one-transaction path.
 */
export async function loadFiles(
  driver: Driver,
  size: BenchSize,
  files: string[],
  digest: string,
  log: (line: string) => void,
): Promise<LoadTiming> {
  await writeQuery(driver, 'MATCH (m:BenchMeta) DELETE m');
  await resetProductData(driver);
  const stages: Record<string, number> = {};
  const started = performance.now();
  let loader: string;
  if (size === 'seed') {
    await seedFiles(driver, files, { batchSize: 5000 });
    loader = 'seed/seed.ts seedFiles: one transaction of UNWIND/MERGE batches of 5,000 rows';
  } else {
    let stageStart = started;
    let stage = 'start';
    await streamLoadFiles(driver, files, {
      onStage: (next) => {
        const now = performance.now();
        stages[stage] = (now - stageStart) / 1000;
        stage = next;
        stageStart = now;
        log(`  loader: ${next}`);
      },
    });
    stages[stage] = (performance.now() - stageStart) / 1000;
    loader = `seed/stream-load.ts streamLoadFiles: streamed validation, then UNWIND/MERGE batches of ${DEFAULT_STREAM_BATCH_SIZE.toLocaleString('en-US')} rows per transaction`;
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = await graphCounts(driver);
  const timing: LoadTiming = { seconds, ...counts, loader, stages, loadedAt: new Date().toISOString() };
  await writeQuery(
    driver,
    'MERGE (m:BenchMeta {id: "dataset"}) SET m.digest = $digest, m.nodes = $nodes, m.timing = $timing',
    { digest, nodes: counts.nodes, timing: JSON.stringify(timing) },
  );
  return timing;
}

/** The timing of the load that put the current data in, as recorded then; null when none was recorded. */
export async function recordedLoad(driver: Driver): Promise<LoadTiming | null> {
  const { records } = await readQuery(driver, 'MATCH (m:BenchMeta {id: "dataset"}) RETURN m.timing AS t');
  const text = records[0]?.get('t');
  return typeof text === 'string' ? (JSON.parse(text) as LoadTiming) : null;
}

/** True when the bench Neo4j already holds exactly the data of that digest. */
export async function isLoaded(driver: Driver, digest: string): Promise<boolean> {
  const { records } = await readQuery(driver, 'MATCH (m:BenchMeta {id: "dataset"}) RETURN m.digest AS d, m.nodes AS n');
  const meta = records[0];
  if (!meta || meta.get('d') !== digest) return false;
  return (await graphCounts(driver)).nodes === Number(toPlain(meta.get('n')));
}

export function datasetLabel(size: BenchSize, seed: number, counts: { nodes: number; relationships: number }): string {
  const what = size === 'seed' ? 'curated seed data (seed/data)' : `synthetic ${size} (seed ${seed})`;
  return `${what}: ${counts.nodes.toLocaleString('en-US')} nodes / ${counts.relationships.toLocaleString('en-US')} relationships`;
}
