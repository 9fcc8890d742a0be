import { describe, expect, it } from 'vitest';
import { timelineLaneKey, timelineStartKey } from './graph.ts';

describe('timeline keys of an event', () => {
  it('puts an event in the first lane its span fits, keyed by its first day', () => {
    expect(timelineLaneKey({ earliest: '2019-03-23', latest: '2019-03-23' })).toBe('1:2019-03-23');
    expect(timelineLaneKey({ earliest: '2019-03-01', latest: '2019-03-31' })).toBe('1:2019-03-01');
    expect(timelineLaneKey({ earliest: '2019-03-01', latest: '2019-04-02' })).toBe('2:2019-03-01');
    expect(timelineLaneKey({ earliest: '2016-01-01', latest: '2016-12-31' })).toBe('2:2016-01-01');
    expect(timelineLaneKey({ earliest: '2014-01-01', latest: '2019-12-31' })).toBe('3:2014-01-01');
    expect(timelineLaneKey({ earliest: '1990-01-01', latest: '2019-12-31' })).toBe('4:1990-01-01');
  });

  it('keeps events with no known end in the last lane and those with no known start in lane 0', () => {
    expect(timelineLaneKey({ earliest: '2019-03-23', latest: null })).toBe('4:2019-03-23');
    expect(timelineLaneKey({ earliest: null, latest: '2014-12-31' })).toBe('0:');
    expect(timelineStartKey({ earliest: null, latest: '2014-12-31' })).toBe('');
  });
});
