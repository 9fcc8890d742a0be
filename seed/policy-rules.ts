/**
 * The rules of the certainty policy and of names (docs/authoring.md, "What the validator enforces"), written once
 * beside rules.ts and asked by the same two validators: Arabic names and where they come from, alias origins,
 * gazetteer entries, inferred roles, agreements known only from unnamed sources, contradictions, and what unnamed
 * sources can be said to do. Each function looks at one record (or one citation) and what the caller knows of the
 * whole input (source languages and texts, which actors are unnamed sources), so the streamed loader can ask it one
 * record at a time.
 */
import type { Citation, Dataset } from '../schema/dataset.ts';
import { certaintyRank } from '../schema/vocabulary.ts';
import { type DatasetProblem, jsonPath } from './problems.ts';
import { findQuoteSpans, quoteMatchesSpan } from './quotes.ts';

export type EntityCollection = 'actors' | 'places' | 'events' | 'agreements';
type EntityOf<C extends EntityCollection> = Dataset[C][number];
type AnyEntity = EntityOf<EntityCollection>;

/** What the policy rules need to know beyond the record: looked up in the whole input. */
export interface PolicyContext {
  /** True when the source is written in Arabic (`language: "ar"`). */
  isArabicSource(sourceId: string): boolean;
  /** The source's text, when it could be read (quotes are checked against it). */
  sourceText(sourceId: string): string | undefined;
  /** True when the actor is of kind `unnamed_sources`. */
  isUnnamedSources(actorId: string): boolean;
}

/** Statuses that say an agreement holds, which unnamed sources alone cannot establish. */
const IN_FORCE_STATUSES: ReadonlySet<string> = new Set(['in_effect', 'implemented']);

