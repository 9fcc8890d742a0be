/**
 * The product's vocabulary, written once: entity kinds, dataset relationship types, certainty order, date precisions,
 * and the node labels and relationship types of the stored graph. Pure constants (no zod, no Node APIs) so every room,
 * the web client included, imports them from here instead of typing a list again.
 */

/** Ordered from strongest to weakest; `minCertainty` filters keep this order. */
export const CERTAINTIES = ['confirmed', 'reported', 'claimed', 'alleged', 'disputed'] as const;

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;

export const ACTOR_KINDS = [
  'armed_group',
  'state',
  'military',
  'coalition',
  'person',
  'media',
  'unnamed_sources',
  'civilians',
  'organization',
] as const;

export const PLACE_KINDS = [
  'country',
  'governorate',
  'district',
  'city',
  'town',
  'village',
  'area',
  'countryside',
  'desert',
  'river',
  'oil_field',
  'camp',
  'border',
] as const;

export const EVENT_TYPES = [
  'announcement',
  'press_conference',
  'battle',
  'territory_captured',
  'territory_lost',
  'airstrike',
  'airdrop_raid',
  'shelling',
  'detention',
  'displacement',
  'surrender',
  'relocation',
  'declaration',
  'weapons_use',
  'attack',
  'campaign',
  'publication',
  'other',
] as const;

export const AGREEMENT_STATUSES = [
  'proposed',
  'reported',
  'in_effect',
  'implemented',
  'rejected',
  'collapsed',
] as const;

export const TERM_TYPES = [
  'relocation',
  'non_return',
  'handover',
  'evacuation',
  'ceasefire',
  'surrender',
  'other',
] as const;

/** Relationship types a dataset may use between entities; the loader uses only these. */
export const RELATIONSHIP_TYPES = [
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

/** The four kinds of entity a dataset defines (sources are not entities). */
export const ENTITY_KINDS = ['actor', 'place', 'event', 'agreement'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Endpoint kinds each dataset relationship type accepts (from → to). */
export const RELATIONSHIP_ENDPOINTS: Readonly<
  Record<(typeof RELATIONSHIP_TYPES)[number], readonly [readonly EntityKind[], readonly EntityKind[]]>
> = {
  LEADS: [['actor'], ['actor']],
  MEMBER_OF: [['actor'], ['actor']],
  BACKED_BY: [['actor'], ['actor']],
  ENVOY_OF: [['actor'], ['actor']],
  SPLIT_FROM: [['actor'], ['actor']],
  FOUGHT: [['actor'], ['actor']],
  ALLIED_WITH: [['actor'], ['actor']],
  CONTROLS: [['actor'], ['place']],
  CAUSED: [['event'], ['event']],
  FOLLOWED: [
    ['event', 'agreement'],
    ['event', 'agreement'],
  ],
  ACCUSED: [['actor'], ['actor', 'event']],
};

/** Relationship types between two actors (an actor's affiliations), in {@link RELATIONSHIP_TYPES} order. */
export const AFFILIATION_TYPES = RELATIONSHIP_TYPES.filter((type) => {
  const [from, to] = RELATIONSHIP_ENDPOINTS[type];
  return from.includes('actor') && to.includes('actor');
});

/** Node labels of the stored graph; every node also carries the label `KG`. */
export const NODE_LABELS = [
  'Source',
  'Actor',
  'Place',
  'Event',
  'Agreement',
  'Term',
  'Figure',
  'Claim',
  'Citation',
] as const;

/** Labels of the four entity kinds (they also carry `Entity`), searchable and shown in the graph. */
export const ENTITY_LABELS = ['Actor', 'Place', 'Event', 'Agreement'] as const;

/** Labels of the nodes the API exposes as `Node`: the entities and their sources. */
export const PUBLIC_LABELS = [...ENTITY_LABELS, 'Source'] as const;

/** Node kinds the API exposes, in the GraphQL enum's spelling. */
export const NODE_KINDS: ReadonlyArray<NodeKind> = PUBLIC_LABELS.map((label) => label.toUpperCase() as NodeKind);

/** Stored relationship types the loader derives from a dataset's events, agreements and places (entity to entity). */
export const STRUCTURE_REL_TYPES = [
  'PART_OF',
  'PARTICIPATED_IN',
  'OCCURRED_IN',
  'PARTY_TO',
  'REJECTED',
  'CONCERNS',
] as const;

/** Stored relationship types of provenance: a source's publisher, a citation's source and who asserts it. */
export const PROVENANCE_REL_TYPES = ['PUBLISHED_BY', 'FROM_SOURCE', 'ATTRIBUTED_TO'] as const;

/** Stored relationship types from an entity to its parts: terms, figures and claims. */
export const PART_REL_TYPES = ['HAS_TERM', 'HAS_FIGURE', 'HAS_CLAIM'] as const;

/** Stored relationship types that connect entities in graph views and paths (never the citation plumbing). */
export const GRAPH_REL_TYPES = [...STRUCTURE_REL_TYPES, ...RELATIONSHIP_TYPES] as const;

/** Every stored relationship type, in the order the loader writes them. */
export const REL_TYPES = [
  ...PROVENANCE_REL_TYPES,
  ...STRUCTURE_REL_TYPES,
  ...PART_REL_TYPES,
  ...RELATIONSHIP_TYPES,
] as const;

export type Certainty = (typeof CERTAINTIES)[number];
export type NodeLabel = (typeof NODE_LABELS)[number];
export type PublicLabel = (typeof PUBLIC_LABELS)[number];
export type NodeKind = Uppercase<PublicLabel>;
export type RelType = (typeof REL_TYPES)[number];
export type GraphRelType = (typeof GRAPH_REL_TYPES)[number];

/** Certainty levels as the API spells them (`CONFIRMED` …), strongest first. */
export const API_CERTAINTIES = CERTAINTIES.map((c) => c.toUpperCase() as Uppercase<Certainty>);

/** The label of each API node kind (`ACTOR` → `Actor`). */
export const KIND_LABELS = Object.fromEntries(PUBLIC_LABELS.map((label) => [label.toUpperCase(), label])) as Readonly<
  Record<NodeKind, PublicLabel>
>;

/** Position in the certainty order: 0 is the strongest. */
export const certaintyRank = (certainty: Certainty): number => CERTAINTIES.indexOf(certainty);
