/**
 * The loader for datasets too large to hold in memory (the synthetic M and L sets, hundreds of megabytes).
 *
 * 1. Validate everything first, with memory bounded by the number of ids, not the size of the data: pass 1
 *    streams each file, checks every record against its zod schema and collects the ids, kinds and dates that
 *    references need; pass 2 streams it again and checks references, dates, cycles and every quote against its
 *    source text, planning each valid record into node and relationship rows spooled to temporary files.
 * 2. Only when no problem was found, write: batches of `batchSize` rows per transaction (UNWIND … MERGE on the
 *    unique id, nodes before relationships, fixed query texts), each committed with the checkpoint of a
 *    `:LoadJob` node. A rerun of the same input after a crash resumes after the last committed batch; the end of
 *    the load prunes what earlier loads of these datasets left and deletes the job (server/src/db/repositories/
 *    load-jobs.ts).
 *
 * The graph it writes is the one the in-memory path (seed.ts) writes for the same input, plus `loadStamp`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Driver } from 'neo4j-driver';
import type { z } from 'zod';
import {
  type BatchSegment,
  completeLoadJob,
  createLoadJob,
  ensureLoadJobSchema,
  findResumableJob,
  type LoadJob,
  pruneOtherStamps,
  writeBatch,
} from '../db/load-jobs.ts';
import { ensureSchema } from '../db/writer.ts';
import {
  Actor,
  Agreement,
  type Citation,
  Dataset,
  type DateSpec,
  Event,
  Place,
  Relationship,
  Source,
} from '../schema/dataset.ts';
import { earliestDay, latestDay } from '../schema/dates.ts';
import {
  citationId,
  NODE_LABELS,
  type NodeLabel,
  type NodeRow,
  planDataset,
  REL_TYPES,
  type RelRow,
  type RelType,
} from './plan.ts';
import { findQuoteSpans, quoteMatchesSpan } from './quotes.ts';
import { RECORD_COLLECTIONS, type RecordCollection, RecordReadError, readTopLevel } from './stream/read-records.ts';
import { BufferedFileWriter } from './synth/files.ts';
import {
  citationsOf,
  type DatasetProblem,
  DatasetValidationError,
  jsonPath,
  RELATIONSHIP_ENDPOINTS,
  relationshipKey,
  zodProblems,
} from './validate.ts';

export const DEFAULT_STREAM_BATCH_SIZE = 10_000;
/** Inputs larger than this (dataset files together) take the streamed path unless told otherwise. */
export const STREAM_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Problems reported in full; the rest are counted. */
const MAX_REPORTED_PROBLEMS = 200;
/** Source texts kept in memory for quote checks (characters); older ones are read again when needed. */
const SOURCE_TEXT_CACHE_CHARS = 32 * 1024 * 1024;
/** Buffered characters per spool file (there are 30 of them) before a write to disk. */
const SPOOL_FLUSH_CHARS = 128 * 1024;

const RECORD_SCHEMAS: Record<RecordCollection, z.ZodType> = {
  sources: Source,
  actors: Actor,
  places: Place,
  events: Event,
  agreements: Agreement,
  relationships: Relationship,
};
const KIND_OF: Record<RecordCollection, Kind> = {
  sources: 'source',
  actors: 'actor',
  places: 'place',
  events: 'event',
  agreements: 'agreement',
  relationships: 'source',
};
const DatasetHeader = Dataset.omit({
  sources: true,
  actors: true,
  places: true,
  events: true,
  agreements: true,
  relationships: true,
});

type Kind = 'source' | 'actor' | 'place' | 'event' | 'agreement';

interface Definition {
  kind: Kind;
  file: number;
  path: string;
}

export interface StreamBatchProgress {
  phase: 'nodes' | 'relationships';
  /** 1-based number of the batch just committed. */
  batch: number;
  totalBatches: number;
  rowsDone: number;
  totalRows: number;
}

export interface StreamLoadOptions {
  batchSize?: number;
  dryRun?: boolean;
  /** Called after each committed batch; throwing stops the load there (it resumes on the next run). */
  onBatch?: (progress: StreamBatchProgress) => void | Promise<void>;
  /** Called when a stage starts: validate, plan-and-check, write, prune. */
  onStage?: (stage: string) => void;
}

