import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { seededDriver } from '../../test/seeded-database.ts';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';

let driver: Driver;
let app: ReturnType<typeof createApp>;
let sessionsOpened = 0;

beforeAll(async () => {
  driver = await seededDriver();
  // Count sessions to see how many round trips an operation costs.
  const openSession = driver.session.bind(driver);
  driver.session = ((...args: Parameters<Driver['session']>) => {
    sessionsOpened += 1;
    return openSession(...args);
  }) as Driver['session'];
  app = createApp({ driver, config: testConfig({ logLevel: 'error' }) });
});
afterAll(() => driver.close());

interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

// biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by the assertions
type Json = Record<string, any>;

async function query<T = Json>(source: string, variables: Record<string, unknown> = {}) {
  const response = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function data<T = Json>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await query<T>(source, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const PATH = /* GraphQL */ `
  fragment P on Path { length nodes { id kind } edges { id type source target citations { quote certainty attributedTo } } }`;

describe('nodes and citations', () => {
  it('returns an actor with its verbatim citations, source and who asserts them', async () => {
    const { node } = await data(`{ node(id: "actor:mazloum-kobani") {
      id kind name nameAr ... on Actor { actorKind affiliations { type direction actor { id } } }
      citations { quote start end translation attributedTo certainty source { id outlet text } } } }`);
    expect(node).toMatchObject({
      id: 'actor:mazloum-kobani',
      kind: 'ACTOR',
      actorKind: 'person',
      nameAr: 'مظلوم كوباني',
    });
    expect(node.affiliations).toContainEqual({ type: 'LEADS', direction: 'OUTGOING', actor: { id: 'actor:sdf' } });
    for (const c of node.citations)
      expect(c.source.text.slice(c.start, c.end).replace(/\s+/g, ' ')).toBe(c.quote.replace(/\s+/g, ' '));
    expect(node.citations.map((c: { certainty: string }) => c.certainty)).toContain('CLAIMED');
  });

  it('answers null for an unknown id, and NOT_FOUND where an id must exist', async () => {
    expect((await data('{ node(id: "actor:nobody") { id } }')).node).toBeNull();
    for (const q of [
      '{ neighborhood(id: "actor:nobody") { nodes { id } } }',
      '{ shortestPath(from: "actor:nobody", to: "actor:sdf") { length } }',
      '{ events(actorId: "actor:nobody") { id } }',
    ]) {
      const result = await query(q);
      expect(result.errors?.[0]?.extensions?.code, q).toBe('NOT_FOUND');
    }
  });

  it('describes an agreement with its parties, terms, figures and who rejected it', async () => {
    const { node } = await data(`{ node(id: "agreement:baghouz-final-agreement") { ... on Agreement {
      status certainty parties { actor { id } side } rejectedBy { actor { id } citations { attributedTo } }
      terms { type description places { role place { id } } figures { label min value } } } } }`);
    expect(node.parties.map((p: { actor: { id: string } }) => p.actor.id)).toEqual(
      expect.arrayContaining(['actor:sdf', 'actor:isis']),
    );
    expect(node.rejectedBy[0].actor.id).toBe('actor:isis-baghouz-holdouts');
    expect(node.certainty).toBe('ALLEGED');
    const relocation = node.terms.find((t: { type: string }) => t.type === 'relocation');
    expect(relocation.places.map((p: { place: { id: string } }) => p.place.id)).toEqual(
      expect.arrayContaining(['place:anbar-desert', 'place:tanf-desert']),
    );
  });

  it('gives a place its parent chain and children', async () => {
    const { node, abuKamal } = await data(
      `{ node(id: "place:baghouz") { ... on Place { parent { id parent { id } } children { id } coordinates { origin } } }
         abuKamal: node(id: "place:abu-kamal") { ... on Place { coordinates { origin } } } }`,
    );
    expect(node.parent.id).toBe('place:abu-kamal');
    // Baghouz is not in the gazetteer, so it has no coordinates rather than a guessed point; Abu Kamal is.
    expect(node.coordinates).toBeNull();
    expect(abuKamal.coordinates?.origin).toBe('gazetteer');
  });
});

describe('search', () => {
  it('an Arabic and an English query for the same actor find the same node first', async () => {
    const ar = await data('{ search(text: "قسد") { node { id } exact } }');
    const en = await data('{ search(text: "SDF") { node { id } exact } }');
    expect(ar.search[0].node.id).toBe('actor:sdf');
    expect(en.search[0].node.id).toBe('actor:sdf');
  });

  it('filters by kind', async () => {
    const { search } = await data('{ search(text: "Baghouz", kinds: [EVENT]) { node { id kind } } }');
    expect(search.length).toBeGreaterThan(0);
    for (const hit of search) expect(hit.node.kind).toBe('EVENT');
  });
});

describe('timeline', () => {
  it('lists events chronologically: 2014 before 2019', async () => {
    const { events } = await data('{ events(limit: 500) { id start end date { earliest latest } } }');
    const firstOf = (year: string) => events.findIndex((e: { start: string | null }) => e.start?.startsWith(year));
    expect(firstOf('2014')).toBeGreaterThanOrEqual(0);
    expect(firstOf('2014')).toBeLessThan(firstOf('2019'));
    const keys = events.map((e: { date: { earliest: string | null } }) => e.date.earliest ?? '');
    expect(keys).toEqual([...keys].sort());
  });

  it('a year-only event overlaps any window that touches its year', async () => {
    const { events } = await data('{ events(from: "2014-12-31", to: "2015-01-01") { id precision } }');
    expect(events.map((e: { id: string }) => e.id)).toContain('event:caliphate-declared');
    const { events: later } = await data('{ events(from: "2019-03-23", to: "2019-03-23") { id } }');
    expect(later.map((e: { id: string }) => e.id)).not.toContain('event:caliphate-declared');
    expect(later.map((e: { id: string }) => e.id)).toContain('event:baghouz-press-conference');
    // No known start, ended by 2014: it may have begun before any window that ends before 2015, not after.
    const ids = async (window: string) =>
      (await data(`{ events(${window}, limit: 500) { id } }`)).events.map((e: { id: string }) => e.id);
    expect(await ids('to: "2010-01-01"')).toContain('event:isis-splits-from-aqi');
    expect(await ids('from: "2014-06-01", to: "2014-06-30"')).toContain('event:isis-splits-from-aqi');
    expect(await ids('from: "2015-01-01"')).not.toContain('event:isis-splits-from-aqi');
  });

  it("filters by actor and by place, including the place's sub-places", async () => {
    const { events } = await data('{ events(actorId: "actor:william-roebuck") { id } }');
    expect(events.map((e: { id: string }) => e.id)).toEqual(['event:baghouz-press-conference']);
    const { events: inDeirEzZor } = await data('{ events(placeId: "place:deir-ez-zor-governorate") { id } }');
    expect(inDeirEzZor.map((e: { id: string }) => e.id)).toContain('event:baghouz-capture-announcement');
  });

  it('lists the agreements an actor is party to', async () => {
    const { agreements } = await data('{ agreements(actorId: "actor:international-coalition") { id } }');
    expect(agreements.map((a: { id: string }) => a.id).sort()).toEqual([
      'agreement:baghouz-final-agreement',
      'agreement:raqqa-relocation-deal',
    ]);
  });
});

describe('neighbourhoods', () => {
  it('opens on the whole graph when it fits in the limit, with its totals', async () => {
    const planned = await seedFiles(undefined, await datasetFilesIn(), { dryRun: true });
    const entities = planned.counts.Actor + planned.counts.Place + planned.counts.Event + planned.counts.Agreement;
    const { graph } = await data(
      '{ graph(limit: 2000) { nodes { id } edges { source target } totalNodes totalEdges truncated scope events } }',
    );
    expect(graph).toMatchObject({ totalNodes: entities, truncated: false, scope: 'WHOLE_GRAPH', events: null });
    expect(graph.nodes).toHaveLength(entities);
    expect(graph.edges).toHaveLength(graph.totalEdges);

    const { graph: capped } = await data('{ graph(limit: 2000, edgeLimit: 5) { edges { id } totalEdges truncated } }');
    expect(capped.edges).toHaveLength(5);
    expect(capped).toMatchObject({ totalEdges: graph.totalEdges, truncated: true });
  });

  it('lays the opening view out on the server, the same way every time and for every app', async () => {
    const source = '{ graph(limit: 300) { nodes { id } positions { id x y } } }';
    const { graph } = await data(source);
    expect(graph.positions.map((p: { id: string }) => p.id).sort()).toEqual(
      graph.nodes.map((n: { id: string }) => n.id).sort(),
    );
    for (const p of graph.positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const xs = graph.positions.map((p: { x: number }) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(100);
    // Another app (its own layout thread and cache) computes the same positions.
    const other = createApp({ driver, config: testConfig({ logLevel: 'error' }) });
    const response = await other.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source }),
    });
    const again = (await response.json()) as { data: { graph: { positions: unknown[] } } };
    expect(again.data.graph.positions).toEqual(graph.positions);
  });

  it('compresses answers above a kilobyte as the client accepts, and leaves small ones as they are', async () => {
    const post = (query: string, acceptEncoding: string) =>
      app.fetch('http://app/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
        body: JSON.stringify({ query }),
      });
    const large = '{ graph(limit: 2000) { nodes { id name } edges { id type source target } } }';
    const plain = await (await post(large, 'identity')).text();
    expect(plain.length).toBeGreaterThan(1024);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await post(large, accept);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toContain('accept-encoding');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.byteLength).toBeLessThan(plain.length / 3);
      expect(decode(body).toString()).toBe(plain);
    }
    const small = await post('{ __typename }', 'br');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('opens a graph larger than the limit on its latest dated events and their neighbours', async () => {
    const { events } = await data('{ events(limit: 500) { id date { earliest latest } } }');
    type Dated = { id: string; date: { earliest: string | null; latest: string | null } | null };
    const latest = [...(events as Dated[])]
      .filter((e) => e.date?.earliest)
      .sort((a, b) => (b.date?.earliest ?? '').localeCompare(a.date?.earliest ?? '') || a.id.localeCompare(b.id))[0];
    const { graph } = await data(
      '{ graph(limit: 10) { nodes { id kind } edges { source target } totalNodes totalEdges truncated scope events from to } }',
    );
    expect(graph).toMatchObject({ scope: 'LATEST_EVENTS', truncated: true });
    expect(graph.nodes).toHaveLength(10);
    expect(graph.totalNodes).toBeGreaterThan(10);
    expect(graph.nodes[0].id).toBe(latest?.id);
    expect(graph.events).toBeGreaterThanOrEqual(1);
    expect(graph.from <= (latest?.date?.earliest ?? '') && graph.to >= (latest?.date?.latest ?? '')).toBe(true);
    const ids = new Set(graph.nodes.map((n: { id: string }) => n.id));
    for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(graph.edges.length).toBe(graph.totalEdges);

    // A window: only events overlapping it start the view.
    const { graph: in2014 } = await data(
      '{ graph(limit: 10, from: "2014", to: "2014") { nodes { id kind } scope from to } }',
    );
    expect(in2014.scope).toBe('LATEST_EVENTS');
    expect(in2014.from <= '2014-12-31' && in2014.to >= '2014-01-01').toBe(true);
    const windowEvents = (events as Dated[]).filter(
      (e) => e.date?.earliest && e.date.earliest <= '2014-12-31' && (e.date.latest ?? '') >= '2014-01-01',
    );
    expect(windowEvents.map((e) => e.id)).toContain(in2014.nodes[0].id);
  });

  it('expands a node with edges that carry citations, within the limit', async () => {
    const { neighborhood } = await data(`{ neighborhood(id: "actor:sdf", depth: 2, limit: 40) {
      nodes { id kind } edges { id type source target label citations { quote } } } }`);
    expect(neighborhood.nodes).toHaveLength(40);
    const ids = new Set(neighborhood.nodes.map((n: { id: string }) => n.id));
    expect(ids.has('actor:sdf')).toBe(true);
    for (const e of neighborhood.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.citations.length).toBeGreaterThan(0);
    }
  });

  it('bounds the edges with edgeLimit, keeps those touching the start node first, and says when it cut', async () => {
    const fields = 'edges { id source target } totalEdges truncated';
    const whole = (await data(`{ neighborhood(id: "actor:sdf", depth: 2, limit: 40) { ${fields} } }`)).neighborhood;
    expect(whole.truncated).toBe(false);
    expect(whole.totalEdges).toBe(whole.edges.length);
    const touching = whole.edges.filter(
      (e: { source: string; target: string }) => e.source === 'actor:sdf' || e.target === 'actor:sdf',
    );
    expect(touching.length).toBeGreaterThan(1);
    expect(whole.edges.length).toBeGreaterThan(touching.length);

    const cut = (
      await data(`{ neighborhood(id: "actor:sdf", depth: 2, limit: 40, edgeLimit: ${touching.length}) { ${fields} } }`)
    ).neighborhood;
    expect(cut).toEqual({ edges: touching, totalEdges: whole.edges.length, truncated: true });

    for (const edgeLimit of [0, 5001]) {
      const result = await query(`{ neighborhood(id: "actor:sdf", edgeLimit: ${edgeLimit}) { totalEdges } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('edgeLimit');
    }
  });
  it('minCertainty CONFIRMED drops allegations and claims; attributedTo keeps one voice', async () => {
    const all = await data('{ neighborhood(id: "actor:sdf") { edges { certainty attributedTo } } }');
    expect(all.neighborhood.edges.some((e: { certainty: string }) => e.certainty === 'ALLEGED')).toBe(true);
    const reported = await data('{ neighborhood(id: "actor:sdf", minCertainty: REPORTED) { edges { certainty } } }');
    for (const e of reported.neighborhood.edges) expect(['CONFIRMED', 'REPORTED']).toContain(e.certainty);
    const confirmed = await data(
      '{ neighborhood(id: "actor:sdf", minCertainty: CONFIRMED) { nodes { id } edges { id } } }',
    );
    expect(confirmed.neighborhood.edges).toEqual([]);
    const sdfVoice = await data(
      '{ neighborhood(id: "actor:sdf", attributedTo: ["actor:sdf"]) { edges { attributedTo } } }',
    );
    expect(sdfVoice.neighborhood.edges.length).toBeGreaterThan(0);
    for (const e of sdfVoice.neighborhood.edges) expect(e.attributedTo).toContain('actor:sdf');
  });

  it('a time window keeps only what overlaps it', async () => {
    const { neighborhood } = await data(
      '{ neighborhood(id: "actor:isis", from: "2014", to: "2014") { nodes { id kind ... on Event { date { earliest latest } } } } }',
    );
    for (const n of neighborhood.nodes.filter((x: { kind: string }) => x.kind === 'EVENT'))
      expect(n.date.earliest === null || n.date.earliest <= '2014-12-31').toBe(true);
    expect(neighborhood.nodes.map((n: { id: string }) => n.id)).not.toContain('event:baghouz-capture-announcement');
  });
});

describe('paths between actors', () => {
  it("the shortest path from the SDF's commander to the US envoy goes through the 23 March press conference", async () => {
    const { shortestPath } = await data(
      `{ shortestPath(from: "actor:mazloum-kobani", to: "actor:william-roebuck") { ...P } } ${PATH}`,
    );
    expect(shortestPath.length).toBe(2);
    expect(shortestPath.nodes.map((n: { id: string }) => n.id)).toEqual([
      'actor:mazloum-kobani',
      'event:baghouz-press-conference',
      'actor:william-roebuck',
    ]);
    for (const e of shortestPath.edges) expect(e.citations.length).toBeGreaterThan(0);
  });

  // 11 paths of length ≤ 2 join them, 3 through agreements; any 10 Neo4j returns include an agreement.
  it('a path from the SDF to ISIS passes through an agreement', async () => {
    const { paths } = await data(
      `{ paths(from: "actor:sdf", to: "actor:isis", k: 10, maxLength: 2) { ...P } } ${PATH}`,
    );
    expect(paths.length).toBeGreaterThan(1);
    expect(paths.some((p: { nodes: Array<{ kind: string }> }) => p.nodes.some((n) => n.kind === 'AGREEMENT'))).toBe(
      true,
    );
    const lengths = paths.map((p: { length: number }) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('asOf a date before an agreement excludes paths through it', async () => {
    const through = (paths: Array<{ nodes: Array<{ id: string }> }>, id: string) =>
      paths.some((p) => p.nodes.some((n) => n.id === id));
    const now = await data(`{ paths(from: "actor:sdf", to: "actor:isis", k: 10, maxLength: 2) { ...P } } ${PATH}`);
    expect(through(now.paths, 'agreement:baghouz-final-agreement')).toBe(true);
    const before = await data(
      `{ paths(from: "actor:sdf", to: "actor:isis", k: 10, maxLength: 2, asOf: "2018") { ...P } } ${PATH}`,
    );
    expect(through(before.paths, 'agreement:baghouz-final-agreement')).toBe(false);
    expect(through(before.paths, 'agreement:pocket-exit-agreement')).toBe(false);
  });

  it('minCertainty CONFIRMED finds no path here: nothing in this article is better than reported', async () => {
    const { shortestPath } = await data(
      `{ shortestPath(from: "actor:sdf", to: "actor:isis", minCertainty: CONFIRMED) { ...P } } ${PATH}`,
    );
    expect(shortestPath).toBeNull();
    const { shortestPath: reported } = await data(
      `{ shortestPath(from: "actor:sdf", to: "actor:isis", minCertainty: REPORTED) { ...P } } ${PATH}`,
    );
    for (const e of reported.edges)
      expect(e.citations.some((c: { certainty: string }) => ['CONFIRMED', 'REPORTED'].includes(c.certainty))).toBe(
        true,
      );
  });
});

describe('stats and batching', () => {
  it('counts what the seed wrote', async () => {
    const { stats } = await data('{ stats { actors places events agreements sources citations relationships } }');
    const planned = await seedFiles(undefined, await datasetFilesIn(), { dryRun: true });
    expect(stats).toMatchObject({
      actors: planned.counts.Actor,
      places: planned.counts.Place,
      events: planned.counts.Event,
      agreements: planned.counts.Agreement,
      sources: planned.counts.Source,
      citations: planned.counts.Citation,
    });
    expect(stats.relationships).toBeGreaterThan(100);
  });

  it('fetches nested fields of a list in one round trip per level, not one per item', async () => {
    sessionsOpened = 0;
    const { events } = await data(
      '{ events(limit: 500) { id participants { role actor { name affiliations { type } } citations { quote } } places { place { name } } } }',
    );
    expect(events.length).toBeGreaterThan(20);
    // events, participants, actors, affiliations, citations, places, place nodes: about seven levels.
    expect(sessionsOpened).toBeLessThanOrEqual(10);
  });
});
