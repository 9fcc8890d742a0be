/**
 * Pure mapping from validated datasets to the property-graph rows the writer stores.
 * `schema/model.md` documents the result; nothing here talks to the database.
 */
import { createHash } from 'node:crypto';
import type { Agreement, Citation, Dataset, DateSpec, Event, Figure } from '../schema/dataset.ts';
import { earliestDay, latestDay } from '../schema/dates.ts';
import { searchTextFor } from '../schema/normalize.ts';
import {
  CERTAINTIES,
  certaintyRank,
  NODE_LABELS,
  type NodeLabel,
  REL_TYPES,
  type RelType,
} from '../schema/vocabulary.ts';
import { applyMerges, computeMerges, type MergeDecision } from './merge.ts';
import { relationshipKey } from './validate.ts';

export { certaintyRank, NODE_LABELS, type NodeLabel, REL_TYPES, type RelType };

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
  /** What planDatasets merged across datasets, and what it kept apart. */
  merges?: MergeDecision[];
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

/**
 * An event's place in timeline order: its `earliest` day, or '' (before every day) when it has no known start. Unlike
 * `earliest`, never null, so one range index serves the timeline's order and its upper bound (`startKey <= $toDay`
 * keeps the events with no known start, which may have begun at any time).
 */
export const timelineStartKey = (props: Properties): string =>
  typeof props.earliest === 'string' ? props.earliest : '';

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
  distinctFrom: string[];
}) {
  return {
    name: e.name,
    nameAr: e.nameAr ?? null,
    aliases: e.aliases,
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
    ...acledProps(e),
    ...own,
  });
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

/** Properties of an entity that sources may state differently; differing versions become Claim nodes. */
const CLAIM_FIELDS: Partial<Record<NodeLabel, Record<string, string[]>>> = {
  Actor: { kind: ['kind'] },
  Place: { kind: ['kind'], coordinates: ['lat', 'lon'] },
  Event: { kind: ['kind'], date: ['dateStart', 'dateEnd', 'datePrecision'] },
  Agreement: { status: ['status'], date: ['dateStart', 'dateEnd', 'datePrecision'] },
};
/** What a claim node copies from its version, per field. */
const CLAIM_COPIES: Record<string, string[]> = {
  kind: ['kind'],
  status: ['status'],
  coordinates: ['lat', 'lon', 'coordinatesOrigin', 'coordinatesGazetteer', 'coordinatesApproximate', 'coordinatesNote'],
  date: [
    'dateStart',
    'dateEnd',
    'datePrecision',
    'dateApproximate',
    'dateExpression',
    'dateInferred',
    'earliest',
    'latest',
  ],
};

