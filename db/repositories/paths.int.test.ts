import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { seededDriver } from '../../test/seeded-database.ts';
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { findPaths, type PathQuery, type PathRecord } from './paths.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await seededDriver();
});
afterAll(async () => {
  await driver.close();
});

/** Every path any test got back, for the checks that hold for all of them. */
const returned: PathRecord[] = [];

async function paths(query: Partial<PathQuery> & Pick<PathQuery, 'from' | 'to'>): Promise<PathRecord[]> {
  const result = await findPaths(driver, { k: 3, maxLength: 6, ...query });
  returned.push(...result);
  return result;
}

const nodeIds = (p: PathRecord): string[] => p.nodes.map((n) => n.id);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** The day used for asOf: the first day the date can mean, or its last day when it has no known start. */
const asOfDayOf = (props: Record<string, unknown>): string | null => str(props.earliest) ?? str(props.latest);
const agreementsOn = (ps: PathRecord[]): string[] =>
  [...new Set(ps.flatMap((p) => p.nodes.filter((n) => n.kind === 'AGREEMENT').map((n) => n.id)))].sort();

describe('findPaths on the seeded Baghouz graph', () => {
  it('finds the SDF commander and the US envoy linked through the 23 March press conference', async () => {
    const [path, ...rest] = await paths({ from: 'actor:mazloum-kobani', to: 'actor:william-roebuck', k: 1 });
    expect(rest).toEqual([]);
    expect(path?.length).toBe(2);
    expect(path && nodeIds(path)).toEqual([
      'actor:mazloum-kobani',
      'event:baghouz-press-conference',
      'actor:william-roebuck',
    ]);
    expect(path?.nodes.map((n) => n.kind)).toEqual(['ACTOR', 'EVENT', 'ACTOR']);
    expect(path?.nodes[1]?.props.dateStart).toBe('2019-03-23');
    // Edges keep their stored direction: both actors point at the event they took part in.
    expect(path?.edges.map((e) => [e.type, e.source, e.target, e.props.role])).toEqual([
      ['PARTICIPATED_IN', 'actor:mazloum-kobani', 'event:baghouz-press-conference', 'speaker'],
      ['PARTICIPATED_IN', 'actor:william-roebuck', 'event:baghouz-press-conference', 'attendee'],
    ]);
  });

  it('connects the SDF to ISIS through agreements they were both party to', async () => {
    // At least as certain as "reported", the deals (known from unnamed sources and the outlet's accusations) and the
    // disputed capture are routed around: the certainty policy at work.
    const reported = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2, minCertaintyRank: 1 });
    expect(reported.map(nodeIds)).toEqual([
      ['actor:sdf', 'actor:isis'],
      ['actor:sdf', 'actor:international-coalition', 'actor:isis'],
      ['actor:sdf', 'event:isis-besieged-in-camp', 'actor:isis'],
    ]);
    expect(agreementsOn(reported)).toEqual([]);

    // At least as certain as "alleged", the three deals qualify; fewer than k paths of length ≤ 2, so the answer is
    // complete.
    const alleged = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2, minCertaintyRank: 3 });
    expect(agreementsOn(alleged)).toEqual([
      'agreement:baghouz-final-agreement',
      'agreement:pocket-exit-agreement',
      'agreement:raqqa-relocation-deal',
    ]);
    const viaDeal = alleged.find((p) => nodeIds(p).includes('agreement:raqqa-relocation-deal'));
    expect(viaDeal?.edges.map((e) => [e.type, e.source, e.target])).toEqual([
      ['PARTY_TO', 'actor:sdf', 'agreement:raqqa-relocation-deal'],
      ['PARTY_TO', 'actor:isis', 'agreement:raqqa-relocation-deal'],
    ]);

    // Unfiltered, 11 paths of length ≤ 2 exist (3 through agreements): any 10 of them include agreements.
    const all = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2 });
    expect(all).toHaveLength(10);
    expect(all[0]?.edges.map((e) => e.type)).toEqual(['FOUGHT']);
    expect(agreementsOn(all).length).toBeGreaterThanOrEqual(2);
  });

  describe('asOf', () => {
    it('drops agreements dated after it and keeps those that had begun', async () => {
      const query = { from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2, minCertaintyRank: 3 } as const;
      expect(agreementsOn(await paths(query))).toEqual([
        'agreement:baghouz-final-agreement', // revealed by March 2019, no known start
        'agreement:pocket-exit-agreement', // 2019-01 … 2019-03
        'agreement:raqqa-relocation-deal', // 2014 … 2019
      ]);
      const in2018 = await paths({ ...query, asOf: '2018' });
      expect(agreementsOn(in2018)).toEqual(['agreement:raqqa-relocation-deal']);
      expect(in2018.map(nodeIds)).toEqual([
        ['actor:sdf', 'actor:isis'],
        ['actor:sdf', 'actor:international-coalition', 'actor:isis'],
        ['actor:sdf', 'agreement:raqqa-relocation-deal', 'actor:isis'],
        ['actor:sdf', 'event:sdf-campaign-against-isis', 'actor:isis'],
        ['actor:sdf', 'event:war-on-isis', 'actor:isis'],
      ]);
      for (const p of in2018)
        for (const item of [...p.nodes, ...p.edges]) {
          const day = asOfDayOf(item.props);
          if (day !== null) expect(day <= '2018-12-31').toBe(true);
        }
    });

    it('before anything happened, leaves only undated relationships between actors', async () => {
      const in2013 = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2, asOf: '2013' });
      expect(in2013.map(nodeIds)).toEqual([
        ['actor:sdf', 'actor:isis'],
        ['actor:sdf', 'actor:international-coalition', 'actor:isis'],
      ]);
      expect(in2013.flatMap((p) => p.edges.map((e) => asOfDayOf(e.props)))).toEqual([null, null, null]);
    });

    it('finds a longer valid path when the shortest one is too late (filter applied before choosing)', async () => {
      const pair = { from: 'actor:international-coalition', to: 'actor:mazloum-kobani', k: 1 } as const;
      const [now] = await paths(pair);
      // Today: the coalition is allied with the SDF, which Mazloum Kobani leads (reported 2019-03-23).
      expect(now && nodeIds(now)).toEqual(['actor:international-coalition', 'actor:sdf', 'actor:mazloum-kobani']);
      const [then, ...more] = await paths({ ...pair, asOf: '2018' });
      expect(more).toEqual([]);
      expect(then?.length).toBe(3);
      expect(then?.nodes.some((n) => n.id === 'event:sdf-campaign-against-isis')).toBe(true);
      for (const item of [...(then?.nodes ?? []), ...(then?.edges ?? [])]) {
        const day = asOfDayOf(item.props);
        if (day !== null) expect(day <= '2018-12-31').toBe(true);
      }
    });

    it('reads a partial date as its last day: 2019-03 includes the 23 March press conference', async () => {
      const pair = { from: 'actor:mazloum-kobani', to: 'actor:william-roebuck', k: 1 } as const;
      const via = async (asOf: string) => (await paths({ ...pair, asOf })).map(nodeIds);
      const throughConference = [['actor:mazloum-kobani', 'event:baghouz-press-conference', 'actor:william-roebuck']];
      expect(await via('2019-03')).toEqual(throughConference);
      expect(await via('2019-03-23')).toEqual(throughConference);
      // The day before, the conference had not happened and every other link is dated 23 March.
      expect(await via('2019-03-22')).toEqual([]);
      expect(await via('2019-02')).toEqual([]);
    });

    it('applies to the ends too and rejects malformed dates', async () => {
      expect(await paths({ from: 'event:baghouz-captured', to: 'actor:isis', asOf: '2018' })).toEqual([]);
      for (const asOf of ['2019-3', '2019-02-30', '2019-13', 'yesterday', '2019-03-23T00:00', ''])
        await expect(
          findPaths(driver, { from: 'actor:sdf', to: 'actor:isis', k: 1, maxLength: 2, asOf }),
        ).rejects.toThrow(BadUserInputError);
    });
  });

  describe('perspective', () => {
    it('minCertainty CONFIRMED: nothing in the dataset is confirmed, so no path at all', async () => {
      expect(await paths({ from: 'actor:mazloum-kobani', to: 'actor:william-roebuck', minCertaintyRank: 0 })).toEqual(
        [],
      );
      expect(await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, minCertaintyRank: 0 })).toEqual([]);
    });

    it('minCertainty ALLEGED lets an allegation carry a path; REPORTED routes around it', async () => {
      const pair = { from: 'actor:baghouz-pocket-civilians', to: 'actor:us', k: 1 } as const;
      const [alleged] = await paths({ ...pair, minCertaintyRank: 3 });
      expect(alleged && nodeIds(alleged)).toEqual([
        'actor:baghouz-pocket-civilians',
        'event:us-banned-weapons-allegation',
        'actor:us',
      ]);
      expect(alleged?.edges.some((e) => e.props.certaintyRank === 3)).toBe(true);
      expect(alleged?.edges.every((e) => (e.props.certaintyRank as number) <= 3)).toBe(true);

      const [reported] = await paths({ ...pair, minCertaintyRank: 1 });
      expect(reported?.length).toBe(4);
      expect(reported?.edges.every((e) => (e.props.certaintyRank as number) <= 1)).toBe(true);
    });

    it('attributedTo keeps only relationships asserted by one of the voices', async () => {
      const told = await paths({
        from: 'actor:sdf',
        to: 'actor:isis',
        k: 10,
        maxLength: 4,
        attributedTo: ['actor:sdf'],
      });
      expect(told).toHaveLength(10);
      for (const p of told) for (const e of p.edges) expect(e.props.attributedTo).toContain('actor:sdf');
      // Without the filter, the shortest paths use relationships the SDF does not assert.
      const untold = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 2 });
      expect(untold.some((p) => p.edges.some((e) => !(e.props.attributedTo as string[]).includes('actor:sdf')))).toBe(
        true,
      );
      // No voices: no relationship is told, so no path.
      expect(await paths({ from: 'actor:sdf', to: 'actor:isis', attributedTo: [] })).toEqual([]);
    });
  });

  describe('k, bounds and ends', () => {
    it('returns up to k distinct simple paths, shortest first, equal lengths ordered by node ids', async () => {
      const ps = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 10, maxLength: 4, attributedTo: ['actor:sdf'] });
      expect(ps).toHaveLength(10);
      const lengths = ps.map((p) => p.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      expect(lengths[0]).toBe(1);
      const keys = ps.map((p) => p.edges.map((e) => e.id).join(' '));
      expect(new Set(keys).size).toBe(ps.length);
      for (let i = 1; i < ps.length; i++) {
        const [prev, cur] = [ps[i - 1], ps[i]];
        if (prev && cur && prev.length === cur.length)
          expect(nodeIds(prev).join('\u0000') <= nodeIds(cur).join('\u0000')).toBe(true);
      }
      const fewer = await paths({
        from: 'actor:sdf',
        to: 'actor:isis',
        k: 3,
        maxLength: 4,
        attributedTo: ['actor:sdf'],
      });
      expect(fewer).toHaveLength(3);
      expect(fewer.map((p) => p.length)).toEqual(lengths.slice(0, 3));
    });

    it('agrees with every simple path enumerated one by one: the k shortest, no path missed', async () => {
      // The oracle: all simple paths up to maxLength, by plain variable-length enumeration (fine on the seed graph).
      const everyPath = async (from: string, to: string, maxLength: number, voice?: string) => {
        const { records } = await driver.executeQuery(
          `MATCH p = (a:KG {id: $from})-[:${GRAPH_REL_TYPES.join('|')}*1..${maxLength}]-(b:KG {id: $to})
           WHERE all(n IN nodes(p) WHERE n:Entity)
             AND all(i IN range(0, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
             AND ($voice IS NULL OR all(r IN relationships(p) WHERE $voice IN r.attributedTo))
           RETURN length(p) AS length, [r IN relationships(p) | r.id] AS edgeIds`,
          { from, to, voice: voice ?? null },
        );
        return records.map((r) => ({ length: r.get('length').toNumber() as number, key: r.get('edgeIds').join(' ') }));
      };
      const cases: Array<[string, string, number, string?]> = [
        ['actor:mazloum-kobani', 'actor:william-roebuck', 4],
        ['actor:baghouz-pocket-civilians', 'actor:us', 4],
        ['actor:international-coalition', 'actor:mazloum-kobani', 3],
        ['actor:sdf', 'actor:isis', 3, 'actor:sdf'],
        ['actor:sdf', 'place:baghouz', 3],
      ];
      let longerThanShortest = 0;
      for (const [from, to, maxLength, voice] of cases) {
        const oracle = await everyPath(from, to, maxLength, voice);
        const lengths = oracle.map((p) => p.length).sort((a, b) => a - b);
        const ps = await paths({ from, to, k: 10, maxLength, ...(voice ? { attributedTo: [voice] } : {}) });
        expect(
          ps.map((p) => p.length),
          `${from} → ${to}`,
        ).toEqual(lengths.slice(0, 10));
        const known = new Set(oracle.map((p) => p.key));
        for (const p of ps) expect(known.has(p.edges.map((e) => e.id).join(' '))).toBe(true);
        if (ps.some((p) => p.length > (ps[0]?.length ?? 0))) longerThanShortest++;
      }
      // The cases reach past the shortest paths, where the search goes on from them (Yen's spurs).
      expect(longerThanShortest).toBeGreaterThanOrEqual(3);
    });

    it('returns [] when no path fits within maxLength', async () => {
      expect(await paths({ from: 'actor:mazloum-kobani', to: 'actor:william-roebuck', maxLength: 1 })).toEqual([]);
    });

    it('gives the zero-length path when from = to', async () => {
      expect(await paths({ from: 'actor:isis', to: 'actor:isis', k: 5 })).toEqual([
        { length: 0, nodes: [expect.objectContaining({ id: 'actor:isis', kind: 'ACTOR' })], edges: [] },
      ]);
    });

    it('throws NotFoundError naming the id that does not exist (only actors, places, events, agreements)', async () => {
      await expect(paths({ from: 'actor:nobody', to: 'actor:isis' })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND', id: 'actor:nobody' },
      });
      await expect(paths({ from: 'actor:isis', to: 'place:nowhere' })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND', id: 'place:nowhere' },
      });
      await expect(paths({ from: 'actor:isis', to: 'source:alkhabar-baghouz-2019' })).rejects.toThrow(NotFoundError);
      await expect(paths({ from: 'actor:nobody', to: 'actor:nobody' })).rejects.toThrow(NotFoundError);
    });

    it('throws BadUserInputError for k, maxLength or minCertaintyRank out of range', async () => {
      const base = { from: 'actor:sdf', to: 'actor:isis', k: 3, maxLength: 4 };
      for (const bad of [
        { k: 0 },
        { k: 11 },
        { k: 2.5 },
        { k: Number.NaN },
        { k: '3' as unknown as number },
        { maxLength: 0 },
        { maxLength: 9 },
        { maxLength: 1.5 },
        { maxLength: '4}(b) RETURN 1 //' as unknown as number },
        { minCertaintyRank: -1 },
        { minCertaintyRank: 5 },
      ])
        await expect(findPaths(driver, { ...base, ...bad })).rejects.toThrow(BadUserInputError);
      // The bounds themselves are accepted.
      expect(await findPaths(driver, { ...base, k: 10, maxLength: 8 })).toHaveLength(10);
    });
  });

  describe('relationship types and undated hops', () => {
    it('paths use only the relationship types asked for', async () => {
      const types = GRAPH_REL_TYPES.filter((t) => t !== 'ACCUSED' && t !== 'FOUGHT');
      const found = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 5, relationshipTypes: types });
      expect(found.length).toBeGreaterThan(0);
      for (const p of found) for (const e of p.edges) expect(types).toContain(e.type);
      // Without FOUGHT the one-hop path is gone.
      expect(found[0]?.length).toBeGreaterThan(1);
      const onlyFought = await paths({ from: 'actor:sdf', to: 'actor:isis', k: 3, relationshipTypes: ['FOUGHT'] });
      expect(onlyFought.map(nodeIds)).toEqual([['actor:sdf', 'actor:isis']]);
    });

    it('excludeUndated leaves out every relationship with no date', async () => {
      const query = { from: 'actor:international-coalition', to: 'actor:syrian-arab-army', k: 5, asOf: '2013' };
      const loose = await paths(query);
      const undated = (p: PathRecord) => p.edges.filter((e) => asOfDayOf(e.props) === null);
      expect(loose.some((p) => undated(p).length > 0)).toBe(true);
      const strict = await paths({ ...query, excludeUndated: true });
      for (const p of strict) expect(undated(p)).toEqual([]);
    });

    it('a type outside GRAPH_REL_TYPES or an empty list is refused before any query', async () => {
      for (const relationshipTypes of [['FOUGHT]-() MATCH (x) DETACH DELETE x //'], ['PUBLISHED_BY'], []])
        await expect(paths({ from: 'actor:sdf', to: 'actor:isis', relationshipTypes })).rejects.toThrow(
          BadUserInputError,
        );
    });
  });

  it('every returned path is well formed and every edge carries citations that exist', async () => {
    expect(returned.length).toBeGreaterThan(40);
    const cited = new Set<string>();
    for (const p of returned) {
      expect(p.edges).toHaveLength(p.length);
      expect(p.nodes).toHaveLength(p.length + 1);
      expect(new Set(nodeIds(p)).size).toBe(p.nodes.length);
      for (const n of p.nodes) expect(['ACTOR', 'PLACE', 'EVENT', 'AGREEMENT']).toContain(n.kind);
      p.edges.forEach((e, i) => {
        // Edge i joins node i and node i + 1, in whichever direction it is stored.
        expect([e.source, e.target].sort()).toEqual([p.nodes[i]?.id, p.nodes[i + 1]?.id].sort());
        expect(e.props.id).toBe(e.id);
        const ids = e.props.citationIds as string[];
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) cited.add(id);
      });
    }
    const { records } = await driver.executeQuery('MATCH (c:Citation) WHERE c.id IN $ids RETURN count(c) AS n', {
      ids: [...cited],
    });
    expect(records[0]?.get('n').toNumber()).toBe(cited.size);
  });
});