/** A name without quotation marks, whitespace collapsed: how an Arabic name is compared with the words it quotes. */
export const withoutQuoteMarks = (value: string): string =>
  value
    .replace(/[“”"«»„‟]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The first Arabic source the entity's own citations quote, if any: its Arabic name is then required. */
function arabicSourceOf(entity: AnyEntity, ctx: PolicyContext): string | undefined {
  return entity.citations.find((c) => ctx.isArabicSource(c.source))?.source;
}

function nameProblems(file: string, at: PropertyKey[], entity: AnyEntity, ctx: PolicyContext): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const problem = (where: PropertyKey[], message: string) =>
    problems.push({ file, path: jsonPath([...at, ...where]), message });
  const arabicSource = arabicSourceOf(entity, ctx);
  const origin = entity.nameArOrigin;
  if (entity.nameAr === undefined && (arabicSource !== undefined || origin !== undefined)) {
    problem(
      ['nameAr'],
      arabicSource
        ? `${entity.id} has no Arabic name; its source ${arabicSource} is Arabic`
        : `${entity.id} says where its Arabic name comes from (nameArOrigin) but has no nameAr`,
    );
  }
  if (origin === undefined) {
    if (arabicSource !== undefined)
      problem(
        ['nameArOrigin'],
        `${entity.id} does not say where its Arabic name comes from: the words of ${arabicSource} (origin "article", with the span) or the editors (origin "editors", with a note)`,
      );
    return problems;
  }
  if (origin.origin !== 'article') return problems;
  const text = ctx.sourceText(origin.source);
  if (text !== undefined && !quoteMatchesSpan(text, origin.quote, origin)) {
    const found = findQuoteSpans(text, origin.quote);
    problem(
      ['nameArOrigin', found.length === 0 ? 'quote' : 'start'],
      found.length === 0
        ? `${entity.id}'s Arabic name is not a verbatim span of ${origin.source}: "${origin.quote.slice(0, 80)}"`
        : `offsets ${origin.start}–${origin.end} do not match ${entity.id}'s Arabic name, which is at ${found
            .map((s) => `${s.start}–${s.end}`)
            .join(', ')}`,
    );
  }
  if (entity.nameAr !== undefined && withoutQuoteMarks(entity.nameAr) !== withoutQuoteMarks(origin.quote))
    problem(
      ['nameAr'],
      `${entity.id}'s Arabic name «${entity.nameAr}» is not the words it quotes («${origin.quote}»), quotation marks aside`,
    );
  return problems;
}

function aliasOriginProblems(file: string, at: PropertyKey[], entity: AnyEntity, ctx: PolicyContext): DatasetProblem[] {
  const origins = entity.aliasOrigins;
  const path = jsonPath([...at, 'aliasOrigins']);
  if (origins === undefined) {
    const arabicSource = arabicSourceOf(entity, ctx);
    if (arabicSource === undefined || entity.aliases.length === 0) return [];
    return [
      {
        file,
        path,
        message: `${entity.id} gives no origin for its aliases (${entity.aliases.map((a) => `"${a}"`).join(', ')}): "article" when ${arabicSource} writes the name, "outside" when it comes from elsewhere`,
      },
    ];
  }
  const aliases = new Set(entity.aliases);
  const problems: DatasetProblem[] = [];
  for (const alias of entity.aliases)
    if (!(alias in origins))
      problems.push({
        file,
        path,
        message: `${entity.id} gives no origin for alias "${alias}" ("article" or "outside")`,
      });
  for (const key of Object.keys(origins))
    if (!aliases.has(key))
      problems.push({
        file,
        path,
        message: `${entity.id} gives an origin for "${key}", which is not one of its aliases`,
      });
  return problems;
}

function gazetteerProblems(file: string, at: PropertyKey[], place: EntityOf<'places'>): DatasetProblem[] {
  const coordinates = place.coordinates;
  if (coordinates?.origin !== 'gazetteer') return [];
  const problems: DatasetProblem[] = [];
  if (coordinates.gazetteer === undefined)
    problems.push({
      file,
      path: jsonPath([...at, 'coordinates', 'gazetteer']),
      message: `${place.id} has gazetteer coordinates but does not name the gazetteer (list, package and version)`,
    });
  if (coordinates.entry === undefined)
    problems.push({
      file,
      path: jsonPath([...at, 'coordinates', 'entry']),
      message: `${place.id} has gazetteer coordinates but does not name the entry they come from (coordinates.entry: id and name); a place the gazetteer lacks has no coordinates`,
    });
  return problems;
}

/** The roles an entity gives actors: an event's participants, an agreement's parties. */
function rolesOf(collection: EntityCollection, entity: AnyEntity) {
  if (collection === 'events') return { key: 'participants', list: (entity as EntityOf<'events'>).participants };
  if (collection === 'agreements') return { key: 'parties', list: (entity as EntityOf<'agreements'>).parties };
  return { key: '', list: [] };
}

function inferredRoleProblems(
  file: string,
  at: PropertyKey[],
  collection: EntityCollection,
  entity: AnyEntity,
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const { key, list } = rolesOf(collection, entity);
  for (const [j, role] of list.entries()) {
    if (role.inferred === undefined) continue;
    const roleAt = [...at, key, j];
    if (!role.citations || role.citations.length === 0) {
      problems.push({
        file,
        path: jsonPath([...roleAt, 'citations']),
        message: `${role.actor} is inferred by the editors in ${entity.id}, so it needs citations of its own (the words it is inferred from, at most "alleged")`,
      });
      continue;
    }
    for (const [k, c] of role.citations.entries())
      if (certaintyRank(c.certainty) < certaintyRank('alleged'))
        problems.push({
          file,
          path: jsonPath([...roleAt, 'citations', k, 'certainty']),
          message: `${role.actor} is inferred by the editors in ${entity.id}, so this citation is at most "alleged", not "${c.certainty}"`,
        });
  }
  return problems;
}

function unnamedAgreementProblem(
  file: string,
  at: PropertyKey[],
  agreement: EntityOf<'agreements'>,
  ctx: PolicyContext,
): DatasetProblem | undefined {
  if (!IN_FORCE_STATUSES.has(agreement.status)) return undefined;
  if (!agreement.citations.every((c) => ctx.isUnnamedSources(c.attributedTo))) return undefined;
  const voices = [...new Set(agreement.citations.map((c) => c.attributedTo))].join(', ');
  return {
    file,
    path: jsonPath([...at, 'status']),
    message: `${agreement.id} is known only from unnamed sources (${voices}), so it cannot be "${agreement.status}"; say what is known ("reported")`,
  };
}

/** The policy's problems with one actor, place, event or agreement record at `$.<collection>[index]`. */
export function entityPolicyProblems(
  file: string,
  collection: EntityCollection,
  index: number,
  entity: AnyEntity,
  ctx: PolicyContext,
): DatasetProblem[] {
  const at = [collection, index];
  const problems = [
    ...nameProblems(file, at, entity, ctx),
    ...aliasOriginProblems(file, at, entity, ctx),
    ...inferredRoleProblems(file, at, collection, entity),
  ];
  if (collection === 'places') problems.push(...gazetteerProblems(file, at, entity as EntityOf<'places'>));
  if (collection === 'agreements') {
    const problem = unnamedAgreementProblem(file, at, entity as EntityOf<'agreements'>, ctx);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The policy's problems with one citation at `at`: what a contradicted citation is, what unnamed sources can do. */
export function citationPolicyProblems(
  file: string,
  citation: Citation,
  at: PropertyKey[],
  ctx: PolicyContext,
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  if ((citation.contradictedBy?.length ?? 0) > 0 && citation.certainty !== 'disputed')
    problems.push({
      file,
      path: jsonPath([...at, 'certainty']),
      message: `is contradicted by another citation (contradictedBy), so its certainty is "disputed", not "${citation.certainty}"`,
    });
  if (ctx.isUnnamedSources(citation.attributedTo) && /\bconfirm/i.test(citation.translation))
    problems.push({
      file,
      path: jsonPath([...at, 'translation']),
      message: `${citation.attributedTo} are unnamed sources, which cannot confirm anything: translate «أكدت» as "told" or "asserted"`,
    });
  return problems;
}

/** Where a citation stands in its source: the key a `contradictedBy` entry names it by. */
export const spanKey = (source: string, start: number, end: number): string => `${source}|${start}|${end}`;

/** The span keys a citation's `contradictedBy` lists (a missing source is the citation's own). */
export const contradictionKeys = (citation: Citation): string[] =>
  (citation.contradictedBy ?? []).map((ref) => spanKey(ref.source ?? citation.source, ref.start, ref.end));

interface SpanFound {
  /** Some citation of the dataset is at the span. */
  any: boolean;
  /** The ids of the disputed citations at the span: the other side of the contradiction. */
  disputed: Set<string>;
}

/**
 * The spans one dataset's `contradictedBy` entries name, and the citations found at them. Give it every span named
 * first (`want`, or `refer` while walking the citations), then show it every citation of the dataset (`see`); then
 * it tells which entries name no disputed citation (`problems`) and which citations each names (`resolve`). Sized by
 * the number of entries, not of citations, so the streamed loader keeps one per file.
 */
export class ContradictionSpans {
  private readonly found = new Map<string, SpanFound>();
  private readonly refs: Array<{ at: PropertyKey[]; key: string }> = [];

  want(key: string): void {
    if (!this.found.has(key)) this.found.set(key, { any: false, disputed: new Set() });
  }

  get wanted(): number {
    return this.found.size;
  }

  /** Records the entries of one citation at `at`, to be checked by {@link problems}. */
  refer(citation: Citation, at: PropertyKey[]): void {
    for (const [j, key] of contradictionKeys(citation).entries()) {
      this.want(key);
      this.refs.push({ at: [...at, 'contradictedBy', j], key });
    }
  }

  /** Notes a citation of the dataset; `id` is asked only when a wanted span holds a disputed citation. */
  see(citation: Citation, id: () => string): void {
    if (this.found.size === 0) return;
    const found = this.found.get(spanKey(citation.source, citation.start, citation.end));
    if (!found) return;
    found.any = true;
    if (citation.certainty === 'disputed') found.disputed.add(id());
  }

  /** Ids of the disputed citations at the spans a citation's `contradictedBy` lists, sorted. */
  resolve(citation: Citation): string[] {
    const ids = new Set<string>();
    for (const key of contradictionKeys(citation)) for (const id of this.found.get(key)?.disputed ?? []) ids.add(id);
    return [...ids].sort();
  }

  problems(file: string): DatasetProblem[] {
    const problems: DatasetProblem[] = [];
    for (const { at, key } of this.refs) {
      const found = this.found.get(key);
      const [source, start, end] = key.split('|');
      const span = `${source} ${start}–${end}`;
      if (!found?.any)
        problems.push({ file, path: jsonPath(at), message: `names ${span}, where no citation of this dataset is` });
      else if (found.disputed.size === 0)
        problems.push({
          file,
          path: jsonPath(at),
          message: `names ${span}, whose citations are not "disputed": a contradiction makes both sides disputed`,
        });
    }
    return problems;
  }
}