interface Version {
  props: Properties;
  datasetId: string;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const stringsOf = (value: PropertyValue | undefined): string[] => (Array.isArray(value) ? value : []);

class PlanCombiner {
  readonly nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, new Map<string, Version[]>()])) as Record<
    NodeLabel,
    Map<string, Version[]>
  >;
  readonly rels = Object.fromEntries(REL_TYPES.map((t) => [t, new Map<string, RelRow[]>()])) as Record<
    RelType,
    Map<string, RelRow[]>
  >;
  private readonly rankOf = new Map<string, number>();

  add(plan: GraphPlan): void {
    const datasetId = plan.datasetIds[0] ?? '';
    this.renameConflictingParts(plan, datasetId);
    for (const label of NODE_LABELS)
      for (const row of plan.nodes[label]) {
        const list = this.nodes[label].get(row.id) ?? [];
        list.push({ props: row.props, datasetId });
        this.nodes[label].set(row.id, list);
        if (label === 'Citation') this.rankOf.set(row.id, Number(row.props.certaintyRank));
      }
    for (const type of REL_TYPES)
      for (const row of plan.rels[type]) this.rels[type].set(row.id, [...(this.rels[type].get(row.id) ?? []), row]);
  }

  /** A term or figure another dataset already gave with the same id but different content gets its own id. */
  private renameConflictingParts(plan: GraphPlan, datasetId: string): void {
    const signature: Record<'Term' | 'Figure', (p: Properties) => string> = {
      Term: (p) => JSON.stringify([p.kind, p.name]),
      Figure: (p) => JSON.stringify([p.measure, p.value, p.min, p.max, p.unit]),
    };
    for (const label of ['Term', 'Figure'] as const)
      for (const row of [...plan.nodes[label]]) {
        const earlier = this.nodes[label].get(row.id)?.[0];
        if (earlier && signature[label](earlier.props) !== signature[label](row.props))
          renameInPlan(plan, row.id, `${row.id}/${datasetId}`);
      }
  }

  private provenance(citationIds: string[]): Properties {
    const ranks = citationIds.map((id) => this.rankOf.get(id)).filter((r): r is number => r !== undefined);
    const strongest = ranks.length > 0 ? Math.min(...ranks) : null;
    return {
      citationIds,
      certainty: strongest === null ? null : (CERTAINTIES[strongest] ?? null),
      certaintyRank: strongest,
    };
  }

  private combineProvenance(versions: Properties[]): Properties {
    const combined: Properties = { datasets: unique(versions.flatMap((v) => stringsOf(v.datasets))) };
    if (versions.some((v) => v.citationIds !== undefined)) {
      Object.assign(combined, this.provenance(unique(versions.flatMap((v) => stringsOf(v.citationIds)))));
      combined.attributedTo = unique(versions.flatMap((v) => stringsOf(v.attributedTo))).sort();
    }
    if (versions.some((v) => v.inheritedCitations !== undefined))
      combined.inheritedCitations = versions.every((v) => v.inheritedCitations !== false);
    return combined;
  }

  build(datasetIds: string[], merges: MergeDecision[]): GraphPlan {
    const nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, [] as NodeRow[]])) as GraphPlan['nodes'];
    const rels = Object.fromEntries(REL_TYPES.map((t) => [t, [] as RelRow[]])) as GraphPlan['rels'];
    for (const label of NODE_LABELS)
      for (const [id, versions] of this.nodes[label]) {
        if (versions.length === 1) {
          nodes[label].push({ id, props: (versions[0] as Version).props });
          continue;
        }
        const props = this.combineNode(label, id, versions, nodes, rels);
        if (label === 'Event') props.startKey = timelineStartKey(props);
        nodes[label].push({ id, props });
      }
    for (const type of REL_TYPES)
      for (const rows of this.rels[type].values()) {
        const first = rows[0] as RelRow;
        if (rows.length === 1) rels[type].push(first);
        else
          rels[type].push({ ...first, props: { ...first.props, ...this.combineProvenance(rows.map((r) => r.props)) } });
      }
    return { datasetIds, nodes, rels, merges };
  }

  private combineNode(
    label: NodeLabel,
    id: string,
    versions: Version[],
    nodes: GraphPlan['nodes'],
    rels: GraphPlan['rels'],
  ): Properties {
    const props: Properties = { ...(versions[0] as Version).props };
    // Fill what the first version leaves empty from the others (a description, an Arabic name).
    for (const { props: other } of versions.slice(1))
      for (const [key, value] of Object.entries(other)) if (props[key] === null && value !== null) props[key] = value;
    Object.assign(props, this.combineProvenance(versions.map((v) => v.props)));
    if (label === 'Citation' || label === 'Source') return props;
    if (typeof props.name === 'string' && Array.isArray(props.aliases)) {
      const names = versions.flatMap((v) => [v.props.name, v.props.nameAr, ...stringsOf(v.props.aliases)]);
      props.aliases = unique(names.filter((n): n is string => typeof n === 'string')).filter(
        (n) => n !== props.name && n !== props.nameAr,
      );
      if (props.distinctFrom !== undefined)
        props.distinctFrom = unique(versions.flatMap((v) => stringsOf(v.props.distinctFrom)));
      props.searchText = searchTextFor({
        name: props.name,
        nameAr: typeof props.nameAr === 'string' ? props.nameAr : undefined,
        aliases: props.aliases,
      });
    }
    const fields = CLAIM_FIELDS[label];
    if (!fields) return props;
    const contested: string[] = [];
    for (const [field, keys] of Object.entries(fields)) {
      const stated = versions.filter((v) => keys.some((k) => v.props[k] !== null && v.props[k] !== undefined));
      const bySignature = new Map<string, Version[]>();
      for (const v of stated) {
        const signature = JSON.stringify(keys.map((k) => v.props[k] ?? null));
        bySignature.set(signature, [...(bySignature.get(signature) ?? []), v]);
      }
      if (bySignature.size < 2) continue;
      contested.push(field);
      for (const [n, group] of [...bySignature.values()].entries()) {
        const claimId = `${id}/claim/${field}/${n + 1}`;
        const version = (group[0] as Version).props;
        const copied = Object.fromEntries((CLAIM_COPIES[field] ?? keys).map((k) => [k, version[k] ?? null]));
        const provenance = this.combineProvenance(group.map((v) => v.props));
        nodes.Claim.push({
          id: claimId,
          props: { id: claimId, property: field, name: describeClaim(field, copied), ...copied, ...provenance },
        });
        rels.HAS_CLAIM.push({
          id: `${id}>claim>${claimId}`,
          from: id,
          to: claimId,
          props: { id: `${id}>claim>${claimId}`, property: field, ...provenance },
        });
      }
      if (field === 'date') {
        // Time filters find the entity under any of the dates sources give.
        const earliest = stated.map((v) => v.props.earliest).filter((d): d is string => typeof d === 'string');
        const latest = stated.map((v) => v.props.latest).filter((d): d is string => typeof d === 'string');
        props.earliest = earliest.length === stated.length ? (earliest.sort()[0] ?? null) : null;
        props.latest = latest.sort().at(-1) ?? null;
      }
    }
    props.contested = contested;
    return props;
  }
}

