/** The ten years synthetic events fall in (2015–2024), as day numbers counted from 1 January 2015 (UTC). */

const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;

/** Number of days in the window: day numbers run from 0 to DAYS - 1. */
export const DAYS = Date.UTC(2025, 0, 1) / 86_400_000 - FIRST_DAY;

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date((FIRST_DAY + day) * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a day number. */
export function isoMonth(day: number): string {
  return isoDay(day).slice(0, 7);
}

/** Year, month (0–11) and day of the month of a day number. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date((FIRST_DAY + day) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}
