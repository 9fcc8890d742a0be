/**
 * Shapes of the interface itself, not of the API (those are generated in web/src/generated/): the language, the time
 * window and what the timeline and the map draw. Dates are ISO days (`2019-03-23`) unless said otherwise.
 */
import type { Certainty, DatePrecision } from './generated/graphql.ts';

export type Language = 'en' | 'ar';
export type Direction = 'ltr' | 'rtl';

/** An inclusive window of days. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** An event or agreement as the timeline draws it. `start`/`end` are ISO dates at their precision. */
export interface TimelineItem {
  id: string;
  kind: 'EVENT' | 'AGREEMENT';
  label: string;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  approximate: boolean;
  /** First and last day the date can mean; `earliest` null when the source gives no lower bound. */
  earliest: string | null;
  latest: string | null;
  certainty: Certainty | null;
}

/** A place with coordinates, as the map draws it. */
export interface MapPlace {
  id: string;
  label: string;
  kind: string;
  lat: number;
  lon: number;
  /** `gazetteer` when the coordinates are not in the source. */
  origin: string;
  /** Which gazetteer the point comes from (credited on the map), when it does. */
  gazetteer: string | null;
  approximate: boolean;
  /** The id of the place whose point this is, for a place without coordinates of its own (drawn approximate). */
  positionOf: string | null;
}
