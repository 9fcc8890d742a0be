/**
 * Pure mapping from one validated dataset to the property-graph rows the writer stores (db/writer.ts).
 * `schema/model.md` documents the result; nothing here talks to the database.
 */
import { createHash } from 'node:crypto';
import type { Agreement, Citation, Dataset, DateSpec, Event, Figure } from '../schema/dataset.ts';
import { earliestDay, latestDay } from '../schema/dates.ts';
import { emptyRows, type GraphPlan, type Properties, timelineLaneKey, timelineStartKey } from '../schema/graph.ts';
import { searchTextFor } from '../schema/normalize.ts';
import { CERTAINTIES, certaintyRank, type NodeLabel, type RelType } from '../schema/vocabulary.ts';
import { ContradictionSpans, contradictionKeys } from './policy-rules.ts';
import { citationsOf, relationshipKey } from './rules.ts';

function shortHash(...parts: Array<string | number | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Content-derived id, so the same citation written twice is one node. The spans a citation is contradicted by are
 * part of it when it has some (the same words cited for a fact no one contradicts are another citation).
 */
export function citationId(c: Citation): string {
  const parts = [c.source, c.start, c.end, c.attributedTo, c.certainty, c.translation, c.note];
  // Canonical: the spans named, each once and sorted (an export lists them in another order).
  if (c.contradictedBy?.length) parts.push([...new Set(contradictionKeys(c))].sort().join(' '));
  return `cit:${shortHash(...parts)}`;
}

/** The ids of the citations a citation's `contradictedBy` names (null when it names none). */
export type ContradictionResolver = (c: Citation) => string[] | null;

/** Resolves `contradictedBy` within one whole dataset: the disputed citations at the spans it names. */
function contradictionsWithin(dataset: Dataset): ContradictionResolver {
  const spans = new ContradictionSpans();
  for (const { citation } of citationsOf(dataset)) spans.refer(citation, []);
  if (spans.wanted === 0) return () => null;
  for (const { citation } of citationsOf(dataset)) spans.see(citation, () => citationId(citation));
  return (c) => spans.resolve(c);
}

function dateProps(date: DateSpec | undefined): Properties {
  return {
    dateStart: date?.start ?? null,
    dateEnd: date?.end ?? null,
    datePrecision: date?.precision ?? null,
    dateApproximate: date ? date.approximate : null,
    dateExpression: date?.expression ?? null,
    dateInferred: date?.inferred ?? null,
    earliest: earliestDay(date) ?? null,
    latest: latestDay(date) ?? null,
  };
}

class PlanBuilder {
  readonly nodes: GraphPlan['nodes'];
  readonly rels: GraphPlan['rels'];
  private readonly citationsSeen = new Set<string>();
  private readonly relIds = new Set<string>();

  constructor(
    private readonly datasetId: string,
    private readonly contradictions: ContradictionResolver,
  ) {
    ({ nodes: this.nodes, rels: this.rels } = emptyRows());
  }

  /** Records the citations and returns the provenance properties every node and relationship carries. */
  provenance(citations: Citation[]): Properties {
    const ids: string[] = [];
    for (const c of citations) {
      const id = citationId(c);
      ids.push(id);
      if (this.citationsSeen.has(id)) continue;
      this.citationsSeen.add(id);
      this.nodes.Citation.push({
        id,
        props: {
          id,
          sourceId: c.source,
          quote: c.quote,
          start: c.start,
          end: c.end,
          translation: c.translation,
          attributedTo: c.attributedTo,
          certainty: c.certainty,
          certaintyRank: certaintyRank(c.certainty),
          note: c.note ?? null,
          contradictedBy: c.contradictedBy?.length ? this.contradictions(c) : null,
          datasets: [this.datasetId],
        },
      });
      this.rel('FROM_SOURCE', `${id}>source`, id, c.source, {});
      this.rel('ATTRIBUTED_TO', `${id}>attributed`, id, c.attributedTo, {});
    }
    const strongest = Math.min(...citations.map((c) => certaintyRank(c.certainty)));
    return {
      citationIds: [...new Set(ids)],
      certainty: CERTAINTIES[strongest] ?? null,
      certaintyRank: strongest,
      attributedTo: [...new Set(citations.map((c) => c.attributedTo))].sort(),
    };
  }

  node(label: NodeLabel, id: string, props: Properties): void {
    this.nodes[label].push({ id, props: { id, ...props, datasets: [this.datasetId] } });
  }

  rel(type: RelType, id: string, from: string, to: string, props: Properties): void {
    if (this.relIds.has(id)) throw new Error(`relationship id ${id} would be written twice`);
    this.relIds.add(id);
    this.rels[type].push({ id, from, to, props: { id, ...props, datasets: [this.datasetId] } });
  }

  figures(ownerId: string, figures: Figure[]): void {
    const used = new Map<string, number>();
    for (const f of figures) {
      const n = (used.get(f.measure) ?? 0) + 1;
      used.set(f.measure, n);
      const id = `${ownerId}/figure/${f.measure}${n > 1 ? `-${n}` : ''}`;
      const provenance = this.provenance(f.citations);
      this.node('Figure', id, {
        name: f.label,
        measure: f.measure,
        value: f.value ?? null,
        min: f.min ?? null,
        max: f.max ?? null,
        unit: f.unit,
        approximate: f.approximate,
        ...provenance,
      });
      this.rel('HAS_FIGURE', `${ownerId}>figure>${id}`, ownerId, id, provenance);
    }
  }
}

type EntityNames = Pick<
  Dataset['actors'][number],
  'name' | 'nameAr' | 'nameArOrigin' | 'aliases' | 'aliasOrigins' | 'description' | 'distinctFrom'
>;

function entityProps(e: EntityNames) {
  const origin = e.nameArOrigin;
  const article = origin?.origin === 'article' ? origin : undefined;
  return {
    name: e.name,
    nameAr: e.nameAr ?? null,
    nameArOrigin: origin?.origin ?? null,
    nameArSource: article?.source ?? null,
    nameArQuote: article?.quote ?? null,
    nameArStart: article?.start ?? null,
    nameArEnd: article?.end ?? null,
    nameArNote: origin?.origin === 'editors' ? origin.note : null,
    aliases: e.aliases,
    aliasesOutside: e.aliases.filter((a) => e.aliasOrigins?.[a] === 'outside'),
    description: e.description ?? null,
    distinctFrom: e.distinctFrom,
    searchText: searchTextFor(e),
  };
}

function acledProps(e: Event): Properties {
  const a = e.acled;
  return {
    acledEventId: a?.eventId ?? null,
    acledDisorderType: a?.disorderType ?? null,
    acledEventType: a?.eventType ?? null,
    acledSubEventType: a?.subEventType ?? null,
    acledInter1: a?.inter1 ?? null,
    acledInter2: a?.inter2 ?? null,
    acledInteraction: a?.interaction ?? null,
    acledCivilianTargeting: a?.civilianTargeting ?? null,
    acledTimePrecision: a?.timePrecision ?? null,
    acledGeoPrecision: a?.geoPrecision ?? null,
    acledSourceScale: a?.sourceScale ?? null,
    acledTags: a?.tags ?? null,
    acledIso: a?.iso ?? null,
    acledRegion: a?.region ?? null,
    acledTimestamp: a?.timestamp ?? null,
  };
}

function addEvent(b: PlanBuilder, e: Event): void {
  const own = b.provenance(e.citations);
  const dates = dateProps(e.date);
  b.node('Event', e.id, {
    kind: e.type,
    ...entityProps(e),
    ...dates,
    startKey: timelineStartKey(dates),
    laneKey: timelineLaneKey(dates),
    ...acledProps(e),
    ...own,
  });
  const window = { earliest: dates.earliest ?? null, latest: dates.latest ?? null };
  for (const p of e.participants) {
    const provenance = p.citations ? b.provenance(p.citations) : own;
    b.rel('PARTICIPATED_IN', `${p.actor}>${p.role}>${e.id}`, p.actor, e.id, {
      role: p.role,
      inferred: p.inferred ?? null,
      inheritedCitations: p.citations === undefined,
      ...window,
      ...provenance,
    });
  }
  for (const p of e.places) {
    const provenance = p.citations ? b.provenance(p.citations) : own;
    b.rel('OCCURRED_IN', `${e.id}>${p.role}>${p.place}`, e.id, p.place, {
      role: p.role,
      inheritedCitations: p.citations === undefined,
      ...window,
      ...provenance,
    });
  }
  if (e.partOf) b.rel('PART_OF', `${e.id}>part-of>${e.partOf}`, e.id, e.partOf, { ...window, ...own });
  b.figures(e.id, e.figures);
}

function addAgreement(b: PlanBuilder, a: Agreement): void {
  const own = b.provenance(a.citations);
  const dates = dateProps(a.date);
  b.node('Agreement', a.id, { kind: 'agreement', status: a.status, ...entityProps(a), ...dates, ...own });
  const window = { earliest: dates.earliest ?? null, latest: dates.latest ?? null };
  for (const p of a.parties) {
    b.rel('PARTY_TO', `${p.actor}>party>${a.id}`, p.actor, a.id, {
      role: p.role,
      side: p.side ?? null,
      inferred: p.inferred ?? null,
      inheritedCitations: p.citations === undefined,
      ...window,
      ...(p.citations ? b.provenance(p.citations) : own),
    });
  }
  for (const r of a.rejectedBy)
    b.rel('REJECTED', `${r.actor}>rejected>${a.id}`, r.actor, a.id, { ...window, ...b.provenance(r.citations) });
  for (const p of a.places)
    b.rel('CONCERNS', `${a.id}>scope>${p.place}`, a.id, p.place, {
      role: 'scope',
      inheritedCitations: p.citations === undefined,
      ...window,
      ...(p.citations ? b.provenance(p.citations) : own),
    });
  for (const [i, t] of a.terms.entries()) {
    const termId = `${a.id}/term/${i + 1}`;
    const provenance = b.provenance(t.citations);
    b.node('Term', termId, { kind: t.type, name: t.description, ...provenance });
    b.rel('HAS_TERM', `${a.id}>term>${termId}`, a.id, termId, provenance);
    // Term places hang off the agreement itself, so destinations show in graph views and paths.
    for (const p of t.places)
      b.rel('CONCERNS', `${termId}>${p.role}>${p.place}`, a.id, p.place, {
        role: p.role,
        termId,
        ...window,
        ...provenance,
      });
    b.figures(termId, t.figures);
  }
  b.figures(a.id, a.figures);
}

/**
 * Maps one validated dataset onto node and relationship rows; source texts are stored on their Source nodes.
 * `contradictions` resolves `contradictedBy` spans to citation ids; by default within the dataset given (the
 * streamed loader plans a few records at a time and resolves them once it has seen the whole file).
 */
export function planDataset(
  dataset: Dataset,
  sourceTexts: ReadonlyMap<string, string> = new Map(),
  contradictions: ContradictionResolver = contradictionsWithin(dataset),
): GraphPlan {
  const b = new PlanBuilder(dataset.id, contradictions);
  for (const s of dataset.sources) {
    b.node('Source', s.id, {
      name: s.title,
      nameAr: s.titleAr ?? null,
      aliases: [],
      outlet: s.outlet,
      outletAr: s.outletAr ?? null,
      author: s.author ?? null,
      authorAr: s.authorAr ?? null,
      section: s.section ?? null,
      language: s.language,
      file: s.file ?? null,
      text: sourceTexts.get(s.id) ?? s.text ?? null,
      searchText: searchTextFor({
        name: s.title,
        nameAr: s.titleAr,
        aliases: [s.outlet, s.outletAr, s.author, s.authorAr].filter((v) => v !== undefined),
      }),
      ...dateProps(s.published),
    });
    if (s.publisher) b.rel('PUBLISHED_BY', `${s.id}>published-by>${s.publisher}`, s.id, s.publisher, {});
  }
  for (const a of dataset.actors)
    b.node('Actor', a.id, { kind: a.kind, ...entityProps(a), ...b.provenance(a.citations) });
  for (const p of dataset.places) {
    const provenance = b.provenance(p.citations);
    b.node('Place', p.id, {
      kind: p.kind,
      ...entityProps(p),
      lat: p.coordinates?.lat ?? null,
      lon: p.coordinates?.lon ?? null,
      coordinatesOrigin: p.coordinates?.origin ?? null,
      coordinatesGazetteer: p.coordinates?.gazetteer ?? null,
      coordinatesEntryId: p.coordinates?.entry?.id ?? null,
      coordinatesEntryName: p.coordinates?.entry?.name ?? null,
      coordinatesApproximate: p.coordinates ? p.coordinates.approximate : null,
      coordinatesNote: p.coordinates?.note ?? null,
      ...provenance,
    });
    if (p.partOf)
      b.rel('PART_OF', `${p.id}>part-of>${p.partOf}`, p.id, p.partOf, { origin: p.partOfOrigin, ...provenance });
  }
  for (const e of dataset.events) addEvent(b, e);
  for (const a of dataset.agreements) addAgreement(b, a);
  for (const r of dataset.relationships) {
    const dates = dateProps(r.date);
    b.rel(r.type, `rel:${shortHash(relationshipKey(r))}`, r.from, r.to, {
      label: r.label ?? null,
      ...dates,
      ...b.provenance(r.citations),
    });
  }
  return { datasetIds: [dataset.id], nodes: b.nodes, rels: b.rels };
}
