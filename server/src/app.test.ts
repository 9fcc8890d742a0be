import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, OPERATION_LIMITS } from './app.ts';
import { configFromEnv, testConfig } from './config.ts';

// A real driver pointed at a port where nothing listens: everything here is decided before the
// database is asked, except the outage case, which shows what a client sees when it is down.
const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'x'), {
  connectionTimeout: 1000,
  connectionAcquisitionTimeout: 2000,
  maxTransactionRetryTime: 0,
});
const app = createApp({ driver, config: testConfig({ development: false }) });
afterAll(() => driver.close());

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await app.fetch('http://app/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: { code?: string; found?: number } }>;
    },
  };
}

const codeOf = (body: { errors?: Array<{ extensions?: { code?: string } }> }) => body.errors?.[0]?.extensions?.code;

describe('argument bounds', () => {
  it.each([
    [
      'neighborhood depth above 3',
      '{ neighborhood(id: "actor:sdf", depth: 4) { nodes { id } } }',
      /depth must be an integer from 1 to 3/,
    ],
    [
      'neighborhood limit above 500',
      '{ neighborhood(id: "actor:sdf", limit: 501) { nodes { id } } }',
      /limit must be an integer from 1 to 500/,
    ],
    ['paths k above 10', '{ paths(from: "a", to: "b", k: 11) { length } }', /k must be an integer from 1 to 10/],
    [
      'maxLength above 8',
      '{ shortestPath(from: "a", to: "b", maxLength: 9) { length } }',
      /maxLength must be an integer from 1 to 8/,
    ],
    ['zero limit', '{ events(limit: 0) { id } }', /limit must be an integer from 1 to 500/],
    ['search limit above 100', '{ search(text: "x", limit: 101) { score } }', /limit must be an integer from 1 to 100/],
    ['a malformed date', '{ events(from: "March 2019") { id } }', /from must be an ISO date/],
    ['an impossible day', '{ events(to: "2019-02-30") { id } }', /to must be an ISO date/],
    ['a reversed window', '{ events(from: "2019", to: "2014") { id } }', /from must not be after to/],
    ['an oversized search text', `{ search(text: "${'x'.repeat(201)}") { score } }`, /at most 200 characters/],
  ])('%s is refused with BAD_USER_INPUT', async (_name, query, message) => {
    const { body } = await post(query);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(body.errors).toHaveLength(1);
  });
});

