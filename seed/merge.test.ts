import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset, type DatasetInput } from '../schema/dataset.ts';
import { applyMerges, computeMerges, describeDecision, distanceKm } from './merge.ts';
import { planDatasets } from './plan.ts';
import { validateDatasetFiles } from './validate.ts';

const MERGE_FIXTURES = path.join(import.meta.dirname, 'fixtures', 'merge');
const REUTERS = path.join(MERGE_FIXTURES, 'reuters.json');
const SANA = path.join(MERGE_FIXTURES, 'sana.json');

const citation = {
  source: 'source:s',
  quote: 'q',
  start: 0,
  end: 1,
  translation: 'q',
  attributedTo: 'actor:outlet',
  certainty: 'reported',
} as const;

/** A parsed dataset with only the entities a case needs. */
function dataset(
  id: string,
  parts: Partial<Pick<DatasetInput, 'actors' | 'places' | 'events' | 'mergeOnOutsideAliases'>>,
): Dataset {
  return Dataset.parse({
    formatVersion: 1,
    id,
    title: id,
    sources: [
      {
        id: 'source:s',
        title: 't',
        outlet: 'o',
        language: 'en',
        published: { start: '2019', precision: 'year' },
        text: 'q',
      },
    ],
    ...parts,
  });
}
const actor = (id: string, name: string, extra: object = {}) => ({
  id,
  kind: 'armed_group' as const,
  name,
  citations: [citation],
  ...extra,
});
const place = (id: string, name: string, lat: number, lon: number, extra: object = {}) => ({
  id,
  kind: 'town' as const,
  name,
  coordinates: { lat, lon, origin: 'gazetteer' as const },
  citations: [citation],
  ...extra,
});

describe('deciding which entities of several datasets are one', () => {
  it('merges on a shared alias after normalisation, in either script, and reports the key', () => {
    const a = dataset('a', { actors: [actor('actor:isis', 'Islamic State', { nameAr: 'تنظيم الدولة' })] });
    const b = dataset('b', { actors: [actor('actor:is', 'IS', { aliases: ['تنظيم الدولة'] })] });
    const c = dataset('c', { actors: [actor('actor:islamic-state', 'ISLAMIC STATE')] });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }, { dataset: c }]);
    expect(canonicalOf).toEqual(
      new Map([
        ['actor:is', 'actor:isis'],
        ['actor:islamic-state', 'actor:isis'],
      ]),
    );
    expect(decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          decision: 'merged',
          into: 'actor:isis',
          id: 'actor:is',
          key: 'alias',
          alias: 'تنظيم الدوله',
        }),
        expect.objectContaining({
          decision: 'merged',
          id: 'actor:islamic-state',
          key: 'alias',
          alias: 'islamic state',
        }),
      ]),
    );
  });

  it('keeps entities apart when a dataset lists them in distinctFrom, and says why', () => {
    const a = dataset('a', { actors: [actor('actor:army-a', 'The Army')] });
    const b = dataset('b', { actors: [actor('actor:army-b', 'the army', { distinctFrom: ['actor:army-a'] })] });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }]);
    expect(canonicalOf.size).toBe(0);
    expect(decisions).toEqual([
      expect.objectContaining({
        decision: 'kept-apart',
        into: 'actor:army-a',
        id: 'actor:army-b',
        reason: 'listed in distinctFrom',
      }),
    ]);
    expect(describeDecision(decisions[0] as never)).toMatch(/kept actor:army-b \(b\) apart from actor:army-a \(a\)/);
  });

  it('merges on sameAs without any shared name', () => {
    const a = dataset('a', { actors: [actor('actor:isis', 'Islamic State')] });
    const b = dataset('b', { actors: [actor('actor:daesh', 'Daesh', { sameAs: ['actor:isis'] })] });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }]);
    expect(canonicalOf.get('actor:daesh')).toBe('actor:isis');
    expect(decisions[0]).toMatchObject({ key: 'sameAs', into: 'actor:isis', id: 'actor:daesh' });
  });

  it('does not merge places of one name that lie far apart', () => {
    const a = dataset('a', { places: [place('place:tripoli-libya', 'Tripoli', 32.89, 13.19)] });
    const b = dataset('b', { places: [place('place:tripoli-lebanon', 'Tripoli', 34.44, 35.83)] });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }]);
    expect(canonicalOf.size).toBe(0);
    expect(decisions[0]?.reason).toMatch(/^same name but \d+ km apart$/);
    expect(distanceKm({ lat: 32.89, lon: 13.19 }, { lat: 34.44, lon: 35.83 })).toBeGreaterThan(2000);
  });

  it('does not merge events of one name on days that do not overlap', () => {
    const event = (id: string, start: string) => ({
      id,
      type: 'battle' as const,
      name: 'Armed clash in Baghouz',
      date: { start, precision: 'day' as const },
      citations: [citation],
    });
    const a = dataset('a', { events: [event('event:clash-a', '2019-03-01')] });
    const b = dataset('b', { events: [event('event:clash-b', '2019-03-02')] });
    const c = dataset('c', {
      events: [{ ...event('event:clash-c', '2019-03'), date: { start: '2019-03', precision: 'month' as const } }],
    });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }, { dataset: c }]);
    expect(canonicalOf).toEqual(new Map([['event:clash-c', 'event:clash-a']]));
    expect(decisions[0]).toMatchObject({
      decision: 'kept-apart',
      id: 'event:clash-b',
      reason: 'dates do not overlap (2019-03-01 and 2019-03-02)',
    });
  });

  it('never merges two entities of one dataset, even through a third', () => {
    const a = dataset('a', { actors: [actor('actor:x', 'Alpha', { aliases: ['Shared'] }), actor('actor:y', 'Beta')] });
    const b = dataset('b', { actors: [actor('actor:z', 'Shared', { aliases: ['Beta'] })] });
    const { canonicalOf, decisions } = computeMerges([{ dataset: a }, { dataset: b }]);
    expect([...canonicalOf.values()].filter((v) => v === 'actor:x' || v === 'actor:y')).toHaveLength(1);
    expect(decisions.some((d) => d.decision === 'kept-apart' && /of dataset a/.test(d.reason ?? ''))).toBe(true);
  });

  it('reports a sameAs that would join two entities of one dataset as a problem', () => {
    const a = dataset('a', { actors: [actor('actor:x', 'Alpha'), actor('actor:y', 'Beta')] });
    const b = dataset('b', { actors: [actor('actor:z', 'Gamma', { sameAs: ['actor:x', 'actor:y'] })] });
    const { problems } = computeMerges([{ dataset: a }, { dataset: b, file: 'b.json' }]);
    expect(problems).toEqual([
      { file: 'b.json', path: '$.actors[0].sameAs[1]', message: expect.stringMatching(/both from dataset a/) },
    ]);
  });

  it('rewrites every reference to a merged id', () => {
    const b = dataset('b', { actors: [actor('actor:daesh', 'Daesh')] });
    const rewritten = applyMerges(b, new Map([['actor:daesh', 'actor:isis']]));
    expect(rewritten.actors[0]?.id).toBe('actor:isis');
    expect(b.actors[0]?.id).toBe('actor:daesh');
  });
});