export interface StreamLoadResult {
  counts: Record<NodeLabel, number>;
  rows: { nodes: number; rels: number };
  inputDigest: string;
  datasetIds: string[];
  job?: { id: string; resumed: boolean; batchesSkipped: number; batchesWritten: number; totalBatches: number };
  pruned?: { nodesDeleted: number; relationshipsDeleted: number };
}

class Problems {
  readonly list: DatasetProblem[] = [];
  count = 0;
  add(...problems: DatasetProblem[]): void {
    for (const p of problems) {
      this.count++;
      if (this.list.length < MAX_REPORTED_PROBLEMS) this.list.push(p);
    }
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const list = [...this.list];
    if (this.count > list.length)
      list.push({ file: '…', path: '$', message: `and ${this.count - list.length} more problems not listed` });
    throw new DatasetValidationError(list);
  }
}

/** Where a source's text is: a file beside the dataset, or inline in the dataset itself. */
interface SourceLocation {
  datasetFile: string;
  relative: string | undefined;
  inline: string | undefined;
}

/** Source texts read on demand (UTF-8 checked), a bounded number kept; each text's hash feeds the input digest. */
class SourceTexts {
  private readonly cache = new Map<string, string>();
  private cachedChars = 0;
  readonly hashes = new Map<string, string>();
  readonly unreadable = new Map<string, string>();

  constructor(private readonly locations: Map<string, SourceLocation>) {}

  resolved(sourceId: string): string | undefined {
    const where = this.locations.get(sourceId);
    return where?.relative === undefined ? undefined : path.resolve(path.dirname(where.datasetFile), where.relative);
  }

  async get(sourceId: string): Promise<string | undefined> {
    const cached = this.cache.get(sourceId);
    if (cached !== undefined) {
      this.cache.delete(sourceId);
      this.cache.set(own(sourceId), cached);
      return cached;
    }
    if (this.unreadable.has(sourceId)) return undefined;
    const inline = this.locations.get(sourceId)?.inline;
    if (inline !== undefined) {
      if (!this.hashes.has(sourceId)) this.hashes.set(sourceId, createHash('sha256').update(inline).digest('hex'));
      return inline;
    }
    const file = this.resolved(sourceId);
    if (file === undefined) return undefined;
    let text: string;
    try {
      const bytes = await readFile(file);
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (!this.hashes.has(sourceId)) this.hashes.set(own(sourceId), createHash('sha256').update(bytes).digest('hex'));
    } catch (error) {
      this.unreadable.set(own(sourceId), error instanceof TypeError ? 'is not valid UTF-8' : 'cannot be read');
      return undefined;
    }
    this.cache.set(own(sourceId), text);
    this.cachedChars += text.length;
    for (const [id, old] of this.cache) {
      if (this.cachedChars <= SOURCE_TEXT_CACHE_CHARS || id === sourceId) break;
      this.cache.delete(id);
      this.cachedChars -= old.length;
    }
    return text;
  }
}

const EMPTY_DATASET = { sources: [], actors: [], places: [], events: [], agreements: [], relationships: [] };

/** What pass 1 learns about the whole input; sized by the number of ids. */
interface Index {
  datasetIds: string[];
  defined: Map<string, Definition>;
  sources: Map<string, SourceLocation & { publishedEnd: string | undefined }>;
  /** Latest day of each event, with the file it is in (a partOf parent is checked within its own file). */
  eventLatest: Map<string, { latest: string | undefined; file: number }>;
  /** Citations that appear in more than one file: their node lists every dataset. */
  sharedCitations: Map<string, string[]>;
}

/**
 * A copy of a string that does not keep its parent alive. Values parsed from the input are slices of the ~1 MB text
 * chunk they came from; keeping one in a long-lived map would keep the whole chunk in memory.
 */
function own(value: string): string {
  return ` ${value}`.slice(1);
}

function prefixedZodProblems(file: string, error: z.ZodError, prefix: PropertyKey[]): DatasetProblem[] {
  const issues = error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
  return zodProblems(file, { issues } as z.ZodError);
}

