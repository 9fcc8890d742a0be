/**
 * Abusive requests and how the server must refuse each: one clear error, before the database is asked.
 * Shared by server/src/abuse.test.ts (each refused, once) and server/src/abuse.stress.test.ts (latency, memory).
 */
import { OPERATION_LIMITS } from '../server/src/app.ts';
import { LIMITS } from '../server/src/arguments.ts';

export interface AbuseRequest {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. `/graphql?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface AbuseCase {
  name: string;
  request: AbuseRequest;
  /**
   * HTTP status: GraphQL's own errors (syntax, validation, limits) come back with 200 to application/json clients;
   * a request graphql cannot start (a variable's value refused) with 400, as Yoga answers a missing variable.
   */
  status: number;
  /** The one error's message, or for non-JSON answers the text. */
  message: RegExp;
  /** Every refusal carries a code a client can branch on (`extensions.code`). */
  code: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function post(query: string, variables: Record<string, unknown> = {}): AbuseRequest {
  return { method: 'POST', path: '/graphql', headers: JSON_HEADERS, body: JSON.stringify({ query, variables }) };
}

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `parent { ${selection} }`;
  return `{ node(id: "place:baghouz") { ... on Place { ${selection} } } }`;
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

export const ABUSE_CASES: AbuseCase[] = [
  {
    name: 'too deep',
    request: post(nested(OPERATION_LIMITS.maxDepth + 1)),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    message: /depth/i,
  },
  {
    name: 'too many aliases',
    request: post(`{ ${aliases(OPERATION_LIMITS.maxAliases + 1, 'stats { actors }')} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    message: /aliases/i,
  },
  {
    name: 'too many __typename aliases',
    request: post(`{ ${aliases(OPERATION_LIMITS.maxAliases + 1, '__typename')} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    message: /aliases/i,
  },
  {
    name: 'too many directives',
    request: post(`{ __typename ${'@include(if: true) '.repeat(OPERATION_LIMITS.maxDirectives + 1)}}`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    message: /directive/i,
  },
  {
    name: 'too many tokens',
    request: post(`{ ${'__typename '.repeat(OPERATION_LIMITS.maxTokens)}}`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
    message: /token/i,
  },
  {
    name: 'circular fragments',
    request: post('query { ...A } fragment A on Query { stats { actors } ...B } fragment B on Query { ...A }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "A" within itself/,
  },
  {
    name: 'self-referencing fragment deep in a selection',
    request: post('{ node(id: "x") { ...N } } fragment N on Node { citations { source { ...N } } }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "N" within itself/,
  },
  {
    name: 'huge limit',
    request: post(`{ events(limit: 1000000) { id } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`limit must be an integer from 1 to ${LIMITS.eventsLimit}`),
  },
  {
    name: 'huge depth',
    request: post('{ neighborhood(id: "actor:sdf", depth: 100) { nodes { id } } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`depth must be an integer from 1 to ${LIMITS.depth}`),
  },
  {
    name: 'huge k',
    request: post('{ paths(from: "actor:sdf", to: "actor:isis", k: 100000) { length } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`k must be an integer from 1 to ${LIMITS.k}`),
  },
  {
    name: 'huge maxLength',
    request: post('{ shortestPath(from: "actor:sdf", to: "actor:isis", maxLength: 1000) { length } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`maxLength must be an integer from 1 to ${LIMITS.maxLength}`),
  },
  {
    name: 'integer overflow',
    request: post('{ events(limit: 99999999999999) { id } }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Int cannot represent non 32-bit signed integer value/,
  },
  {
    name: 'oversized search text (90 KB)',
    request: post('query S($t: String!) { search(text: $t) { score } }', { t: 'x'.repeat(90_000) }),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`at most ${LIMITS.textLength} characters`),
  },
  {
    name: 'oversized id',
    request: post('query N($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id: `actor:${'x'.repeat(5000)}` }),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: /id must be a node id of 1 to/,
  },
  {
    name: 'oversized list (5000 ids)',
    request: post('query G($a: [String!]) { graph(attributedTo: $a) { nodes { id } } }', {
      a: Array.from({ length: 5000 }, (_, i) => `actor:a${i}`),
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`at most ${LIMITS.listLength} values`),
  },
  {
    name: 'wrongly typed variable',
    request: post('query($l: Int) { events(limit: $l) { id } }', { l: 'all' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /Variable "\$l" got invalid value "all"; Int cannot represent non-integer value/,
  },
  {
    name: 'unknown enum value in a variable',
    request: post('query($k: [Kind!]) { search(text: "x", kinds: $k) { score } }', { k: ['PERSON'] }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /Value "PERSON" does not exist in "Kind" enum/,
  },
  {
    name: 'batched operations',
    request: {
      method: 'POST',
      path: '/graphql',
      headers: JSON_HEADERS,
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    },
    status: 400,
    code: 'BAD_REQUEST',
    message: /POST body sent invalid JSON|batch/i,
  },
  {
    name: 'mutation via GET',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
      headers: { 'x-graphql-yoga-csrf': '1' },
    },
    status: 405,
    code: 'BAD_REQUEST',
    message: /Can only perform a mutation operation from a POST request/,
  },
  {
    name: 'mutation via POST (the API has none)',
    request: post('mutation { __typename }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /This API has no mutations: it serves queries only/,
  },
  {
    name: 'GET without the CSRF header',
    request: { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}`, headers: {} },
    status: 403,
    code: 'CSRF_HEADER_MISSING',
    message: /Required CSRF header not present: a GET .* must send the header x-graphql-yoga-csrf/,
  },
  {
    name: 'body over the size limit',
    request: post('query S($t: String!) { search(text: $t) { score } }', { t: 'x'.repeat(200_000) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /Request body too large \(limit \d+ bytes\)/,
  },
  {
    name: 'malformed JSON body',
    request: { method: 'POST', path: '/graphql', headers: JSON_HEADERS, body: '{"query": "{ __typename }",' },
    status: 400,
    code: 'BAD_REQUEST',
    message: /POST body sent invalid JSON/,
  },
  {
    name: 'syntax error',
    request: post('{ stats { actors '),
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Syntax Error/,
  },
  {
    name: 'unknown field, without suggestions',
    request: post('{ stat { actors } }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Cannot query field "stat" on type "Query"\. \[Suggestion hidden\]$/,
  },
];
