/**
 * The timeline's arithmetic, free of the DOM: what stretch of time an item's date covers and how
 * uncertain each part of it is, the time-window rule the server uses, lane packing, zoom limits and
 * tick labels. All dates are UTC days; a span's `to` is exclusive (the midnight after its last day).
 */
import type { DatePrecision } from '../generated/graphql.ts';
import type { TimelineItem, TimeWindow } from '../ui-types.ts';

export const DAY_MS = 86_400_000;

/** The unit a partial ISO date is given in: `2014` a year, `2019-03` a month, `2019-03-23` a day. */
export type Unit = 'year' | 'month' | 'day';

/**
 * One stretch of an item's bar, each drawn its own way:
 * - `lead`: the fading lead-in of an item with no known start (it began some time before);
 * - `fade-in` / `fade-out`: the first / last unit of a coarse bound (it began / ended somewhere in it);
 * - `core`: where the item certainly runs;
 * - `band`: a whole unit the item lies somewhere in (`2014`, `2019-03`), hatched;
 * - `point`: a single known day, drawn as a marker.
 */
export type SegmentKind = 'lead' | 'fade-in' | 'core' | 'fade-out' | 'band' | 'point';

export interface Segment {
  kind: SegmentKind;
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface ItemSpan {
  /** Where the bar begins: the first day the date can mean, or the start of the lead-in when `openStart`. */
  from: Date;
  /** Exclusive end: the midnight after the last day the date can mean. */
  to: Date;
  /** No lower bound in the source: the bar starts with a fading lead-in rather than an invented start. */
  openStart: boolean;
  /** Approximate, or known only to the month or year. */
  fuzzy: boolean;
  precision: DatePrecision;
  /** The bar's parts in time order; together they cover [from, to). */
  segments: Segment[];
}

/** How far back the lead-in of an item with no known start reaches, by the unit of its end. */
export const LEAD_IN: Record<Unit, { unit: Unit; count: number }> = {
  year: { unit: 'year', count: 2 },
  month: { unit: 'month', count: 6 },
  day: { unit: 'month', count: 1 },
};

const PRECISION_UNIT: Record<DatePrecision, Unit> = { YEAR: 'year', MONTH: 'month', DAY: 'day' };

/** The unit a partial ISO date is written in. */
export function unitOf(iso: string): Unit {
  if (/^-?\d{4}$/.test(iso)) return 'year';
  if (/^-?\d{4}-\d{2}$/.test(iso)) return 'month';
  return 'day';
}

/** UTC midnight of the first day a partial ISO date can mean (`2019-03` → 1 March 2019). */
export function parseDay(iso: string): Date {
  const [year = 'NaN', month = '1', day = '1'] = iso.split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** `YYYY-MM-DD` of the UTC day a date falls on. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The start of the unit a date falls in. */
export function floorUnit(date: Date, unit: Unit): Date {
  const y = date.getUTCFullYear();
  if (unit === 'year') return new Date(Date.UTC(y, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(y, date.getUTCMonth(), 1));
  return new Date(Date.UTC(y, date.getUTCMonth(), date.getUTCDate()));
}

/** The date `count` units later (earlier when negative), from the start of its unit. */
export function addUnits(date: Date, unit: Unit, count: number): Date {
  const start = floorUnit(date, unit);
  if (unit === 'year') return new Date(Date.UTC(start.getUTCFullYear() + count, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1));
  return new Date(start.getTime() + count * DAY_MS);
}

function dayAfter(iso: string): Date {
  return new Date(parseDay(iso).getTime() + DAY_MS);
}

/** Exclusive end of the last day a partial ISO date can mean (`2019-03` → 1 April 2019). */
function endOf(iso: string): Date {
  return addUnits(parseDay(iso), unitOf(iso), 1);
}

/**
 * The bar an item occupies, or null when its date says nothing at all. Bounds come from `earliest` /
 * `latest` (the days the server filters on) when present; the units of `start` / `end` tell which
 * edges are coarse.
 */
export function itemSpan(item: TimelineItem): ItemSpan | null {
  const fallbackUnit = PRECISION_UNIT[item.precision];
  const startIso = item.start ?? null;
  const endIso = item.end ?? item.start ?? null;
  const startUnit = startIso ? unitOf(startIso) : fallbackUnit;
  const endUnit = endIso ? unitOf(endIso) : fallbackUnit;
  const openStart = item.earliest === null && startIso === null;

  let to: Date;
  if (item.latest) to = dayAfter(item.latest);
  else if (endIso) to = endOf(endIso);
  else return null;
  const endUnitStart = floorUnit(new Date(to.getTime() - DAY_MS), endUnit);
  const fuzzy = item.approximate || item.precision !== 'DAY';
  const last: Segment =
    endUnit === 'day'
      ? { kind: 'point', from: endUnitStart, to }
      : { kind: openStart ? 'band' : 'fade-out', from: endUnitStart, to };

  if (openStart) {
    const lead = LEAD_IN[endUnit];
    const from = addUnits(endUnitStart, lead.unit, -lead.count);
    return {
      from,
      to,
      openStart,
      fuzzy,
      precision: item.precision,
      segments: [{ kind: 'lead', from, to: endUnitStart }, last],
    };
  }

  const from = item.earliest ? parseDay(item.earliest) : startIso ? parseDay(startIso) : endUnitStart;
  const span = { from, to, openStart, fuzzy, precision: item.precision };
  const startUnitEnd = addUnits(from, startUnit, 1);
  // One unit only: a known day, or a year / month the item lies somewhere in.
  if (startUnitEnd.getTime() >= to.getTime()) {
    const kind: SegmentKind = startUnit === 'day' && to.getTime() - from.getTime() <= DAY_MS ? 'point' : 'band';
    return { ...span, segments: [{ kind, from, to }] };
  }
  const segments: Segment[] = [];
  let coreFrom = from;
  if (startUnit !== 'day') {
    segments.push({ kind: 'fade-in', from, to: startUnitEnd });
    coreFrom = startUnitEnd;
  }
  const coreTo = endUnit === 'day' ? to : endUnitStart;
  if (coreTo.getTime() > coreFrom.getTime()) segments.push({ kind: 'core', from: coreFrom, to: coreTo });
  if (endUnit !== 'day') segments.push(last);
  return { ...span, segments };
}

/** The window of whole days between two instants, in order; `b` at exactly midnight ends the day before. */
export function windowFromRange(a: Date, b: Date): TimeWindow {
  const [lo, hi] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
  const from = isoDay(lo);
  const atMidnight = hi.getTime() % DAY_MS === 0 && hi.getTime() > lo.getTime();
  // hi > lo, so the day before a midnight `hi` is never before `lo`'s day.
  const to = isoDay(atMidnight ? new Date(hi.getTime() - DAY_MS) : hi);
  return { from, to };
}

/**
 * Rounds a brushed range to the nearest `unit` boundaries (whole months when zoomed out, whole days
 * when in), never to nothing: a range that rounds to one boundary covers the unit it started in.
 */
export function snapRange(a: Date, b: Date, unit: Unit): [Date, Date] {
  const [lo, hi] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
  const nearest = (date: Date): Date => {
    const down = floorUnit(date, unit);
    const up = addUnits(date, unit, 1);
    return date.getTime() - down.getTime() <= up.getTime() - date.getTime() ? down : up;
  };
  const from = nearest(lo);
  const to = nearest(hi);
  if (to.getTime() <= from.getTime()) {
    const start = floorUnit(lo, unit);
    return [start, addUnits(start, unit, 1)];
  }
  return [from, to];
}

/** The instants a window covers: its first day's midnight to the midnight after its last day. */
export function windowBounds(window: TimeWindow): { from: Date; to: Date } {
  return { from: parseDay(window.from), to: dayAfter(window.to) };
}

/** The server's rule: an item with no known start can have started any time before the window ends. */
export function overlaps(item: Pick<TimelineItem, 'earliest' | 'latest'>, window: TimeWindow): boolean {
  if (item.latest === null) return false;
  return (item.earliest === null || item.earliest <= window.to) && item.latest >= window.from;
}

/** Orders spans by start, then end; `Array.prototype.sort` keeps ties in their given order. */
export function compareSpans(a: Pick<ItemSpan, 'from' | 'to'>, b: Pick<ItemSpan, 'from' | 'to'>): number {
  return a.from.getTime() - b.from.getTime() || a.to.getTime() - b.to.getTime();
}

/**
 * Greedy interval packing: each extent `[start, end]` goes to the first lane whose last extent ends
 * `gap` or more before it starts, taking extents by start (then end, then given order). Optimal for
 * intervals; the result is aligned with the input.
 */
export function assignLanes(
  extents: ReadonlyArray<readonly [number, number]>,
  gap = 0,
): { lanes: number[]; count: number } {
  const order = extents.map((_, i) => i);
  order.sort((i, j) => {
    const a = extents[i] as readonly [number, number];
    const b = extents[j] as readonly [number, number];
    return a[0] - b[0] || a[1] - b[1] || i - j;
  });
  const laneEnds: number[] = [];
  const lanes = new Array<number>(extents.length).fill(0);
  for (const i of order) {
    const [start, end] = extents[i] as readonly [number, number];
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + gap <= start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = Math.max(start, end);
    lanes[i] = lane;
  }
  return { lanes, count: laneEnds.length };
}

/** The stretch of time that shows every span, padded a little on both sides (at least a month in all). */
export function fitDomain(spans: ReadonlyArray<Pick<ItemSpan, 'from' | 'to'>>, pad = 0.04): [Date, Date] {
  if (spans.length === 0) {
    const now = floorUnit(new Date(), 'year');
    return [now, addUnits(now, 'year', 1)];
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    lo = Math.min(lo, span.from.getTime());
    hi = Math.max(hi, span.to.getTime());
  }
  const minimum = 30 * DAY_MS;
  if (hi - lo < minimum) {
    const middle = (lo + hi) / 2;
    lo = middle - minimum / 2;
    hi = middle + minimum / 2;
  }
  const margin = (hi - lo) * pad;
  return [new Date(lo - margin), new Date(hi + margin)];
}

/**
 * Items this precise (at most about two months long) count towards the busiest span and the density strip, and take
 * the timeline's first lanes.
 */
const PRECISE_MS = 62 * DAY_MS;
export const isPrecise = (span: Pick<ItemSpan, 'from' | 'to' | 'openStart'>): boolean =>
  !span.openStart && span.to.getTime() - span.from.getTime() <= PRECISE_MS;

/**
 * The stretch of time that holds most precisely dated items: the `width`-long window with the most item starts,
 * widened to those items' ends and padded. Null when fewer than `minimum` items are precise enough to say (the
 * timeline then shows everything).
 */
export function busiestSpan(
  spans: ReadonlyArray<Pick<ItemSpan, 'from' | 'to' | 'openStart'>>,
  width = 120 * DAY_MS,
  minimum = 3,
): [Date, Date] | null {
  const precise = spans.filter(isPrecise).sort((a, b) => a.from.getTime() - b.from.getTime());
  if (precise.length < minimum) return null;
  let best = { count: 0, first: 0, last: 0 };
  let last = 0;
  for (let first = 0; first < precise.length; first++) {
    const start = (precise[first] as Pick<ItemSpan, 'from'>).from.getTime();
    if (last < first) last = first;
    while (last + 1 < precise.length && (precise[last + 1] as Pick<ItemSpan, 'from'>).from.getTime() <= start + width)
      last++;
    if (last - first + 1 > best.count) best = { count: last - first + 1, first, last };
  }
  if (best.count < minimum) return null;
  const chosen = precise.slice(best.first, best.last + 1);
  return fitDomain(chosen, 0.08);
}

/** How many precisely dated items overlap each month from `from` to `to`: the timeline's density strip. */
export function monthlyDensity(
  spans: ReadonlyArray<Pick<ItemSpan, 'from' | 'to' | 'openStart'>>,
  from: Date,
  to: Date,
): Array<{ month: Date; count: number }> {
  const months: Array<{ month: Date; count: number }> = [];
  for (let m = floorUnit(from, 'month'); m.getTime() < to.getTime(); m = addUnits(m, 'month', 1))
    months.push({ month: m, count: 0 });
  for (const span of spans.filter(isPrecise))
    for (const bin of months) {
      const end = addUnits(bin.month, 'month', 1);
      if (span.from.getTime() < end.getTime() && span.to.getTime() > bin.month.getTime()) bin.count++;
    }
  return months;
}

/**
 * Zoom limits relative to a fitted domain shown at scale 1: out to about a decade (never less than the
 * whole domain), in until `minDays` days fill the width.
 */
export function zoomLimits(domain: readonly [Date, Date], minDays = 10, maxYears = 10): [number, number] {
  const span = Math.max(DAY_MS, domain[1].getTime() - domain[0].getTime());
  const out = Math.min(1, span / (maxYears * 365.25 * DAY_MS));
  const inward = Math.max(1, span / (minDays * DAY_MS));
  return [out, inward];
}

/** The finest unit a set of tick dates needs: years when all fall on 1 January, months on the 1st. */
export function tickUnit(ticks: ReadonlyArray<Date>): Unit {
  if (ticks.every((t) => t.getUTCMonth() === 0 && t.getUTCDate() === 1 && t.getTime() % DAY_MS === 0)) return 'year';
  if (ticks.every((t) => t.getUTCDate() === 1 && t.getTime() % DAY_MS === 0)) return 'month';
  return 'day';
}

/** Whether a tick starts the next coarser unit (a year among months, a month among days). */
export function isMajorTick(date: Date, unit: Unit): boolean {
  if (unit === 'month') return date.getUTCMonth() === 0;
  if (unit === 'day') return date.getUTCDate() === 1;
  return false;
}

/** Locale for dates: the UI language with Latin digits, as the dates in the data are written. */
export function dateLocale(lang: string): string {
  const base = lang.trim() || 'en';
  return base.includes('-u-') ? base : `${base}-u-nu-latn`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, format);
  }
  return format;
}

const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'short' };
const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/**
 * A tick's label at the given unit: years as `2015`; months as `Mar`, with the year on January and on
 * the first tick; days as `23`, with the month on the 1st and on the first tick.
 */
