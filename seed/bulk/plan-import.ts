/**
 * The loader's half of a bulk load: validate and plan the input exactly as the streamed loader does (stream-load.ts,
 * both passes, nothing written when a problem is found), with the rows going to import files (import-csv.ts)
 * instead of batches. start/bulk-load.ts hands the files to Neo4j's importer and finishes the graph.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DeferredProperties, EmptyListFixup } from '../../db/bulk-import.ts';
import { bulkJobColumns, type LoadJob } from '../../db/load-jobs.ts';
import { storedLabels } from '../../db/writer.ts';
import { NODE_LABELS, type NodeLabel, REL_TYPES } from '../../schema/vocabulary.ts';
import { validateAndPlan } from '../stream-load.ts';
import { ARRAY_DELIMITER, ImportCsvSink, type ImportFileGroup, jobFileText } from './import-csv.ts';

export interface BulkImportPlan {
  dir: string;
  inputDigest: string;
  datasetIds: string[];
  counts: Record<NodeLabel, number>;
  rows: { nodes: number; rels: number };
  groups: ImportFileGroup[];
  /** The `:LoadJob {kind: 'bulk'}` node written with the data, and its file. */
  job: Pick<LoadJob, 'id' | 'datasets' | 'inputDigest' | 'stamp'>;
  jobFile: string;
  fixups: EmptyListFixup[];
  deferredFile: string;
  deferredCount: number;
  arrayDelimiter: string;
}

/**
 * Validates the files and writes the import files into `dir` (emptied first). Throws DatasetValidationError (nothing
 * written anywhere but `dir`) or BulkImportUnsupportedError (the data needs the transactional loader).
 */
export async function planBulkImport(
  files: string[],
  dir: string,
  onStage?: (stage: string) => void,
): Promise<BulkImportPlan> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sink = new ImportCsvSink(dir);
  const { index, inputDigest } = await validateAndPlan(files, sink, onStage);
  const job = { id: `load:${randomUUID()}`, datasets: index.datasetIds, inputDigest, stamp: randomUUID() };
  const jobFile = path.join(dir, 'load-job.csv');
  await writeFile(jobFile, jobFileText(bulkJobColumns(job)));
  return {
    dir,
    inputDigest,
    datasetIds: index.datasetIds,
    counts: Object.fromEntries(NODE_LABELS.map((l) => [l, sink.count('nodes', l)])) as Record<NodeLabel, number>,
    rows: {
      nodes: NODE_LABELS.reduce((n, l) => n + sink.count('nodes', l), 0),
      rels: REL_TYPES.reduce((n, t) => n + sink.count('rels', t), 0),
    },
    groups: sink.fileGroups(),
    job,
    jobFile,
    fixups: sink.emptyListFixups(),
    deferredFile: sink.deferredFile,
    deferredCount: sink.deferredCount,
    arrayDelimiter: ARRAY_DELIMITER,
  };
}

/** The importer's inputs for a plan: each node file with its stored labels, each relationship file with its type. */
export function importInputs(plan: BulkImportPlan): {
  nodes: Array<{ labels: string[]; files: string[] }>;
  relationships: Array<{ type: string; files: string[] }>;
} {
  return {
    nodes: [
      ...plan.groups
        .filter((g) => g.kind === 'nodes')
        .map((g) => ({ labels: storedLabels(g.name as NodeLabel), files: [...g.files] })),
      { labels: ['LoadJob'], files: [plan.jobFile] },
    ],
    relationships: plan.groups.filter((g) => g.kind === 'rels').map((g) => ({ type: g.name, files: [...g.files] })),
  };
}

/** The deferred properties of a plan, one at a time. */
export async function* readDeferred(plan: Pick<BulkImportPlan, 'deferredFile'>): AsyncGenerator<DeferredProperties> {
  const input = createReadStream(plan.deferredFile);
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
    if (line !== '') yield JSON.parse(line) as DeferredProperties;
}
