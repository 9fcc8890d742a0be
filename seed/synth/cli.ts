/**
 * `npm run synth -- --size S|M|L --seed N [--out DIR]`: writes a deterministic synthetic dataset (dataset.json,
 * sources/*.txt, variants.jsonl, manifest.json) to `.data/synth/<size>-<seed>/` by default.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { REPO_ROOT } from '../../neo4j/launcher.ts';
import { folderFiles } from './files.ts';
import { DATASET_FILE, generateSynthDataset, MANIFEST_FILE, SYNTH_SIZES, type SynthSize } from './generate.ts';

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed) || seed > 0xffffffff)
    throw new InvalidArgumentError('must be an integer from 0 to 4294967295');
  return seed;
}

/** Removes an earlier synth output in `out`; refuses to touch a folder that holds anything else. */
async function clearEarlierOutput(out: string): Promise<void> {
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE))
    throw new Error(`${out} is not empty and holds no ${MANIFEST_FILE}; choose an empty or new folder`);
  await rm(out, { recursive: true, force: true });
}

const program = new Command()
  .name('synth')
  .description('Generate a deterministic synthetic dataset in the product format (same size and seed, same bytes).')
  .addOption(new Option('--size <size>', 'S (10k nodes), M (100k) or L (500k)').choices(SYNTH_SIZES).default('S'))
  .option('--seed <n>', 'seed of the generator', parseSeed, 1)
  .option('--out <dir>', 'output folder (default .data/synth/<size>-<seed>/)')
  .action(async (options: { size: SynthSize; seed: number; out?: string }) => {
    const out = path.resolve(options.out ?? path.join(REPO_ROOT, '.data', 'synth', `${options.size}-${options.seed}`));
    const started = performance.now();
    await clearEarlierOutput(out);
    const summary = await generateSynthDataset(options.size, options.seed, await folderFiles(out));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const r = summary.records;
    console.log(
      `Wrote ${path.join(out, DATASET_FILE)} in ${seconds} s: ${r.actors} actors, ${r.places} places, ${r.events} events, ` +
        `${r.agreements} agreements, ${r.relationships} relationships, ${r.sources} sources, ${summary.citations} cited sentences, ` +
        `${summary.variantPairs} Arabic spelling variant pairs.`,
    );
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`synth failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
