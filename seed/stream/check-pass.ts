/**
 * Pass 2 of a streamed load: streams each file again and checks every record's references, dates, quotes (rules.ts)
 * and the certainty policy and names (policy-rules.ts) against the index pass 1 built; while no problem has been found, plans each valid record into node and
 * relationship rows (plan-dataset.ts) and spools them.
 */
import type { z } from 'zod';
import type { Citation, Dataset, Event, Source } from '../../schema/dataset.ts';
import type { NodeRow } from '../../schema/graph.ts';
import { NODE_LABELS, REL_TYPES } from '../../schema/vocabulary.ts';
import { citationId, planDataset } from '../plan-dataset.ts';
import {
  ContradictionSpans,
  citationPolicyProblems,
  type EntityCollection,
  entityPolicyProblems,
  type PolicyContext,
} from '../policy-rules.ts';
import type { ProblemList } from '../problems.ts';
import {
  afterParentProblem,
  citationReferences,
  citationsOf,
  dateAfterSourceProblems,
  quoteProblem,
  type RecordCollection,
  type Reference,
  referenceProblem,
  referencesOf,
  unreadableSourceProblem,
} from '../rules.ts';
import { EMPTY_DATASET, type Index, RECORD_SCHEMAS } from './index-pass.ts';
import { readTopLevel } from './read-records.ts';
import { SourceTexts } from './source-texts.ts';
import type { RowSink } from './spool.ts';

/**
 * Plans valid records in chunks of one collection (planning one record at a time costs more than the records):
 * the same rows, in the same order, as planning the whole dataset at once. A citation cited again later is one node.
 */
class ChunkPlanner {
  private readonly seenCitations = new Set<string>();
  /** Citations with `contradictedBy`, held back until the whole file is seen (what they name may come later). */
  private held = new Map<string, { row: NodeRow; citation: Citation }>();
  private contradicted = new Map<string, Citation>();
  private pending: { datasetId: string; collection: RecordCollection; records: unknown[]; texts: Map<string, string> } =
    { datasetId: '', collection: 'actors', records: [], texts: new Map() };

  constructor(
    private readonly spool: RowSink,
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
    const chunk = { ...EMPTY_DATASET, id: datasetId, [collection]: records } as unknown as Dataset;
    const plan = planDataset(chunk, texts, (c) => {
      this.contradicted.set(citationId(c), c);
      return null;
    });
    const newCitations = new Set<string>();
    const citations: NodeRow[] = [];
    for (const row of plan.nodes.Citation) {
      if (this.seenCitations.has(row.id)) continue;
      newCitations.add(row.id);
      const shared = this.sharedCitations.get(row.id);
      if (shared) row.props.datasets = shared;
      const contradicted = this.contradicted.get(row.id);
      if (contradicted) this.held.set(row.id, { row, citation: contradicted });
      else citations.push(row);
    }
    this.contradicted.clear();
    for (const id of newCitations) this.seenCitations.add(id);
    plan.nodes.Citation = citations;
    plan.rels.FROM_SOURCE = plan.rels.FROM_SOURCE.filter((r) => newCitations.has(r.from));
    plan.rels.ATTRIBUTED_TO = plan.rels.ATTRIBUTED_TO.filter((r) => newCitations.has(r.from));
    for (const label of NODE_LABELS) await this.spool.add('nodes', label, plan.nodes[label]);
    for (const type of REL_TYPES) await this.spool.add('rels', type, plan.rels[type]);
  }

  /** At the end of a file: the held citations, with the ids of the citations they are contradicted by. */
  async finishFile(spans: ContradictionSpans): Promise<void> {
    const rows = [...this.held.values()].map(({ row, citation }) => {
      row.props.contradictedBy = spans.resolve(citation);
      return row;
    });
    this.held = new Map();
    await this.spool.add('nodes', 'Citation', rows);
  }
}

const ENTITY_COLLECTIONS: ReadonlySet<string> = new Set(['actors', 'places', 'events', 'agreements']);

