/**
 * Resolvers: argument checks, then repositories for top-level fields and per-request loaders for
 * nested ones, so a list's nested fields cost one query per level. No Cypher here.
 */

import { NotFoundError } from '../../../db/errors.ts';
import type { Plain } from '../../../db/plain.ts';
import {
  type AffiliationRecord,
  type CitationRecord,
  type DateRangeRecord,
  type EdgeRecord,
  isNodeRecord,
  type NodeRecord,
  type PartRecord,
  type RelatedRecord,
} from '../../../db/records.ts';
import {
  countRelationships,
  findNeighborhood,
  type GraphFilter,
  type SubgraphProjection,
} from '../../../db/repositories/neighborhood.ts';
import { graphStats, type RelatedKey, sourceText } from '../../../db/repositories/nodes.ts';
import { findOverview } from '../../../db/repositories/overview.ts';
import { findPaths } from '../../../db/repositories/paths.ts';
import { searchNodes } from '../../../db/repositories/search.ts';
import { findAgreements, findEvents, findEventsWith } from '../../../db/repositories/timeline.ts';
import { KIND_LABELS, type NodeKind } from '../../../schema/vocabulary.ts';
import {
  boundedInt,
  checkId,
  checkList,
  checkText,
  checkWindow,
  LIMITS,
  maxRankFor,
  OVERVIEW_DEFAULTS,
  windowEnd,
  windowStart,
} from '../arguments.ts';
import { type Context, selectedFields } from '../context.ts';
import type { Certainty, DatePrecision, Kind, Resolvers } from '../generated/graphql.ts';
import { ACTOR, ENTITY, eachOf, type IdArgument, notFound, PLACE, requireIds } from '../ids.ts';
import { eventProjection } from '../projection.ts';

type Props = Record<string, Plain>;

