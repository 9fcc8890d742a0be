import type { GraphQLResolveInfo } from 'graphql';
import type { NodeRecord, EdgeRecord, CitationRecord, PartRecord, AffiliationRecord, SearchHitRecord, SubgraphRecord, DateRangeRecord } from '../../../db/records.ts';
import type { PathRecord } from '../../../db/repositories/paths.ts';
import type { OverviewRecord } from '../../../db/repositories/overview.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type Actor = Node & {
  __typename?: 'Actor';
  /** armed_group, state, military, coalition, person, media, unnamed_sources, civilians or organization. */
  actorKind: Scalars['String']['output'];
  /** Relationships with other actors (LEADS, MEMBER_OF, BACKED_BY, …), in both directions. */
  affiliations: Array<Affiliation>;
  agreements: Array<AgreementParty>;
  aliases: Array<Scalars['String']['output']>;
  aliasesOutside: Array<Scalars['String']['output']>;
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  claims: Array<Claim>;
  /** Properties the datasets state differently (date, kind, status, coordinates); each version is in claims. */
  contested: Array<Scalars['String']['output']>;
  /** Ids of the datasets this node was merged from. */
  datasets: Array<Scalars['String']['output']>;
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: Kind;
  name: Scalars['String']['output'];
  nameAr: Maybe<Scalars['String']['output']>;
  nameArOrigin: Maybe<NameOrigin>;
  participations: Array<Participation>;
};

