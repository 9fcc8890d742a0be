/**
 * Partial ISO dates (`2014`, `2019-03`, `2019-03-23`): how each precision is written, and the bounding days used for
 * time filters. Pure (no zod, no Node APIs), so the dataset format, the loader, the API's argument checks and the web
 * client all read dates the same way.
 */
import type { DATE_PRECISIONS } from './vocabulary.ts';

type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** How a date is written at each precision. */
export const DATE_PATTERNS: Readonly<Record<DatePrecision, RegExp>> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** What {@link isPartialIsoDate} accepts, in words for error messages. */
export const PARTIAL_ISO_DATE = 'an ISO date at year, month or day precision (2014, 2019-03, 2019-03-23)';

/** Whether a day-precision date exists (no 30 February). */
export function isRealCalendarDay(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso);
}

/** A real date at year, month or day precision. */
export function isPartialIsoDate(value: string): boolean {
  if (DATE_PATTERNS.year.test(value) || DATE_PATTERNS.month.test(value)) return true;
  return DATE_PATTERNS.day.test(value) && isRealCalendarDay(value);
}

/** A date or interval at its own precision: the parts of a dataset's `DateSpec` the bounding days need. */
export interface DateBounds {
  start?: string | undefined;
  end?: string | undefined;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day a partial ISO date can mean: `2014` → `2014-01-01`, `2019-03` → `2019-03-01`. */
export function firstDayOf(iso: string): string {
  if (iso.length === 4) return `${iso}-01-01`;
  if (iso.length === 7) return `${iso}-01`;
  return iso;
}

/** Last day a partial ISO date can mean: `2014` → `2014-12-31`, `2019-02` → `2019-02-28`. */
export function lastDayOf(iso: string): string {
  if (iso.length === 4) return `${iso}-12-31`;
  if (iso.length === 7) {
    const [year, month] = iso.split('-').map(Number) as [number, number];
    return `${iso}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}`;
  }
  return iso;
}

/** Earliest day the date can fall on, or undefined when the source gives no lower bound. */
export function earliestDay(date: DateBounds | undefined): string | undefined {
  return date?.start === undefined ? undefined : firstDayOf(date.start);
}

/** Latest day the date can fall on (its end, or the end of its start's period). */
export function latestDay(date: DateBounds | undefined): string | undefined {
  const last = date?.end ?? date?.start;
  return last === undefined ? undefined : lastDayOf(last);
}