function describeReadError(error: unknown): string {
  if (error instanceof TypeError) return 'not valid UTF-8';
  if (error instanceof RecordReadError) return error.message;
  return `cannot be read (${(error as Error).message})`;
}

/** Pass 1: format of every record, id definitions, duplicate ids and relationships, partOf cycles. */
async function indexFiles(files: string[], problems: Problems, inputHash: ReturnType<typeof createHash>) {
  const index: Index = {
    datasetIds: [],
    defined: new Map(),
    sources: new Map(),
    eventLatest: new Map(),
    sharedCitations: new Map(),
  };
  const placeParent = new Map<string, string>();
  const eventParent = new Map<string, string>();
  const partOfPath = new Map<string, { file: string; path: string }>();
  const citationFile = new Map<string, number>();
  const sharedFiles = new Map<string, number[]>();
  for (const [fileIndex, file] of files.entries()) {
    const header: Record<string, unknown> = {};
    const seenCollections = new Set<string>();
    const relationshipKeys = new Map<string, number>();
    const fileHash = createHash('sha256');
    try {
      for await (const item of readTopLevel(file, fileHash)) {
        if (item.kind === 'scalar') {
          if ((RECORD_COLLECTIONS as readonly string[]).includes(item.key))
            problems.add({ file, path: jsonPath([item.key]), message: 'must be an array' });
          else header[item.key] = item.value;
          continue;
        }
        const { collection, index: i, value } = item;
        seenCollections.add(collection);
        const parsed = RECORD_SCHEMAS[collection].safeParse(value);
        if (!parsed.success) {
          problems.add(...prefixedZodProblems(file, parsed.error, [collection, i]));
          continue;
        }
        const record = parsed.data as { id?: string };
        if (collection !== 'relationships' && record.id !== undefined) {
          const at = `$.${collection}[${i}].id`;
          const earlier = index.defined.get(record.id);
          if (earlier) {
            const earlierFile = files[earlier.file] ?? '?';
            const where = earlierFile === file ? earlier.path : `${earlierFile} ${earlier.path}`;
            problems.add({ file, path: at, message: `duplicate id "${record.id}" (already defined at ${where})` });
          } else index.defined.set(own(record.id), { kind: KIND_OF[collection], file: fileIndex, path: own(at) });
        }
        if (collection === 'sources') {
          const s = record as z.infer<typeof Source>;
          const publishedEnd = s.published.end ?? s.published.start;
          index.sources.set(own(s.id), {
            datasetFile: file,
            relative: s.file === undefined ? undefined : own(s.file),
            inline: s.text,
            publishedEnd: publishedEnd === undefined ? undefined : own(publishedEnd),
          });
        } else if (collection === 'places') {
          const p = record as z.infer<typeof Place>;
          if (p.partOf) placeParent.set(own(p.id), own(p.partOf));
          partOfPath.set(own(`place|${p.id}`), { file, path: own(`$.places[${i}].partOf`) });
        } else if (collection === 'events') {
          const e = record as z.infer<typeof Event>;
          if (e.partOf) eventParent.set(own(e.id), own(e.partOf));
          partOfPath.set(own(`event|${e.id}`), { file, path: own(`$.events[${i}].partOf`) });
          const latest = latestDay(e.date);
          index.eventLatest.set(own(e.id), { latest: latest === undefined ? undefined : own(latest), file: fileIndex });
        } else if (collection === 'relationships') {
          const r = record as z.infer<typeof Relationship>;
          const key = createHash('sha256').update(relationshipKey(r)).digest('base64url').slice(0, 16);
          const earlier = relationshipKeys.get(key);
          if (earlier !== undefined)
            problems.add({
              file,
              path: `$.relationships[${i}]`,
              message: `repeats $.relationships[${earlier}] (${r.type} ${r.from} → ${r.to}); put both citations on one relationship`,
            });
          else relationshipKeys.set(key, i);
        }
        if (files.length > 1)
          for (const { citation } of citationsOf({ ...EMPTY_DATASET, [collection]: [record] } as unknown as Dataset)) {
            const id = citationId(citation);
            const first = citationFile.get(id);
            if (first === undefined) citationFile.set(id, fileIndex);
            else if (first !== fileIndex) {
              const list = sharedFiles.get(id) ?? [first];
              if (!list.includes(fileIndex)) list.push(fileIndex);
              sharedFiles.set(id, list);
            }
          }
      }
    } catch (error) {
      problems.add({ file, path: '$', message: describeReadError(error) });
      continue;
    }
    inputHash.update(`${file}\n${fileHash.digest('hex')}\n`);
    const parsedHeader = DatasetHeader.safeParse(header);
    if (!parsedHeader.success) problems.add(...zodProblems(file, parsedHeader.error));
    if (!seenCollections.has('sources'))
      problems.add({ file, path: '$.sources', message: 'needs at least one source' });
    index.datasetIds[fileIndex] = parsedHeader.success ? parsedHeader.data.id : '';
  }
  for (const [id, list] of sharedFiles)
    index.sharedCitations.set(id, [...new Set(list.map((f) => index.datasetIds[f] ?? ''))]);
  checkCycles('place', placeParent, partOfPath, problems);
  checkCycles('event', eventParent, partOfPath, problems);
  return index;
}

