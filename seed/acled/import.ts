/**
 * `npm run import:acled -- file.csv [--out dir] [--strict] [--dry-run] [--with other.json …]`: converts an
 * ACLED-style CSV into a dataset (JSON + source text, written to --out) and loads it with the normal loader, merged
 * with any datasets given with --with. Malformed rows are reported with their line number and left out; with
 * --strict any malformed row means nothing is written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { connectionFromEnv, createDriver } from '../../db/driver.ts';
import { describeDecision } from '../merge.ts';
import { DatasetValidationError } from '../problems.ts';
import { type SeedResult, seedFiles } from '../seed.ts';
import { type AcledConversion, type AcledProblem, convertAcledCsv, slug } from './convert.ts';

export class AcledRowsRejectedError extends Error {
  readonly code = 'ACLED_ROWS_REJECTED';
  constructor(readonly problems: AcledProblem[]) {
    super(
      `${problems.length} malformed row(s); nothing was written (--strict):\n${problems.map(formatAcledProblem).join('\n')}`,
    );
  }
}

export function formatAcledProblem(p: AcledProblem): string {
  return `  line ${p.line}${p.eventId ? ` (${p.eventId})` : ''}: ${p.message}`;
}

export interface ConvertFileOptions {
  outDir?: string;
  strict?: boolean;
  datasetId?: string;
}

export interface ConvertedFile {
  conversion: AcledConversion;
  datasetFile: string;
}

/** Converts a CSV file and writes the dataset and its source text; with `strict`, throws on any malformed row. */
export async function convertAcledFile(csvFile: string, options: ConvertFileOptions = {}): Promise<ConvertedFile> {
  const base = path.basename(csvFile).replace(/\.[^.]+$/, '');
  // `acled-fixture.csv` is dataset `acled-fixture`, not `acled-acled-fixture`.
  const datasetId = options.datasetId ?? (/^acled\b/i.test(slug(base)) ? slug(base) : `acled-${slug(base)}`);
  const outDir = path.resolve(options.outDir ?? path.join('imports', datasetId));
  const conversion = convertAcledCsv(await readFile(csvFile, 'utf8'), {
    datasetId,
    title: `ACLED-style events from ${path.basename(csvFile)}`,
    sourceFile: `${datasetId}.txt`,
  });
  if (options.strict && conversion.problems.length > 0) throw new AcledRowsRejectedError(conversion.problems);
  if (conversion.events === 0) throw new AcledRowsRejectedError(conversion.problems);
  await mkdir(outDir, { recursive: true });
  const datasetFile = path.join(outDir, `${datasetId}.json`);
  await writeFile(path.join(outDir, `${datasetId}.txt`), conversion.sourceText);
  await writeFile(datasetFile, `${JSON.stringify(conversion.dataset, null, 2)}\n`);
  return { conversion, datasetFile };
}

function report(result: SeedResult, converted: ConvertedFile): void {
  for (const d of result.plan.merges ?? []) console.log(`  ${describeDecision(d)}`);
  const counts = Object.entries(result.counts)
    .map(([label, n]) => `${n} ${label}`)
    .join(', ');
  console.log(`${converted.conversion.events} event(s) converted into ${converted.datasetFile}; graph: ${counts}.`);
}

async function main(): Promise<void> {
  const program = new Command()
    .name('import:acled')
    .description('Convert an ACLED-style CSV into a dataset and load it into Neo4j.')
    .argument('<file>', 'the CSV file (ACLED column names in the header)')
    .option('--out <dir>', 'where to write the dataset and its source text (default: imports/<dataset id>/)')
    .option('--id <slug>', 'dataset id (default: acled-<file name>)')
    .option('--with <files...>', 'other dataset files to load and merge with it')
    .option('--strict', 'write nothing if any row is malformed')
    .option('--dry-run', 'convert and validate only; do not load')
    .action(
      async (
        file: string,
        options: { out?: string; id?: string; with?: string[]; strict?: boolean; dryRun?: boolean },
      ) => {
        const converted = await convertAcledFile(file, {
          outDir: options.out,
          strict: options.strict,
          datasetId: options.id,
        });
        const { problems } = converted.conversion;
        if (problems.length > 0) {
          console.error(`${problems.length} malformed row(s) left out:`);
          for (const p of problems) console.error(formatAcledProblem(p));
        }
        const files = [...(options.with ?? []), converted.datasetFile];
        if (options.dryRun) {
          report(await seedFiles(undefined, files, { dryRun: true }), converted);
          console.log('Nothing loaded (--dry-run).');
          return;
        }
        const connection = connectionFromEnv();
        const driver = createDriver(connection);
        try {
          report(await seedFiles(driver, files), converted);
          console.log(`Loaded into ${connection.uri}.`);
        } finally {
          await driver.close();
        }
      },
    );
  await program.parseAsync();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    const e = error as Error & { code?: string };
    if (error instanceof DatasetValidationError) console.error(`Nothing was written. ${e.message}`);
    else console.error(`Import failed${e.code ? ` (${e.code})` : ''}: ${e.message}`);
    process.exitCode = 1;
  });
}
