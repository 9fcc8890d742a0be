/**
 * The stored graph → the product's own dataset format (schema/dataset.ts), so an export loads back with
 * `npm run seed` into the same graph. Source texts travel inline (`text`), so the one file is complete.
 * Pure: the graph comes from db/repositories/export.ts.
 */

import type { AcledCoding, DatasetInput } from '../../../schema/dataset.ts';
import { FORMAT_VERSION } from '../../../schema/dataset.ts';
import { COORDINATE_PROPERTIES, DATE_PROPERTIES } from '../../../schema/graph.ts';
import { RELATIONSHIP_TYPES } from '../../../schema/vocabulary.ts';
import { type ExportGraph, type ExportNode, type ExportRel, labelOf, num, type Props, str, strings } from './graph.ts';

type Collections = 'sources' | 'actors' | 'places' | 'events' | 'agreements' | 'relationships';
type Input<K extends Collections> = NonNullable<DatasetInput[K]>[number];
type CitationInput = Input<'actors'>['citations'][number];
type DateInput = Input<'events'>['date'];
type FigureInput = NonNullable<Input<'events'>['figures']>[number];

/** Drops undefined values so the JSON has no empty keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function dateOf(props: Props): DateInput | undefined {
  const precision = str(props, 'datePrecision');
  if (precision !== 'year' && precision !== 'month' && precision !== 'day') return undefined;
  return defined<DateInput>({
    start: str(props, 'dateStart'),
    end: str(props, 'dateEnd'),
    precision,
    approximate: props.dateApproximate === true,
    expression: str(props, 'dateExpression'),
    inferred: str(props, 'dateInferred'),
  });
}

/** What a claim node copies from its version (see seed/plan.ts), to restore one dataset's own statement. */
const CLAIM_FIELDS: Record<string, string[]> = {
  kind: ['kind'],
  status: ['status'],
  coordinates: [...COORDINATE_PROPERTIES],
  date: [...DATE_PROPERTIES],
};

function acledOf(props: Props): AcledCoding | undefined {
  const eventId = str(props, 'acledEventId');
  const eventType = str(props, 'acledEventType');
  if (!eventId || !eventType) return undefined;
  return defined({
    eventId,
    eventType,
    disorderType: str(props, 'acledDisorderType'),
    subEventType: str(props, 'acledSubEventType'),
    inter1: str(props, 'acledInter1'),
    inter2: str(props, 'acledInter2'),
    interaction: str(props, 'acledInteraction'),
    civilianTargeting: str(props, 'acledCivilianTargeting'),
    timePrecision: num(props, 'acledTimePrecision'),
    geoPrecision: num(props, 'acledGeoPrecision'),
    sourceScale: str(props, 'acledSourceScale'),
    tags: str(props, 'acledTags'),
    iso: str(props, 'acledIso'),
    region: str(props, 'acledRegion'),
    timestamp: num(props, 'acledTimestamp'),
  });
}

/** Orders parts by their number: `…/figure/m` before `…/figure/m-2`, `…/term/2` before `…/term/10`. */
function partOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface DatasetExportOptions {
  datasetId: string;
  title: string;
  /** When exporting one dataset of a merged graph: restore that dataset's own version of contested properties. */
  claimsOf?: string;
}

