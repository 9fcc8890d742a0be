import { describe, expect, it } from 'vitest';
import { MAX_GET_URL, requestFor } from './api.ts';
import { DetailsDocument, SearchDocument, TimelineDocument } from './generated/graphql.ts';
import { PERSISTED_OPERATION_HASHES } from './generated/persisted-operations.ts';

describe('how the explorer sends an operation', () => {
  it('sends a persisted query as GET by its hash, with no query text and the CSRF header', () => {
    const sent = requestFor(DetailsDocument, { id: 'actor:isis' });
    expect(sent.method).toBe('GET');
    const url = new URL(sent.url, 'http://explorer');
    expect(url.pathname).toBe('/graphql');
    expect(url.searchParams.has('query')).toBe(false);
    expect(url.searchParams.get('operationName')).toBe('Details');
    expect(JSON.parse(url.searchParams.get('variables') ?? '')).toEqual({ id: 'actor:isis' });
    expect(JSON.parse(url.searchParams.get('extensions') ?? '')).toEqual({
      persistedQuery: { version: 1, sha256Hash: PERSISTED_OPERATION_HASHES.get(DetailsDocument) },
    });
    expect(sent.headers).toMatchObject({ 'x-graphql-yoga-csrf': '1' });
    expect(sent.body).toBeUndefined();
  });

  it('posts the text when the URL would pass its bound, or when asked not to use the hash', () => {
    const long = requestFor(SearchDocument, { text: 'x'.repeat(MAX_GET_URL) });
    expect(long.method).toBe('POST');
    expect(JSON.parse(String(long.body))).toEqual({
      query: SearchDocument.toString(),
      variables: { text: 'x'.repeat(MAX_GET_URL) },
    });
    const plain = requestFor(TimelineDocument, {}, false);
    expect(plain.method).toBe('POST');
    expect(requestFor({ toString: () => 'query Other { __typename }' }, {}).method).toBe('POST');
  });
});
