import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../ui-types.ts';
import {
  assignLanes,
  busiestSpan,
  compareSpans,
  DAY_MS,
  describeDate,
  fitDomain,
  formatPartial,
  formatTick,
  type ItemSpan,
  isMajorTick,
  itemSpan,
  monthlyDensity,
  overlaps,
  parseDay,
  snapRange,
  textDirection,
  tickUnit,
  unitOf,
  windowBounds,
  windowFromRange,
  zoomLimits,
} from './spans.ts';

const firstDay = (iso: string): string | null => {
  if (iso.length === 4) return `${iso}-01-01`;
  if (iso.length === 7) return `${iso}-01`;
  return iso;
};
const lastDay = (iso: string): string => {
  if (iso.length === 4) return `${iso}-12-31`;
  if (iso.length === 7) {
    const [y, m] = iso.split('-').map(Number) as [number, number];
    return `${iso}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return iso;
};

/** An item as the server sends it: `earliest` / `latest` derived from start / end like seed/dates.ts. */
function item(start: string | null, end: string | null, extra: Partial<TimelineItem> = {}): TimelineItem {
  const unit = (end ?? start ?? '').length;
  return {
    id: `event:${start}-${end}`,
    kind: 'EVENT',
    label: 'An event',
    start,
    end,
    precision: unit === 4 ? 'YEAR' : unit === 7 ? 'MONTH' : 'DAY',
    approximate: false,
    earliest: start ? firstDay(start) : null,
    latest: end ? lastDay(end) : start ? lastDay(start) : null,
    certainty: null,
    ...extra,
  };
}

const day = (iso: string) => parseDay(iso).toISOString().slice(0, 10);
const kinds = (span: ItemSpan | null) => span?.segments.map((s) => `${s.kind} ${day2(s.from)}..${day2(s.to)}`);
const day2 = (d: Date) => d.toISOString().slice(0, 10);

describe('itemSpan', () => {
  it('spans a whole year for a year, hatched as one band', () => {
    const span = itemSpan(item('2014', null));
    expect(span?.from).toEqual(parseDay('2014-01-01'));
    expect(span?.to).toEqual(parseDay('2015-01-01'));
    expect(span?.openStart).toBe(false);
    expect(span?.fuzzy).toBe(true);
    expect(span?.precision).toBe('YEAR');
    expect(kinds(span)).toEqual(['band 2014-01-01..2015-01-01']);
  });

  it('spans a whole month for a month, including leap February', () => {
    const span = itemSpan(item('2016-02', null));
    expect(span?.from).toEqual(parseDay('2016-02-01'));
    expect(span?.to).toEqual(parseDay('2016-03-01'));
    expect(kinds(span)).toEqual(['band 2016-02-01..2016-03-01']);
  });

  it('draws a single known day as a point one day long, not fuzzy', () => {
    const span = itemSpan(item('2019-03-23', null));
    expect(span?.to.getTime()).toBe(parseDay('2019-03-23').getTime() + DAY_MS);
    expect(span?.fuzzy).toBe(false);
    expect(kinds(span)).toEqual(['point 2019-03-23..2019-03-24']);
  });

  it('is fuzzy when approximate even at day precision', () => {
    expect(itemSpan(item('2019-03-23', null, { approximate: true }))?.fuzzy).toBe(true);
  });

  it('runs an interval from the first day of its start to the last day of its end, edges fading', () => {
    const span = itemSpan(item('2019-01', '2019-03', { approximate: true }));
    expect(span?.from).toEqual(parseDay('2019-01-01'));
    expect(span?.to).toEqual(parseDay('2019-04-01'));
    expect(kinds(span)).toEqual([
      'fade-in 2019-01-01..2019-02-01',
      'core 2019-02-01..2019-03-01',
      'fade-out 2019-03-01..2019-04-01',
    ]);
  });

  it('has no certain core when start and end are adjacent units', () => {
    expect(kinds(itemSpan(item('2019-02', '2019-03')))).toEqual([
      'fade-in 2019-02-01..2019-03-01',
      'fade-out 2019-03-01..2019-04-01',
    ]);
  });

  it('years: 2014 to 2019 fades over 2014 and over 2019', () => {
    expect(kinds(itemSpan(item('2014', '2019')))).toEqual([
      'fade-in 2014-01-01..2015-01-01',
      'core 2015-01-01..2019-01-01',
      'fade-out 2019-01-01..2020-01-01',
    ]);
  });

  it('keeps crisp edges for day bounds', () => {
    expect(kinds(itemSpan(item('2019-03-01', '2019-03-10')))).toEqual(['core 2019-03-01..2019-03-11']);
    expect(kinds(itemSpan(item('2019-01', '2019-03-23')))).toEqual([
      'fade-in 2019-01-01..2019-02-01',
      'core 2019-02-01..2019-03-24',
    ]);
  });

  it('treats the same unit twice as one band', () => {
    expect(kinds(itemSpan(item('2019-03', '2019-03')))).toEqual(['band 2019-03-01..2019-04-01']);
  });

  it('marks a missing start as open and leads in from a fixed distance before the end', () => {
    const year = itemSpan(item(null, '2014', { approximate: true }));
    expect(year?.openStart).toBe(true);
    expect(kinds(year)).toEqual(['lead 2012-01-01..2014-01-01', 'band 2014-01-01..2015-01-01']);
    const month = itemSpan(item(null, '2019-03'));
    expect(kinds(month)).toEqual(['lead 2018-09-01..2019-03-01', 'band 2019-03-01..2019-04-01']);
    const dayEnd = itemSpan(item(null, '2019-03-23'));
    expect(kinds(dayEnd)).toEqual(['lead 2019-02-01..2019-03-23', 'point 2019-03-23..2019-03-24']);
    expect(dayEnd?.from).toEqual(parseDay('2019-02-01'));
  });

  it('follows earliest / latest over start / end when they differ', () => {
    const span = itemSpan({ ...item('2019', null), earliest: '2019-01-01', latest: '2019-06-30' });
    expect(span?.to).toEqual(parseDay('2019-07-01'));
  });

  it('falls back to start / end when earliest / latest are missing, and gives up without any date', () => {
    expect(itemSpan({ ...item('2019-03', null), earliest: null, latest: null })?.to).toEqual(parseDay('2019-04-01'));
    expect(itemSpan({ ...item(null, null), earliest: null, latest: null })).toBeNull();
  });

  it('orders spans chronologically, keeping ties stable', () => {
    const items = [item('2019-03', null), item(null, '2014'), item('2014', '2019'), item('2014', '2019')];
    const spans = items.map((i, index) => ({ index, span: itemSpan(i) as ItemSpan }));
    spans.sort((a, b) => compareSpans(a.span, b.span));
    expect(spans.map((s) => s.index)).toEqual([1, 2, 3, 0]);
  });
});

describe('windows', () => {
  it('orders the range and keeps whole days', () => {
    const a = new Date(Date.UTC(2019, 2, 10, 15));
    const b = new Date(Date.UTC(2019, 0, 5, 3));
    expect(windowFromRange(a, b)).toEqual({ from: '2019-01-05', to: '2019-03-10' });
  });

  it('ends the day before when the range ends at midnight, so bounds round-trip', () => {
    const window = { from: '2019-01-01', to: '2019-03-31' };
    const { from, to } = windowBounds(window);
    expect(to).toEqual(parseDay('2019-04-01'));
    expect(windowFromRange(from, to)).toEqual(window);
    expect(windowFromRange(from, from)).toEqual({ from: '2019-01-01', to: '2019-01-01' });
  });

  it('applies the server rule for overlap, open starts included', () => {
    const window = { from: '2016-01-01', to: '2016-12-31' };
    expect(overlaps(item('2014', '2019'), window)).toBe(true);
    expect(overlaps(item('2019-03', null), window)).toBe(false);
    expect(overlaps(item('2014', null), window)).toBe(false);
    expect(overlaps(item(null, '2019-03'), window)).toBe(true);
    expect(overlaps(item(null, '2014'), window)).toBe(false);
    expect(overlaps(item('2016-12-31', null), window)).toBe(true);
    expect(overlaps(item('2017-01-01', null), window)).toBe(false);
    expect(overlaps({ earliest: null, latest: null }, window)).toBe(false);
  });

  it('counts an item that touches the window on its first or last day as inside (the dimming boundary)', () => {
    const window = { from: '2019-03-10', to: '2019-03-20' };
    // Ends on the window's first day: inside (an item is dimmed only when it ended before the window).
    expect(overlaps({ earliest: '2019-03-01', latest: '2019-03-10' }, window)).toBe(true);
    expect(overlaps({ earliest: '2019-03-01', latest: '2019-03-09' }, window)).toBe(false);
    expect(overlaps({ earliest: null, latest: '2019-03-10' }, window)).toBe(true);
    // Starts on the window's last day: inside; the day after: outside.
    expect(overlaps({ earliest: '2019-03-20', latest: '2019-03-25' }, window)).toBe(true);
    expect(overlaps({ earliest: '2019-03-21', latest: '2019-03-25' }, window)).toBe(false);
    // A one-day window holds the items of that day.
    expect(overlaps({ earliest: '2019-03-23', latest: '2019-03-23' }, { from: '2019-03-23', to: '2019-03-23' })).toBe(
      true,
    );
  });
});

describe('assignLanes', () => {
  it('packs non-overlapping extents into one lane and stacks overlapping ones', () => {
    const { lanes, count } = assignLanes([
      [0, 10],
      [5, 15],
      [12, 20],
      [16, 30],
      [0, 40],
    ]);
    expect(lanes).toEqual([0, 2, 0, 2, 1]);
    expect(count).toBe(3);
  });

  it('respects the gap and keeps equal extents in their given order', () => {
    expect(
      assignLanes(
        [
          [0, 10],
          [11, 20],
        ],
        2,
      ).lanes,
    ).toEqual([0, 1]);
    expect(
      assignLanes(
        [
          [0, 10],
          [12, 20],
        ],
        2,
      ).lanes,
    ).toEqual([0, 0]);
    expect(
      assignLanes([
        [5, 6],
        [5, 6],
        [5, 6],
      ]).lanes,
    ).toEqual([0, 1, 2]);
  });

  it('handles nothing', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 0 });
  });

  it('never lets two extents in a lane collide', () => {
    const extents: Array<[number, number]> = [];
    for (let i = 0; i < 200; i++) {
      const start = (i * 7919) % 1000;
      extents.push([start, start + ((i * 104729) % 90) + 1]);
    }
    const { lanes } = assignLanes(extents, 3);
    for (let i = 0; i < extents.length; i++) {
      for (let j = i + 1; j < extents.length; j++) {
        if (lanes[i] !== lanes[j]) continue;
        const [a0, a1] = extents[i] as [number, number];
        const [b0, b1] = extents[j] as [number, number];
        expect(a1 + 3 <= b0 || b1 + 3 <= a0).toBe(true);
      }
    }
  });
});

describe('zoom and ticks', () => {
  it('fits all spans with padding, and at least a month', () => {
    const spans = [itemSpan(item('2014', '2019')), itemSpan(item('2019-03-23', null))] as ItemSpan[];
    const [lo, hi] = fitDomain(spans, 0);
    expect(day2(lo)).toBe('2014-01-01');
    expect(day2(hi)).toBe('2020-01-01');
    const [a, b] = fitDomain([itemSpan(item('2019-03-23', null)) as ItemSpan]);
    expect(b.getTime() - a.getTime()).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(fitDomain([])[0]).toBeInstanceOf(Date);
  });

  it('zooms out to about a decade and in to days', () => {
    const six = [parseDay('2014-01-01'), parseDay('2020-01-01')] as const;
    const [out, inward] = zoomLimits(six);
    expect(out).toBeCloseTo(0.6, 1);
    expect(inward).toBeCloseTo((6 * 365 + 1) / 10, 0);
    expect(zoomLimits([parseDay('2000-01-01'), parseDay('2020-01-01')])[0]).toBe(1);
  });

  it('finds the unit ticks are at', () => {
    expect(tickUnit([parseDay('2014-01-01'), parseDay('2015-01-01')])).toBe('year');
    expect(tickUnit([parseDay('2014-01-01'), parseDay('2014-04-01')])).toBe('month');
    expect(tickUnit([parseDay('2014-01-01'), parseDay('2014-01-08')])).toBe('day');
    expect(isMajorTick(parseDay('2019-01-01'), 'month')).toBe(true);
    expect(isMajorTick(parseDay('2019-02-01'), 'month')).toBe(false);
    expect(isMajorTick(parseDay('2019-02-01'), 'day')).toBe(true);
  });

  it('labels ticks in the interface language with Latin digits', () => {
    expect(formatTick(parseDay('2019-03-01'), 'month', false, 'en')).toBe('Mar');
    expect(formatTick(parseDay('2019-01-01'), 'month', false, 'en')).toBe('2019');
    expect(formatTick(parseDay('2019-03-01'), 'month', true, 'en')).toBe('Mar 2019');
    expect(formatTick(parseDay('2019-03-23'), 'day', false, 'en')).toBe('23');
    expect(formatTick(parseDay('2015-01-01'), 'year', false, 'ar-u-nu-latn')).toBe('2015');
    expect(formatTick(parseDay('2019-03-01'), 'month', false, 'ar-u-nu-latn')).toMatch(/[\u0600-\u06ff]/);
  });
});

describe('dates in words', () => {
  const labels = { openStart: 'no known start', approximate: 'approximate' };
  it('reads each kind of date', () => {
    expect(unitOf('2014')).toBe('year');
    expect(formatPartial('2019-03', 'en')).toBe('Mar 2019');
    expect(formatPartial('2019-03-23', 'en')).toBe('Mar 23, 2019');
    expect(describeDate(item('2014', null), labels, 'en')).toBe('2014');
    expect(describeDate(item('2019-01', '2019-03', { approximate: true }), labels, 'en')).toBe(
      'Jan 2019 – Mar 2019 (approximate)',
    );
    expect(describeDate(item(null, '2014'), labels, 'en')).toBe('no known start – 2014');
    expect(describeDate(item('2019-03', '2019-03'), labels, 'en')).toBe('Mar 2019');
  });

  it('parses days in UTC', () => {
    expect(day('2019-03-23')).toBe('2019-03-23');
    expect(day('2019')).toBe('2019-01-01');
  });
});

describe('snapRange', () => {
  it('rounds a brushed range to whole months or days', () => {
    const [a, b] = snapRange(new Date(Date.UTC(2018, 11, 28)), new Date(Date.UTC(2019, 2, 20)), 'month');
    expect([day2(a), day2(b)]).toEqual(['2019-01-01', '2019-04-01']);
    const [c, d] = snapRange(new Date(Date.UTC(2019, 2, 20, 18)), new Date(Date.UTC(2019, 2, 10, 2)), 'day');
    expect([day2(c), day2(d)]).toEqual(['2019-03-10', '2019-03-21']);
  });

  it('never snaps to nothing', () => {
    const [a, b] = snapRange(new Date(Date.UTC(2019, 2, 3)), new Date(Date.UTC(2019, 2, 9)), 'month');
    expect([day2(a), day2(b)]).toEqual(['2019-03-01', '2019-04-01']);
  });
});

describe('textDirection', () => {
  it('reads the first letter', () => {
    expect(textDirection('~ War against ISIS')).toBe('ltr');
    expect(textDirection('~ الحرب على داعش')).toBe('rtl');
    expect(textDirection('73 ألف شخص')).toBe('rtl');
    expect(textDirection('ISIS (داعش)')).toBe('ltr');
    expect(textDirection('~ 2019', 'rtl')).toBe('rtl');
  });
});

describe('the span the timeline opens on, and its density strip', () => {
  const day = (iso: string) => parseDay(iso);
  const span = (from: string, to: string, openStart = false) => ({ from: day(from), to: day(to), openStart });

  it('opens on the months that hold most precisely dated items, leaving out long and open spans', () => {
    const spans = [
      span('2014-01-01', '2015-01-01'),
      span('2012-01-01', '2014-12-31', true),
      span('2019-01-10', '2019-01-11'),
      span('2019-02-01', '2019-03-01'),
      span('2019-03-23', '2019-03-24'),
      span('2019-03-20', '2019-03-21'),
      span('2016-05-01', '2016-05-02'),
    ];
    const [from, to] = busiestSpan(spans) ?? [];
    expect(from?.getTime()).toBeLessThanOrEqual(day('2019-01-10').getTime());
    expect(from?.getTime()).toBeGreaterThan(day('2018-12-01').getTime());
    expect(to?.getTime()).toBeGreaterThanOrEqual(day('2019-03-24').getTime());
    expect(to?.getTime()).toBeLessThan(day('2019-05-01').getTime());
  });

  it('shows everything when too few items are precise enough to say', () => {
    expect(busiestSpan([span('2014-01-01', '2015-01-01'), span('2019-03-23', '2019-03-24')])).toBeNull();
  });

  it('counts precisely dated items per month', () => {
    const bins = monthlyDensity(
      [span('2019-03-23', '2019-03-24'), span('2019-03-01', '2019-04-01'), span('2014-01-01', '2019-12-31')],
      day('2019-02-01'),
      day('2019-05-01'),
    );
    expect(bins.map((b) => b.count)).toEqual([0, 2, 0]);
  });
});
