import { describe, expect, it } from 'vitest';
import { axisTicks, dayNumber, timeOrderedPositions } from './time-order.ts';

const event = (id: string, earliest: string | null, latest: string | null) => ({ id, kind: 'event', earliest, latest });

describe('time-ordered positions from partial dates', () => {
  const nodes = [
    event('event:day', '2019-03-23', '2019-03-23'),
    event('event:month', '2019-01-01', '2019-01-31'),
    event('event:year', '2018-01-01', '2018-12-31'),
    event('event:undated', null, null),
    { id: 'actor:sdf', kind: 'actor', earliest: null, latest: null },
    { id: 'actor:alone', kind: 'actor', earliest: null, latest: null },
  ];
  const edges = [
    { source: 'actor:sdf', target: 'event:day' },
    { source: 'actor:sdf', target: 'event:month' },
  ];

  it('puts earlier things left of later ones, and draws month- and year-only dates as the span they cover', () => {
    const { positions, spans } = timeOrderedPositions(nodes, edges, 'ltr', 2000);
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN;
    expect(x('event:year')).toBeLessThan(x('event:month'));
    expect(x('event:month')).toBeLessThan(x('event:day'));
    // The period runs from 2018-01-01 to the end of 2019-03-23: 447 days over 2000 px.
    const perDay = 2000 / (dayNumber('2019-03-24') - dayNumber('2018-01-01'));
    expect(spans.get('event:year')).toBeCloseTo(365 * perDay, 5);
    expect(spans.get('event:month')).toBeCloseTo(31 * perDay, 5);
    // A single day is narrower than a node: it gets the minimum width, not a month's.
    expect(spans.get('event:day')).toBe(24);
    // The year-only event is centred on its year, not on 1 January.
    expect(x('event:year')).toBeCloseTo((365 * perDay) / 2, 5);
  });

  it('places an actor under the events it takes part in, and the undated in their own lane below', () => {
    const { positions, undated, axis } = timeOrderedPositions(nodes, edges, 'ltr', 2000);
    const sdf = positions.get('actor:sdf');
    const day = positions.get('event:day');
    const month = positions.get('event:month');
    expect(sdf?.x).toBeCloseTo(((day?.x ?? 0) + (month?.x ?? 0)) / 2, 5);
    expect(sdf?.y).toBeGreaterThan(Math.max(day?.y ?? 0, month?.y ?? 0));
    expect([...undated].sort()).toEqual(['actor:alone', 'event:undated']);
    expect(positions.get('event:undated')?.y).toBe(axis?.undatedY);
    expect(axis?.undatedY).toBeGreaterThan(sdf?.y ?? Number.POSITIVE_INFINITY);
    // Not stacked on one point.
    expect(positions.get('event:undated')).not.toEqual(positions.get('actor:alone'));
  });

  it('runs right to left in Arabic, mirrored', () => {
    const ltr = timeOrderedPositions(nodes, edges, 'ltr', 2000).positions;
    const rtl = timeOrderedPositions(nodes, edges, 'rtl', 2000).positions;
    for (const id of ['event:day', 'event:month', 'event:year', 'actor:sdf'])
      expect(rtl.get(id)?.x).toBeCloseTo(-(ltr.get(id)?.x ?? 0), 5);
    expect(rtl.get('event:year')?.x).toBeGreaterThan(rtl.get('event:day')?.x ?? 0);
  });

  it('packs overlapping spans into separate lanes, the same way every time whatever the input order', () => {
    const overlapping = [event('event:b', '2019-01-01', '2019-12-31'), event('event:a', '2019-02-01', '2019-02-28')];
    const one = timeOrderedPositions(overlapping, [], 'ltr', 1000).positions;
    const two = timeOrderedPositions([...overlapping].reverse(), [], 'ltr', 1000).positions;
    expect(one.get('event:a')?.y).not.toBe(one.get('event:b')?.y);
    expect(Object.fromEntries(one)).toEqual(Object.fromEntries(two));
  });

  it('ticks months for a short period and years for a long one', () => {
    const short = timeOrderedPositions(
      [event('e:1', '2019-01-01', '2019-01-01'), event('e:2', '2019-04-15', '2019-04-15')],
      [],
    );
    expect(axisTicks(short.axis as NonNullable<typeof short.axis>).map((t) => t.label)).toEqual([
      '2019-01',
      '2019-02',
      '2019-03',
      '2019-04',
    ]);
    const long = timeOrderedPositions(
      [event('e:1', '2011-03-01', '2011-03-01'), event('e:2', '2019-04-15', '2019-04-15')],
      [],
    );
    expect(axisTicks(long.axis as NonNullable<typeof long.axis>).map((t) => t.label)[0]).toBe('2012');
  });
});

describe('an event known only "by" a day', () => {
  it('is a short span ending at that day, marked open, not a bar from the start of the period', () => {
    const nodes = [event('event:2014', '2014-01-01', '2014-12-31'), event('event:by', null, '2019-03-31')];
    const { positions, spans, openStart } = timeOrderedPositions(nodes, [], 'ltr', 2000);
    expect([...openStart]).toEqual(['event:by']);
    const by = positions.get('event:by')?.x ?? 0;
    expect(by + (spans.get('event:by') ?? 0) / 2).toBeCloseTo(2000, 5);
    expect(spans.get('event:by')).toBe(60);
  });
});
