/**
 * Pure mapping from validated datasets to the property-graph rows the writer stores.
 * `schema/model.md` documents the result; nothing here talks to the database.
 */
import { createHash } from 'node:crypto';
import {
  type Agreement,
  CERTAINTIES,
  type Certainty,
  type Citation,
  type Dataset,
  type DateSpec,
  type Event,
  type Figure,
} from '../schema/dataset.ts';
import { searchTextFor } from '../server/src/search/normalize.ts';
import { earliestDay, latestDay } from './dates.ts';
import { relationshipKey } from './validate.ts';

/** Node labels the product writes; every node also carries the label `KG`. */
export const NODE_LABELS = ['Source', 'Actor', 'Place', 'Event', 'Agreement', 'Term', 'Figure', 'Citation'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Relationship types the product writes. */
export const REL_TYPES = [
  'PUBLISHED_BY',
  'FROM_SOURCE',
  'ATTRIBUTED_TO',
  'PART_OF',
  'PARTICIPATED_IN',
  'OCCURRED_IN',
  'PARTY_TO',
  'REJECTED',
  'CONCERNS',
  'HAS_TERM',
  'HAS_FIGURE',
  'LEADS',
  'MEMBER_OF',
  'BACKED_BY',
  'ENVOY_OF',
  'SPLIT_FROM',
  'FOUGHT',
  'CONTROLS',
  'ALLIED_WITH',
  'CAUSED',
  'FOLLOWED',
  'ACCUSED',
] as const;
export type RelType = (typeof REL_TYPES)[number];

export type PropertyValue = string | number | boolean | string[] | null;
export type Properties = Record<string, PropertyValue>;

export interface NodeRow {
  id: string;
  props: Properties;
}

export interface RelRow {
  id: string;
  from: string;
  to: string;
  props: Properties;
}

export interface GraphPlan {
  datasetIds: string[];
  nodes: Record<NodeLabel, NodeRow[]>;
  rels: Record<RelType, RelRow[]>;
}

export function certaintyRank(certainty: Certainty): number {
  return CERTAINTIES.indexOf(certainty);
}

function shortHash(...parts: Array<string | number | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('hex')
    .slice(0, 16);
}

/** Content-derived id, so the same citation written twice is one node. */
export function citationId(c: Citation): string {
  return `cit:${shortHash(c.source, c.start, c.end, c.attributedTo, c.certainty, c.translation, c.note)}`;
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
  readonly nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, [] as NodeRow[]])) as Record<NodeLabel, NodeRow[]>;
  readonly rels = Object.fromEntries(REL_TYPES.map((t) => [t, [] as RelRow[]])) as Record<RelType, RelRow[]>;
  private readonly citationsSeen = new Set<string>();
  private readonly relIds = new Set<string>();

  constructor(private readonly datasetId: string) {}

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

function entityProps(e: {
  name: string;
  nameAr?: string | undefined;
  aliases: string[];
  description?: string | undefined;
}) {
  return {
    name: e.name,
    nameAr: e.nameAr ?? null,
    aliases: e.aliases,
    description: e.description ?? null,
    searchText: searchTextFor(e),
  };
}

function addEvent(b: PlanBuilder, e: Event): void {
  const own = b.provenance(e.citations);
  const dates = dateProps(e.date);
  b.node('Event', e.id, { kind: e.type, ...entityProps(e), ...dates, ...own });
  const window = { earliest: dates.earliest ?? null, latest: dates.latest ?? null };
  for (const p of e.participants) {
    const provenance = p.citations ? b.provenance(p.citations) : own;
    b.rel('PARTICIPATED_IN', `${p.actor}>${p.role}>${e.id}`, p.actor, e.id, {
      role: p.role,
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

/** Maps one validated dataset onto node and relationship rows; source texts are stored on their Source nodes. */
export function planDataset(dataset: Dataset, sourceTexts: ReadonlyMap<string, string> = new Map()): GraphPlan {
  const b = new PlanBuilder(dataset.id);
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
      file: s.file,
      text: sourceTexts.get(s.id) ?? null,
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
      coordinatesApproximate: p.coordinates ? p.coordinates.approximate : null,
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

/** Combines several datasets' plans; validation has already made their ids unique. */
export function planDatasets(
  datasets: Array<{ dataset: Dataset; sourceTexts?: ReadonlyMap<string, string> }>,
): GraphPlan {
  const plans = datasets.map((d) => planDataset(d.dataset, d.sourceTexts));
  const nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, plans.flatMap((p) => p.nodes[l])])) as GraphPlan['nodes'];
  const rels = Object.fromEntries(REL_TYPES.map((t) => [t, plans.flatMap((p) => p.rels[t])])) as GraphPlan['rels'];
  // A citation shared by two datasets is one node; keep the first row and list both datasets.
  const citations = new Map<string, NodeRow>();
  for (const row of nodes.Citation) {
    const earlier = citations.get(row.id);
    if (!earlier) citations.set(row.id, row);
    else
      earlier.props.datasets = [
        ...new Set([...(earlier.props.datasets as string[]), ...(row.props.datasets as string[])]),
      ];
  }
  nodes.Citation = [...citations.values()];
  return { datasetIds: plans.flatMap((p) => p.datasetIds), nodes, rels };
}

export function countRows(plan: GraphPlan): { nodes: number; rels: number } {
  return {
    nodes: NODE_LABELS.reduce((n, l) => n + plan.nodes[l].length, 0),
    rels: REL_TYPES.reduce((n, t) => n + plan.rels[t].length, 0),
  };
}
