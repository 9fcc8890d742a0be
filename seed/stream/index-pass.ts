/**
 * Pass 1 of a streamed load: streams each file once, checks every record against its zod schema and collects what
 * the second pass needs (ids and kinds, source locations and publication dates, event dates, citations shared across
 * files), with memory bounded by the number of ids. Duplicate ids, repeated relationships and partOf cycles are
 * found here (rules.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import type { z } from 'zod';
import { Actor, Agreement, Dataset, Event, Place, Relationship, Source } from '../../schema/dataset.ts';
import { latestDay } from '../../schema/dates.ts';
import { citationId } from '../plan-dataset.ts';
import { contradictionKeys } from '../policy-rules.ts';
import { type DatasetProblem, jsonPath, type ProblemList, zodProblems } from '../problems.ts';
import {
  citationsOf,
  type DefinitionKind,
  duplicateIdProblem,
  KIND_OF,
  partOfCycleProblems,
  publishedEndOf,
  RECORD_COLLECTIONS,
  type RecordCollection,
  RelationshipRepeats,
} from '../rules.ts';
import { describeSyntaxError, JsonSyntaxError, RecordReadError, readTopLevel } from './read-records.ts';
import { own, type SourceLocation } from './source-texts.ts';

export const RECORD_SCHEMAS: Record<RecordCollection, z.ZodType> = {
  sources: Source,
  actors: Actor,
  places: Place,
  events: Event,
  agreements: Agreement,
  relationships: Relationship,
};

const DatasetHeader = Dataset.omit({
  sources: true,
  actors: true,
  places: true,
  events: true,
  agreements: true,
  relationships: true,
});

/** A dataset holding only the given records, for the functions that take a whole dataset. */
export const EMPTY_DATASET = { sources: [], actors: [], places: [], events: [], agreements: [], relationships: [] };

interface Definition {
  kind: DefinitionKind;
  file: number;
  path: string;
}

/** What pass 1 learns about the whole input; sized by the number of ids. */
export interface Index {
  datasetIds: string[];
  defined: Map<string, Definition>;
  sources: Map<string, SourceLocation & { publishedEnd: string | undefined; arabic: boolean }>;
  /** Actors of kind `unnamed_sources` (an agreement they alone report cannot be in effect). */
  unnamedSources: Set<string>;
  /** Per file, the spans its citations' `contradictedBy` name (pass 2 finds the citations there). */
  contradictionSpans: Map<number, Set<string>>;
  /** Latest day of each event, with the file it is in (a partOf parent is checked within its own file). */
  eventLatest: Map<string, { latest: string | undefined; file: number }>;
  /** Citations that appear in more than one file: their node lists every dataset. */
  sharedCitations: Map<string, string[]>;
}

async function describeReadError(file: string, error: unknown): Promise<string> {
  if (error instanceof TypeError) return 'not valid UTF-8';
  if (error instanceof JsonSyntaxError) return describeSyntaxError(file, error);
  if (error instanceof RecordReadError) return error.message;
  return `cannot be read (${(error as Error).message})`;
}

/** Pass 1: format of every record, id definitions, duplicate ids and relationships, partOf cycles. */
export async function indexFiles(files: string[], problems: ProblemList, inputHash: Hash): Promise<Index> {
  const index: Index = {
    datasetIds: [],
    defined: new Map(),
    sources: new Map(),
    eventLatest: new Map(),
    sharedCitations: new Map(),
    unnamedSources: new Set(),
    contradictionSpans: new Map(),
  };
  const parentOf = { place: new Map<string, string>(), event: new Map<string, string>() };
  const partOfPath = new Map<string, { file: string; path: string }>();
  const citationFile = new Map<string, number>();
  const sharedFiles = new Map<string, number[]>();
  for (const [fileIndex, file] of files.entries()) {
    const header: Record<string, unknown> = {};
    const seenCollections = new Set<string>();
    const repeats = new RelationshipRepeats();
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
          problems.add(...zodProblems(file, parsed.error, [collection, i]));
          continue;
        }
        const record = parsed.data as { id?: string };
        if (collection !== 'relationships' && record.id !== undefined) {
          const at = `$.${collection}[${i}].id`;
          const earlier = index.defined.get(record.id);
          if (earlier) {
            const earlierAt = { file: files[earlier.file] ?? '?', path: earlier.path };
            problems.add(duplicateIdProblem(file, at, record.id, earlierAt));
          } else index.defined.set(own(record.id), { kind: KIND_OF[collection], file: fileIndex, path: own(at) });
        }
        if (collection === 'sources') {
          const s = record as z.infer<typeof Source>;
          const publishedEnd = publishedEndOf(s.published);
          index.sources.set(own(s.id), {
            datasetFile: file,
            relative: s.file === undefined ? undefined : own(s.file),
            inline: s.text,
            publishedEnd: publishedEnd === undefined ? undefined : own(publishedEnd),
            arabic: s.language === 'ar',
          });
        } else if (collection === 'actors') {
          const a = record as z.infer<typeof Actor>;
          if (a.kind === 'unnamed_sources') index.unnamedSources.add(own(a.id));
        } else if (collection === 'places') {
          const p = record as z.infer<typeof Place>;
          if (p.partOf) parentOf.place.set(own(p.id), own(p.partOf));
          partOfPath.set(own(`place|${p.id}`), { file, path: own(`$.places[${i}].partOf`) });
        } else if (collection === 'events') {
          const e = record as z.infer<typeof Event>;
          if (e.partOf) parentOf.event.set(own(e.id), own(e.partOf));
          partOfPath.set(own(`event|${e.id}`), { file, path: own(`$.events[${i}].partOf`) });
          const latest = latestDay(e.date);
          index.eventLatest.set(own(e.id), { latest: latest === undefined ? undefined : own(latest), file: fileIndex });
        } else if (collection === 'relationships') {
          const repeat = repeats.check(file, record as z.infer<typeof Relationship>, i);
          if (repeat) problems.add(repeat);
        }
        const citations = [...citationsOf({ ...EMPTY_DATASET, [collection]: [record] } as unknown as Dataset)];
        for (const { citation } of citations) {
          if (citation.contradictedBy === undefined) continue;
          const spans = index.contradictionSpans.get(fileIndex) ?? new Set<string>();
          for (const key of contradictionKeys(citation)) spans.add(own(key));
          index.contradictionSpans.set(fileIndex, spans);
        }
        if (files.length > 1)
          for (const { citation } of citations) {
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
      problems.add({ file, path: '$', message: await describeReadError(file, error) });
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
  for (const kind of ['place', 'event'] as const) {
    const cycles: DatasetProblem[] = partOfCycleProblems(parentOf[kind], (id) => partOfPath.get(`${kind}|${id}`));
    problems.add(...cycles);
  }
  return index;
}
