import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, MAX_POSITIONS, stateFromQuery, stateToQuery, type ViewState } from './state.ts';

describe('view state in the URL', () => {
  it('round-trips a full state', () => {
    const state: ViewState = {
      language: 'ar',
      selected: 'actor:sdf>announcer>event:baghouz-capture-announcement',
      window: { from: '2019-01-01', to: '2019-03-31' },
      attributedTo: ['actor:sdf', 'actor:al-khabar-tv'],
      minCertainty: 'CLAIMED',
      path: {
        from: 'actor:mazloum-kobani',
        to: 'actor:william-roebuck',
        asOf: '2019-03',
        without: ['ACCUSED', 'FOUGHT'],
        datedOnly: true,
      },
      pathIndex: 2,
      expanded: ['actor:isis', 'place:baghouz'],
      focus: 'actor:isis',
      hidden: ['event:x', 'actor:sdf>announcer>event:baghouz-capture-announcement'],
      pinned: ['place:baghouz'],
      tab: 'path',
      playAt: '2019-03-10',
      sizeBy: 'citations',
      colourBy: 'voice',
      layout: 'time',
      keep: true,
      positions: { 'actor:sdf': { x: 120, y: -40 }, 'place:baghouz': { x: -3, y: 7 } },
    };
    expect(stateFromQuery(stateToQuery(state))).toEqual(state);
  });

  it('keeps hundreds of hidden ids (hide everything else) and drops malformed or repeated ones', () => {
    const many = Array.from({ length: 400 }, (_, i) => `event:e${i}`);
    expect(stateFromQuery(stateToQuery({ ...INITIAL_STATE, hidden: many })).hidden).toEqual(many);
    expect(stateFromQuery('hide=actor:a,<script>,actor:a&pin=place:p,place:p').hidden).toEqual(['actor:a']);
    expect(stateFromQuery('pin=place:p,place:p').pinned).toEqual(['place:p']);
  });

  it('keeps the `voices` parameter of links shared before the field was called attributedTo', () => {
    expect(stateFromQuery('voices=actor:sdf,actor:isis').attributedTo).toEqual(['actor:sdf', 'actor:isis']);
    expect(stateToQuery({ ...INITIAL_STATE, attributedTo: ['actor:sdf'] })).toBe('voices=actor%3Asdf');
  });

  it('leaves defaults out of the URL', () => {
    expect(stateToQuery(INITIAL_STATE)).toBe('');
    expect(stateFromQuery('')).toEqual(INITIAL_STATE);
  });

  it('ignores malformed or hostile values instead of trusting them', () => {
    expect(stateFromQuery('at=2019-03').playAt).toBeNull();
    const state = stateFromQuery(
      'lang=fr&sel=<img src=x onerror=alert(1)>&from=2019-03-31&to=2019-01-01&min=SURE&pi=99&tab=admin&voices=actor:sdf,"><script>&asof=yesterday&pf=actor:a&pt=actor:b&pw=ACCUSED,PUBLISHED_BY,x]-()&focus=<b>',
    );
    expect(state.language).toBe('en');
    expect(state.selected).toBeNull();
    expect(state.window).toBeNull();
    expect(state.minCertainty).toBeNull();
    expect(state.pathIndex).toBe(0);
    expect(state.tab).toBe('details');
    expect(state.attributedTo).toEqual(['actor:sdf']);
    expect(state.path).toEqual({ from: 'actor:a', to: 'actor:b', asOf: null, without: ['ACCUSED'], datedOnly: false });
    expect(state.focus).toBeNull();
  });

  it('ignores unknown style rules, layouts and malformed kept positions', () => {
    const state = stateFromQuery(
      'size=beauty&colour=red&lay=spiral&keep=1&pos=actor:a*1*2,<b>*1*2,actor:b*x*3,actor:c*4',
    );
    expect([state.sizeBy, state.colourBy, state.layout]).toEqual(['links', 'kind', 'force']);
    expect(state.positions).toEqual({ 'actor:a': { x: 1, y: 2 } });
    // Positions without "keep my arrangement" are not restored.
    expect(stateFromQuery('pos=actor:a*1*2').positions).toEqual({});
  });

  it('keeps at most MAX_POSITIONS dragged positions in a link, the latest', () => {
    const entries = Array.from({ length: MAX_POSITIONS + 5 }, (_, i) => `actor:n${i}*${i}*0`).join(',');
    const positions = stateFromQuery(`keep=1&pos=${entries}`).positions;
    expect(Object.keys(positions)).toHaveLength(MAX_POSITIONS);
    expect(positions[`actor:n${MAX_POSITIONS + 4}`]).toEqual({ x: MAX_POSITIONS + 4, y: 0 });
    expect(positions['actor:n0']).toBeUndefined();
  });
});