const str = (props: Props, key: string): string | null => {
  const value = props[key];
  return typeof value === 'string' ? value : null;
};
const num = (props: Props, key: string): number | null => {
  const value = props[key];
  return typeof value === 'number' ? value : null;
};
const strings = (props: Props, key: string): string[] => {
  const value = props[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};
const certaintyOf = (props: Props): Certainty | null => (str(props, 'certainty')?.toUpperCase() as Certainty) ?? null;

/** The date fields stored on a node or relationship, or null when it has none. */
function dateRange(props: Props): DateRangeRecord | null {
  const precision = str(props, 'datePrecision');
  if (!precision) return null;
  return {
    start: str(props, 'dateStart'),
    end: str(props, 'dateEnd'),
    precision: precision.toUpperCase() as DatePrecision,
    approximate: props.dateApproximate === true,
    expression: str(props, 'dateExpression'),
    inferred: str(props, 'dateInferred'),
    earliest: str(props, 'earliest'),
    latest: str(props, 'latest'),
  };
}

/** For a node stored without a date, which a valid dataset never has. */
const UNKNOWN_DATE: DateRangeRecord = {
  start: null,
  end: null,
  precision: 'YEAR',
  approximate: true,
  expression: null,
  inferred: null,
  earliest: null,
  latest: null,
};

async function citationsOf(props: Props, ctx: Context): Promise<CitationRecord[]> {
  const loaded = await ctx.loaders.citation.loadMany(strings(props, 'citationIds'));
  return loaded.filter((c): c is CitationRecord => c !== null && !(c instanceof Error));
}

/** A relationship with the node at its other end when the query that read it had that node too. */
type EdgeWithEnd = EdgeRecord & { end?: NodeRecord };

/** The node at `id`'s end of an edge, without a query when the edge came with it. */
const endOf = (ctx: Context, edge: EdgeWithEnd, id: string): NodeRecord | Promise<NodeRecord> =>
  edge.end?.id === id ? edge.end : nodeOrThrow(ctx, id);

/** A node's relationships of one key: those read with it (NodeRecord.related), else through the loader. */
async function related(ctx: Context, key: RelatedKey, id: string, node?: NodeRecord): Promise<RelatedRecord[]> {
  const read = node?.related?.[key];
  if (read) return read;
  const list = await ctx.loaders.related(key).load(id);
  // The other ends are whole nodes already: a field that asks for them next needs no query.
  for (const { other } of list) if (isNodeRecord(other)) ctx.loaders.node.prime(other.id, other);
  return list;
}

/** A node another one refers to: always there in a valid graph, NOT_FOUND if it went missing meanwhile. */
async function nodeOrThrow(ctx: Context, id: string): Promise<NodeRecord> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

/** A path's ends and its voices, held to the unknown-id rule (ids.ts) in one query. */
async function pathEnds(ctx: Context, args: { from: string; to: string; attributedTo?: readonly string[] | null }) {
  await requireIds(ctx.driver, [
    { argument: 'from', id: args.from, kinds: ENTITY },
    { argument: 'to', id: args.to, kinds: ENTITY },
    ...eachOf('attributedTo', checkList(args.attributedTo, 'attributedTo'), ACTOR),
  ]);
  return { from: args.from, to: args.to };
}

const chronological = (a: NodeRecord, b: NodeRecord) =>
  (str(a.props, 'earliest') ?? '').localeCompare(str(b.props, 'earliest') ?? '') ||
  (str(a.props, 'latest') ?? '').localeCompare(str(b.props, 'latest') ?? '') ||
  a.id.localeCompare(b.id);
const byName = (a: NodeRecord, b: NodeRecord) => (str(a.props, 'name') ?? '').localeCompare(str(b.props, 'name') ?? '');

async function otherNodes(ctx: Context, key: RelatedKey, id: string): Promise<NodeRecord[]> {
  return (await related(ctx, key, id)).map((r) => r.other).filter(isNodeRecord);
}

async function parts(ctx: Context, key: RelatedKey, id: string): Promise<PartRecord[]> {
  return (await related(ctx, key, id)).map((r) => r.other).sort((a, b) => a.id.localeCompare(b.id));
}

const edgesOf = async (ctx: Context, key: RelatedKey, id: string, node?: NodeRecord): Promise<EdgeWithEnd[]> =>
  (await related(ctx, key, id, node)).map((r) => (isNodeRecord(r.other) ? { ...r.edge, end: r.other } : r.edge));

/** Where an entity's Arabic name comes from (the source's words or the editors), or null when not stored. */
function nameOriginOf(props: Props) {
  const origin = str(props, 'nameArOrigin');
  if (origin === null) return null;
  return {
    origin,
    source: str(props, 'nameArSource'),
    quote: str(props, 'nameArQuote'),
    start: num(props, 'nameArStart'),
    end: num(props, 'nameArEnd'),
    note: str(props, 'nameArNote'),
  };
}

/** Fields every Node type resolves the same way. */
const nodeFields = {
  id: (n: NodeRecord) => n.id,
  kind: (n: NodeRecord) => n.kind as Kind,
  name: (n: NodeRecord) => str(n.props, 'name') ?? n.id,
  nameAr: (n: NodeRecord) => str(n.props, 'nameAr'),
  nameArOrigin: (n: NodeRecord) => nameOriginOf(n.props),
  aliases: (n: NodeRecord) => strings(n.props, 'aliases'),
  aliasesOutside: (n: NodeRecord) => strings(n.props, 'aliasesOutside'),
  description: (n: NodeRecord) => str(n.props, 'description'),
  citations: (n: NodeRecord, _: unknown, ctx: Context) => citationsOf(n.props, ctx),
  certainty: (n: NodeRecord) => certaintyOf(n.props),
  attributedTo: (n: NodeRecord) => strings(n.props, 'attributedTo'),
};

/** Provenance of merged entities (seed/merge.ts): datasets, contested properties and each source's version. */
const mergeFields = {
  datasets: (n: NodeRecord) => strings(n.props, 'datasets'),
  contested: (n: NodeRecord) => strings(n.props, 'contested'),
  claims: (n: NodeRecord, _: unknown, ctx: Context) => parts(ctx, 'HAS_CLAIM:OUT', n.id),
};

function entryOf(props: Props) {
  const id = str(props, 'coordinatesEntryId');
  return id === null ? null : { id, name: str(props, 'coordinatesEntryName') ?? id };
}

function coordinatesOf(props: Props) {
  const lat = num(props, 'lat');
  const lon = num(props, 'lon');
  if (lat === null || lon === null) return null;
  return {
    lat,
    lon,
    origin: str(props, 'coordinatesOrigin') ?? 'unknown',
    gazetteer: str(props, 'coordinatesGazetteer'),
    entry: entryOf(props),
    approximate: props.coordinatesApproximate === true,
  };
}

const edgeFields = {
  certainty: (e: EdgeRecord) => certaintyOf(e.props),
  citations: (e: EdgeRecord, _: unknown, ctx: Context) => citationsOf(e.props, ctx),
};

function figureOrTermCitations(p: PartRecord, ctx: Context) {
  return citationsOf(p.props, ctx);
}

export const resolvers: Resolvers = {
  Node: {
    __resolveType: (n) => KIND_LABELS[n.kind],
  },

  Query: {
    node: (_, { id }, ctx) => ctx.loaders.node.load(checkId(id, 'id')),

    search: (_, { text, kinds, limit }, ctx) =>
      searchNodes(ctx.driver, {
        text: checkText(text, 'text'),
        kinds: kinds ?? undefined,
        limit: boundedInt(limit, 20, LIMITS.searchLimit, 'limit'),
      }),

    events: async (_, args, ctx, info) => {
      const fromDay = windowStart(args.from, 'from');
      const toDay = windowEnd(args.to, 'to');
      checkWindow(fromDay, toDay);
      const limit = boundedInt(args.limit, 100, LIMITS.eventsLimit, 'limit');
      await requireIds(ctx.driver, [
        ...(args.actorId ? [{ argument: 'actorId', id: args.actorId, kinds: ACTOR }] : []),
        ...(args.placeId ? [{ argument: 'placeId', id: args.placeId, kinds: PLACE }] : []),
      ]);
      const query = { fromDay, toDay, actorId: args.actorId ?? null, placeId: args.placeId ?? null, limit };
      // A timeline showing participants or places gets them in the same query as the events, reading only the
      // properties its selection needs.
      const fields = selectedFields(info);
      if (!fields.has('participants') && !fields.has('places')) return findEvents(ctx.driver, query);
      return findEventsWith(ctx.driver, query, eventProjection(info));
    },

    agreements: async (_, { actorId }, ctx) => {
      if (actorId) await requireIds(ctx.driver, [{ argument: 'actorId', id: actorId, kinds: ACTOR }]);
      return findAgreements(ctx.driver, actorId ?? null);
    },

    graph: async (_, args, ctx, info) => {
      const filter = graphFilter(args);
      await requireIds(ctx.driver, eachOf('attributedTo', filter.voices, ACTOR));
      return findOverview(ctx.driver, {
        limit: boundedInt(args.limit, OVERVIEW_DEFAULTS.limit, LIMITS.overviewLimit, 'limit'),
        edgeLimit: boundedInt(args.edgeLimit, OVERVIEW_DEFAULTS.edgeLimit, LIMITS.overviewEdgeLimit, 'edgeLimit'),
        filter,
        projection: subgraphProjection(info),
      });
    },

    neighborhood: async (_, args, ctx, info) => {
      const start: IdArgument = { argument: 'id', id: args.id, kinds: ENTITY };
      const depth = boundedInt(args.depth, 1, LIMITS.depth, 'depth');
      const limit = boundedInt(args.limit, 200, LIMITS.neighborhoodLimit, 'limit');
      const edgeLimit = boundedInt(args.edgeLimit, 1000, LIMITS.neighborhoodEdgeLimit, 'edgeLimit');
      const filter = graphFilter(args);
      await requireIds(ctx.driver, [start, ...eachOf('attributedTo', filter.voices, ACTOR)]);
      const subgraph = await findNeighborhood(
        ctx.driver,
        args.id,
        depth,
        limit,
        filter,
        subgraphProjection(info),
        edgeLimit,
      );
      if (!subgraph) throw notFound(start);
      return subgraph;
    },

    relationshipCounts: async (_, args, ctx) => {
      const filter = graphFilter(args);
      await requireIds(ctx.driver, [
        { argument: 'id', id: args.id, kinds: ENTITY },
        ...eachOf('attributedTo', filter.voices, ACTOR),
      ]);
      return countRelationships(ctx.driver, args.id, filter);
    },

    shortestPath: async (_, args, ctx) => {
      const maxLength = boundedInt(args.maxLength, 6, LIMITS.maxLength, 'maxLength');
      const filters = pathFilters(args);
      const [path] = await findPaths(ctx.driver, { ...(await pathEnds(ctx, args)), k: 1, maxLength, ...filters });
      return path ?? null;
    },

    paths: async (_, args, ctx) => {
      const k = boundedInt(args.k, 3, LIMITS.k, 'k');
      const maxLength = boundedInt(args.maxLength, 6, LIMITS.maxLength, 'maxLength');
      return findPaths(ctx.driver, {
        ...(await pathEnds(ctx, args)),
        k,
        maxLength,
        ...pathFilters(args),
        ...(args.relationshipTypes
          ? { relationshipTypes: checkList(args.relationshipTypes, 'relationshipTypes') ?? [] }
          : {}),
        excludeUndated: args.excludeUndated === true,
      });
    },

    stats: async (_, __, ctx) => {
      const stats = await graphStats(ctx.driver);
      const count = (kind: NodeKind) => stats.byKind.find((k) => k.kind === kind)?.count ?? 0;
      return {
        byKind: stats.byKind,
        actors: count('ACTOR'),
        places: count('PLACE'),
        events: count('EVENT'),
        agreements: count('AGREEMENT'),
        sources: count('SOURCE'),
        citations: stats.citations,
        relationships: stats.relationships,
      };
    },
  },

  Citation: {
    source: (c, _, ctx) => nodeOrThrow(ctx, c.sourceId),
    certainty: (c) => c.certainty.toUpperCase() as Certainty,
    attributedActor: async (c, _, ctx) => (c.attributedTo ? ctx.loaders.node.load(c.attributedTo) : null),
    contradictedBy: async (c, _, ctx) => {
      const loaded = await ctx.loaders.citation.loadMany(c.contradictedBy ?? []);
      return loaded.filter((other): other is CitationRecord => other !== null && !(other instanceof Error));
    },
  },

  Edge: {
    ...edgeFields,
    label: (e) => str(e.props, 'role') ?? str(e.props, 'label'),
    attributedTo: (e) => strings(e.props, 'attributedTo'),
    earliest: (e) => str(e.props, 'earliest'),
    latest: (e) => str(e.props, 'latest'),
  },

  Overview: {
    positions: (overview, _, ctx) => ctx.layouts.positions(overview.nodes, overview.edges),
  },
  Path: {
    length: (p) => p.length,
    nodes: (p) => p.nodes,
    edges: (p) => p.edges,
  },

  Actor: {
    ...nodeFields,
    ...mergeFields,
    actorKind: (n) => str(n.props, 'kind') ?? 'unknown',
    affiliations: async (n, _, ctx) =>
      (await related(ctx, 'AFFILIATION:BOTH', n.id)).map(
        (r): AffiliationRecord => ({
          edge: r.edge,
          direction: r.edge.source === n.id ? 'OUTGOING' : 'INCOMING',
          otherId: r.other.id,
        }),
      ),
    participations: async (n, _, ctx) => {
      const list = await related(ctx, 'PARTICIPATED_IN:OUT', n.id);
      return list
        .filter((r) => isNodeRecord(r.other))
        .sort((a, b) => chronological(a.other as NodeRecord, b.other as NodeRecord))
        .map((r) => r.edge);
    },
    agreements: (n, _, ctx) => edgesOf(ctx, 'PARTY_TO:OUT', n.id),
  },

  Affiliation: {
    type: (a) => a.edge.type,
    direction: (a) => a.direction,
    actor: (a, _, ctx) => nodeOrThrow(ctx, a.otherId),
    label: (a) => str(a.edge.props, 'label'),
    date: (a) => dateRange(a.edge.props),
    certainty: (a) => certaintyOf(a.edge.props),
    citations: (a, _, ctx) => citationsOf(a.edge.props, ctx),
  },

  Participation: {
    ...edgeFields,
    event: (e, _, ctx) => endOf(ctx, e, e.target),
    actor: (e, _, ctx) => endOf(ctx, e, e.source),
    role: (e) => str(e.props, 'role') ?? 'participant',
    inferred: (e) => str(e.props, 'inferred'),
  },

  Place: {
    ...nodeFields,
    ...mergeFields,
    placeKind: (n) => str(n.props, 'kind') ?? 'unknown',
    parent: async (n, _, ctx) => (await otherNodes(ctx, 'PART_OF:OUT', n.id))[0] ?? null,
    parentOrigin: async (n, _, ctx) => {
      const [edge] = await edgesOf(ctx, 'PART_OF:OUT', n.id);
      return edge ? str(edge.props, 'origin') : null;
    },
    children: async (n, _, ctx) => (await otherNodes(ctx, 'PART_OF:IN', n.id)).sort(byName),
    coordinates: (n) => coordinatesOf(n.props),
    events: async (n, _, ctx) => (await otherNodes(ctx, 'OCCURRED_IN:IN', n.id)).sort(chronological),
  },

  EventPlace: {
    place: (e, _, ctx) => endOf(ctx, e, e.target),
    role: (e) => str(e.props, 'role') ?? 'location',
    citations: (e, _, ctx) => citationsOf(e.props, ctx),
  },

  Event: {
    ...nodeFields,
    ...mergeFields,
    eventType: (n) => str(n.props, 'kind') ?? 'other',
    date: (n) => dateRange(n.props) ?? UNKNOWN_DATE,
    start: (n) => str(n.props, 'dateStart'),
    end: (n) => str(n.props, 'dateEnd'),
    precision: (n) => (str(n.props, 'datePrecision')?.toUpperCase() ?? 'YEAR') as DatePrecision,
    approximate: (n) => n.props.dateApproximate === true,
    participants: (n, _, ctx) => edgesOf(ctx, 'PARTICIPATED_IN:IN', n.id, n),
    places: (n, _, ctx) => edgesOf(ctx, 'OCCURRED_IN:OUT', n.id, n),
    figures: (n, _, ctx) => parts(ctx, 'HAS_FIGURE:OUT', n.id),
    partOf: async (n, _, ctx) => (await otherNodes(ctx, 'PART_OF:OUT', n.id))[0] ?? null,
  },

  Claim: {
    id: (c) => c.id,
    property: (c) => str(c.props, 'property') ?? 'unknown',
    value: (c) => str(c.props, 'name') ?? '',
    date: (c) => dateRange(c.props),
    coordinates: (c) => coordinatesOf(c.props),
    certainty: (c) => certaintyOf(c.props),
    attributedTo: (c) => strings(c.props, 'attributedTo'),
    datasets: (c) => strings(c.props, 'datasets'),
    citations: (c, _, ctx) => citationsOf(c.props, ctx),
  },

  Figure: {
    id: (f) => f.id,
    measure: (f) => str(f.props, 'measure') ?? 'unknown',
    value: (f) => num(f.props, 'value'),
    min: (f) => num(f.props, 'min'),
    max: (f) => num(f.props, 'max'),
    unit: (f) => str(f.props, 'unit') ?? '',
    approximate: (f) => f.props.approximate === true,
    label: (f) => str(f.props, 'name') ?? '',
    citations: (f, _, ctx) => figureOrTermCitations(f, ctx),
  },

  Agreement: {
    ...nodeFields,
    ...mergeFields,
    date: (n) => dateRange(n.props),
    status: (n) => str(n.props, 'status') ?? 'reported',
    parties: (n, _, ctx) => edgesOf(ctx, 'PARTY_TO:IN', n.id),
    terms: (n, _, ctx) => parts(ctx, 'HAS_TERM:OUT', n.id),
    rejectedBy: (n, _, ctx) => edgesOf(ctx, 'REJECTED:IN', n.id),
    places: async (n, _, ctx) =>
      (await related(ctx, 'CONCERNS:OUT', n.id))
        .filter((r) => r.edge.props.termId === null || r.edge.props.termId === undefined)
        .map((r) => r.other)
        .filter(isNodeRecord),
    figures: (n, _, ctx) => parts(ctx, 'HAS_FIGURE:OUT', n.id),
  },

  AgreementParty: {
    agreement: (e, _, ctx) => nodeOrThrow(ctx, e.target),
    actor: (e, _, ctx) => nodeOrThrow(ctx, e.source),
    side: (e) => str(e.props, 'side'),
    role: (e) => str(e.props, 'role') ?? 'party',
    inferred: (e) => str(e.props, 'inferred'),
    citations: (e, _, ctx) => citationsOf(e.props, ctx),
  },

  Rejection: {
    actor: (e, _, ctx) => nodeOrThrow(ctx, e.source),
    citations: (e, _, ctx) => citationsOf(e.props, ctx),
  },

  Term: {
    id: (t) => t.id,
    type: (t) => str(t.props, 'kind') ?? 'other',
    description: (t) => str(t.props, 'name') ?? '',
    places: async (t, _, ctx) => {
      const agreementId = t.id.split('/term/')[0] ?? t.id;
      return (await edgesOf(ctx, 'CONCERNS:OUT', agreementId)).filter((e) => e.props.termId === t.id);
    },
    figures: (t, _, ctx) => parts(ctx, 'HAS_FIGURE:OUT', t.id),
    citations: (t, _, ctx) => figureOrTermCitations(t, ctx),
  },

  TermPlace: {
    place: (e, _, ctx) => nodeOrThrow(ctx, e.target),
    role: (e) => str(e.props, 'role') ?? 'scope',
  },

  Source: {
    id: nodeFields.id,
    kind: nodeFields.kind,
    name: nodeFields.name,
    nameAr: nodeFields.nameAr,
    nameArOrigin: () => null,
    aliases: nodeFields.aliases,
    aliasesOutside: () => [],
    citations: () => [],
    outlet: (n) => str(n.props, 'outlet') ?? '',
    outletAr: (n) => str(n.props, 'outletAr'),
    author: (n) => str(n.props, 'author'),
    authorAr: (n) => str(n.props, 'authorAr'),
    section: (n) => str(n.props, 'section'),
    language: (n) => str(n.props, 'language') ?? 'und',
    published: (n) => dateRange(n.props) ?? UNKNOWN_DATE,
    text: (n, _, ctx) => sourceText(ctx.driver, n.id),
  },
};

const NAME_ONLY_NODE_FIELDS = new Set(['__typename', 'id', 'kind', 'name']);
const BARE_EDGE_FIELDS = new Set(['__typename', 'id', 'type', 'source', 'target']);
const within = (names: Set<string>, allowed: Set<string>) => [...names].every((n) => allowed.has(n));

/** The properties a subgraph query must read for the fields asked (see SubgraphProjection). */
function subgraphProjection(info: Parameters<typeof selectedFields>[0]): SubgraphProjection {
  return {
    nodeProps: within(selectedFields(info, 'nodes'), NAME_ONLY_NODE_FIELDS) ? 'name' : 'all',
    edgeProps: !within(selectedFields(info, 'edges'), BARE_EDGE_FIELDS),
  };
}

/** The time window and perspective arguments shared by graph views. */
function graphFilter(args: {
  from?: string | null;
  to?: string | null;
  attributedTo?: readonly string[] | null;
  minCertainty?: Certainty | null;
}): GraphFilter {
  const fromDay = windowStart(args.from, 'from');
  const toDay = windowEnd(args.to, 'to');
  checkWindow(fromDay, toDay);
  return {
    fromDay,
    toDay,
    voices: checkList(args.attributedTo, 'attributedTo'),
    maxRank: maxRankFor(args.minCertainty),
  };
}

function pathFilters(args: {
  asOf?: string | null;
  attributedTo?: readonly string[] | null;
  minCertainty?: Certainty | null;
}) {
  const asOf = args.asOf ?? null;
  if (asOf !== null) windowEnd(asOf, 'asOf');
  const voices = checkList(args.attributedTo, 'attributedTo');
  const rank = maxRankFor(args.minCertainty);
  return {
    ...(asOf !== null ? { asOf } : {}),
    ...(voices !== null ? { attributedTo: voices } : {}),
    ...(rank !== null ? { minCertaintyRank: rank } : {}),
  };
}
