/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How well established a statement is, strongest first. `minCertainty` keeps this order. */
export type Certainty =
  | 'ALLEGED'
  | 'CLAIMED'
  | 'CONFIRMED'
  | 'DISPUTED'
  | 'REPORTED';

export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

export type Direction =
  | 'INCOMING'
  | 'OUTGOING';

/** Kinds of nodes the API exposes. Terms, figures and citations hang off these. */
export type Kind =
  | 'ACTOR'
  | 'AGREEMENT'
  | 'EVENT'
  | 'PLACE'
  | 'SOURCE';

/**
 * How the opening view chose its nodes: the whole graph when it fits in the limit, otherwise the latest dated events
 * (in the time window, when one is given) with the actors, places and other entities each links to.
 */
export type OverviewScope =
  | 'LATEST_EVENTS'
  | 'WHOLE_GRAPH';

export type DateFieldsFragment = { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null };

export type CitationFieldsFragment = { quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } };

type NodeFields_Actor_Fragment = { actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> };

type NodeFields_Agreement_Fragment = { status: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null };

type NodeFields_Event_Fragment = { eventType: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null };

type NodeFields_Place_Fragment = { placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean } | null };

type NodeFields_Source_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> };

export type NodeFieldsFragment =
  | NodeFields_Actor_Fragment
  | NodeFields_Agreement_Fragment
  | NodeFields_Event_Fragment
  | NodeFields_Place_Fragment
  | NodeFields_Source_Fragment
;

export type EdgeFieldsFragment = { id: string, type: string, source: string, target: string, label: string | null, certainty: Certainty | null, attributedTo: Array<string>, earliest: string | null, latest: string | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> };

