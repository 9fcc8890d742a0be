/**
 * The ACLED CSV column set, in the codebook's order: what the importer (seed/acled/) reads and the CSV
 * export (server/src/export/acled-csv.ts) writes. Pure.
 */

/** The documented columns, in ACLED's order; the CSV export writes exactly these. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string>;