export function formatTick(date: Date, unit: Unit, first: boolean, locale: string): string {
  if (unit === 'year') return formatter(locale, YEAR).format(date);
  if (unit === 'month') {
    if (date.getUTCMonth() === 0) return formatter(locale, YEAR).format(date);
    return formatter(locale, first ? MONTH_YEAR : MONTH).format(date);
  }
  if (first) return formatter(locale, DAY_MONTH_YEAR).format(date);
  if (date.getUTCDate() === 1) return formatter(locale, date.getUTCMonth() === 0 ? MONTH_YEAR : DAY_MONTH).format(date);
  return formatter(locale, { day: 'numeric' }).format(date);
}

/** A partial ISO date at its own precision: `2014`, `Mar 2019`, `23 Mar 2019`. */
export function formatPartial(iso: string, locale: string): string {
  const unit = unitOf(iso);
  const options = unit === 'year' ? YEAR : unit === 'month' ? MONTH_YEAR : DAY_MONTH_YEAR;
  return formatter(locale, options).format(parseDay(iso));
}

/** How an item's date reads, for its accessible name and tooltip: `Jan 2019 – Mar 2019 (approximate)`. */
export function describeDate(
  item: TimelineItem,
  labels: { openStart: string; approximate: string },
  locale: string,
): string {
  const start = item.start ?? null;
  const end = item.end ?? null;
  let text: string;
  if (start === null) text = `${labels.openStart} – ${end ? formatPartial(end, locale) : '?'}`;
  else if (end === null || end === start) text = formatPartial(start, locale);
  else text = `${formatPartial(start, locale)} – ${formatPartial(end, locale)}`;
  return item.approximate ? `${text} (${labels.approximate})` : text;
}

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The direction a text reads in, from its first letter (`fallback` when it has none). */
export function textDirection(text: string, fallback: 'ltr' | 'rtl' = 'ltr'): 'ltr' | 'rtl' {
  const letter = /\p{L}/u.exec(text);
  if (!letter) return fallback;
  return RTL_SCRIPT.test(letter[0]) ? 'rtl' : 'ltr';
}
