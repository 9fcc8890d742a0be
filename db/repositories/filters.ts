/**
 * The Cypher filters graph views and paths share: time (a window, or "as of" a day) and perspective (whose voice, how
 * certain). Each takes the literal name of a bound variable; every value is a parameter ($fromDay, $toDay, $asOfDay,
 * $voices, $maxRank).
 */

/** `v` (a node or relationship) may overlap [$fromDay, $toDay]; an open bound or an undated side passes. */
export const inWindow = (v: string): string =>
  `(($fromDay IS NULL OR ${v}.latest IS NULL OR ${v}.latest >= $fromDay)
  AND ($toDay IS NULL OR ${v}.earliest IS NULL OR ${v}.earliest <= $toDay))`;

/**
 * The node `v` stood by $asOfDay: an event or agreement passes when the first day it can mean (or, with no known
 * start, the last day) is on or before $asOfDay; other nodes always.
 */
export const nodeAsOf = (v: string): string =>
  `($asOfDay IS NULL OR NOT (${v}:Event OR ${v}:Agreement) OR coalesce(${v}.earliest, ${v}.latest) <= $asOfDay)`;

/** The relationship `r` stood by $asOfDay, by the same rule; an undated relationship always. */
export const relAsOf = (r: string): string =>
  `($asOfDay IS NULL OR coalesce(${r}.earliest, ${r}.latest) IS NULL OR coalesce(${r}.earliest, ${r}.latest) <= $asOfDay)`;

/** The relationship `r` is asserted by one of $voices (when given), at certainty rank $maxRank or stronger. */
export const perspective = (r: string): string =>
  `($voices IS NULL OR any(v IN ${r}.attributedTo WHERE v IN $voices))
  AND ($maxRank IS NULL OR ${r}.certaintyRank <= $maxRank)`;
