import { Writable } from 'node:stream';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { configFromEnv, testConfig } from './config.ts';
import { createLogger, operationNameOf, prettyLine } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('log format', () => {
  it('is readable lines when stdout is a terminal, JSON otherwise, unless LOG_FORMAT says', () => {
    expect(configFromEnv({}, true).logFormat).toBe('pretty');
    expect(configFromEnv({}, false).logFormat).toBe('json');
    expect(configFromEnv({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(configFromEnv({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => configFromEnv({ LOG_FORMAT: 'xml' }, false)).toThrow(/LOG_FORMAT/);
  });

  it('a pretty line has the time, the level, the message and the fields, and an error its stack', () => {
    const time = Date.UTC(2026, 11, 5, 12, 4, 5);
    const line = JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', service: 's', msg: 'refused', code: 'X' });
    expect(prettyLine(line)).toBe('12:04:05 WARN  refused code=X\n');
    const withError = JSON.stringify({
      level: 50,
      time,
      msg: 'boom',
      err: { message: 'bad', stack: 'Error: bad\n  at f' },
    });
    expect(prettyLine(withError)).toBe('12:04:05 ERROR boom\n    Error: bad\n      at f\n');
    expect(prettyLine('not json')).toBe('not json\n');
  });

  it('createLogger writes JSON lines to a given destination', () => {
    const { lines, stream } = capture();
    createLogger({ logLevel: 'info', logFormat: 'json' }, stream).info({ n: 1 }, 'hello');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 30, msg: 'hello', n: 1 });
  });
});

describe('operation names in logs', () => {
  it('takes the operationName sent, or the name of the operation, and nothing that is not a GraphQL name', () => {
    expect(operationNameOf({ operationName: 'Overview', query: '{ x }' })).toBe('Overview');
    expect(operationNameOf({ query: '  query Paths($a: ID!) { paths }' })).toBe('Paths');
    expect(operationNameOf({ query: '{ stats { actors } }' })).toBeNull();
    expect(operationNameOf({ operationName: 'a b"c', query: 'query X { y }' })).toBeNull();
    expect(operationNameOf({})).toBeNull();
  });
});

describe('every refused request is logged with its code, operation name and duration, without user data', () => {
  const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'x'), {
    connectionTimeout: 1000,
    connectionAcquisitionTimeout: 1000,
    maxTransactionRetryTime: 0,
  });
  afterAll(() => driver.close());
  const { lines, stream } = capture();
  const app = createApp({
    driver,
    config: testConfig({ development: false }),
    logger: pino({ level: 'info' }, stream),
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const entries = () => lines.map((l) => JSON.parse(l)).filter((e) => e.request !== undefined);

  it.each([
    [
      'an operation over a limit',
      { query: `query TooMany { ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
      { codes: ['QUERY_TOO_COMPLEX'], operation: 'TooMany', limit: 'aliases' },
    ],
    [
      'a refused argument',
      { query: 'query Search($t: String!) { search(text: $t) { score } }', variables: { t: 'secret'.repeat(50) } },
      { codes: ['BAD_USER_INPUT'], operation: 'Search', argument: 'text' },
    ],
    [
      'a missing variable',
      { query: 'query Search($t: String!) { search(text: $t) { score } }', operationName: 'Search' },
      { codes: ['BAD_USER_INPUT'], operation: 'Search' },
    ],
    ['a syntax error', { query: '{ secret-word' }, { codes: ['GRAPHQL_PARSE_FAILED'], operation: null }],
    [
      'the database being down',
      { query: 'query Stats { stats { actors } }' },
      { codes: ['DATABASE_UNAVAILABLE'], operation: 'Stats' },
    ],
  ])('%s', async (_name, body, expected) => {
    lines.length = 0;
    await (await post(body)).text();
    const logged = entries();
    expect(logged.map((e) => e.request)).toEqual([{ ...expected, durationMs: expect.any(Number) }]);
    expect(logged[0].msg).toMatch(/^request refused or failed: /);
    expect(lines.join('')).not.toMatch(/secret/);
  });

  it('a request body over the limit and an export refused are logged too', async () => {
    lines.length = 0;
    await app.fetch('http://app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10000000' },
      body: '{}',
    });
    await (await app.fetch('http://app/export/events.csv?from=nonsense')).text();
    expect(entries().map((e) => e.request)).toEqual([
      { codes: ['PAYLOAD_TOO_LARGE'], operation: '/graphql', durationMs: expect.any(Number) },
      { codes: ['BAD_USER_INPUT'], operation: '/export/events.csv', durationMs: expect.any(Number) },
    ]);
  });
});
