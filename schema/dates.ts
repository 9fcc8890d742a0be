/** Turns dates kept at their own precision into the bounding days used for time filters. */
import type { DateSpec } from './dataset.ts';

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
export function earliestDay(date: DateSpec | undefined): string | undefined {
  return date?.start === undefined ? undefined : firstDayOf(date.start);
}

/** Latest day the date can fall on (its end, or the end of its start's period). */
export function latestDay(date: DateSpec | undefined): string | undefined {
  const last = date?.end ?? date?.start;
  return last === undefined ? undefined : lastDayOf(last);
}
