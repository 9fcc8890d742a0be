/**
 * HTTP caching against a real Neo4j: a persisted query on GET carries an ETag from the graph stamp, a matching
 * If-None-Match is answered 304 without running the query, a completed load (the real loader) changes the ETag and
 * the answer, and nothing else on /graphql may be stored by a cache.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuery } from '../../db/access.ts';
import { readGraphStamp } from '../../db/graph-stamp.ts';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { seededDriver } from '../../test/seeded-database.ts';
import { DetailsDocument, NeighborhoodDocument } from '../../web/src/generated/graphql.ts';
import { PERSISTED_OPERATION_HASHES } from '../../web/src/generated/persisted-operations.ts';
import { type App, createApp } from './app.ts';
import { testConfig } from './config.ts';
import { LOAD_CHECK_TTL_MS } from './load-guard.ts';

let driver: Driver;
let app: App;
let actor: { id: string; name: string };

beforeAll(async () => {
  driver = await seededDriver();
  const { records } = await driver.executeQuery(
    'MATCH (a:KG:Actor) RETURN a.id AS id, a.name AS name ORDER BY id LIMIT 1',
  );
  actor = { id: String(records[0]?.get('id')), name: String(records[0]?.get('name')) };
  // The response cache is off: a 304 can only come from the ETag check, a 200 only from the database.
  app = createApp({ driver, config: testConfig({ responseCacheBytes: 0 }) });
});
afterAll(async () => {
  await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
  await driver.close();
});

const CSRF = { 'x-graphql-yoga-csrf': '1' };
const afterLoadCheck = () => new Promise((resolve) => setTimeout(resolve, LOAD_CHECK_TTL_MS + 100));
const renameActor = (name: string) =>
  writeQuery(driver, 'MATCH (a:KG {id: $id}) SET a.name = $name', { id: actor.id, name });

function persistedUrl(document: object, operationName: string, variables: unknown, hash?: string): string {
  const sha256Hash = hash ?? PERSISTED_OPERATION_HASHES.get(document);
  expect(sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  const params = new URLSearchParams({
    operationName,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
  });
  return `http://app/graphql?${params}`;
}

async function getDetails(headers: Record<string, string> = {}) {
  const response = await app.fetch(persistedUrl(DetailsDocument, 'Details', { id: actor.id }), {
    headers: { accept: 'application/json', ...CSRF, ...headers },
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { data?: { node: { name: string } | null }; errors?: unknown[] }) : null;
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    vary: response.headers.get('vary'),
    name: body?.data?.node?.name,
    errors: body?.errors,
    text,
  };
}

describe('HTTP caching of persisted queries on GET', () => {
  it('answers with a stable ETag, revalidation headers and 304 on If-None-Match while the stamp stands', async () => {
    const first = await getDetails();
    expect(first).toMatchObject({ status: 200, name: actor.name, cacheControl: 'private, no-cache' });
    expect(first.errors).toBeUndefined();
    expect(first.etag).toMatch(/^W\/".+"$/);
    expect(first.vary?.toLowerCase()).toContain('accept');
    const second = await getDetails();
    expect(second.etag).toBe(first.etag);

    // A change no load made keeps the stamp: the 304 comes without the query being run (it would read the new name).
    await renameActor('Changed outside a load');
    await afterLoadCheck();
    const revalidated = await getDetails({ 'if-none-match': first.etag as string });
    expect(revalidated).toMatchObject({ status: 304, etag: first.etag, cacheControl: 'private, no-cache', text: '' });
    // Without If-None-Match the same request reaches the database (the response cache is off).
    expect(await getDetails()).toMatchObject({ status: 200, name: 'Changed outside a load', etag: first.etag });

    // Another operation or other variables never share the tag.
    const neighborhood = await app.fetch(
      persistedUrl(NeighborhoodDocument, 'Neighborhood', { id: actor.id, limit: 20 }),
      { headers: { accept: 'application/json', ...CSRF, 'if-none-match': first.etag as string } },
    );
    expect(neighborhood.status).toBe(200);
    expect(neighborhood.headers.get('etag')).not.toBe(first.etag);
  });

  it('gives a new ETag and the new graph after a load completes', async () => {
    const before = await getDetails();
    expect(before.status).toBe(200);
    const stampBefore = (await readGraphStamp(driver))?.stamp;
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    expect((await readGraphStamp(driver))?.stamp).not.toBe(stampBefore);
    await renameActor('After the load');
    await afterLoadCheck();
    const after = await getDetails({ 'if-none-match': before.etag as string });
    expect(after).toMatchObject({ status: 200, name: 'After the load', cacheControl: 'private, no-cache' });
    expect(after.etag).toMatch(/^W\/".+"$/);
    expect(after.etag).not.toBe(before.etag);
    expect((await getDetails({ 'if-none-match': after.etag as string })).status).toBe(304);
  });

  it('lets no cache store a POST, a GET with the query text, an unknown persisted id or an answer with errors', async () => {
    const query = 'query Name($id: ID!) { node(id: $id) { id name } }';
    const post = await app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables: { id: actor.id } }),
    });
    const getWithText = await app.fetch(
      `http://app/graphql?${new URLSearchParams({ query, variables: JSON.stringify({ id: actor.id }) })}`,
      { headers: { accept: 'application/json', ...CSRF } },
    );
    const unknown = await app.fetch(persistedUrl(DetailsDocument, 'Details', { id: actor.id }, 'f'.repeat(64)), {
      headers: { accept: 'application/json', ...CSRF },
    });
    // A variable of the wrong type: the persisted query is refused before it runs.
    const withErrors = await app.fetch(
      persistedUrl(NeighborhoodDocument, 'Neighborhood', { id: actor.id, limit: 'many' }),
      { headers: { accept: 'application/json', ...CSRF } },
    );
    const answers = [
      { name: 'POST', response: post, ok: true },
      { name: 'GET with text', response: getWithText, ok: true },
      { name: 'unknown id', response: unknown, ok: false, code: 'PERSISTED_QUERY_NOT_IN_LIST' },
      { name: 'errors', response: withErrors, ok: false, code: 'BAD_USER_INPUT' },
    ];
    for (const { name, response, ok, code } of answers) {
      const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect({ name, errors: body.errors === undefined }).toEqual({ name, errors: ok });
      if (code) expect({ name, code: body.errors?.[0]?.extensions?.code }).toEqual({ name, code });
      expect({
        name,
        etag: response.headers.get('etag'),
        cacheControl: response.headers.get('cache-control'),
      }).toEqual({ name, etag: null, cacheControl: 'no-store' });
    }
  });
});
