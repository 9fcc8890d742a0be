/**
 * Validates dataset files completely before anything is written: syntax, the zod format, references
 * between ids, and every citation's quote against its source text. All problems are collected and
 * reported together, each with its file, JSON path and reason.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { type Citation, Dataset, type DateSpec, type Relationship } from '../schema/dataset.ts';
import { earliestDay, latestDay } from '../schema/dates.ts';
import type { RELATIONSHIP_TYPES } from '../schema/vocabulary.ts';
import { computeMerges } from './merge.ts';
import { findQuoteSpans, quoteMatchesSpan } from './quotes.ts';

export interface DatasetProblem {
  file: string;
  /** JSONPath-like location inside the file, e.g. `$.events[3].citations[0].quote`. */
  path: string;
  message: string;
}

export class DatasetValidationError extends Error {
  readonly code = 'DATASET_INVALID';
  constructor(readonly problems: DatasetProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the dataset:\n${problems
        .map(formatProblem)
        .join('\n')}`,
    );
    this.name = 'DatasetValidationError';
  }
}

export function formatProblem(problem: DatasetProblem): string {
  return `  ${problem.file} ${problem.path}: ${problem.message}`;
}

/** A dataset that passed validation, with the source texts its citations were checked against. */
export interface ValidDataset {
  file: string;
  dataset: Dataset;
  sourceTexts: Map<string, string>;
}

type EntityKind = 'actor' | 'place' | 'event' | 'agreement';

interface Definition {
  kind: EntityKind | 'source';
  file: string;
  path: string;
}

/** Largest dataset file the in-memory path reads; larger files go through the streamed loader (seed/stream-load.ts). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Endpoint kinds each generic relationship type accepts (from → to). */
export const RELATIONSHIP_ENDPOINTS: Record<(typeof RELATIONSHIP_TYPES)[number], [EntityKind[], EntityKind[]]> = {
  LEADS: [['actor'], ['actor']],
  MEMBER_OF: [['actor'], ['actor']],
  BACKED_BY: [['actor'], ['actor']],
  ENVOY_OF: [['actor'], ['actor']],
  SPLIT_FROM: [['actor'], ['actor']],
  FOUGHT: [['actor'], ['actor']],
  ALLIED_WITH: [['actor'], ['actor']],
  CONTROLS: [['actor'], ['place']],
  CAUSED: [['event'], ['event']],
  FOLLOWED: [
    ['event', 'agreement'],
    ['event', 'agreement'],
  ],
  ACCUSED: [['actor'], ['actor', 'event']],
};

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

function lineAndColumn(textValue: string, position: number): string {
  const before = textValue.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function describeJsonError(raw: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const where = position === undefined ? '' : ` (${lineAndColumn(raw, Number(position))})`;
  return `not valid JSON${where}: ${message}`;
}

export function zodProblems(file: string, error: z.ZodError): DatasetProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { file, path: jsonPath(issue.path), message };
  });
}

async function readSourceText(file: string, relative: string): Promise<string> {
  const bytes = await readFile(path.resolve(path.dirname(file), relative));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

interface ParsedFile {
  file: string;
  dataset: Dataset;
}

/** Reads and parses each file against the format; returns what parsed plus every problem found. */
async function parseFiles(files: string[]): Promise<{ parsed: ParsedFile[]; problems: DatasetProblem[] }> {
  const parsed: ParsedFile[] = [];
  const problems: DatasetProblem[] = [];
  for (const file of files) {
    let raw: string;
    try {
      const bytes = await readFile(file);
      if (bytes.length > MAX_FILE_BYTES) {
        problems.push({ file, path: '$', message: `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}` });
        continue;
      }
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8' : `cannot be read (${(error as Error).message})`;
      problems.push({ file, path: '$', message: reason });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ file, path: '$', message: describeJsonError(raw, error) });
      continue;
    }
    const result = Dataset.safeParse(json);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error));
      continue;
    }
    parsed.push({ file, dataset: result.data });
  }
  return { parsed, problems };
}

/** Visits every citation in a dataset with its JSON path. */
export function* citationsOf(dataset: Dataset): Generator<{ citation: Citation; path: PropertyKey[] }> {
  const within = function* (citations: Citation[] | undefined, base: PropertyKey[]) {
    for (const [i, citation] of (citations ?? []).entries()) yield { citation, path: [...base, 'citations', i] };
  };
  for (const [i, actor] of dataset.actors.entries()) yield* within(actor.citations, ['actors', i]);
  for (const [i, place] of dataset.places.entries()) yield* within(place.citations, ['places', i]);
  for (const [i, event] of dataset.events.entries()) {
    const base = ['events', i];
    yield* within(event.citations, base);
    for (const [j, p] of event.participants.entries()) yield* within(p.citations, [...base, 'participants', j]);
    for (const [j, p] of event.places.entries()) yield* within(p.citations, [...base, 'places', j]);
    for (const [j, f] of event.figures.entries()) yield* within(f.citations, [...base, 'figures', j]);
  }
  for (const [i, agreement] of dataset.agreements.entries()) {
    const base = ['agreements', i];
    yield* within(agreement.citations, base);
    for (const [j, p] of agreement.parties.entries()) yield* within(p.citations, [...base, 'parties', j]);
    for (const [j, r] of agreement.rejectedBy.entries()) yield* within(r.citations, [...base, 'rejectedBy', j]);
    for (const [j, p] of agreement.places.entries()) yield* within(p.citations, [...base, 'places', j]);
    for (const [j, f] of agreement.figures.entries()) yield* within(f.citations, [...base, 'figures', j]);
    for (const [j, term] of agreement.terms.entries()) {
      yield* within(term.citations, [...base, 'terms', j]);
      for (const [k, f] of term.figures.entries()) yield* within(f.citations, [...base, 'terms', j, 'figures', k]);
    }
  }
  for (const [i, rel] of dataset.relationships.entries()) yield* within(rel.citations, ['relationships', i]);
}

/** Key that identifies a generic relationship; two relationships with one key would be one edge. */
export function relationshipKey(rel: Relationship): string {
  return [rel.type, rel.from, rel.to, rel.label ?? '', rel.date?.start ?? '', rel.date?.end ?? ''].join('|');
}

function checkDefinitions(parsed: ParsedFile[], problems: DatasetProblem[]): Map<string, Definition> {
  const defined = new Map<string, Definition>();
  const define = (id: string, def: Definition) => {
    const earlier = defined.get(id);
    // The same entity or source in two datasets is one (seed/merge.ts); within one file an id is defined once.
    if (earlier && earlier.file !== def.file) return;
    if (earlier) {
      const where = earlier.file === def.file ? earlier.path : `${earlier.file} ${earlier.path}`;
      problems.push({ file: def.file, path: def.path, message: `duplicate id "${id}" (already defined at ${where})` });
      return;
    }
    defined.set(id, def);
  };
  for (const { file, dataset } of parsed) {
    for (const [i, s] of dataset.sources.entries()) define(s.id, { kind: 'source', file, path: `$.sources[${i}].id` });
    for (const [i, a] of dataset.actors.entries()) define(a.id, { kind: 'actor', file, path: `$.actors[${i}].id` });
    for (const [i, p] of dataset.places.entries()) define(p.id, { kind: 'place', file, path: `$.places[${i}].id` });
    for (const [i, e] of dataset.events.entries()) define(e.id, { kind: 'event', file, path: `$.events[${i}].id` });
    for (const [i, a] of dataset.agreements.entries())
      define(a.id, { kind: 'agreement', file, path: `$.agreements[${i}].id` });
  }
  return defined;
}

function checkReferences(parsed: ParsedFile[], defined: Map<string, Definition>, problems: DatasetProblem[]): void {
  for (const { file, dataset } of parsed) {
    const expect = (id: string, kinds: Array<Definition['kind']>, at: PropertyKey[]) => {
      const def = defined.get(id);
      if (!def) problems.push({ file, path: jsonPath(at), message: `refers to "${id}", which is not defined` });
      else if (!kinds.includes(def.kind))
        problems.push({
          file,
          path: jsonPath(at),
          message: `refers to "${id}", a ${def.kind}, where ${kinds.join(' or ')} is expected`,
        });
    };
    for (const [i, s] of dataset.sources.entries())
      if (s.publisher) expect(s.publisher, ['actor'], ['sources', i, 'publisher']);
    for (const [i, p] of dataset.places.entries()) if (p.partOf) expect(p.partOf, ['place'], ['places', i, 'partOf']);
    for (const [i, e] of dataset.events.entries()) {
      for (const [j, p] of e.participants.entries())
        expect(p.actor, ['actor'], ['events', i, 'participants', j, 'actor']);
      for (const [j, p] of e.places.entries()) expect(p.place, ['place'], ['events', i, 'places', j, 'place']);
      if (e.partOf) expect(e.partOf, ['event'], ['events', i, 'partOf']);
    }
    for (const [i, a] of dataset.agreements.entries()) {
      for (const [j, p] of a.parties.entries()) expect(p.actor, ['actor'], ['agreements', i, 'parties', j, 'actor']);
      for (const [j, r] of a.rejectedBy.entries())
        expect(r.actor, ['actor'], ['agreements', i, 'rejectedBy', j, 'actor']);
      for (const [j, p] of a.places.entries()) expect(p.place, ['place'], ['agreements', i, 'places', j, 'place']);
      for (const [j, t] of a.terms.entries())
        for (const [k, p] of t.places.entries())
          expect(p.place, ['place'], ['agreements', i, 'terms', j, 'places', k, 'place']);
    }
    const seenRelationships = new Map<string, number>();
    for (const [i, r] of dataset.relationships.entries()) {
      const [fromKinds, toKinds] = RELATIONSHIP_ENDPOINTS[r.type];
      expect(r.from, fromKinds, ['relationships', i, 'from']);
      expect(r.to, toKinds, ['relationships', i, 'to']);
      const key = relationshipKey(r);
      const earlier = seenRelationships.get(key);
      if (earlier !== undefined)
        problems.push({
          file,
          path: `$.relationships[${i}]`,
          message: `repeats $.relationships[${earlier}] (${r.type} ${r.from} → ${r.to}); put both citations on one relationship`,
        });
      else seenRelationships.set(key, i);
    }
    for (const { citation, path: at } of citationsOf(dataset)) {
      expect(citation.source, ['source'], [...at, 'source']);
      expect(citation.attributedTo, ['actor'], [...at, 'attributedTo']);
    }
  }
}

function checkCycles(parsed: ParsedFile[], problems: DatasetProblem[]): void {
  for (const collection of ['places', 'events'] as const) {
    const parentOf = new Map<string, string>();
    const where = new Map<string, { file: string; path: string }>();
    for (const { file, dataset } of parsed)
      for (const [i, item] of dataset[collection].entries()) {
        if (item.partOf) parentOf.set(item.id, item.partOf);
        where.set(item.id, { file, path: `$.${collection}[${i}].partOf` });
      }
    const reported = new Set<string>();
    for (const start of parentOf.keys()) {
      const chain = [start];
      let current = parentOf.get(start);
      while (current !== undefined && !chain.includes(current)) {
        chain.push(current);
        current = parentOf.get(current);
      }
      if (current === start && !reported.has(start)) {
        for (const id of chain) reported.add(id);
        const loc = where.get(start) ?? { file: '?', path: '$' };
        problems.push({ ...loc, message: `partOf forms a cycle: ${[...chain, start].join(' → ')}` });
      }
    }
  }
}

function compareAtCommonPrecision(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
}

function checkDatesAgainstSources(parsed: ParsedFile[], problems: DatasetProblem[]): void {
  const publishedBy = new Map<string, DateSpec>();
  for (const { dataset } of parsed) for (const s of dataset.sources) publishedBy.set(s.id, s.published);
  const check = (file: string, date: DateSpec | undefined, citations: Citation[], at: PropertyKey[]) => {
    const start = date?.start;
    if (start === undefined) return;
    for (const c of citations) {
      const published = publishedBy.get(c.source);
      const publishedEnd = published?.end ?? published?.start;
      if (publishedEnd !== undefined && compareAtCommonPrecision(start, publishedEnd) > 0)
        problems.push({
          file,
          path: jsonPath([...at, 'start']),
          message: `starts ${start}, after its source ${c.source} was published (${publishedEnd})`,
        });
    }
  };
  for (const { file, dataset } of parsed) {
    for (const [i, e] of dataset.events.entries()) check(file, e.date, e.citations, ['events', i, 'date']);
    for (const [i, a] of dataset.agreements.entries()) check(file, a.date, a.citations, ['agreements', i, 'date']);
    for (const [i, r] of dataset.relationships.entries())
      check(file, r.date, r.citations, ['relationships', i, 'date']);
  }
  for (const { file, dataset } of parsed)
    for (const [i, e] of dataset.events.entries())
      if (e.partOf) {
        const parent = dataset.events.find((p) => p.id === e.partOf);
        const childStart = earliestDay(e.date);
        const parentEnd = parent ? latestDay(parent.date) : undefined;
        if (childStart && parentEnd && childStart > parentEnd)
          problems.push({
            file,
            path: `$.events[${i}].date`,
            message: `starts after the event it is part of (${e.partOf}) ends`,
          });
      }
}

async function checkQuotes(
  parsed: ParsedFile[],
  problems: DatasetProblem[],
): Promise<Map<string, Map<string, string>>> {
  const textsByFile = new Map<string, Map<string, string>>();
  const allTexts = new Map<string, string>();
  for (const { file, dataset } of parsed) {
    const texts = new Map<string, string>();
    for (const [i, source] of dataset.sources.entries()) {
      try {
        const content = source.text ?? (await readSourceText(file, source.file ?? ''));
        const earlier = allTexts.get(source.id);
        if (earlier !== undefined && earlier !== content)
          problems.push({
            file,
            path: `$.sources[${i}]`,
            message: `source "${source.id}" is also defined by another dataset with a different text; give one of them another id`,
          });
        texts.set(source.id, content);
        allTexts.set(source.id, content);
      } catch (error) {
        const reason = error instanceof TypeError ? 'is not valid UTF-8' : 'cannot be read';
        problems.push({
          file,
          path: `$.sources[${i}].file`,
          message: `source text "${source.file}" ${reason} (resolved to ${path.resolve(path.dirname(file), source.file ?? '')})`,
        });
      }
    }
    textsByFile.set(file, texts);
  }
  for (const { file, dataset } of parsed) {
    for (const { citation, path: at } of citationsOf(dataset)) {
      const sourceText = allTexts.get(citation.source);
      if (sourceText === undefined) continue;
      if (quoteMatchesSpan(sourceText, citation.quote, citation)) continue;
      const found = findQuoteSpans(sourceText, citation.quote);
      const message =
        found.length === 0
          ? `quote is not a verbatim span of ${citation.source}: "${citation.quote.slice(0, 80)}"`
          : `offsets ${citation.start}–${citation.end} do not match the quote, which is at ${found
              .map((s) => `${s.start}–${s.end}`)
              .join(', ')}`;
      problems.push({ file, path: jsonPath([...at, found.length === 0 ? 'quote' : 'start']), message });
    }
  }
  return textsByFile;
}

/**
 * Validates dataset files as one set (ids are unique within a file; the same id in two files is one
 * entity, see seed/merge.ts; references may cross files). Throws {@link DatasetValidationError} listing every problem; returns the parsed datasets otherwise.
 */
export async function validateDatasetFiles(files: string[]): Promise<ValidDataset[]> {
  const { parsed, problems } = await parseFiles(files);
  const defined = checkDefinitions(parsed, problems);
  checkReferences(parsed, defined, problems);
  checkCycles(parsed, problems);
  checkDatesAgainstSources(parsed, problems);
  const texts = await checkQuotes(parsed, problems);
  if (problems.length === 0) problems.push(...computeMerges(parsed).problems);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return parsed.map(({ file, dataset }) => ({ file, dataset, sourceTexts: texts.get(file) ?? new Map() }));
}