function checkCycles(
  kind: string,
  parentOf: Map<string, string>,
  where: Map<string, { file: string; path: string }>,
  problems: Problems,
): void {
  const reported = new Set<string>();
  for (const start of parentOf.keys()) {
    const chain = [start];
    const inChain = new Set(chain);
    let current = parentOf.get(start);
    while (current !== undefined && !inChain.has(current)) {
      chain.push(current);
      inChain.add(current);
      current = parentOf.get(current);
    }
    if (current === start && !reported.has(start)) {
      for (const id of chain) reported.add(id);
      const loc = where.get(`${kind}|${start}`) ?? { file: '?', path: '$' };
      problems.add({ ...loc, message: `partOf forms a cycle: ${[...chain, start].join(' → ')}` });
    }
  }
}

function compareAtCommonPrecision(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
}

/** The node and relationship rows of the plan, one NDJSON file per label and type. */
class RowSpool {
  readonly counts = new Map<string, number>();
  private readonly writers = new Map<string, BufferedFileWriter>();
  constructor(readonly dir: string) {}

  fileOf(kind: 'nodes' | 'rels', name: string): string {
    return path.join(this.dir, `${kind}-${name}.ndjson`);
  }

  async add(kind: 'nodes' | 'rels', name: string, rows: Array<NodeRow | RelRow>): Promise<void> {
    if (rows.length === 0) return;
    const key = `${kind}-${name}`;
    let writer = this.writers.get(key);
    if (!writer) {
      writer = new BufferedFileWriter(this.fileOf(kind, name), SPOOL_FLUSH_CHARS);
      this.writers.set(key, writer);
    }
    let text = '';
    for (const row of rows) text += `${JSON.stringify(row)}\n`;
    await writer.write(text);
    this.counts.set(key, (this.counts.get(key) ?? 0) + rows.length);
  }

  count(kind: 'nodes' | 'rels', name: string): number {
    return this.counts.get(`${kind}-${name}`) ?? 0;
  }

  async close(): Promise<void> {
    for (const writer of this.writers.values()) await writer.close();
  }

  /** The rows of one label or type, in the order they were planned. */
  private async *rows<T>(kind: 'nodes' | 'rels', name: string): AsyncGenerator<T> {
    if (this.count(kind, name) === 0) return;
    const input = createReadStream(this.fileOf(kind, name));
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
      if (line !== '') yield JSON.parse(line) as T;
  }

