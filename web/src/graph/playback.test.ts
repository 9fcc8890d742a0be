import { describe, expect, it } from 'vitest';
import { enteringQuote, playbackSteps, stepAt, stepInterval } from './playback.ts';

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

describe('the sentence that brought a node in', () => {
  const edge = (id: string, source: string, target: string, earliest: string | null, quotes: string[]) => ({
    id,
    source,
    target,
    earliest,
    latest: earliest,
    citations: quotes.map((quote) => ({ quote })),
  });
  const edges = [
    edge('e:3', 'actor:sdf', 'event:capture', null, ['أعلنت قوات سوريا الديمقراطية']),
    edge('e:2', 'event:capture', 'place:baghouz', '2019-03-23', ['', 'في الباغوز']),
    edge('e:1', 'event:other', 'place:baghouz', '2019-03-23', ['ليس هذا']),
    edge('e:0', 'event:capture', 'actor:isis', null, []),
  ];

  it('is the quote of a relationship of the node, preferring one that enters on the same day', () => {
    expect(enteringQuote('event:capture', '2019-03-23', edges)).toBe('في الباغوز');
  });

  it('falls back to the first relationship with a quote by id, and is null when none has one', () => {
    expect(enteringQuote('event:capture', '2020-01-01', edges)).toBe('في الباغوز');
    expect(enteringQuote('actor:isis', '2019-03-23', edges)).toBeNull();
    expect(enteringQuote('event:nowhere', '2019-03-23', edges)).toBeNull();
  });
});
