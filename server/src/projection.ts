/**
 * Which stored properties the fields of a GraphQL selection read, so a query that fetches a list can read only those
 * (as @neo4j/graphql projects the selected fields): a timeline of 100 events with their actors' names reads 9
 * properties per event and one per actor, not all ~45 and all ~15. Each list mirrors a resolver in resolvers/index.ts;
 * a field not listed here (a new one) makes the selection read every property, so forgetting one costs speed, never
 * correctness.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { PropertySelection } from '../../db/records.ts';
import type { EventProjection } from '../../db/repositories/timeline.ts';
import { COORDINATE_PROPERTIES, DATE_PROPERTIES, DATE_WINDOW_PROPERTIES } from '../../schema/graph.ts';
import { selectedFields } from './context.ts';

type FieldProps = Readonly<Record<string, readonly string[]>>;

const DATE_PROPS = [...DATE_PROPERTIES, ...DATE_WINDOW_PROPERTIES];

/** Fields every Node type resolves from the same properties (resolvers/index.ts `nodeFields`, `mergeFields`). */
const NODE: FieldProps = {
  __typename: [],
  id: [],
  kind: [],
  name: ['name'],
  nameAr: ['nameAr'],
  nameArOrigin: ['nameArOrigin', 'nameArSource', 'nameArQuote', 'nameArStart', 'nameArEnd', 'nameArNote'],
  aliases: ['aliases'],
  aliasesOutside: ['aliasesOutside'],
  description: ['description'],
  citations: ['citationIds'],
  certainty: ['certainty'],
  attributedTo: ['attributedTo'],
  datasets: ['datasets'],
  contested: ['contested'],
  claims: [],
};

const EVENT: FieldProps = {
  ...NODE,
  eventType: ['kind'],
  date: DATE_PROPS,
  start: ['dateStart'],
  end: ['dateEnd'],
  precision: ['datePrecision'],
  approximate: ['dateApproximate'],
  participants: [],
  places: [],
  figures: [],
  partOf: [],
};

const ACTOR: FieldProps = { ...NODE, actorKind: ['kind'], affiliations: [], participations: [], agreements: [] };

const PLACE: FieldProps = {
  ...NODE,
  placeKind: ['kind'],
  parent: [],
  parentOrigin: [],
  children: [],
  coordinates: [...COORDINATE_PROPERTIES],
  events: [],
};

const PARTICIPATION: FieldProps = {
  __typename: [],
  event: [],
  actor: [],
  role: ['role'],
  inferred: ['inferred'],
  certainty: ['certainty'],
  citations: ['citationIds'],
};

const EVENT_PLACE: FieldProps = { __typename: [], place: [], role: ['role'], citations: ['citationIds'] };

/** The properties the fields read, or `all` when one of them is not in the list. */
export function propertiesFor(fields: ReadonlySet<string>, list: FieldProps): PropertySelection {
  const props = new Set<string>();
  for (const field of fields) {
    const needed = list[field];
    if (needed === undefined) return 'all';
    for (const prop of needed) props.add(prop);
  }
  return [...props];
}

/** What a timeline query (`events`) reads for the events, participations and places its selection asks for. */
export function eventProjection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): EventProjection {
  return {
    event: propertiesFor(selectedFields(info), EVENT),
    participation: propertiesFor(selectedFields(info, 'participants'), PARTICIPATION),
    actor: propertiesFor(selectedFields(info, ['participants', 'actor']), ACTOR),
    eventPlace: propertiesFor(selectedFields(info, 'places'), EVENT_PLACE),
    place: propertiesFor(selectedFields(info, ['places', 'place']), PLACE),
  };
}