describe('operation limits', () => {
  const refusal = (limit: string, found?: number) => ({
    code: 'QUERY_TOO_COMPLEX',
    limit,
    max: expect.any(Number),
    ...(found === undefined ? {} : { found }),
  });

  it('refuses an operation deeper than the limit with QUERY_TOO_COMPLEX naming the limit', async () => {
    let selection = 'id';
    for (let i = 0; i <= OPERATION_LIMITS.maxDepth; i++) selection = `parent { ${selection} }`;
    const { body } = await post(`{ node(id: "x") { ... on Place { ${selection} } } }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual(refusal('depth', OPERATION_LIMITS.maxDepth + 4));
    expect(body.errors?.[0]?.message).toMatch(`the depth limit is ${OPERATION_LIMITS.maxDepth}`);
    expect(body.errors?.[0]?.message).not.toMatch(/Syntax Error/);
  });

  it('refuses too many aliases (16 of `stats { actors }`)', async () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: stats { actors }`);
    const { body } = await post(`{ ${aliases.join(' ')} }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual(refusal('aliases', OPERATION_LIMITS.maxAliases + 1));
    expect(body.errors?.[0]?.message).toBe(
      `The operation has ${OPERATION_LIMITS.maxAliases + 1} aliases; the aliases limit is ${OPERATION_LIMITS.maxAliases}. Ask for fewer fields, or split it into several operations.`,
    );
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: OPERATION_LIMITS.maxTokens }, () => '__typename').join(' ');
    const { body } = await post(`{ ${fields} }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual(refusal('tokens'));
    expect(body.errors?.[0]?.message).toMatch(`the tokens limit is ${OPERATION_LIMITS.maxTokens}`);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: OPERATION_LIMITS.maxDirectives + 1 }, () => '@include(if: true)');
    const { body } = await post(
      `{ a: __typename ${directives.slice(0, 3).join(' ')} b: __typename ${directives.slice(3).join(' ')} }`,
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual(refusal('directives', OPERATION_LIMITS.maxDirectives + 1));
  });

  it('refuses an operation that costs too much, though within depth, aliases and tokens', async () => {
    // One fragment, spread twice under every alias: few tokens, but each spread costs its whole selection again.
    const fragment =
      'fragment F on Node { citations { id quote start end translation attributedTo certainty note source { id name nameAr aliases kind citations { id quote start end translation attributedTo certainty note } } } }';
    const aliases = Array.from({ length: OPERATION_LIMITS.maxAliases }, (_, i) => `n${i}: node(id: "x") { ...F ...F }`);
    const { body } = await post(`{ ${aliases.join(' ')} } ${fragment}`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject(refusal('cost'));
    expect(body.errors?.[0]?.extensions?.found).toBeGreaterThan(OPERATION_LIMITS.maxCost);
  });

  it.each([
    [
      'a required variable not sent',
      'query($t: String!) { search(text: $t) { score } }',
      {},
      /Variable "\$t" of required type "String!" was not provided/,
    ],
    [
      'a required variable sent as null',
      'query($t: String!) { search(text: $t) { score } }',
      { t: null },
      /must not be null/,
    ],
    [
      'a variable of the wrong type',
      'query($l: Int) { events(limit: $l) { id } }',
      { l: 'all' },
      /Int cannot represent/,
    ],
  ])('%s is BAD_USER_INPUT', async (_name, query, variables, message) => {
    const { body } = await post(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it.each([
    ['a mutation', 'mutation { x }', /This API has no mutations: it serves queries only\./],
    ['a subscription', 'subscription { x }', /This API has no subscriptions/],
    ['an unknown field', '{ nod(id: "x") { id } }', /Cannot query field "nod" on type "Query"/],
    ['an unknown field of a type', '{ node(id: "x") { idd } }', /Cannot query field "idd" on type "Node"/],
  ])('%s is GRAPHQL_VALIDATION_FAILED', async (_name, query, message) => {
    const { body } = await post(query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('does not suggest field names in production', async () => {
    const { body } = await post('{ nod(id: "x") { id } }');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('public deployments: introspection, GraphiQL and suggestions', () => {
  const introspect = async (config: ReturnType<typeof testConfig>) => {
    const local = createApp({ driver, config });
    const response = await local.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } __typename }' }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
  };

  it('INTROSPECTION defaults to on in development and off in production; the variable overrides both', () => {
    expect(configFromEnv({}, false).introspection).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'production' }, false).introspection).toBe(false);
    expect(configFromEnv({ NODE_ENV: 'production', INTROSPECTION: 'true' }, false).introspection).toBe(true);
    expect(configFromEnv({ INTROSPECTION: 'false' }, false).introspection).toBe(false);
  });

  it('answers introspection when it is on, and refuses it with a code when it is off', async () => {
    expect(await introspect(testConfig({ development: true }))).toEqual({
      data: { __schema: { queryType: { name: 'Query' } }, __typename: 'Query' },
    });
    const off = await introspect(testConfig({ development: false }));
    expect(off.data).toBeUndefined();
    expect(off.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    expect(off.errors?.[0]?.message).toMatch(/Introspection is off on this server/);
    const forced = await introspect(testConfig({ development: false, introspection: true }));
    expect(forced.errors).toBeUndefined();
  });

  it('suggests field names and serves GraphiQL in development only', async () => {
    const dev = createApp({ driver, config: testConfig({ development: true }) });
    const suggested = await dev.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nod(id: "x") { id } }' }),
    });
    expect(((await suggested.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /Did you mean "node"/,
    );
    const page = await dev.fetch('http://app/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/graphiql/i);
  });
});

describe('HTTP behaviour', () => {
  it('refuses a GET without the CSRF header, accepts it with one', async () => {
    const url = `http://app/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const bare = await app.fetch(url, { method: 'GET' });
    expect(bare.status).toBe(403);
    const withHeader = await app.fetch(url, { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(testConfig().maxBodyBytes + 1) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(413);
  });

  it('does not batch operations', async () => {
    const response = await app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('has no GraphiQL in production', async () => {
    const response = await app.fetch('http://app/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('/health answers while the database is down, /ready says not ready', async () => {
    expect((await app.fetch('http://app/health')).status).toBe(200);
    const ready = await app.fetch('http://app/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: false });
  });

  it('a query needing the database fails with a masked DATABASE_UNAVAILABLE', async () => {
    const started = Date.now();
    const { body } = await post('{ stats { actors } }');
    expect(codeOf(body)).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toBe('The database is unavailable. Try again shortly.');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|Neo4jError/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