  /** Batches of `size` rows: every node label, then every relationship type, a batch spanning groups when one ends. */
  async *batches(size: number): AsyncGenerator<BatchSegment[]> {
    let segments: BatchSegment[] = [];
    let rows = 0;
    const groups = [
      ...NODE_LABELS.map((label) => ({ kind: 'nodes' as const, label })),
      ...REL_TYPES.map((type) => ({ kind: 'rels' as const, type })),
    ];
    for (const group of groups) {
      let segment: BatchSegment | undefined;
      const name = group.kind === 'nodes' ? group.label : group.type;
      for await (const row of this.rows<NodeRow & RelRow>(group.kind, name)) {
        if (!segment) {
          segment =
            group.kind === 'nodes'
              ? { kind: 'nodes', label: group.label, rows: [] }
              : { kind: 'rels', type: group.type as RelType, rows: [] };
          segments.push(segment);
        }
        segment.rows.push(row);
        rows++;
        if (rows >= size) {
          yield segments;
          segments = [];
          segment = undefined;
          rows = 0;
        }
      }
    }
    if (rows > 0) yield segments;
  }
}

/**
 * Plans valid records in chunks of one collection (planning one record at a time costs more than the records):
 * the same rows, in the same order, as planning the whole dataset at once. A citation cited again later is one node.
 */
class ChunkPlanner {
  private readonly seenCitations = new Set<string>();
  private pending: { datasetId: string; collection: RecordCollection; records: unknown[]; texts: Map<string, string> } =
    { datasetId: '', collection: 'actors', records: [], texts: new Map() };

  constructor(
    private readonly spool: RowSpool,
    private readonly sharedCitations: Map<string, string[]>,
  ) {}

  async add(datasetId: string, collection: RecordCollection, record: unknown, sourceText?: string): Promise<void> {
    const p = this.pending;
    if (p.records.length > 0 && (p.datasetId !== datasetId || p.collection !== collection)) await this.flush();
    this.pending.datasetId = datasetId;
    this.pending.collection = collection;
    this.pending.records.push(record);
    if (sourceText !== undefined) this.pending.texts.set((record as { id: string }).id, sourceText);
    const limit = collection === 'sources' ? 20 : 500;
    if (this.pending.records.length >= limit) await this.flush();
  }

  async flush(): Promise<void> {
    const { datasetId, collection, records, texts } = this.pending;
    this.pending = { datasetId, collection, records: [], texts: new Map() };
    if (records.length === 0) return;
    const plan = planDataset({ ...EMPTY_DATASET, id: datasetId, [collection]: records } as unknown as Dataset, texts);
    const newCitations = new Set<string>();
    const citations: NodeRow[] = [];
    for (const row of plan.nodes.Citation) {
      if (this.seenCitations.has(row.id)) continue;
      newCitations.add(row.id);
      const shared = this.sharedCitations.get(row.id);
      if (shared) row.props.datasets = shared;
      citations.push(row);
    }
    for (const id of newCitations) this.seenCitations.add(id);
    plan.nodes.Citation = citations;
    plan.rels.FROM_SOURCE = plan.rels.FROM_SOURCE.filter((r) => newCitations.has(r.from));
    plan.rels.ATTRIBUTED_TO = plan.rels.ATTRIBUTED_TO.filter((r) => newCitations.has(r.from));
    for (const label of NODE_LABELS) await this.spool.add('nodes', label, plan.nodes[label]);
    for (const type of REL_TYPES) await this.spool.add('rels', type, plan.rels[type]);
  }
}