function describeClaim(field: string, copied: Properties): string {
  if (field === 'date') {
    const start = copied.dateStart ?? '…';
    return copied.dateEnd ? `${start} – ${copied.dateEnd}` : String(start);
  }
  if (field === 'coordinates') return `${copied.lat}, ${copied.lon}`;
  return String(copied[field] ?? '');
}

/** Renames a node (and the parts under it, `id/…`) everywhere in one plan. */
function renameInPlan(plan: GraphPlan, from: string, to: string): void {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}(?=$|[/>])`, 'g');
  const rename = (value: string) => value.replace(pattern, to);
  for (const label of NODE_LABELS)
    for (const row of plan.nodes[label])
      if (row.id === from || row.id.startsWith(`${from}/`)) {
        row.id = rename(row.id);
        row.props.id = row.id;
      }
  for (const type of REL_TYPES)
    for (const row of plan.rels[type]) {
      row.id = rename(row.id);
      row.props.id = row.id;
      row.from = rename(row.from);
      row.to = rename(row.to);
      if (typeof row.props.termId === 'string') row.props.termId = rename(row.props.termId);
    }
}

/**
 * Plans several datasets as one graph. Entities that are the same (same id, `sameAs`, or a shared normalised
 * alias; see seed/merge.ts) become one node with every dataset's names and citations; facts stay separate with
 * their own citations, and properties the datasets state differently are kept as Claim nodes side by side.
 */
export function planDatasets(
  datasets: Array<{ dataset: Dataset; sourceTexts?: ReadonlyMap<string, string>; file?: string }>,
): GraphPlan {
  const { canonicalOf, decisions } = computeMerges(datasets);
  const combiner = new PlanCombiner();
  for (const d of datasets) combiner.add(planDataset(applyMerges(d.dataset, canonicalOf), d.sourceTexts));
  return combiner.build(
    datasets.map((d) => d.dataset.id),
    decisions,
  );
}

export function countRows(plan: GraphPlan): { nodes: number; rels: number } {
  return {
    nodes: NODE_LABELS.reduce((n, l) => n + plan.nodes[l].length, 0),
    rels: REL_TYPES.reduce((n, t) => n + plan.rels[t].length, 0),
  };
}
