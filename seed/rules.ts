/**
 * The validation rules, written once. The in-memory validator (validate.ts) and the streamed loader (stream/) walk a
 * dataset differently (all of it at once, or one record at a time with an index of ids), but both ask these
 * functions, so a dataset is refused for the same reasons, at the same JSON paths, either way.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Citation, Dataset, DateSpec, Relationship } from '../schema/dataset.ts';
import { earliestDay } from '../schema/dates.ts';
import { type EntityKind, RELATIONSHIP_ENDPOINTS } from '../schema/vocabulary.ts';
import { type DatasetProblem, jsonPath } from './problems.ts';
import { findQuoteSpans, quoteMatchesSpan } from './quotes.ts';

/** The top-level lists of a dataset file, in the order the format gives them. */
export const RECORD_COLLECTIONS = ['sources', 'actors', 'places', 'events', 'agreements', 'relationships'] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** What an id can name: one of the four entity kinds, or a source. */
export type DefinitionKind = EntityKind | 'source';

/** The collections whose records define ids (relationships define none). */
export type DefiningCollection = Exclude<RecordCollection, 'relationships'>;
export const DEFINING_COLLECTIONS = RECORD_COLLECTIONS.filter((c): c is DefiningCollection => c !== 'relationships');

/** The kind each collection defines. */
export const KIND_OF: Readonly<Record<DefiningCollection, DefinitionKind>> = {
  sources: 'source',
  actors: 'actor',
  places: 'place',
  events: 'event',
  agreements: 'agreement',
};

/** Largest dataset file the in-memory path reads; larger files go through the streamed loader (stream-load.ts). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

// ─── Syntax ──────────────────────────────────────────────────────────────────────────────────────────────────────

function lineAndColumn(textValue: string, position: number): string {
  const before = textValue.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** A JSON syntax error (from JSON.parse) with the line and column it points at. */
export function describeJsonError(raw: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const where = position === undefined ? '' : ` (${lineAndColumn(raw, Number(position))})`;
  return `not valid JSON${where}: ${message}`;
}

// ─── Ids and references ──────────────────────────────────────────────────────────────────────────────────────────

/** An id defined twice where that is not allowed; `earlier` is where it was first defined. */
export function duplicateIdProblem(
  file: string,
  path: string,
  id: string,
  earlier: { file: string; path: string },
): DatasetProblem {
  const where = earlier.file === file ? earlier.path : `${earlier.file} ${earlier.path}`;
  return { file, path, message: `duplicate id "${id}" (already defined at ${where})` };
}

/** A reference from one place of a dataset to an id, and the kinds that id may name there. */
export interface Reference {
  id: string;
  kinds: readonly DefinitionKind[];
  at: PropertyKey[];
}

type RecordOf<C extends RecordCollection> = Dataset[C][number];

/** Every reference one record makes, its citations' excepted (see {@link citationReferences}). */
export function* referencesOf<C extends RecordCollection>(
  collection: C,
  record: RecordOf<C>,
  index: number,
): Generator<Reference> {
  const at = (...rest: PropertyKey[]) => [collection, index, ...rest];
  const nameOrigin = (record as { nameArOrigin?: RecordOf<'actors'>['nameArOrigin'] }).nameArOrigin;
  if (nameOrigin?.origin === 'article')
    yield { id: nameOrigin.source, kinds: ['source'], at: at('nameArOrigin', 'source') };
  if (collection === 'sources') {
    const s = record as RecordOf<'sources'>;
    if (s.publisher) yield { id: s.publisher, kinds: ['actor'], at: at('publisher') };
  } else if (collection === 'places') {
    const p = record as RecordOf<'places'>;
    if (p.partOf) yield { id: p.partOf, kinds: ['place'], at: at('partOf') };
  } else if (collection === 'events') {
    const e = record as RecordOf<'events'>;
    for (const [j, p] of e.participants.entries())
      yield { id: p.actor, kinds: ['actor'], at: at('participants', j, 'actor') };
    for (const [j, p] of e.places.entries()) yield { id: p.place, kinds: ['place'], at: at('places', j, 'place') };
    if (e.partOf) yield { id: e.partOf, kinds: ['event'], at: at('partOf') };
  } else if (collection === 'agreements') {
    const a = record as RecordOf<'agreements'>;
    for (const [j, p] of a.parties.entries()) yield { id: p.actor, kinds: ['actor'], at: at('parties', j, 'actor') };
    for (const [j, r] of a.rejectedBy.entries())
      yield { id: r.actor, kinds: ['actor'], at: at('rejectedBy', j, 'actor') };
    for (const [j, p] of a.places.entries()) yield { id: p.place, kinds: ['place'], at: at('places', j, 'place') };
    for (const [j, t] of a.terms.entries())
      for (const [k, p] of t.places.entries())
        yield { id: p.place, kinds: ['place'], at: at('terms', j, 'places', k, 'place') };
  } else if (collection === 'relationships') {
    const r = record as RecordOf<'relationships'>;
    const [fromKinds, toKinds] = RELATIONSHIP_ENDPOINTS[r.type];
    yield { id: r.from, kinds: fromKinds, at: at('from') };
    yield { id: r.to, kinds: toKinds, at: at('to') };
  }
}

/** The two references of a citation: the source it quotes and the actor who asserts it. */
export function citationReferences(citation: Citation, at: PropertyKey[]): Reference[] {
  return [
    { id: citation.source, kinds: ['source'], at: [...at, 'source'] },
    { id: citation.attributedTo, kinds: ['actor'], at: [...at, 'attributedTo'] },
  ];
}

