import { describe, expect, it } from 'vitest';
import { earliestDay, firstDayOf, isPartialIsoDate, lastDayOf, latestDay } from './dates.ts';

describe('bounding days of partial dates', () => {
  it('widens a year or a month to its first and last day', () => {
    expect([firstDayOf('2014'), lastDayOf('2014')]).toEqual(['2014-01-01', '2014-12-31']);
    expect([firstDayOf('2019-03'), lastDayOf('2019-03')]).toEqual(['2019-03-01', '2019-03-31']);
    expect(lastDayOf('2019-02')).toBe('2019-02-28');
    expect(lastDayOf('2016-02')).toBe('2016-02-29');
    expect(lastDayOf('2019-03-23')).toBe('2019-03-23');
  });

  it('uses the end of an interval and leaves an open start open', () => {
    expect(latestDay({ start: '2019-01', end: '2019-03' })).toBe('2019-03-31');
    expect(earliestDay({ end: '2014' })).toBeUndefined();
    expect(latestDay({ start: '2019-03-23' })).toBe('2019-03-23');
  });
});

describe('partial ISO dates', () => {
  it('accepts real dates at year, month or day precision', () => {
    for (const value of ['2014', '2019-03', '2019-03-23', '2016-02-29'])
      expect(isPartialIsoDate(value), value).toBe(true);
  });

  it('refuses other shapes and days that do not exist', () => {
    for (const value of [
      '',
      '19',
      '2019-3',
      '2019-13',
      '2019-02-30',
      '2019-02-29',
      '2019-03-23T00:00',
      ' 2019',
      '2019-00',
    ])
      expect(isPartialIsoDate(value), value).toBe(false);
  });
});
