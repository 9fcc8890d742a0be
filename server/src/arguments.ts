/** Checks of GraphQL arguments, shared by resolvers and export routes: bounded sizes, partial ISO dates, certainty ranks. */

import { BadUserInputError, checkPartialIsoDate } from '../../db/errors.ts';
import { firstDayOf, lastDayOf } from '../../schema/dates.ts';
import { API_CERTAINTIES } from '../../schema/vocabulary.ts';
import type { Certainty } from './generated/graphql.ts';

export const LIMITS = {
  depth: 3,
  neighborhoodLimit: 500,
  neighborhoodEdgeLimit: 5000,
  overviewLimit: 2000,
  overviewEdgeLimit: 5000,
  eventsLimit: 500,
  searchLimit: 100,
  k: 10,
  maxLength: 8,
  textLength: 200,
  idLength: 300,
  listLength: 50,
} as const;

/** The opening view's sizes when the client gives none (the schema's defaults of `graph`). */
export const OVERVIEW_DEFAULTS = { limit: 300, edgeLimit: 1000 } as const;

/** An integer in 1..max, or a BAD_USER_INPUT error naming the argument and the bound. */
export function boundedInt(value: number | null | undefined, fallback: number, max: number, argument: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new BadUserInputError(`${argument} must be an integer from 1 to ${max}; got ${n}.`, argument);
  return n;
}

/** The first day a date argument can mean (`2019` → `2019-01-01`), or null when absent. */
export function windowStart(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  return firstDayOf(checkPartialIsoDate(value, argument));
}

/** The last day a date argument can mean (`2019-02` → `2019-02-28`), or null when absent. */
export function windowEnd(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  return lastDayOf(checkPartialIsoDate(value, argument));
}

export function checkWindow(from: string | null, to: string | null): void {
  if (from !== null && to !== null && from > to) throw new BadUserInputError('from must not be after to.', 'from');
}

export function checkId(value: string, argument: string): string {
  if (value.length === 0 || value.length > LIMITS.idLength)
    throw new BadUserInputError(`${argument} must be a node id of 1 to ${LIMITS.idLength} characters.`, argument);
  return value;
}

export function checkText(value: string, argument: string): string {
  if (value.length > LIMITS.textLength)
    throw new BadUserInputError(`${argument} must be at most ${LIMITS.textLength} characters.`, argument);
  return value;
}

export function checkList(values: readonly string[] | null | undefined, argument: string): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length > LIMITS.listLength)
    throw new BadUserInputError(`${argument} may name at most ${LIMITS.listLength} values.`, argument);
  for (const v of values) checkId(v, argument);
  return [...values];
}

/** `minCertainty: CLAIMED` keeps certainty ranks 0..2 (schema/vocabulary.ts order). */
export function maxRankFor(minCertainty: Certainty | null | undefined): number | null {
  return minCertainty ? API_CERTAINTIES.indexOf(minCertainty) : null;
}