describe('outside aliases (aliasOrigins "outside") join entities only when their dataset opts in', () => {
  const kobani = actor('actor:mazloum-kobani', 'Mazloum Kobani', {
    aliases: ['Mazloum Abdi', 'Kobani'],
    aliasOrigins: { 'Mazloum Abdi': 'outside', Kobani: 'article' },
  });
  const abdi = actor('actor:mazloum-abdi', 'Mazloum Abdi');

  it('keeps two entities apart that share only an outside alias, and the log says why', () => {
    const { canonicalOf, decisions } = computeMerges([
      { dataset: dataset('a', { actors: [abdi] }) },
      { dataset: dataset('b', { actors: [kobani] }) },
    ]);
    expect(canonicalOf.size).toBe(0);
    expect(decisions).toEqual([
      expect.objectContaining({
        decision: 'kept-apart',
        into: 'actor:mazloum-abdi',
        id: 'actor:mazloum-kobani',
        alias: 'mazloum abdi',
        aliasOrigin: 'outside',
      }),
    ]);
    expect(describeDecision(decisions[0] as never)).toBe(
      'kept actor:mazloum-kobani (b) apart from actor:mazloum-abdi (a) despite shared outside alias "mazloum abdi": "mazloum abdi" is an outside alias of b, which does not opt in (mergeOnOutsideAliases)',
    );
  });

  it('merges on an outside alias when the dataset opts in, and the log names it an outside alias', () => {
    const { canonicalOf, decisions } = computeMerges([
      { dataset: dataset('a', { actors: [abdi] }) },
      { dataset: dataset('b', { actors: [kobani], mergeOnOutsideAliases: true }) },
    ]);
    expect(canonicalOf).toEqual(new Map([['actor:mazloum-kobani', 'actor:mazloum-abdi']]));
    expect(decisions).toEqual([expect.objectContaining({ decision: 'merged', key: 'alias', aliasOrigin: 'outside' })]);
    expect(describeDecision(decisions[0] as never)).toBe(
      'merged actor:mazloum-kobani (b) into actor:mazloum-abdi (a) on shared outside alias "mazloum abdi"',
    );
  });

  it('still merges on an alias the article writes, as before', () => {
    const kobaniA = actor('actor:kobani', 'Kobani');
    const { canonicalOf, decisions } = computeMerges([
      { dataset: dataset('a', { actors: [kobaniA] }) },
      { dataset: dataset('b', { actors: [kobani] }) },
    ]);
    expect(canonicalOf.get('actor:mazloum-kobani')).toBe('actor:kobani');
    expect(decisions).toEqual([
      expect.objectContaining({ decision: 'merged', alias: 'kobani', aliasOrigin: 'article' }),
    ]);
    expect(describeDecision(decisions[0] as never)).toBe(
      'merged actor:mazloum-kobani (b) into actor:kobani (a) on shared alias "kobani"',
    );
  });

  it("another dataset's opt-in does not use this dataset's outside aliases", () => {
    const { canonicalOf, decisions } = computeMerges([
      { dataset: dataset('a', { actors: [abdi], mergeOnOutsideAliases: true }) },
      { dataset: dataset('b', { actors: [kobani] }) },
    ]);
    expect(canonicalOf.size).toBe(0);
    expect(decisions[0]).toMatchObject({ decision: 'kept-apart', reason: expect.stringMatching(/outside alias of b/) });
  });
});

