import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
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
  errors?: Array<{ message: string; extensions?: { code?: string; argument?: string } }>;
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

  it('answers null for an unknown id, and NOT_FOUND naming the kind where an id must exist', async () => {
    expect((await data('{ node(id: "actor:nobody") { id } }')).node).toBeNull();
    for (const [q, message] of [
      ['{ neighborhood(id: "actor:nobody") { nodes { id } } }', 'No actor with id "actor:nobody".'],
      ['{ neighborhood(id: "nobody") { nodes { id } } }', 'No actor, place, event or agreement with id "nobody".'],
      ['{ shortestPath(from: "actor:nobody", to: "actor:sdf") { length } }', 'No actor with id "actor:nobody".'],
      ['{ paths(from: "actor:sdf", to: "event:nothing") { length } }', 'No event with id "event:nothing".'],
      ['{ events(actorId: "actor:nobody") { id } }', 'No actor with id "actor:nobody".'],
      ['{ events(placeId: "place:nowhere") { id } }', 'No place with id "place:nowhere".'],
      ['{ agreements(actorId: "actor:nobody") { id } }', 'No actor with id "actor:nobody".'],
      ['{ graph(attributedTo: ["actor:nobody"]) { nodes { id } } }', 'No actor with id "actor:nobody".'],
      [
        '{ neighborhood(id: "actor:sdf", attributedTo: ["actor:sdf", "actor:nobody"]) { nodes { id } } }',
        'No actor with id "actor:nobody".',
      ],
    ]) {
      const result = await query(q as string);
      expect(result.errors?.[0]?.extensions?.code, q).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message, q).toBe(message);
    }
  });

  it('refuses the id of a node of another kind with BAD_USER_INPUT saying which kind was expected', async () => {
    for (const [q, argument, message] of [
      [
        '{ agreements(actorId: "place:abu-kamal") { id } }',
        'actorId',
        'actorId must be the id of an actor; "place:abu-kamal" is a place.',
      ],
      [
        '{ events(placeId: "actor:sdf") { id } }',
        'placeId',
        'placeId must be the id of a place; "actor:sdf" is an actor.',
      ],
      [
        '{ events(actorId: "event:baghouz-captured") { id } }',
        'actorId',
        'actorId must be the id of an actor; "event:baghouz-captured" is an event.',
      ],
      [
        '{ graph(attributedTo: ["place:baghouz"]) { nodes { id } } }',
        'attributedTo',
        'attributedTo must be the id of an actor; "place:baghouz" is a place.',
      ],
    ]) {
      const result = await query(q as string);
      expect(result.errors?.[0]?.extensions, q).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(result.errors?.[0]?.message, q).toBe(message);
    }
    const { node } = await data('{ node(id: "actor:sdf") { ... on Actor { citations { source { id } } } } }');
    const sourceId = node.citations[0].source.id;
    const fromSource = await query(`{ neighborhood(id: "${sourceId}") { nodes { id } } }`);
    expect(fromSource.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(fromSource.errors?.[0]?.message).toBe(
      `id must be the id of an actor, place, event or agreement; "${sourceId}" is a source.`,
    );
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

  it("finds events by their Arabic names, the article's own words or the editors'", async () => {
    const SEARCH = `query ($text: String!) { search(text: $text, kinds: [EVENT]) {
      node { id nameAr nameArOrigin { origin quote } } } }`;
    const cases: Array<[string, string]> = [
      ['مؤتمر صحفي', 'event:baghouz-press-conference'],
      ['المعركة النهائية', 'event:final-battle-hajin-baghouz'],
      ['الفوسفور الأبيض', 'event:white-phosphorus-baghouz-hajin'],
      ['السيطرة على الباغوز', 'event:baghouz-captured'],
    ];
    for (const [text, id] of cases) {
      const { search } = await data(SEARCH, { text });
      expect(search[0]?.node.id, text).toBe(id);
    }
    const { search } = await data(SEARCH, { text: 'مؤتمر صحفي' });
    expect(search[0].node.nameArOrigin).toEqual({ origin: 'article', quote: 'مؤتمر صحفي' });
  });
});

describe('what the certainty policy records (issue 13)', () => {
  it('gives every actor, place, event and agreement an Arabic name and says where it comes from', async () => {
    // The overview with a limit above the graph's size holds every node (see "gives an overview" below).
    const { graph } = await data('{ graph(limit: 2000) { nodes { id kind nameAr nameArOrigin { origin } } } }');
    const entities = graph.nodes.filter((n: Json) => n.kind !== 'SOURCE');
    expect(new Set(entities.map((n: Json) => n.kind))).toEqual(new Set(['ACTOR', 'PLACE', 'EVENT', 'AGREEMENT']));
    expect(entities.length).toBeGreaterThan(80);
    for (const e of entities) {
      expect(e.nameAr, e.id).toMatch(/[\u0600-\u06FF]/);
      expect(['article', 'editors'], e.id).toContain(e.nameArOrigin?.origin);
    }
  });

  it("marks the article's span of a quoted name, and an editors' name with its note", async () => {
    const { quoted, written } = await data(`{
      quoted: node(id: "event:final-battle-hajin-baghouz") {
        nameAr nameArOrigin { origin source quote start end } citations { source { text } } }
      written: node(id: "event:white-phosphorus-baghouz-hajin") { nameArOrigin { origin quote note } } }`);
    const origin = quoted.nameArOrigin;
    expect(origin).toMatchObject({ origin: 'article', source: 'source:alkhabar-baghouz-2019', start: 2538, end: 2589 });
    expect(quoted.citations[0].source.text.slice(origin.start, origin.end)).toBe(origin.quote);
    expect(written.nameArOrigin).toMatchObject({ origin: 'editors', quote: null, note: expect.any(String) });
  });

  it('lists outside aliases apart and names the gazetteer entry behind a coordinate', async () => {
    const { baghouz, abuKamal } = await data(`{
      baghouz: node(id: "place:baghouz") { aliases aliasesOutside ... on Place { coordinates { lat } } }
      abuKamal: node(id: "place:abu-kamal") { aliasesOutside ... on Place { coordinates { origin entry { id name } } } } }`);
    expect(baghouz.aliasesOutside).toEqual(['Baghouz Fawqani', 'الباغوز فوقاني']);
    expect(baghouz.aliases).toEqual(expect.arrayContaining(baghouz.aliasesOutside));
    expect(baghouz.coordinates).toBeNull();
    expect(abuKamal.coordinates).toEqual({ origin: 'gazetteer', entry: { id: '174448', name: 'Ālbū Kamāl' } });
  });

  it('says how the editors identified the unnamed sides of a deal, at most alleged', async () => {
    const { node } = await data(`{ node(id: "agreement:pocket-exit-agreement") { ... on Agreement {
      parties { actor { id } inferred citations { certainty } } } } }`);
    expect(node.parties.length).toBeGreaterThan(0);
    for (const party of node.parties) {
      expect(party.inferred, party.actor.id).toEqual(expect.any(String));
      for (const c of party.citations) expect(['ALLEGED', 'DISPUTED']).toContain(c.certainty);
    }
  });

  it('links the disputed capture to the citations that contradict it, both ways', async () => {
    const { node } = await data(`{ node(id: "event:baghouz-captured") {
      citations { id start end certainty contradictedBy { id quote start end certainty contradictedBy { id } } } } }`);
    const contradicted = node.citations.filter((c: Json) => c.contradictedBy.length > 0);
    expect(contradicted.length).toBeGreaterThan(0);
    const sdf = contradicted.find((c: Json) => c.start === 133 && c.end === 272);
    expect(sdf.certainty).toBe('DISPUTED');
    const heard = sdf.contradictedBy.find((o: Json) => o.start === 1324 && o.end === 1408);
    expect(heard.quote).toContain('لا تزال مسموعة');
    expect(heard.certainty).toBe('DISPUTED');
    expect(heard.contradictedBy.map((o: Json) => o.id)).toContain(sdf.id);
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
    expect(small.headers.get('vary')).toContain('accept-encoding');
    const uncompressed = await post(large, 'identity');
    expect(uncompressed.headers.get('content-encoding')).toBeNull();
    expect(uncompressed.headers.get('vary')).toContain('accept-encoding');
    expect(await uncompressed.text()).toBe(plain);
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

  it("the overview's filters: a time window, a minimum certainty and voices narrow what graph() returns", async () => {
    const fields = `nodes { id kind ... on Event { date { earliest latest } } ... on Agreement { date { earliest latest } } }
      edges { source target certainty attributedTo earliest latest }`;
    const all = (await data(`{ graph(limit: 2000) { ${fields} } }`)).graph;
    const window = (await data(`{ graph(limit: 2000, from: "2014", to: "2014") { ${fields} } }`)).graph;
    const dated = (n: { kind: string }) => n.kind === 'EVENT' || n.kind === 'AGREEMENT';
    // Only events and agreements that may overlap 2014 stay, and edges dated outside it go.
    expect(window.nodes.filter(dated).length).toBeGreaterThan(0);
    expect(window.nodes.filter(dated).length).toBeLessThan(all.nodes.filter(dated).length);
    for (const n of window.nodes.filter(dated)) {
      expect(n.date === null || n.date.earliest === null || n.date.earliest <= '2014-12-31').toBe(true);
      expect(n.date === null || n.date.latest === null || n.date.latest >= '2014-01-01').toBe(true);
    }
    for (const e of window.edges) expect(e.earliest === null || e.earliest <= '2014-12-31').toBe(true);
    expect(window.nodes.map((n: { id: string }) => n.id)).not.toContain('event:baghouz-capture-announcement');

    const reported = (await data(`{ graph(limit: 2000, minCertainty: REPORTED) { ${fields} } }`)).graph;
    expect(reported.edges.length).toBeGreaterThan(0);
    expect(reported.edges.length).toBeLessThan(all.edges.length);
    for (const e of reported.edges) expect(['CONFIRMED', 'REPORTED']).toContain(e.certainty);
    expect((await data(`{ graph(limit: 2000, minCertainty: CONFIRMED) { ${fields} } }`)).graph.edges).toEqual([]);

    const voice = (await data(`{ graph(limit: 2000, attributedTo: ["actor:sdf"]) { ${fields} } }`)).graph;
    expect(voice.edges.length).toBeGreaterThan(0);
    expect(voice.edges.length).toBeLessThan(all.edges.length);
    for (const e of voice.edges) expect(e.attributedTo).toContain('actor:sdf');
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

  // Deterministic on a loaded machine: k = 10 of the 11 equal-length SDF–ISIS paths leaves Neo4j to choose which one
  // is left out, so "a path through the final agreement exists now" is asked of the agreement itself; and the server
  // here gives queries 60 s (testConfig), so a slow first plan is not a timeout.
  it('asOf a date before an agreement excludes paths through it', async () => {
    const through = (paths: Array<{ nodes: Array<{ id: string }> }>, id: string) =>
      paths.some((p) => p.nodes.some((n) => n.id === id));
    const toAgreement = (asOf: string) =>
      `{ paths(from: "actor:sdf", to: "agreement:baghouz-final-agreement", k: 1, maxLength: 1${asOf}) { ...P } } ${PATH}`;
    expect((await data(toAgreement(''))).paths.map((p: { length: number }) => p.length)).toEqual([1]);
    expect((await data(toAgreement(', asOf: "2018"'))).paths).toEqual([]);
    const before = await data(
      `{ paths(from: "actor:sdf", to: "actor:isis", k: 10, maxLength: 2, asOf: "2018") { ...P } } ${PATH}`,
    );
    expect(before.paths.length).toBeGreaterThan(0);
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

describe('paths a user restricts by relationship type and date', () => {
  it('relationshipTypes leaves out the types not named: no accusation, no fighting', async () => {
    const all = await data(`{ paths(from: "actor:al-khabar-tv", to: "actor:sdf", k: 3) { ...P } } ${PATH}`);
    expect(all.paths[0].edges.map((e: { type: string }) => e.type)).toEqual(['ACCUSED']);
    const typed = (from: string, to: string, types: string[]) =>
      data(
        `query($types: [String!]) { paths(from: "${from}", to: "${to}", k: 5, relationshipTypes: $types) { ...P } } ${PATH}`,
        { types },
      );
    // The outlet is linked to the SDF only by its accusations.
    const withoutAccusations = GRAPH_REL_TYPES.filter((t) => t !== 'ACCUSED');
    expect((await typed('actor:al-khabar-tv', 'actor:sdf', withoutAccusations)).paths).toEqual([]);
    const withoutFighting = GRAPH_REL_TYPES.filter((t) => t !== 'FOUGHT');
    const around = await typed('actor:international-coalition', 'actor:syrian-arab-army', withoutFighting);
    expect(around.paths.length).toBeGreaterThan(0);
    for (const p of around.paths) for (const e of p.edges) expect(e.type).not.toBe('FOUGHT');
  });

  it('excludeUndated keeps the undated "coalition fought ISIS" out of a path as of 2013', async () => {
    const q = (extra: string) =>
      data(
        `{ paths(from: "actor:international-coalition", to: "actor:syrian-arab-army", k: 5, asOf: "2013"${extra}) { length edges { type source target earliest latest } } }`,
      );
    const undatedPass = await q('');
    const hops = undatedPass.paths.flatMap((p: { edges: Json[] }) => p.edges);
    expect(hops.some((e: Json) => e.type === 'FOUGHT' && e.source === 'actor:international-coalition')).toBe(true);
    const dated = await q(', excludeUndated: true');
    for (const p of dated.paths)
      for (const e of p.edges) expect(e.earliest ?? e.latest, JSON.stringify(e)).not.toBeNull();
  });

  it('a relationship type outside the vocabulary, or none at all, is BAD_USER_INPUT naming the argument', async () => {
    for (const types of [['FOUGHT', 'FOUGHT]-(x) DETACH DELETE x //'], ['PUBLISHED_BY'], []]) {
      const result = await query(
        'query($types: [String!]) { paths(from: "actor:sdf", to: "actor:isis", relationshipTypes: $types) { length } }',
        { types },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('relationshipTypes');
    }
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

  it('a timeline reading only the properties it shows answers every other field of the request in full', async () => {
    const lean = await data(`{
      events(from: "2019-03-23", to: "2019-03-23") { id name participants { role actor { id name } } }
      node(id: "actor:mazloum-kobani") { id name nameAr aliases ... on Actor { actorKind } }
    }`);
    const full = await data(`{
      events(from: "2019-03-23", to: "2019-03-23") {
        id name nameAr eventType date { precision earliest } certainty attributedTo
        participants { role certainty citations { quote } actor { id name nameAr actorKind aliases } }
      }
    }`);
    const pick = (events: Json[]) =>
      events.map((e) => ({
        id: e.id,
        name: e.name,
        participants: e.participants.map((p: Json) => ({
          role: p.role,
          actor: { id: p.actor.id, name: p.actor.name },
        })),
      }));
    expect(lean.events.length).toBeGreaterThan(0);
    expect(pick(lean.events)).toEqual(pick(full.events));
    const mazloum = full.events.flatMap((e: Json) => e.participants).find((p: Json) => p.actor.id === lean.node.id);
    expect(mazloum?.actor).toMatchObject({ nameAr: lean.node.nameAr, actorKind: lean.node.actorKind });
    expect(lean.node).toMatchObject({ nameAr: 'مظلوم كوباني', actorKind: 'person' });
    expect(full.events.some((e: Json) => e.eventType && e.date?.earliest && e.participants[0]?.certainty)).toBe(true);
    expect(full.events.flatMap((e: Json) => e.participants).some((p: Json) => p.citations.length > 0)).toBe(true);
  });
});
