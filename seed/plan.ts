/**
 * Plans one or several validated datasets as one graph (rows for db/writer.ts): each dataset's rows
 * (plan-dataset.ts), entities merged across datasets (merge.ts), and what the datasets state differently kept as
 * Claim nodes side by side. `schema/model.md` documents the result; nothing here talks to the database.
 */
import type { Dataset } from '../schema/dataset.ts';
import {
  COORDINATE_PROPERTIES,
  DATE_PROPERTIES,
  DATE_WINDOW_PROPERTIES,
  emptyRows,
  type GraphPlan,
  type MergeDecision,
  type Properties,
  type PropertyValue,
  type RelRow,
  timelineLaneKey,
  timelineStartKey,
} from '../schema/graph.ts';
import { searchTextFor } from '../schema/normalize.ts';
import { CERTAINTIES, NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../schema/vocabulary.ts';
import { applyMerges, computeMerges } from './merge.ts';
import { planDataset } from './plan-dataset.ts';

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
  coordinates: [...COORDINATE_PROPERTIES],
  date: [...DATE_PROPERTIES, ...DATE_WINDOW_PROPERTIES],
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
    const { nodes, rels } = emptyRows();
    for (const label of NODE_LABELS)
      for (const [id, versions] of this.nodes[label]) {
        if (versions.length === 1) {
          nodes[label].push({ id, props: (versions[0] as Version).props });
          continue;
        }
        const props = this.combineNode(label, id, versions, nodes, rels);
        if (label === 'Event') {
          props.startKey = timelineStartKey(props);
          props.laneKey = timelineLaneKey(props);
        }
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
      // An alias stays "outside" only while no dataset writes it as a name of its own.
      const written = new Set(
        versions.flatMap((v) => {
          const outside = new Set(stringsOf(v.props.aliasesOutside));
          return [v.props.name, v.props.nameAr, ...stringsOf(v.props.aliases).filter((a) => !outside.has(a))];
        }),
      );
      props.aliasesOutside = unique(versions.flatMap((v) => stringsOf(v.props.aliasesOutside))).filter(
        (a) => stringsOf(props.aliases).includes(a) && !written.has(a),
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