describe('planning two datasets that share entities', async () => {
  const valid = await validateDatasetFiles([REUTERS, SANA]);
  const plan = planDatasets(valid);
  const node = (label: keyof typeof plan.nodes, id: string) => plan.nodes[label].find((n) => n.id === id);

  it('makes one node per merged entity, with every name and both datasets', () => {
    expect(plan.nodes.Actor.map((n) => n.id).sort()).toEqual([
      'actor:isis',
      'actor:local-sources',
      'actor:reuters',
      'actor:sana',
      'actor:sdf',
    ]);
    const sdf = node('Actor', 'actor:sdf');
    expect(sdf?.props.aliases).toEqual(['SDF', 'SDF militia']);
    expect(sdf?.props.datasets).toEqual(['merge-reuters', 'merge-sana']);
    expect(node('Actor', 'actor:isis')?.props.aliases).toEqual(['Daesh']);
    expect(plan.merges?.map(describeDecision)).toEqual([
      'merged actor:daesh (merge-sana) into actor:isis (merge-reuters) on sameAs',
      'merged event:sdf-enters-baghouz (merge-sana) into event:baghouz-captured (merge-reuters) on sameAs',
      'merged actor:qsd (merge-sana) into actor:sdf (merge-reuters) on shared alias "sdf"',
      'merged place:al-baghouz (merge-sana) into place:baghouz (merge-reuters) on shared alias "baghouz"',
    ]);
  });

  it("keeps each source's citations on the merged entity and on its relationships", () => {
    const event = node('Event', 'event:baghouz-captured');
    const sources = (ids: unknown) => (ids as string[]).map((id) => node('Citation', id)?.props.sourceId).sort();
    expect(sources(event?.props.citationIds)).toEqual(['source:reuters-baghouz', 'source:sana-baghouz']);
    const captor = plan.rels.PARTICIPATED_IN.find((r) => r.id === 'actor:sdf>captor>event:baghouz-captured');
    expect(sources(captor?.props.citationIds)).toEqual(['source:reuters-baghouz', 'source:sana-baghouz']);
    expect(captor?.props.datasets).toEqual(['merge-reuters', 'merge-sana']);
  });

  it('keeps conflicting dates and figures side by side as claims, never overwritten', () => {
    const event = node('Event', 'event:baghouz-captured');
    expect(event?.props.contested).toEqual(['date']);
    expect(event?.props.dateStart).toBe('2019-03-23');
    expect([event?.props.earliest, event?.props.latest]).toEqual(['2019-03-22', '2019-03-23']);
    const claims = plan.nodes.Claim.filter((c) => c.id.startsWith('event:baghouz-captured/claim/date/'));
    expect(claims.map((c) => [c.props.dateStart, c.props.datasets, c.props.certainty])).toEqual([
      ['2019-03-23', ['merge-reuters'], 'claimed'],
      ['2019-03-22', ['merge-sana'], 'reported'],
    ]);
    expect(plan.rels.HAS_CLAIM.filter((r) => r.from === 'event:baghouz-captured')).toHaveLength(2);
    const figures = plan.nodes.Figure.map((f) => [f.id, f.props.min ?? f.props.value]);
    expect(figures).toEqual([
      ['event:baghouz-captured/figure/fighters_killed', 40],
      ['event:baghouz-captured/figure/fighters_killed/merge-sana', 60],
    ]);
    expect(plan.rels.HAS_FIGURE.map((r) => r.to)).toEqual(figures.map(([id]) => id));
    const place = node('Place', 'place:baghouz');
    expect(place?.props.contested).toEqual(['kind']);
    // Neither fixture has a gazetteer entry for Baghouz, so neither gives it a point (no guessed coordinates).
    expect(place?.props.lat).toBeNull();
  });
});
