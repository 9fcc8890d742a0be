import { describe, expect, it } from 'vitest';
import { playbackSteps, stepAt, stepInterval } from './playback.ts';

const dated = (id: string, earliest: string | null, latest: string | null) => ({ id, date: { earliest, latest } });

describe('the time bar’s steps', () => {
  const steps = playbackSteps([
    dated('event:capture', '2019-03-23', '2019-03-23'),
    dated('event:caliphate', '2014-01-01', '2014-12-31'),
    dated('agreement:deal', null, '2019-03-31'),
    dated('event:announcement', '2019-03-23', '2019-03-23'),
    { id: 'event:undated', date: { earliest: null, latest: null } },
    { id: 'actor:sdf' },
  ]);

  it('are the entry days in time order, each with what enters then; undated things never enter', () => {
    expect(steps).toEqual([
      { day: '2014-01-01', entering: ['event:caliphate'] },
      { day: '2019-03-23', entering: ['event:announcement', 'event:capture'] },
      { day: '2019-03-31', entering: ['agreement:deal'] },
    ]);
  });

  it('find the step a day falls in, and pace the play by its speed', () => {
    expect(stepAt(steps, '2013-12-31')).toBe(-1);
    expect(stepAt(steps, '2014-06-01')).toBe(0);
    expect(stepAt(steps, '2019-03-23')).toBe(1);
    expect(stepAt(steps, '2030-01-01')).toBe(2);
    expect(stepInterval(2)).toBe(500);
  });
});