type Dated = { date?: z.infer<typeof Event>['date']; citations: z.infer<typeof Event>['citations'] };

/** Pass 2: references, dates and quotes of every record; the plan of each record goes to the spool. */
export async function checkAndPlan(
  files: string[],
  index: Index,
  problems: ProblemList,
  spool: RowSink,
): Promise<SourceTexts> {
  const texts = new SourceTexts(index.sources);
  const planner = new ChunkPlanner(spool, index.sharedCitations);
  const publishedEnd = (sourceId: string) => index.sources.get(sourceId)?.publishedEnd;
  const policy: PolicyContext = {
    isArabicSource: (id) => index.sources.get(id)?.arabic === true,
    sourceText: () => undefined,
    isUnnamedSources: (id) => index.unnamedSources.has(id),
  };
  for (const [fileIndex, file] of files.entries()) {
    const datasetId = index.datasetIds[fileIndex] ?? '';
    const expect = (ref: Reference) => {
      const problem = referenceProblem(file, ref, index.defined.get(ref.id)?.kind);
      if (problem) problems.add(problem);
    };
    const contradictions = new ContradictionSpans();
    for (const key of index.contradictionSpans.get(fileIndex) ?? []) contradictions.want(key);
    for await (const item of readTopLevel(file)) {
      if (item.kind !== 'record') continue;
      const { collection, index: i } = item;
      const record = RECORD_SCHEMAS[collection].parse(item.value) as Dataset[typeof collection][number];
      for (const ref of referencesOf(collection, record, i)) expect(ref);
      if (collection === 'sources') {
        const s = record as z.infer<typeof Source>;
        await texts.get(s.id);
        const reason = texts.unreadable.get(s.id);
        if (reason) problems.add(unreadableSourceProblem(file, i, s.file, reason, texts.resolved(s.id)));
      } else if (collection === 'events') {
        const e = record as z.infer<typeof Event>;
        if (e.partOf) {
          const parent = index.eventLatest.get(e.partOf);
          const problem = parent?.file === fileIndex ? afterParentProblem(file, i, e, parent.latest) : undefined;
          if (problem) problems.add(problem);
        }
      }
      if (ENTITY_COLLECTIONS.has(collection)) {
        const entity = record as Dataset[EntityCollection][number];
        const originSource = entity.nameArOrigin?.origin === 'article' ? entity.nameArOrigin.source : undefined;
        const originText = originSource === undefined ? undefined : await texts.get(originSource);
        const ctx = { ...policy, sourceText: (id: string) => (id === originSource ? originText : undefined) };
        problems.add(...entityPolicyProblems(file, collection as EntityCollection, i, entity, ctx));
      }
      if (collection === 'events' || collection === 'agreements' || collection === 'relationships') {
        const { date, citations } = record as Dated;
        problems.add(...dateAfterSourceProblems(file, date, citations, [collection, i, 'date'], publishedEnd));
      }
      const mini = { ...EMPTY_DATASET, id: datasetId, [collection]: [record] } as unknown as Dataset;
      for (const { citation, path: where } of citationsOf(mini)) {
        const citationAt = [collection, i, ...where.slice(2)];
        for (const ref of citationReferences(citation, citationAt)) expect(ref);
        const sourceText = await texts.get(citation.source);
        const problem = sourceText === undefined ? undefined : quoteProblem(file, citation, citationAt, sourceText);
        if (problem) problems.add(problem);
        problems.add(...citationPolicyProblems(file, citation, citationAt, policy));
        contradictions.refer(citation, citationAt);
        contradictions.see(citation, () => citationId(citation));
      }
      if (problems.count > 0) continue;
      let sourceText: string | undefined;
      if (collection === 'sources') sourceText = await texts.get((record as z.infer<typeof Source>).id);
      await planner.add(datasetId, collection, record, sourceText);
    }
    await planner.flush();
    problems.add(...contradictions.problems(file));
    if (problems.count === 0) await planner.finishFile(contradictions);
  }
  return texts;
}