export function toDataset(graph: ExportGraph, options: DatasetExportOptions): DatasetInput {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, ExportRel[]>();
  const incoming = new Map<string, ExportRel[]>();
  for (const r of graph.rels) {
    outgoing.set(r.from, [...(outgoing.get(r.from) ?? []), r]);
    incoming.set(r.to, [...(incoming.get(r.to) ?? []), r]);
  }
  const out = (id: string, type: string) => (outgoing.get(id) ?? []).filter((r) => r.type === type);
  const into = (id: string, type: string) => (incoming.get(id) ?? []).filter((r) => r.type === type);
  const ofLabel = (label: string) => graph.nodes.filter((n) => labelOf(n) === label);

  const citation = (id: string): CitationInput | undefined => {
    const c = nodes.get(id);
    if (!c) return undefined;
    const p = c.props;
    return defined({
      source: str(p, 'sourceId') ?? '',
      quote: str(p, 'quote') ?? '',
      start: num(p, 'start') ?? 0,
      end: num(p, 'end') ?? 0,
      translation: str(p, 'translation') ?? '',
      attributedTo: str(p, 'attributedTo') ?? '',
      certainty: (str(p, 'certainty') ?? 'reported') as CitationInput['certainty'],
      note: str(p, 'note'),
      contradictedBy: contradictingSpans(p),
    });
  };
  /** The spans of the citations that contradict one, each once (several citations can share a span). */
  const contradictingSpans = (p: Props): CitationInput['contradictedBy'] => {
    const spans = new Map<string, NonNullable<CitationInput['contradictedBy']>[number]>();
    for (const id of strings(p, 'contradictedBy')) {
      const other = nodes.get(id)?.props;
      const source = other ? str(other, 'sourceId') : undefined;
      const start = other ? num(other, 'start') : undefined;
      const end = other ? num(other, 'end') : undefined;
      if (source === undefined || start === undefined || end === undefined) continue;
      const ref = source === str(p, 'sourceId') ? { start, end } : { source, start, end };
      spans.set(`${source}|${start}|${end}`, ref);
    }
    return spans.size > 0 ? [...spans.values()] : undefined;
  };
  const citations = (props: Props): CitationInput[] =>
    strings(props, 'citationIds')
      .map(citation)
      .filter((c): c is CitationInput => c !== undefined);
  const ownCitations = (r: ExportRel) => (r.props.inheritedCitations === true ? undefined : citations(r.props));

  /** The entity's properties, with the exported dataset's own version of contested ones. */
  const propsOf = (n: ExportNode): Props => {
    if (!options.claimsOf) return n.props;
    const props = { ...n.props };
    for (const r of out(n.id, 'HAS_CLAIM')) {
      const claim = nodes.get(r.to);
      if (!claim || !strings(claim.props, 'datasets').includes(options.claimsOf)) continue;
      for (const key of CLAIM_FIELDS[str(claim.props, 'property') ?? ''] ?? []) props[key] = claim.props[key] ?? null;
    }
    return props;
  };
  const nameOrigin = (p: Props): Input<'actors'>['nameArOrigin'] => {
    const origin = str(p, 'nameArOrigin');
    if (origin === 'editors') return { origin, note: str(p, 'nameArNote') ?? '' };
    const [source, quote, start, end] = [
      str(p, 'nameArSource'),
      str(p, 'nameArQuote'),
      num(p, 'nameArStart'),
      num(p, 'nameArEnd'),
    ];
    if (origin !== 'article' || !source || !quote || start === undefined || end === undefined) return undefined;
    return { origin, source, quote, start, end };
  };
  const aliasOrigins = (p: Props): Input<'actors'>['aliasOrigins'] => {
    const aliases = strings(p, 'aliases');
    if (aliases.length === 0) return undefined;
    const outside = new Set(strings(p, 'aliasesOutside'));
    return Object.fromEntries(aliases.map((a) => [a, outside.has(a) ? 'outside' : 'article']));
  };
  const names = (p: Props) =>
    defined({
      name: str(p, 'name') ?? '',
      nameAr: str(p, 'nameAr'),
      nameArOrigin: nameOrigin(p),
      aliases: strings(p, 'aliases'),
      aliasOrigins: aliasOrigins(p),
      description: str(p, 'description'),
      distinctFrom: strings(p, 'distinctFrom').length > 0 ? strings(p, 'distinctFrom') : undefined,
    });
  const figures = (ownerId: string): FigureInput[] =>
    out(ownerId, 'HAS_FIGURE')
      .map((r) => nodes.get(r.to))
      .filter((f): f is ExportNode => f !== undefined)
      .sort((a, b) => partOrder(a.id, b.id))
      .map((f) =>
        defined({
          measure: str(f.props, 'measure') ?? 'unknown',
          value: num(f.props, 'value'),
          min: num(f.props, 'min'),
          max: num(f.props, 'max'),
          unit: (str(f.props, 'unit') ?? 'people') as FigureInput['unit'],
          approximate: f.props.approximate === true,
          label: str(f.props, 'name') ?? '',
          citations: citations(f.props),
        }),
      );

  const sources: Input<'sources'>[] = ofLabel('Source').map((s) => {
    const p = s.props;
    return defined({
      id: s.id,
      title: str(p, 'name') ?? s.id,
      titleAr: str(p, 'nameAr'),
      outlet: str(p, 'outlet') ?? '',
      outletAr: str(p, 'outletAr'),
      publisher: out(s.id, 'PUBLISHED_BY')[0]?.to,
      author: str(p, 'author'),
      authorAr: str(p, 'authorAr'),
      section: str(p, 'section'),
      language: str(p, 'language') ?? 'und',
      published: dateOf(p) ?? { start: '1970', precision: 'year' as const },
      file: str(p, 'file'),
      text: str(p, 'text'),
    });
  });

  const actors: Input<'actors'>[] = ofLabel('Actor').map((a) => {
    const p = propsOf(a);
    return {
      id: a.id,
      kind: (str(p, 'kind') ?? 'organization') as Input<'actors'>['kind'],
      ...names(p),
      citations: citations(p),
    };
  });

  const entryOf = (p: Props) => {
    const id = str(p, 'coordinatesEntryId');
    return id === undefined ? undefined : { id, name: str(p, 'coordinatesEntryName') ?? id };
  };
  const places: Input<'places'>[] = ofLabel('Place').map((n) => {
    const p = propsOf(n);
    const parent = out(n.id, 'PART_OF').find((r) => labelOf(nodes.get(r.to) ?? n) === 'Place');
    const lat = num(p, 'lat');
    const lon = num(p, 'lon');
    return defined({
      id: n.id,
      kind: (str(p, 'kind') ?? 'area') as Input<'places'>['kind'],
      partOf: parent?.to,
      partOfOrigin: parent ? ((str(parent.props, 'origin') ?? 'source') as 'source' | 'gazetteer') : undefined,
      coordinates:
        lat === undefined || lon === undefined
          ? undefined
          : defined({
              lat,
              lon,
              origin: (str(p, 'coordinatesOrigin') ?? 'gazetteer') as 'source' | 'gazetteer',
              gazetteer: str(p, 'coordinatesGazetteer'),
              entry: entryOf(p),
              approximate: p.coordinatesApproximate === true,
              note: str(p, 'coordinatesNote'),
            }),
      ...names(p),
      citations: citations(p),
    });
  });

  const events: Input<'events'>[] = ofLabel('Event').map((e) => {
    const p = propsOf(e);
    return defined({
      id: e.id,
      type: (str(p, 'kind') ?? 'other') as Input<'events'>['type'],
      date: dateOf(p) ?? { start: '1970', precision: 'year' as const },
      participants: into(e.id, 'PARTICIPATED_IN').map((r) =>
        defined({
          actor: r.from,
          role: str(r.props, 'role') ?? 'participant',
          citations: ownCitations(r),
          inferred: str(r.props, 'inferred'),
        }),
      ),
      places: out(e.id, 'OCCURRED_IN').map((r) =>
        defined({
          place: r.to,
          role: (str(r.props, 'role') ?? 'location') as 'location',
          citations: ownCitations(r),
        }),
      ),
      figures: figures(e.id),
      partOf: out(e.id, 'PART_OF').find((r) => labelOf(nodes.get(r.to) ?? e) === 'Event')?.to,
      acled: acledOf(p),
      ...names(p),
      citations: citations(p),
    });
  });

  const agreements: Input<'agreements'>[] = ofLabel('Agreement').map((a) => {
    const p = propsOf(a);
    const concerns = out(a.id, 'CONCERNS');
    return defined({
      id: a.id,
      date: dateOf(p),
      status: (str(p, 'status') ?? 'reported') as Input<'agreements'>['status'],
      parties: into(a.id, 'PARTY_TO').map((r) =>
        defined({
          actor: r.from,
          side: str(r.props, 'side'),
          role: (str(r.props, 'role') ?? 'party') as 'party',
          citations: ownCitations(r),
          inferred: str(r.props, 'inferred'),
        }),
      ),
      terms: out(a.id, 'HAS_TERM')
        .map((r) => nodes.get(r.to))
        .filter((t): t is ExportNode => t !== undefined)
        .sort((x, y) => partOrder(x.id, y.id))
        .map((t) => ({
          type: (str(t.props, 'kind') ?? 'other') as 'other',
          description: str(t.props, 'name') ?? '',
          places: concerns
            .filter((r) => r.props.termId === t.id)
            .map((r) => ({ place: r.to, role: (str(r.props, 'role') ?? 'scope') as 'scope' })),
          figures: figures(t.id),
          citations: citations(t.props),
        })),
      rejectedBy: into(a.id, 'REJECTED').map((r) => ({ actor: r.from, citations: citations(r.props) })),
      places: concerns
        .filter((r) => r.props.termId === null || r.props.termId === undefined)
        .map((r) => defined({ place: r.to, citations: ownCitations(r) })),
      figures: figures(a.id),
      ...names(p),
      citations: citations(p),
    });
  });

  const generic = new Set<string>(RELATIONSHIP_TYPES);
  const relationships: Input<'relationships'>[] = graph.rels
    .filter((r) => generic.has(r.type))
    .map((r) =>
      defined({
        type: r.type as Input<'relationships'>['type'],
        from: r.from,
        to: r.to,
        date: dateOf(r.props),
        label: str(r.props, 'label'),
        citations: citations(r.props),
      }),
    );

  return {
    formatVersion: FORMAT_VERSION,
    id: options.datasetId,
    title: options.title,
    sources,
    actors,
    places,
    events,
    agreements,
    relationships,
  };
}