export type OverviewQueryVariables = Exact<{
  limit?: number | null | undefined;
  edgeLimit?: number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type OverviewQuery = { graph: { totalNodes: number, totalEdges: number, truncated: boolean, scope: OverviewScope, events: number | null, from: string | null, to: string | null, nodes: Array<
      | { actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
      | { status: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { eventType: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean } | null }
      | { id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
    >, edges: Array<{ id: string, type: string, source: string, target: string, label: string | null, certainty: Certainty | null, attributedTo: Array<string>, earliest: string | null, latest: string | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, positions: Array<{ id: string, x: number, y: number }> } };

export type NeighborhoodQueryVariables = Exact<{
  id: string;
  limit?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { totalEdges: number, truncated: boolean, nodes: Array<
      | { actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
      | { status: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { eventType: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean } | null }
      | { id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
    >, edges: Array<{ id: string, type: string, source: string, target: string, label: string | null, certainty: Certainty | null, attributedTo: Array<string>, earliest: string | null, latest: string | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> } };

export type RelationshipCountsQueryVariables = Exact<{
  id: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  attributedTo?: Array<string> | string | null | undefined;
  minCertainty?: Certainty | null | undefined;
}>;


export type RelationshipCountsQuery = { relationshipCounts: Array<{ type: string, count: number }> };

export type TimelineQueryVariables = Exact<{ [key: string]: never; }>;


export type TimelineQuery = { events: Array<{ id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, eventType: string, certainty: Certainty | null, attributedTo: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }>, agreements: Array<{ id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, status: string, certainty: Certainty | null, attributedTo: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }> };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { search: Array<{ score: number, exact: boolean, node:
      | { actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
      | { status: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { eventType: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean } | null }
      | { id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
     }> };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  asOf?: string | null | undefined;
  types?: Array<string> | string | null | undefined;
  excludeUndated?: boolean | null | undefined;
}>;


export type PathsQuery = { paths: Array<{ length: number, nodes: Array<
      | { actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
      | { status: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { eventType: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }
      | { placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean } | null }
      | { id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string> }
    >, edges: Array<{ id: string, type: string, source: string, target: string, label: string | null, certainty: Certainty | null, attributedTo: Array<string>, earliest: string | null, latest: string | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }> };

export type DisputedCitationFieldsFragment = { quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }>, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } };

type NodeRef_Actor_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null };

type NodeRef_Agreement_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null };

type NodeRef_Event_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null };

type NodeRef_Place_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null };

type NodeRef_Source_Fragment = { id: string, kind: Kind, name: string, nameAr: string | null };

export type NodeRefFragment =
  | NodeRef_Actor_Fragment
  | NodeRef_Agreement_Fragment
  | NodeRef_Event_Fragment
  | NodeRef_Place_Fragment
  | NodeRef_Source_Fragment
;

export type ClaimFieldsFragment = { property: string, value: string, datasets: Array<string>, certainty: Certainty | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> };

export type FigureFieldsFragment = { label: string, value: number | null, min: number | null, max: number | null, unit: string, approximate: boolean, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> };

export type DetailsQueryVariables = Exact<{
  id: string;
}>;


export type DetailsQuery = { node:
    | { __typename: 'Actor', actorKind: string, certainty: Certainty | null, attributedTo: Array<string>, description: string | null, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, aliasesOutside: Array<string>, claims: Array<{ property: string, value: string, datasets: Array<string>, certainty: Certainty | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, affiliations: Array<{ type: string, direction: Direction, label: string | null, certainty: Certainty | null, actor: { id: string, kind: Kind, name: string, nameAr: string | null }, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, participations: Array<{ role: string, event: { id: string, kind: Kind, name: string, nameAr: string | null, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null } }>, agreements: Array<{ side: string | null, role: string, agreement: { id: string, kind: Kind, name: string, nameAr: string | null } }>, nameArOrigin: { origin: string, quote: string | null, start: number | null, end: number | null, note: string | null } | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }
    | { __typename: 'Agreement', status: string, certainty: Certainty | null, attributedTo: Array<string>, description: string | null, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, aliasesOutside: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null, claims: Array<{ property: string, value: string, datasets: Array<string>, certainty: Certainty | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, parties: Array<{ side: string | null, role: string, inferred: string | null, actor: { id: string, kind: Kind, name: string, nameAr: string | null } }>, terms: Array<{ type: string, description: string, places: Array<{ role: string, place: { id: string, kind: Kind, name: string, nameAr: string | null } }>, figures: Array<{ label: string, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, rejectedBy: Array<{ actor: { id: string, kind: Kind, name: string, nameAr: string | null }, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, places: Array<{ id: string, kind: Kind, name: string, nameAr: string | null }>, figures: Array<{ label: string, value: number | null, min: number | null, max: number | null, unit: string, approximate: boolean, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, nameArOrigin: { origin: string, quote: string | null, start: number | null, end: number | null, note: string | null } | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }
    | { __typename: 'Event', eventType: string, certainty: Certainty | null, attributedTo: Array<string>, description: string | null, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, aliasesOutside: Array<string>, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null, claims: Array<{ property: string, value: string, datasets: Array<string>, certainty: Certainty | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, participants: Array<{ role: string, inferred: string | null, certainty: Certainty | null, actor: { id: string, kind: Kind, name: string, nameAr: string | null }, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }>, places: Array<{ role: string, place: { id: string, kind: Kind, name: string, nameAr: string | null } }>, partOf: { id: string, kind: Kind, name: string, nameAr: string | null } | null, figures: Array<{ label: string, value: number | null, min: number | null, max: number | null, unit: string, approximate: boolean, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, nameArOrigin: { origin: string, quote: string | null, start: number | null, end: number | null, note: string | null } | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }
    | { __typename: 'Place', placeKind: string, certainty: Certainty | null, attributedTo: Array<string>, description: string | null, parentOrigin: string | null, id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, aliasesOutside: Array<string>, coordinates: { lat: number, lon: number, origin: string, gazetteer: string | null, approximate: boolean, entry: { id: string, name: string } | null } | null, claims: Array<{ property: string, value: string, datasets: Array<string>, certainty: Certainty | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }>, parent: { id: string, kind: Kind, name: string, nameAr: string | null } | null, children: Array<{ id: string, kind: Kind, name: string, nameAr: string | null }>, events: Array<{ id: string, kind: Kind, name: string, nameAr: string | null, date: { start: string | null, end: string | null, precision: DatePrecision, approximate: boolean, expression: string | null, inferred: string | null, earliest: string | null, latest: string | null } | null }>, nameArOrigin: { origin: string, quote: string | null, start: number | null, end: number | null, note: string | null } | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }
    | { __typename: 'Source', id: string, kind: Kind, name: string, nameAr: string | null, aliases: Array<string>, aliasesOutside: Array<string>, nameArOrigin: { origin: string, quote: string | null, start: number | null, end: number | null, note: string | null } | null, citations: Array<{ quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null }, contradictedBy: Array<{ id: string, quote: string, start: number | null, end: number | null, translation: string | null, attributedTo: string | null, certainty: Certainty, note: string | null, attributedActor: { id: string, name: string, nameAr: string | null } | null, source: { id: string, name: string, nameAr: string | null, outlet: string, outletAr: string | null } }> }> }
   | null };

export type SourceTextQueryVariables = Exact<{
  id: string;
}>;


export type SourceTextQuery = { node:
    | { text: string | null }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DateFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment DateFields on DateRange {
  start
  end
  precision
  approximate
  expression
  inferred
  earliest
  latest
}
    `, {"fragmentName":"DateFields"}) as unknown as TypedDocumentString<DateFieldsFragment, unknown>;
export const NodeFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment NodeFields on Node {
  id
  kind
  name
  nameAr
  aliases
  ... on Actor {
    actorKind
    certainty
    attributedTo
  }
  ... on Place {
    placeKind
    certainty
    attributedTo
    coordinates {
      lat
      lon
      origin
      gazetteer
      approximate
    }
  }
  ... on Event {
    eventType
    certainty
    attributedTo
    date {
      ...DateFields
    }
  }
  ... on Agreement {
    status
    certainty
    attributedTo
    date {
      ...DateFields
    }
  }
}
    fragment DateFields on DateRange {
  start
  end
  precision
  approximate
  expression
  inferred
  earliest
  latest
}`, {"fragmentName":"NodeFields"}) as unknown as TypedDocumentString<NodeFieldsFragment, unknown>;
export const CitationFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment CitationFields on Citation {
  quote
  start
  end
  translation
  attributedTo
  certainty
  note
  attributedActor {
    id
    name
    nameAr
  }
  source {
    id
    name
    nameAr
    outlet
    outletAr
  }
}
    `, {"fragmentName":"CitationFields"}) as unknown as TypedDocumentString<CitationFieldsFragment, unknown>;
export const EdgeFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment EdgeFields on Edge {
  id
  type
  source
  target
  label
  certainty
  attributedTo
  earliest
  latest
  citations {
    ...CitationFields
  }
}
    fragment CitationFields on Citation {
  quote
  start
  end
  translation
  attributedTo
  certainty
  note
  attributedActor {
    id
    name
    nameAr
  }
  source {
    id
    name
    nameAr
    outlet
    outletAr
  }
}`, {"fragmentName":"EdgeFields"}) as unknown as TypedDocumentString<EdgeFieldsFragment, unknown>;
export const DisputedCitationFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment DisputedCitationFields on Citation {
  ...CitationFields
  contradictedBy {
    id
    ...CitationFields
  }
}
    fragment CitationFields on Citation {
  quote
  start
  end
  translation
  attributedTo
  certainty
  note
  attributedActor {
    id
    name
    nameAr
  }
  source {
    id
    name
    nameAr
    outlet
    outletAr
  }
}`, {"fragmentName":"DisputedCitationFields"}) as unknown as TypedDocumentString<DisputedCitationFieldsFragment, unknown>;
export const NodeRefFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment NodeRef on Node {
  id
  kind
  name
  nameAr
}
    `, {"fragmentName":"NodeRef"}) as unknown as TypedDocumentString<NodeRefFragment, unknown>;
export const ClaimFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment ClaimFields on Claim {
  property
  value
  datasets
  certainty
  citations {
    ...CitationFields
  }
}
    fragment CitationFields on Citation {
  quote
  start
  end
  translation
  attributedTo
  certainty
  note
  attributedActor {
    id
    name
    nameAr
  }
  source {
    id
    name
    nameAr
    outlet
    outletAr
  }
}`, {"fragmentName":"ClaimFields"}) as unknown as TypedDocumentString<ClaimFieldsFragment, unknown>;
export const FigureFieldsFragmentDoc = /*#__PURE__*/ new TypedDocumentString(`
    fragment FigureFields on Figure {
  label
  value
  min
  max
  unit
  approximate
  citations {
    ...CitationFields
  }
}
    fragment CitationFields on Citation {
  quote
  start
  end
  translation
  attributedTo
  certainty
  note
  attributedActor {
    id
    name
    nameAr
  }
  source {
    id
    name
    nameAr
    outlet
    outletAr
  }
}`, {"fragmentName":"FigureFields"}) as unknown as TypedDocumentString<FigureFieldsFragment, unknown>;
export const OverviewDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Overview($limit: Int, $edgeLimit: Int, $from: String, $to: String) {
  graph(limit: $limit, edgeLimit: $edgeLimit, from: $from, to: $to) {
    nodes {
      id
      kind
      name
      nameAr
      aliases
      ... on Actor {
        actorKind
        certainty
        attributedTo
      }
      ... on Place {
        placeKind
        certainty
        attributedTo
        coordinates {
          lat
          lon
          origin
          gazetteer
          approximate
        }
      }
      ... on Event {
        eventType
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
      ... on Agreement {
        status
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
    }
    edges {
      id
      type
      source
      target
      label
      certainty
      attributedTo
      earliest
      latest
      citations {
        quote
        start
        end
        translation
        attributedTo
        certainty
        note
        attributedActor {
          id
          name
          nameAr
        }
        source {
          id
          name
          nameAr
          outlet
          outletAr
        }
      }
    }
    totalNodes
    totalEdges
    truncated
    scope
    events
    from
    to
    positions {
      id
      x
      y
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const NeighborhoodDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Neighborhood($id: ID!, $limit: Int) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    nodes {
      id
      kind
      name
      nameAr
      aliases
      ... on Actor {
        actorKind
        certainty
        attributedTo
      }
      ... on Place {
        placeKind
        certainty
        attributedTo
        coordinates {
          lat
          lon
          origin
          gazetteer
          approximate
        }
      }
      ... on Event {
        eventType
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
      ... on Agreement {
        status
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
    }
    edges {
      id
      type
      source
      target
      label
      certainty
      attributedTo
      earliest
      latest
      citations {
        quote
        start
        end
        translation
        attributedTo
        certainty
        note
        attributedActor {
          id
          name
          nameAr
        }
        source {
          id
          name
          nameAr
          outlet
          outletAr
        }
      }
    }
    totalEdges
    truncated
  }
}
    `) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const RelationshipCountsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query RelationshipCounts($id: ID!, $from: String, $to: String, $attributedTo: [String!], $minCertainty: Certainty) {
  relationshipCounts(
    id: $id
    from: $from
    to: $to
    attributedTo: $attributedTo
    minCertainty: $minCertainty
  ) {
    type
    count
  }
}
    `) as unknown as TypedDocumentString<RelationshipCountsQuery, RelationshipCountsQueryVariables>;
export const TimelineDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Timeline {
  events(limit: 500) {
    id
    kind
    name
    nameAr
    aliases
    eventType
    certainty
    attributedTo
    date {
      start
      end
      precision
      approximate
      expression
      inferred
      earliest
      latest
    }
  }
  agreements {
    id
    kind
    name
    nameAr
    aliases
    status
    certainty
    attributedTo
    date {
      start
      end
      precision
      approximate
      expression
      inferred
      earliest
      latest
    }
  }
}
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const SearchDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Search($text: String!) {
  search(text: $text, limit: 20) {
    score
    exact
    node {
      id
      kind
      name
      nameAr
      aliases
      ... on Actor {
        actorKind
        certainty
        attributedTo
      }
      ... on Place {
        placeKind
        certainty
        attributedTo
        coordinates {
          lat
          lon
          origin
          gazetteer
          approximate
        }
      }
      ... on Event {
        eventType
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
      ... on Agreement {
        status
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const PathsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!, $asOf: String, $types: [String!], $excludeUndated: Boolean) {
  paths(
    from: $from
    to: $to
    k: 5
    maxLength: 6
    asOf: $asOf
    relationshipTypes: $types
    excludeUndated: $excludeUndated
  ) {
    length
    nodes {
      id
      kind
      name
      nameAr
      aliases
      ... on Actor {
        actorKind
        certainty
        attributedTo
      }
      ... on Place {
        placeKind
        certainty
        attributedTo
        coordinates {
          lat
          lon
          origin
          gazetteer
          approximate
        }
      }
      ... on Event {
        eventType
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
      ... on Agreement {
        status
        certainty
        attributedTo
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
    }
    edges {
      id
      type
      source
      target
      label
      certainty
      attributedTo
      earliest
      latest
      citations {
        quote
        start
        end
        translation
        attributedTo
        certainty
        note
        attributedActor {
          id
          name
          nameAr
        }
        source {
          id
          name
          nameAr
          outlet
          outletAr
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const DetailsDocument = /*#__PURE__*/ new TypedDocumentString(`
    query Details($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    name
    nameAr
    aliases
    ... on Actor {
      actorKind
      certainty
      attributedTo
    }
    ... on Place {
      placeKind
      certainty
      attributedTo
      coordinates {
        lat
        lon
        origin
        gazetteer
        approximate
      }
    }
    ... on Event {
      eventType
      certainty
      attributedTo
      date {
        start
        end
        precision
        approximate
        expression
        inferred
        earliest
        latest
      }
    }
    ... on Agreement {
      status
      certainty
      attributedTo
      date {
        start
        end
        precision
        approximate
        expression
        inferred
        earliest
        latest
      }
    }
    nameArOrigin {
      origin
      quote
      start
      end
      note
    }
    aliasesOutside
    citations {
      quote
      start
      end
      translation
      attributedTo
      certainty
      note
      attributedActor {
        id
        name
        nameAr
      }
      source {
        id
        name
        nameAr
        outlet
        outletAr
      }
      contradictedBy {
        id
        quote
        start
        end
        translation
        attributedTo
        certainty
        note
        attributedActor {
          id
          name
          nameAr
        }
        source {
          id
          name
          nameAr
          outlet
          outletAr
        }
      }
    }
    ... on Actor {
      description
      claims {
        property
        value
        datasets
        certainty
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      affiliations {
        type
        direction
        label
        certainty
        actor {
          id
          kind
          name
          nameAr
        }
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      participations {
        role
        event {
          id
          kind
          name
          nameAr
          date {
            start
            end
            precision
            approximate
            expression
            inferred
            earliest
            latest
          }
        }
      }
      agreements {
        side
        role
        agreement {
          id
          kind
          name
          nameAr
        }
      }
    }
    ... on Place {
      description
      claims {
        property
        value
        datasets
        certainty
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      parentOrigin
      parent {
        id
        kind
        name
        nameAr
      }
      coordinates {
        entry {
          id
          name
        }
      }
      children {
        id
        kind
        name
        nameAr
      }
      events {
        id
        kind
        name
        nameAr
        date {
          start
          end
          precision
          approximate
          expression
          inferred
          earliest
          latest
        }
      }
    }
    ... on Event {
      description
      claims {
        property
        value
        datasets
        certainty
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      participants {
        role
        inferred
        certainty
        actor {
          id
          kind
          name
          nameAr
        }
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
          contradictedBy {
            id
            quote
            start
            end
            translation
            attributedTo
            certainty
            note
            attributedActor {
              id
              name
              nameAr
            }
            source {
              id
              name
              nameAr
              outlet
              outletAr
            }
          }
        }
      }
      places {
        role
        place {
          id
          kind
          name
          nameAr
        }
      }
      partOf {
        id
        kind
        name
        nameAr
      }
      figures {
        label
        value
        min
        max
        unit
        approximate
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
    }
    ... on Agreement {
      description
      claims {
        property
        value
        datasets
        certainty
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      parties {
        side
        role
        inferred
        actor {
          id
          kind
          name
          nameAr
        }
      }
      terms {
        type
        description
        places {
          role
          place {
            id
            kind
            name
            nameAr
          }
        }
        figures {
          label
          citations {
            quote
            start
            end
            translation
            attributedTo
            certainty
            note
            attributedActor {
              id
              name
              nameAr
            }
            source {
              id
              name
              nameAr
              outlet
              outletAr
            }
          }
        }
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      rejectedBy {
        actor {
          id
          kind
          name
          nameAr
        }
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
      places {
        id
        kind
        name
        nameAr
      }
      figures {
        label
        value
        min
        max
        unit
        approximate
        citations {
          quote
          start
          end
          translation
          attributedTo
          certainty
          note
          attributedActor {
            id
            name
            nameAr
          }
          source {
            id
            name
            nameAr
            outlet
            outletAr
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DetailsQuery, DetailsQueryVariables>;
export const SourceTextDocument = /*#__PURE__*/ new TypedDocumentString(`
    query SourceText($id: ID!) {
  node(id: $id) {
    ... on Source {
      text
    }
  }
}
    `) as unknown as TypedDocumentString<SourceTextQuery, SourceTextQueryVariables>;