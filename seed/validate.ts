/**
 * Validates dataset files completely before anything is written, holding them in memory: syntax, the zod format,
 * references between ids, partOf cycles, dates against sources, every citation's quote against its source text, and
 * the certainty policy and names. The rules are rules.ts and policy-rules.ts (the streamed loader asks the same
 * ones); all problems are collected and reported together, each with its file, JSON path and reason.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Dataset } from '../schema/dataset.ts';
import { latestDay } from '../schema/dates.ts';
import { computeMerges } from './merge.ts';
import { citationId } from './plan-dataset.ts';
import {
  ContradictionSpans,
  citationPolicyProblems,
  type EntityCollection,
  entityPolicyProblems,
  type PolicyContext,
} from './policy-rules.ts';
import { type DatasetProblem, DatasetValidationError, zodProblems } from './problems.ts';
import {
  afterParentProblem,
  citationReferences,
  citationsOf,
  DEFINING_COLLECTIONS,
  type DefinitionKind,
  dateAfterSourceProblems,
  describeJsonError,
  duplicateIdProblem,
  KIND_OF,
  MAX_FILE_BYTES,
  partOfCycleProblems,
  publishedEndOf,
  quoteProblem,
  type Reference,
  RelationshipRepeats,
  readSourceText,
  referenceProblem,
  referencesOf,
  unreadableReason,
  unreadableSourceProblem,
} from './rules.ts';

/** A dataset that passed validation, with the source texts its citations were checked against. */
export interface ValidDataset {
  file: string;
  dataset: Dataset;
  sourceTexts: Map<string, string>;
}

interface Definition {
  kind: DefinitionKind;
  file: string;
  path: string;
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

function checkDefinitions(parsed: ParsedFile[], problems: DatasetProblem[]): Map<string, Definition> {
  const defined = new Map<string, Definition>();
  for (const { file, dataset } of parsed)
    for (const collection of DEFINING_COLLECTIONS)
      for (const [i, { id }] of dataset[collection].entries()) {
        const def = { kind: KIND_OF[collection], file, path: `$.${collection}[${i}].id` };
        const earlier = defined.get(id);
        // The same entity or source in two datasets is one (seed/merge.ts); within one file an id is defined once.
        if (earlier && earlier.file !== def.file) continue;
        if (earlier) problems.push(duplicateIdProblem(file, def.path, id, earlier));
        else defined.set(id, def);
      }
  return defined;
}

function checkReferences(parsed: ParsedFile[], defined: Map<string, Definition>, problems: DatasetProblem[]): void {
  for (const { file, dataset } of parsed) {
    const expect = (ref: Reference) => {
      const problem = referenceProblem(file, ref, defined.get(ref.id)?.kind);
      if (problem) problems.push(problem);
    };
    for (const collection of DEFINING_COLLECTIONS)
      for (const [i, record] of dataset[collection].entries())
        for (const ref of referencesOf(collection, record, i)) expect(ref);
    const repeats = new RelationshipRepeats();
    for (const [i, r] of dataset.relationships.entries()) {
      for (const ref of referencesOf('relationships', r, i)) expect(ref);
      const repeat = repeats.check(file, r, i);
      if (repeat) problems.push(repeat);
    }
    for (const { citation, path: at } of citationsOf(dataset))
      for (const ref of citationReferences(citation, at)) expect(ref);
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
    problems.push(...partOfCycleProblems(parentOf, (id) => where.get(id)));
  }
}

function checkDates(parsed: ParsedFile[], problems: DatasetProblem[]): void {
  const publishedEnd = new Map<string, string | undefined>();
  for (const { dataset } of parsed)
    for (const s of dataset.sources) publishedEnd.set(s.id, publishedEndOf(s.published));
  const endOf = (sourceId: string) => publishedEnd.get(sourceId);
  for (const { file, dataset } of parsed) {
    for (const [i, e] of dataset.events.entries())
      problems.push(...dateAfterSourceProblems(file, e.date, e.citations, ['events', i, 'date'], endOf));
    for (const [i, a] of dataset.agreements.entries())
      problems.push(...dateAfterSourceProblems(file, a.date, a.citations, ['agreements', i, 'date'], endOf));
    for (const [i, r] of dataset.relationships.entries())
      problems.push(...dateAfterSourceProblems(file, r.date, r.citations, ['relationships', i, 'date'], endOf));
  }
  for (const { file, dataset } of parsed)
    for (const [i, e] of dataset.events.entries())
      if (e.partOf) {
        const parent = dataset.events.find((p) => p.id === e.partOf);
        const problem = afterParentProblem(file, i, e, parent ? latestDay(parent.date) : undefined);
        if (problem) problems.push(problem);
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
      const resolved = path.resolve(path.dirname(file), source.file ?? '');
      try {
        const content = source.text ?? (await readSourceText(resolved));
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
        problems.push(unreadableSourceProblem(file, i, source.file, unreadableReason(error), resolved));
      }
    }
    textsByFile.set(file, texts);
  }
  for (const { file, dataset } of parsed)
    for (const { citation, path: at } of citationsOf(dataset)) {
      const sourceText = allTexts.get(citation.source);
      const problem = sourceText === undefined ? undefined : quoteProblem(file, citation, at, sourceText);
      if (problem) problems.push(problem);
    }
  return textsByFile;
}