/** What is wrong with a reference, given the kind its id names (undefined when no dataset defines it). */
export function referenceProblem(
  file: string,
  ref: Reference,
  defined: DefinitionKind | undefined,
): DatasetProblem | undefined {
  if (defined === undefined)
    return { file, path: jsonPath(ref.at), message: `refers to "${ref.id}", which is not defined` };
  if (!ref.kinds.includes(defined))
    return {
      file,
      path: jsonPath(ref.at),
      message: `refers to "${ref.id}", a ${defined}, where ${ref.kinds.join(' or ')} is expected`,
    };
  return undefined;
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

// ─── Relationships and partOf chains ─────────────────────────────────────────────────────────────────────────────

/** Key that identifies a generic relationship; two relationships with one key would be one edge. */
export function relationshipKey(rel: Relationship): string {
  return [rel.type, rel.from, rel.to, rel.label ?? '', rel.date?.start ?? '', rel.date?.end ?? ''].join('|');
}

/** The relationships of one file seen so far: one that repeats an earlier one (same key) is refused. */
export class RelationshipRepeats {
  // Keys can be long; the streamed loader keeps one per relationship of a file, so only a short hash is kept.
  private readonly seen = new Map<string, number>();

  check(file: string, rel: Relationship, index: number): DatasetProblem | undefined {
    const key = createHash('sha256').update(relationshipKey(rel)).digest('base64url').slice(0, 16);
    const earlier = this.seen.get(key);
    if (earlier === undefined) {
      this.seen.set(key, index);
      return undefined;
    }
    return {
      file,
      path: `$.relationships[${index}]`,
      message: `repeats $.relationships[${earlier}] (${rel.type} ${rel.from} → ${rel.to}); put both citations on one relationship`,
    };
  }
}

/**
 * One problem per `partOf` chain that loops back on itself, reported at the `partOf` of the first member met.
 * `parentOf` maps a place (or an event) to its parent; `where` says where each member's `partOf` is written.
 */
export function partOfCycleProblems(
  parentOf: ReadonlyMap<string, string>,
  where: (id: string) => { file: string; path: string } | undefined,
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
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
      const loc = where(start) ?? { file: '?', path: '$' };
      problems.push({ ...loc, message: `partOf forms a cycle: ${[...chain, start].join(' → ')}` });
    }
  }
  return problems;
}

// ─── Dates ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The last date a source can have been published: its end, or its start. */
export const publishedEndOf = (published: DateSpec): string | undefined => published.end ?? published.start;

function compareAtCommonPrecision(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
}

/**
 * A dated statement cannot start after a source that reports it was published (compared at the coarser of the two
 * precisions). `publishedEnd` gives each cited source's {@link publishedEndOf}.
 */
export function dateAfterSourceProblems(
  file: string,
  date: DateSpec | undefined,
  citations: Citation[],
  at: PropertyKey[],
  publishedEnd: (sourceId: string) => string | undefined,
): DatasetProblem[] {
  const start = date?.start;
  if (start === undefined) return [];
  const problems: DatasetProblem[] = [];
  for (const c of citations) {
    const end = publishedEnd(c.source);
    if (end !== undefined && compareAtCommonPrecision(start, end) > 0)
      problems.push({
        file,
        path: jsonPath([...at, 'start']),
        message: `starts ${start}, after its source ${c.source} was published (${end})`,
      });
  }
  return problems;
}

/** An event that is part of another (in the same dataset) cannot start after that one ends. */
export function afterParentProblem(
  file: string,
  index: number,
  event: RecordOf<'events'>,
  parentLatest: string | undefined,
): DatasetProblem | undefined {
  const childStart = earliestDay(event.date);
  if (childStart && parentLatest && childStart > parentLatest)
    return {
      file,
      path: `$.events[${index}].date`,
      message: `starts after the event it is part of (${event.partOf}) ends`,
    };
  return undefined;
}

// ─── Source texts and quotes ─────────────────────────────────────────────────────────────────────────────────────

/** Decodes a source text, refusing bytes that are not UTF-8 (a TypeError). */
export const decodeSourceText = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

export async function readSourceText(file: string): Promise<string> {
  return decodeSourceText(await readFile(file));
}

/** Why a source text could not be used. */
export const unreadableReason = (error: unknown): string =>
  error instanceof TypeError ? 'is not valid UTF-8' : 'cannot be read';

export function unreadableSourceProblem(
  file: string,
  index: number,
  relative: string | undefined,
  reason: string,
  resolved: string | undefined,
): DatasetProblem {
  return {
    file,
    path: `$.sources[${index}].file`,
    message: `source text "${relative}" ${reason} (resolved to ${resolved})`,
  };
}

/** A citation's quote must be a verbatim span of its source text, at the offsets it gives. */
export function quoteProblem(
  file: string,
  citation: Citation,
  at: PropertyKey[],
  sourceText: string,
): DatasetProblem | undefined {
  if (quoteMatchesSpan(sourceText, citation.quote, citation)) return undefined;
  const found = findQuoteSpans(sourceText, citation.quote);
  return {
    file,
    path: jsonPath([...at, found.length === 0 ? 'quote' : 'start']),
    message:
      found.length === 0
        ? `quote is not a verbatim span of ${citation.source}: "${citation.quote.slice(0, 80)}"`
        : `offsets ${citation.start}–${citation.end} do not match the quote, which is at ${found
            .map((s) => `${s.start}–${s.end}`)
            .join(', ')}`,
  };
}