/** Pass 2: references, dates and quotes of every record; the plan of each record goes to the spool. */
async function checkAndPlan(files: string[], index: Index, problems: Problems, spool: RowSpool) {
  const texts = new SourceTexts(index.sources);
  const planner = new ChunkPlanner(spool, index.sharedCitations);
  for (const [fileIndex, file] of files.entries()) {
    const datasetId = index.datasetIds[fileIndex] ?? '';
    const expect = (id: string, kinds: Kind[], at: PropertyKey[]) => {
      const def = index.defined.get(id);
      if (!def) problems.add({ file, path: jsonPath(at), message: `refers to "${id}", which is not defined` });
      else if (!kinds.includes(def.kind))
        problems.add({
          file,
          path: jsonPath(at),
          message: `refers to "${id}", a ${def.kind}, where ${kinds.join(' or ')} is expected`,
        });
    };
    const checkDate = (date: DateSpec | undefined, citations: Citation[], at: PropertyKey[]) => {
      const start = date?.start;
      if (start === undefined) return;
      for (const c of citations) {
        const publishedEnd = index.sources.get(c.source)?.publishedEnd;
        if (publishedEnd !== undefined && compareAtCommonPrecision(start, publishedEnd) > 0)
          problems.add({
            file,
            path: jsonPath([...at, 'start']),
            message: `starts ${start}, after its source ${c.source} was published (${publishedEnd})`,
          });
      }
    };
    for await (const item of readTopLevel(file)) {
      if (item.kind !== 'record') continue;
      const { collection, index: i } = item;
      const record = RECORD_SCHEMAS[collection].parse(item.value) as Record<string, never>;
      const mini = { ...EMPTY_DATASET, id: datasetId, [collection]: [record] } as unknown as Dataset;
      const at = (...rest: PropertyKey[]) => [collection, i, ...rest];
      if (collection === 'sources') {
        const s = record as unknown as z.infer<typeof Source>;
        if (s.publisher) expect(s.publisher, ['actor'], at('publisher'));
        await texts.get(s.id);
        const reason = texts.unreadable.get(s.id);
        if (reason)
          problems.add({
            file,
            path: jsonPath(at('file')),
            message: `source text "${s.file}" ${reason} (resolved to ${texts.resolved(s.id)})`,
          });
      } else if (collection === 'places') {
        const p = record as unknown as z.infer<typeof Place>;
        if (p.partOf) expect(p.partOf, ['place'], at('partOf'));
      } else if (collection === 'events') {
        const e = record as unknown as z.infer<typeof Event>;
        for (const [j, p] of e.participants.entries()) expect(p.actor, ['actor'], at('participants', j, 'actor'));
        for (const [j, p] of e.places.entries()) expect(p.place, ['place'], at('places', j, 'place'));
        if (e.partOf) {
          expect(e.partOf, ['event'], at('partOf'));
          const parent = index.eventLatest.get(e.partOf);
          const childStart = earliestDay(e.date);
          if (parent && parent.file === fileIndex && childStart && parent.latest && childStart > parent.latest)
            problems.add({
              file,
              path: `$.events[${i}].date`,
              message: `starts after the event it is part of (${e.partOf}) ends`,
            });
        }
        checkDate(e.date, e.citations, at('date'));
      } else if (collection === 'agreements') {
        const a = record as unknown as z.infer<typeof Agreement>;
        for (const [j, p] of a.parties.entries()) expect(p.actor, ['actor'], at('parties', j, 'actor'));
        for (const [j, r] of a.rejectedBy.entries()) expect(r.actor, ['actor'], at('rejectedBy', j, 'actor'));
        for (const [j, p] of a.places.entries()) expect(p.place, ['place'], at('places', j, 'place'));
        for (const [j, t] of a.terms.entries())
          for (const [k, p] of t.places.entries()) expect(p.place, ['place'], at('terms', j, 'places', k, 'place'));
        checkDate(a.date, a.citations, at('date'));
      } else if (collection === 'relationships') {
        const r = record as unknown as z.infer<typeof Relationship>;
        const [fromKinds, toKinds] = RELATIONSHIP_ENDPOINTS[r.type];
        expect(r.from, fromKinds, at('from'));
        expect(r.to, toKinds, at('to'));
        checkDate(r.date, r.citations, at('date'));
      }
      for (const { citation, path: where } of citationsOf(mini)) {
        const citationAt = [collection, i, ...where.slice(2)];
        expect(citation.source, ['source'], [...citationAt, 'source']);
        expect(citation.attributedTo, ['actor'], [...citationAt, 'attributedTo']);
        const sourceText = await texts.get(citation.source);
        if (sourceText === undefined || quoteMatchesSpan(sourceText, citation.quote, citation)) continue;
        const found = findQuoteSpans(sourceText, citation.quote);
        problems.add({
          file,
          path: jsonPath([...citationAt, found.length === 0 ? 'quote' : 'start']),
          message:
            found.length === 0
              ? `quote is not a verbatim span of ${citation.source}: "${citation.quote.slice(0, 80)}"`
              : `offsets ${citation.start}–${citation.end} do not match the quote, which is at ${found
                  .map((s) => `${s.start}–${s.end}`)
                  .join(', ')}`,
        });
      }
      if (problems.count > 0) continue;
      let sourceText: string | undefined;
      if (collection === 'sources') sourceText = await texts.get((record as unknown as z.infer<typeof Source>).id);
      await planner.add(datasetId, collection, record, sourceText);
    }
    await planner.flush();
  }
  return texts;
}