export type Affiliation = {
  __typename?: 'Affiliation';
  actor: Actor;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  date: Maybe<DateRange>;
  /** OUTGOING when this actor is the subject (this actor LEADS the other). */
  direction: Direction;
  label: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

export type Agreement = Node & {
  __typename?: 'Agreement';
  aliases: Array<Scalars['String']['output']>;
  aliasesOutside: Array<Scalars['String']['output']>;
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  claims: Array<Claim>;
  /** Properties the datasets state differently (date, kind, status, coordinates); each version is in claims. */
  contested: Array<Scalars['String']['output']>;
  /** Ids of the datasets this node was merged from. */
  datasets: Array<Scalars['String']['output']>;
  date: Maybe<DateRange>;
  description: Maybe<Scalars['String']['output']>;
  figures: Array<Figure>;
  id: Scalars['ID']['output'];
  kind: Kind;
  name: Scalars['String']['output'];
  nameAr: Maybe<Scalars['String']['output']>;
  nameArOrigin: Maybe<NameOrigin>;
  parties: Array<AgreementParty>;
  places: Array<Place>;
  rejectedBy: Array<Rejection>;
  status: Scalars['String']['output'];
  terms: Array<Term>;
};

export type AgreementParty = {
  __typename?: 'AgreementParty';
  actor: Actor;
  agreement: Agreement;
  citations: Array<Citation>;
  /** How the editors identified this party when the source does not name it; null when the source names it. */
  inferred: Maybe<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  side: Maybe<Scalars['String']['output']>;
};

/** How well established a statement is, strongest first. `minCertainty` keeps this order. */
export type Certainty =
  | 'ALLEGED'
  | 'CLAIMED'
  | 'CONFIRMED'
  | 'DISPUTED'
  | 'REPORTED';

/** The sentence behind a fact: a verbatim quote of a source, who asserts it and how certain it is. */
export type Citation = {
  __typename?: 'Citation';
  attributedActor: Maybe<Actor>;
  /** Id of the actor asserting it: the outlet itself, unnamed local sources, or a party's statement. */
  attributedTo: Maybe<Scalars['String']['output']>;
  certainty: Certainty;
  /** The citations that contradict the fact this one supports (the other side of a dispute); empty when none. */
  contradictedBy: Array<Citation>;
  end: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** Why this attribution or certainty. */
  note: Maybe<Scalars['String']['output']>;
  /** Verbatim quote in the source's language. */
  quote: Scalars['String']['output'];
  source: Source;
  /** Offset of the quote in the source text (UTF-16 code units, end exclusive). */
  start: Maybe<Scalars['Int']['output']>;
  translation: Maybe<Scalars['String']['output']>;
};

/**
 * One source's version of a property that datasets loaded together state differently (an event's date, a type, a
 * place's coordinates), with the citations behind it. The node itself shows the first dataset's version.
 */
export type Claim = {
  __typename?: 'Claim';
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  coordinates: Maybe<Coordinates>;
  /** Ids of the datasets that state this version. */
  datasets: Array<Scalars['String']['output']>;
  date: Maybe<DateRange>;
  id: Scalars['ID']['output'];
  /** date, kind, status or coordinates. */
  property: Scalars['String']['output'];
  /** The version in words, e.g. 2019-03-22 or town. */
  value: Scalars['String']['output'];
};

export type Coordinates = {
  __typename?: 'Coordinates';
  approximate: Scalars['Boolean']['output'];
  /** The gazetteer entry the coordinates are copied from, when origin is gazetteer. */
  entry: Maybe<GazetteerEntry>;
  gazetteer: Maybe<Scalars['String']['output']>;
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
  /** source or gazetteer */
  origin: Scalars['String']['output'];
};

export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** A date kept at the precision the source gives. `earliest` and `latest` are the first and last day it can mean. */
export type DateRange = {
  __typename?: 'DateRange';
  approximate: Scalars['Boolean']['output'];
  earliest: Maybe<Scalars['String']['output']>;
  end: Maybe<Scalars['String']['output']>;
  /** The source's own time expression. */
  expression: Maybe<Scalars['String']['output']>;
  /** What is inferred rather than stated, and how. */
  inferred: Maybe<Scalars['String']['output']>;
  latest: Maybe<Scalars['String']['output']>;
  precision: DatePrecision;
  /** ISO date at its precision: 2014, 2019-03 or 2019-03-23. Null when the source gives no lower bound. */
  start: Maybe<Scalars['String']['output']>;
};

export type Direction =
  | 'INCOMING'
  | 'OUTGOING';

/** A relationship between two nodes, with the citations that support it. */
export type Edge = {
  __typename?: 'Edge';
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  /** First and last day of the event or agreement the relationship belongs to, when dated. */
  earliest: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Role or label of the relationship where it has one (e.g. announcer, attacker). */
  label: Maybe<Scalars['String']['output']>;
  latest: Maybe<Scalars['String']['output']>;
  source: Scalars['ID']['output'];
  target: Scalars['ID']['output'];
  /** Relationship type, e.g. PARTICIPATED_IN, PARTY_TO, LEADS. */
  type: Scalars['String']['output'];
};

export type Event = Node & {
  __typename?: 'Event';
  aliases: Array<Scalars['String']['output']>;
  aliasesOutside: Array<Scalars['String']['output']>;
  approximate: Scalars['Boolean']['output'];
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  claims: Array<Claim>;
  /** Properties the datasets state differently (date, kind, status, coordinates); each version is in claims. */
  contested: Array<Scalars['String']['output']>;
  /** Ids of the datasets this node was merged from. */
  datasets: Array<Scalars['String']['output']>;
  /** Always present for events; nullable only so it can share a selection with Agreement.date. */
  date: Maybe<DateRange>;
  description: Maybe<Scalars['String']['output']>;
  end: Maybe<Scalars['String']['output']>;
  eventType: Scalars['String']['output'];
  figures: Array<Figure>;
  id: Scalars['ID']['output'];
  kind: Kind;
  name: Scalars['String']['output'];
  nameAr: Maybe<Scalars['String']['output']>;
  nameArOrigin: Maybe<NameOrigin>;
  partOf: Maybe<Event>;
  participants: Array<Participation>;
  places: Array<EventPlace>;
  precision: DatePrecision;
  start: Maybe<Scalars['String']['output']>;
};

export type EventPlace = {
  __typename?: 'EventPlace';
  citations: Array<Citation>;
  place: Place;
  /** location, origin, destination or target. */
  role: Scalars['String']['output'];
};

export type Figure = {
  __typename?: 'Figure';
  approximate: Scalars['Boolean']['output'];
  citations: Array<Citation>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  max: Maybe<Scalars['Float']['output']>;
  measure: Scalars['String']['output'];
  min: Maybe<Scalars['Float']['output']>;
  unit: Scalars['String']['output'];
  value: Maybe<Scalars['Float']['output']>;
};

/** A row of a gazetteer, e.g. a GeoNames entry (id is its geonameid). */
export type GazetteerEntry = {
  __typename?: 'GazetteerEntry';
  id: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** Kinds of nodes the API exposes. Terms, figures and citations hang off these. */
export type Kind =
  | 'ACTOR'
  | 'AGREEMENT'
  | 'EVENT'
  | 'PLACE'
  | 'SOURCE';

export type KindCount = {
  __typename?: 'KindCount';
  count: Scalars['Int']['output'];
  kind: Kind;
};

/** Where an entity's Arabic name comes from. */
export type NameOrigin = {
  __typename?: 'NameOrigin';
  end: Maybe<Scalars['Int']['output']>;
  /** Which words of the source an editors' name is built from, or why the source has none. */
  note: Maybe<Scalars['String']['output']>;
  /** article: a verbatim span of a source (source, quote, start, end); editors: written by the editors (note). */
  origin: Scalars['String']['output'];
  quote: Maybe<Scalars['String']['output']>;
  source: Maybe<Scalars['ID']['output']>;
  /** Offset of the quote in the source text (UTF-16 code units, end exclusive). */
  start: Maybe<Scalars['Int']['output']>;
};

/** Anything in the graph: an actor, place, event, agreement or source document. */
export type Node = {
  aliases: Array<Scalars['String']['output']>;
  /** The aliases that come from outside the source (another name, an official title, a neighbouring place). */
  aliasesOutside: Array<Scalars['String']['output']>;
  citations: Array<Citation>;
  id: Scalars['ID']['output'];
  kind: Kind;
  /** English name, neutral wording. */
  name: Scalars['String']['output'];
  /** Arabic name as the source writes it. */
  nameAr: Maybe<Scalars['String']['output']>;
  /** Where the Arabic name comes from: the source's own words, or the editors. Null for sources and when not given. */
  nameArOrigin: Maybe<NameOrigin>;
};

/** Where to draw a node, in the layout's own units (the client scales to fit). */
export type NodePosition = {
  __typename?: 'NodePosition';
  id: Scalars['ID']['output'];
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

/**
 * The opening view of the graph, bounded at any size: at most `limit` nodes and `edgeLimit` relationships, with the
 * totals a client needs to say how much it shows.
 */
export type Overview = {
  __typename?: 'Overview';
  edges: Array<Edge>;
  /** LATEST_EVENTS: how many events the view starts from, and the first and last day they cover (ISO dates). */
  events: Maybe<Scalars['Int']['output']>;
  from: Maybe<Scalars['String']['output']>;
  nodes: Array<Node>;
  /** A position for every node: the server's layout of this view (fcose, seeded, so the same view always gets the same layout), computed once per view and kept. Empty above 800 nodes. */
  positions: Array<NodePosition>;
  scope: OverviewScope;
  to: Maybe<Scalars['String']['output']>;
  /** How many relationships among the nodes pass the filter; more than edges.length when some were left out. */
  totalEdges: Scalars['Int']['output'];
  /** Actors, places, events and agreements in the whole graph, whatever the filter. */
  totalNodes: Scalars['Int']['output'];
  /** True when nodes or relationships were left out to stay within limit and edgeLimit. */
  truncated: Scalars['Boolean']['output'];
};

/**
 * How the opening view chose its nodes: the whole graph when it fits in the limit, otherwise the latest dated events
 * (in the time window, when one is given) with the actors, places and other entities each links to.
 */
export type OverviewScope =
  | 'LATEST_EVENTS'
  | 'WHOLE_GRAPH';

export type Participation = {
  __typename?: 'Participation';
  actor: Actor;
  certainty: Maybe<Certainty>;
  citations: Array<Citation>;
  event: Event;
  /** How the editors identified this actor when the source does not name it; null when the source names it. */
  inferred: Maybe<Scalars['String']['output']>;
  role: Scalars['String']['output'];
};

export type Path = {
  __typename?: 'Path';
  edges: Array<Edge>;
  /** Number of relationships. */
  length: Scalars['Int']['output'];
  nodes: Array<Node>;
};

export type Place = Node & {
  __typename?: 'Place';
  aliases: Array<Scalars['String']['output']>;
  aliasesOutside: Array<Scalars['String']['output']>;
  attributedTo: Array<Scalars['String']['output']>;
  certainty: Maybe<Certainty>;
  children: Array<Place>;
  citations: Array<Citation>;
  claims: Array<Claim>;
  /** Properties the datasets state differently (date, kind, status, coordinates); each version is in claims. */
  contested: Array<Scalars['String']['output']>;
  coordinates: Maybe<Coordinates>;
  /** Ids of the datasets this node was merged from. */
  datasets: Array<Scalars['String']['output']>;
  description: Maybe<Scalars['String']['output']>;
  events: Array<Event>;
  id: Scalars['ID']['output'];
  kind: Kind;
  name: Scalars['String']['output'];
  nameAr: Maybe<Scalars['String']['output']>;
  nameArOrigin: Maybe<NameOrigin>;
  parent: Maybe<Place>;
  /** How the containment is known: source or gazetteer. */
  parentOrigin: Maybe<Scalars['String']['output']>;
  /** country, governorate, district, village, desert, river, … */
  placeKind: Scalars['String']['output'];
};

/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type Query = {
  __typename?: 'Query';
  /** Agreements, optionally only those an actor is party to or rejected. */
  agreements: Array<Agreement>;
  /** Events in chronological order; from/to (ISO dates at any precision) select by overlap with the event's span. limit ≤ 500. */
  events: Array<Event>;
  /** The opening view: the whole graph when it has at most limit (≤ 2000) nodes, otherwise the latest dated events (in the window from/to) with their neighbours, at most limit nodes; and the relationships among them, at most edgeLimit (≤ 5000). */
  graph: Overview;
  /** The nodes within depth (≤ 3) relationships of a node, at most limit (≤ 500) nodes and edgeLimit (≤ 5000) relationships among them, optionally as told by some voices or at a minimum certainty. */
  neighborhood: Subgraph;
  /** A node of any kind by id, or null when the id names nothing. */
  node: Maybe<Node>;
  /** Up to k (≤ 10) shortest paths, shortest first. */
  paths: Array<Path>;
  /** How many relationships of each type a node has (the graph's relationship types, most first), e.g. for "expand by" menus; with a window or perspective, only those its neighborhood would return under the same filter. */
  relationshipCounts: Array<RelationshipCount>;
  /** Full-text search over names, Arabic names and aliases, in either script; exact name matches first. limit ≤ 100. */
  search: Array<SearchHit>;
  /** The shortest path between two nodes (null when none within maxLength ≤ 8). With asOf, only through events and agreements dated on or before it. */
  shortestPath: Maybe<Path>;
  /** Counts per kind, relationships, citations and sources. */
  stats: Stats;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryAgreementsArgs = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryEventsArgs = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  placeId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryGraphArgs = {
  attributedTo?: InputMaybe<Array<Scalars['String']['input']>>;
  edgeLimit?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  minCertainty?: InputMaybe<Certainty>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryNeighborhoodArgs = {
  attributedTo?: InputMaybe<Array<Scalars['String']['input']>>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  edgeLimit?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  minCertainty?: InputMaybe<Certainty>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryPathsArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  attributedTo?: InputMaybe<Array<Scalars['String']['input']>>;
  excludeUndated?: InputMaybe<Scalars['Boolean']['input']>;
  from: Scalars['ID']['input'];
  k?: InputMaybe<Scalars['Int']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  minCertainty?: InputMaybe<Certainty>;
  relationshipTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  to: Scalars['ID']['input'];
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryRelationshipCountsArgs = {
  attributedTo?: InputMaybe<Array<Scalars['String']['input']>>;
  from?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  minCertainty?: InputMaybe<Certainty>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QuerySearchArgs = {
  kinds?: InputMaybe<Array<Kind>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


/**
 * Ids in arguments follow one rule. `node(id:)` answers null for an id that names nothing. Every other query answers
 * an error: NOT_FOUND ("No actor with id …", naming the kind the argument takes) for an id that names nothing, and
 * BAD_USER_INPUT (saying which kind was expected) for the id of a node of another kind, e.g. a place's id as `actorId`.
 */
export type QueryShortestPathArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  attributedTo?: InputMaybe<Array<Scalars['String']['input']>>;
  from: Scalars['ID']['input'];
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  minCertainty?: InputMaybe<Certainty>;
  to: Scalars['ID']['input'];
};

export type Rejection = {
  __typename?: 'Rejection';
  actor: Actor;
  citations: Array<Citation>;
};

export type RelationshipCount = {
  __typename?: 'RelationshipCount';
  count: Scalars['Int']['output'];
  /** A relationship type of the graph's vocabulary (FOUGHT, PARTY_TO, …). */
  type: Scalars['String']['output'];
};

export type SearchHit = {
  __typename?: 'SearchHit';
  /** True when the query equals a name or alias after normalisation. */
  exact: Scalars['Boolean']['output'];
  node: Node;
  score: Scalars['Float']['output'];
};

export type Source = Node & {
  __typename?: 'Source';
  aliases: Array<Scalars['String']['output']>;
  aliasesOutside: Array<Scalars['String']['output']>;
  author: Maybe<Scalars['String']['output']>;
  authorAr: Maybe<Scalars['String']['output']>;
  /** Always empty: a source is the citation. */
  citations: Array<Citation>;
  id: Scalars['ID']['output'];
  kind: Kind;
  language: Scalars['String']['output'];
  /** The title, in English. */
  name: Scalars['String']['output'];
  /** The title as published. */
  nameAr: Maybe<Scalars['String']['output']>;
  nameArOrigin: Maybe<NameOrigin>;
  outlet: Scalars['String']['output'];
  outletAr: Maybe<Scalars['String']['output']>;
  published: DateRange;
  section: Maybe<Scalars['String']['output']>;
  /** The full source text, so a client can show a quote in context. */
  text: Maybe<Scalars['String']['output']>;
};

export type Stats = {
  __typename?: 'Stats';
  actors: Scalars['Int']['output'];
  agreements: Scalars['Int']['output'];
  byKind: Array<KindCount>;
  citations: Scalars['Int']['output'];
  events: Scalars['Int']['output'];
  places: Scalars['Int']['output'];
  relationships: Scalars['Int']['output'];
  sources: Scalars['Int']['output'];
};

export type Subgraph = {
  __typename?: 'Subgraph';
  edges: Array<Edge>;
  nodes: Array<Node>;
  /** How many relationships among the nodes pass the filter; more than edges.length when some were left out. */
  totalEdges: Scalars['Int']['output'];
  /** True when relationships were left out to stay within edgeLimit (those touching the start node are kept first, then those of the nodes nearest and best supported, in the order of nodes). */
  truncated: Scalars['Boolean']['output'];
};

export type Term = {
  __typename?: 'Term';
  citations: Array<Citation>;
  description: Scalars['String']['output'];
  figures: Array<Figure>;
  id: Scalars['ID']['output'];
  places: Array<TermPlace>;
  /** relocation, non_return, handover, evacuation, … */
  type: Scalars['String']['output'];
};

export type TermPlace = {
  __typename?: 'TermPlace';
  place: Place;
  /** origin, destination or scope. */
  role: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Actor: ResolverTypeWrapper<NodeRecord>;
  Affiliation: ResolverTypeWrapper<AffiliationRecord>;
  Agreement: ResolverTypeWrapper<NodeRecord>;
  AgreementParty: ResolverTypeWrapper<EdgeRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Certainty: Certainty;
  Citation: ResolverTypeWrapper<CitationRecord>;
  Claim: ResolverTypeWrapper<PartRecord>;
  Coordinates: ResolverTypeWrapper<Coordinates>;
  DatePrecision: DatePrecision;
  DateRange: ResolverTypeWrapper<DateRangeRecord>;
  Direction: Direction;
  Edge: ResolverTypeWrapper<EdgeRecord>;
  Event: ResolverTypeWrapper<NodeRecord>;
  EventPlace: ResolverTypeWrapper<EdgeRecord>;
  Figure: ResolverTypeWrapper<PartRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GazetteerEntry: ResolverTypeWrapper<GazetteerEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Kind: Kind;
  KindCount: ResolverTypeWrapper<KindCount>;
  NameOrigin: ResolverTypeWrapper<NameOrigin>;
  Node: ResolverTypeWrapper<NodeRecord>;
  NodePosition: ResolverTypeWrapper<NodePosition>;
  Overview: ResolverTypeWrapper<OverviewRecord>;
  OverviewScope: OverviewScope;
  Participation: ResolverTypeWrapper<EdgeRecord>;
  Path: ResolverTypeWrapper<PathRecord>;
  Place: ResolverTypeWrapper<NodeRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rejection: ResolverTypeWrapper<EdgeRecord>;
  RelationshipCount: ResolverTypeWrapper<RelationshipCount>;
  SearchHit: ResolverTypeWrapper<SearchHitRecord>;
  Source: ResolverTypeWrapper<NodeRecord>;
  Stats: ResolverTypeWrapper<Stats>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subgraph: ResolverTypeWrapper<SubgraphRecord>;
  Term: ResolverTypeWrapper<PartRecord>;
  TermPlace: ResolverTypeWrapper<EdgeRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: NodeRecord;
  Affiliation: AffiliationRecord;
  Agreement: NodeRecord;
  AgreementParty: EdgeRecord;
  Boolean: Scalars['Boolean']['output'];
  Citation: CitationRecord;
  Claim: PartRecord;
  Coordinates: Coordinates;
  DateRange: DateRangeRecord;
  Edge: EdgeRecord;
  Event: NodeRecord;
  EventPlace: EdgeRecord;
  Figure: PartRecord;
  Float: Scalars['Float']['output'];
  GazetteerEntry: GazetteerEntry;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  KindCount: KindCount;
  NameOrigin: NameOrigin;
  Node: NodeRecord;
  NodePosition: NodePosition;
  Overview: OverviewRecord;
  Participation: EdgeRecord;
  Path: PathRecord;
  Place: NodeRecord;
  Query: Record<PropertyKey, never>;
  Rejection: EdgeRecord;
  RelationshipCount: RelationshipCount;
  SearchHit: SearchHitRecord;
  Source: NodeRecord;
  Stats: Stats;
  String: Scalars['String']['output'];
  Subgraph: SubgraphRecord;
  Term: PartRecord;
  TermPlace: EdgeRecord;
};

export type ActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  actorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  affiliations?: Resolver<Array<ResolversTypes['Affiliation']>, ParentType, ContextType>;
  agreements?: Resolver<Array<ResolversTypes['AgreementParty']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  aliasesOutside?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  contested?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameArOrigin?: Resolver<Maybe<ResolversTypes['NameOrigin']>, ParentType, ContextType>;
  participations?: Resolver<Array<ResolversTypes['Participation']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AffiliationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Affiliation'] = ResolversParentTypes['Affiliation']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['DateRange']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AgreementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agreement'] = ResolversParentTypes['Agreement']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  aliasesOutside?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  contested?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['DateRange']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameArOrigin?: Resolver<Maybe<ResolversTypes['NameOrigin']>, ParentType, ContextType>;
  parties?: Resolver<Array<ResolversTypes['AgreementParty']>, ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  rejectedBy?: Resolver<Array<ResolversTypes['Rejection']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terms?: Resolver<Array<ResolversTypes['Term']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgreementPartyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgreementParty'] = ResolversParentTypes['AgreementParty']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  agreement?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  inferred?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  attributedActor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  attributedTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  contradictedBy?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  translation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  coordinates?: Resolver<Maybe<ResolversTypes['Coordinates']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['DateRange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  property?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CoordinatesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Coordinates'] = ResolversParentTypes['Coordinates']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  entry?: Resolver<Maybe<ResolversTypes['GazetteerEntry']>, ParentType, ContextType>;
  gazetteer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DateRangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DateRange'] = ResolversParentTypes['DateRange']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  earliest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inferred?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  precision?: Resolver<ResolversTypes['DatePrecision'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Edge'] = ResolversParentTypes['Edge']> = {
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  earliest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  aliasesOutside?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  contested?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['DateRange']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameArOrigin?: Resolver<Maybe<ResolversTypes['NameOrigin']>, ParentType, ContextType>;
  partOf?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Participation']>, ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['EventPlace']>, ParentType, ContextType>;
  precision?: Resolver<ResolversTypes['DatePrecision'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventPlaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventPlace'] = ResolversParentTypes['EventPlace']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  place?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FigureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Figure'] = ResolversParentTypes['Figure']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type GazetteerEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GazetteerEntry'] = ResolversParentTypes['GazetteerEntry']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type KindCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KindCount'] = ResolversParentTypes['KindCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
};

export type NameOriginResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NameOrigin'] = ResolversParentTypes['NameOrigin']> = {
  end?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Actor' | 'Agreement' | 'Event' | 'Place' | 'Source', ParentType, ContextType>;
};

export type NodePositionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NodePosition'] = ResolversParentTypes['NodePosition']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  x?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  y?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type OverviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Overview'] = ResolversParentTypes['Overview']> = {
  edges?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  events?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['NodePosition']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['OverviewScope'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalEdges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ParticipationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Participation'] = ResolversParentTypes['Participation']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  inferred?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PathResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  edges?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
};

export type PlaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  aliasesOutside?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  attributedTo?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<Maybe<ResolversTypes['Certainty']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  contested?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  coordinates?: Resolver<Maybe<ResolversTypes['Coordinates']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameArOrigin?: Resolver<Maybe<ResolversTypes['NameOrigin']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  parentOrigin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  placeKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agreements?: Resolver<Array<ResolversTypes['Agreement']>, ParentType, ContextType, Partial<QueryAgreementsArgs>>;
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventsArgs, 'limit'>>;
  graph?: Resolver<ResolversTypes['Overview'], ParentType, ContextType, RequireFields<QueryGraphArgs, 'edgeLimit' | 'limit'>>;
  neighborhood?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType, RequireFields<QueryNeighborhoodArgs, 'depth' | 'edgeLimit' | 'id' | 'limit'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathsArgs, 'excludeUndated' | 'from' | 'k' | 'maxLength' | 'to'>>;
  relationshipCounts?: Resolver<Array<ResolversTypes['RelationshipCount']>, ParentType, ContextType, RequireFields<QueryRelationshipCountsArgs, 'id'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'limit' | 'text'>>;
  shortestPath?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryShortestPathArgs, 'from' | 'maxLength' | 'to'>>;
  stats?: Resolver<ResolversTypes['Stats'], ParentType, ContextType>;
};

export type RejectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Rejection'] = ResolversParentTypes['Rejection']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
};

export type RelationshipCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RelationshipCount'] = ResolversParentTypes['RelationshipCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  exact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  aliasesOutside?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authorAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['Kind'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameArOrigin?: Resolver<Maybe<ResolversTypes['NameOrigin']>, ParentType, ContextType>;
  outlet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outletAr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['DateRange'], ParentType, ContextType>;
  section?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Stats'] = ResolversParentTypes['Stats']> = {
  actors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  agreements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byKind?: Resolver<Array<ResolversTypes['KindCount']>, ParentType, ContextType>;
  citations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  places?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relationships?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubgraphResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph']> = {
  edges?: Resolver<Array<ResolversTypes['Edge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  totalEdges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TermResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Term'] = ResolversParentTypes['Term']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['TermPlace']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TermPlaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TermPlace'] = ResolversParentTypes['TermPlace']> = {
  place?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Actor?: ActorResolvers<ContextType>;
  Affiliation?: AffiliationResolvers<ContextType>;
  Agreement?: AgreementResolvers<ContextType>;
  AgreementParty?: AgreementPartyResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  Coordinates?: CoordinatesResolvers<ContextType>;
  DateRange?: DateRangeResolvers<ContextType>;
  Edge?: EdgeResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventPlace?: EventPlaceResolvers<ContextType>;
  Figure?: FigureResolvers<ContextType>;
  GazetteerEntry?: GazetteerEntryResolvers<ContextType>;
  KindCount?: KindCountResolvers<ContextType>;
  NameOrigin?: NameOriginResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  NodePosition?: NodePositionResolvers<ContextType>;
  Overview?: OverviewResolvers<ContextType>;
  Participation?: ParticipationResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Rejection?: RejectionResolvers<ContextType>;
  RelationshipCount?: RelationshipCountResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  Stats?: StatsResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  Term?: TermResolvers<ContextType>;
  TermPlace?: TermPlaceResolvers<ContextType>;
};