const ENTITY_COLLECTIONS: readonly EntityCollection[] = ['actors', 'places', 'events', 'agreements'];

/** The certainty policy and names (policy-rules.ts): Arabic names, alias origins, contradictions, unnamed sources. */
function checkPolicy(parsed: ParsedFile[], texts: Map<string, Map<string, string>>, problems: DatasetProblem[]): void {
  const arabic = new Set<string>();
  const unnamed = new Set<string>();
  const allTexts = new Map<string, string>();
  for (const { file, dataset } of parsed) {
    for (const s of dataset.sources) if (s.language === 'ar') arabic.add(s.id);
    for (const a of dataset.actors) if (a.kind === 'unnamed_sources') unnamed.add(a.id);
    for (const [id, text] of texts.get(file) ?? []) allTexts.set(id, text);
  }
  const ctx: PolicyContext = {
    isArabicSource: (id) => arabic.has(id),
    sourceText: (id) => allTexts.get(id),
    isUnnamedSources: (id) => unnamed.has(id),
  };
  for (const { file, dataset } of parsed) {
    for (const collection of ENTITY_COLLECTIONS)
      for (const [i, entity] of dataset[collection].entries())
        problems.push(...entityPolicyProblems(file, collection, i, entity, ctx));
    const contradictions = new ContradictionSpans();
    for (const { citation, path: at } of citationsOf(dataset)) {
      problems.push(...citationPolicyProblems(file, citation, at, ctx));
      contradictions.refer(citation, at);
    }
    if (contradictions.wanted > 0) {
      for (const { citation } of citationsOf(dataset)) contradictions.see(citation, () => citationId(citation));
      problems.push(...contradictions.problems(file));
    }
  }
}

/**
 * Validates dataset files as one set (ids are unique within a file; the same id in two files is one entity, see
 * seed/merge.ts; references may cross files). Throws {@link DatasetValidationError} listing every problem; returns
 * the parsed datasets otherwise.
 */
export async function validateDatasetFiles(files: string[]): Promise<ValidDataset[]> {
  const { parsed, problems } = await parseFiles(files);
  const defined = checkDefinitions(parsed, problems);
  checkReferences(parsed, defined, problems);
  checkCycles(parsed, problems);
  checkDates(parsed, problems);
  const texts = await checkQuotes(parsed, problems);
  checkPolicy(parsed, texts, problems);
  if (problems.length === 0) problems.push(...computeMerges(parsed).problems);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return parsed.map(({ file, dataset }) => ({ file, dataset, sourceTexts: texts.get(file) ?? new Map() }));
}