/** Validates and plans the input without writing; throws DatasetValidationError listing the problems. */
async function validateAndPlan(files: string[], spool: RowSpool, onStage?: (stage: string) => void) {
  const problems = new Problems();
  const inputHash = createHash('sha256');
  onStage?.('validate');
  const index = await indexFiles(files, problems, inputHash);
  problems.throwIfAny();
  onStage?.('plan-and-check');
  const texts = await checkAndPlan(files, index, problems, spool);
  await spool.close();
  problems.throwIfAny();
  for (const [id, hash] of [...texts.hashes].sort(([a], [b]) => a.localeCompare(b)))
    inputHash.update(`${id}\n${hash}\n`);
  return { index, inputDigest: inputHash.digest('hex') };
}

/**
 * Loads large dataset files through the streamed, resumable path. Validation problems are thrown as
 * DatasetValidationError before anything is written.
 */
export async function streamLoadFiles(
  driver: Driver | undefined,
  files: string[],
  options: StreamLoadOptions = {},
): Promise<StreamLoadResult> {
  const spool = new RowSpool(await mkdtemp(path.join(tmpdir(), 'seed-spool-')));
  try {
    const { index, inputDigest } = await validateAndPlan(files, spool, options.onStage);
    const counts = Object.fromEntries(NODE_LABELS.map((l) => [l, spool.count('nodes', l)])) as Record<
      NodeLabel,
      number
    >;
    const rows = {
      nodes: NODE_LABELS.reduce((n, l) => n + spool.count('nodes', l), 0),
      rels: REL_TYPES.reduce((n, t) => n + spool.count('rels', t), 0),
    };
    const result: StreamLoadResult = { counts, rows, inputDigest, datasetIds: index.datasetIds };
    if (options.dryRun) return result;
    if (!driver) throw new Error('a database driver is needed unless dryRun is set');
    await ensureSchema(driver);
    await ensureLoadJobSchema(driver);

    const requestedSize = options.batchSize ?? DEFAULT_STREAM_BATCH_SIZE;
    const batchesOf = (size: number) => Math.ceil((rows.nodes + rows.rels) / size);
    const earlier = await findResumableJob(driver, inputDigest);
    const job: LoadJob =
      earlier ??
      (await createLoadJob(driver, {
        id: `load:${randomUUID()}`,
        datasets: index.datasetIds,
        inputDigest,
        stamp: randomUUID(),
        batchSize: requestedSize,
        totalBatches: batchesOf(requestedSize),
      }));
    const totalBatches = batchesOf(job.batchSize);
    options.onStage?.('write');
    let batch = 0;
    let rowsDone = 0;
    let written = 0;
    const totalRows = rows.nodes + rows.rels;
    for await (const segments of spool.batches(job.batchSize)) {
      batch++;
      const size = segments.reduce((n, segment) => n + segment.rows.length, 0);
      rowsDone += size;
      if (batch <= job.batchesDone) continue;
      await writeBatch(driver, job, segments, batch);
      written++;
      const phase = segments.at(-1)?.kind === 'nodes' ? 'nodes' : 'relationships';
      await options.onBatch?.({ phase, batch, totalBatches, rowsDone, totalRows });
    }
    if (job.preexisting) {
      options.onStage?.('prune');
      result.pruned = await pruneOtherStamps(driver, job.datasets, job.stamp);
    }
    await completeLoadJob(driver, job);
    result.job = {
      id: job.id,
      resumed: earlier !== undefined,
      batchesSkipped: Math.min(job.batchesDone, totalBatches),
      batchesWritten: written,
      totalBatches,
    };
    return result;
  } finally {
    await rm(spool.dir, { recursive: true, force: true });
  }
}
