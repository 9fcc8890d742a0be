/**
 * The HTTP workloads: W2 timeline window and W3 neighbourhood against @neo4j/graphql (W3 also against the same content
 * by the obvious Cypher, in a `@cypher` field of that server), W6 trivial query against bare Yoga.
 */
import type { BenchContext } from '../context.ts';
import { obviousNeighbourhoodCypher, PEER_DEPTHS, type PeerDepth } from '../peers/neighbourhood-cypher.ts';
import { describeGoal, formatNumber, type Goal } from '../stats.ts';
import type { Measurement, WorkloadReport } from '../types.ts';
import { compareHttp } from './http-compare.ts';
import { checkSameContent, type FlatNeighbourhood } from './neighbourhood-content.ts';
import { actorsWithDegree, timelineWindows } from './samples.ts';

const NEO4J_GRAPHQL = '@neo4j/graphql';
const THROUGHPUT_GOAL = { kind: 'ratioAtLeast', value: 1.5 } as const;
// p95 at most 0.7× the peer's: peer/subject ≥ 1/0.7.
const P95_GOAL = { kind: 'ratioAtLeast', value: 1 / 0.7 } as const;
const P95_TEXT = '≤0.7× peer p95 (ratio ≥1.43×)';
const WINDOWS = 12;
const WINDOW_DAYS = 60;
const EVENT_LIMIT = 100;

const SUBJECT_EVENTS = /* GraphQL */ `
  query Timeline($from: String!, $to: String!, $limit: Int!) {
    events(from: $from, to: $to, limit: $limit) {
      id name date { earliest latest }
      participants { role actor { id name } }
      places { role place { id name } }
    }
  }`;

const PEER_EVENTS = /* GraphQL */ `
  query Timeline($from: String!, $to: String!, $limit: Int!) {
    events(
      where: { earliest: { lte: $to }, latest: { gte: $from } }
      sort: [{ earliest: ASC }, { latest: ASC }, { id: ASC }]
      limit: $limit
    ) {
      id name earliest latest
      participants { id name }
      places { id name }
    }
  }`;

export async function w2Timeline(ctx: BenchContext): Promise<WorkloadReport> {
  const windows = await timelineWindows(ctx.driver, WINDOWS, WINDOW_DAYS);
  const variables = windows.map((w) => ({ ...w, limit: EVENT_LIMIT }));
  const subject = await ctx.server('subject');
  const peer = await ctx.server('neo4j-graphql');
  const result = await compareHttp(
    ctx,
    'W2',
    `timeline window (${WINDOW_DAYS} days, ≤${EVENT_LIMIT} events with actors and places)`,
    {
      name: 'this server',
      url: subject.url,
      requests: variables.map((v) => ({ query: SUBJECT_EVENTS, variables: v })),
    },
    { name: NEO4J_GRAPHQL, url: peer.url, requests: variables.map((v) => ({ query: PEER_EVENTS, variables: v })) },
    { throughput: THROUGHPUT_GOAL, p95: P95_GOAL, p95Text: P95_TEXT },
  );
  return {
    workload: 'W2',
    title:
      'Timeline window: events between two dates with their actors and places, vs @neo4j/graphql over the same Neo4j',
    dataset: ctx.dataset.label,
    measurements: result.measurements,
    details: { windows, bytes: result.bytes, subjectQuery: SUBJECT_EVENTS, peerQuery: PEER_EVENTS },
  };
}

const NODE_LIMIT = 200;
const EDGE_LIMIT = 1000;
const LIMITS = { nodes: NODE_LIMIT, edges: EDGE_LIMIT };

const SUBJECT_NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($id: ID!, $depth: Int!, $limit: Int!, $edgeLimit: Int!) {
    neighborhood(id: $id, depth: $depth, limit: $limit, edgeLimit: $edgeLimit) {
      nodes { id kind name }
      edges { id type source target }
    }
  }`;

// @neo4j/graphql has no neighbourhood operation: the nearest equivalent among its generated ones is a nested selection
// of the same depth (actor → events → their actors and places) bounded to about 200 nodes.
const PEER_NEIGHBOURHOOD: Record<PeerDepth, string> = {
  1: /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    actors(where: { id: { eq: $id } }) {
      id name kind
      participatedIn(limit: 199, sort: [{ id: ASC }]) { id name kind }
    }
  }`,
  2: /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    actors(where: { id: { eq: $id } }) {
      id name kind
      participatedIn(limit: 20, sort: [{ id: ASC }]) {
        id name kind
        participants(limit: 8, sort: [{ id: ASC }]) { id name kind }
        places(limit: 2, sort: [{ id: ASC }]) { id name kind }
      }
    }
  }`,
};

// The same content by the obvious Cypher, in a `@cypher` query field of the same @neo4j/graphql server.
const OBVIOUS_CYPHER = 'obvious Cypher (@neo4j/graphql @cypher)';
const PEER_CYPHER_NEIGHBOURHOOD = (depth: PeerDepth) => /* GraphQL */ `
  query Neighbourhood($id: ID!, $limit: Int!, $edgeLimit: Int!) {
    neighbourhoodDepth${depth}(id: $id, limit: $limit, edgeLimit: $edgeLimit) {
      nodes { id kind name }
      edges { id type source target }
    }
  }`;
// The goals against the like-for-like peer: at least its throughput while returning the same, and a p95 bound.
const LIKE_FOR_LIKE_THROUGHPUT = { kind: 'ratioAtLeast', value: 1 } as const;
const LIKE_FOR_LIKE_P95: Record<PeerDepth, Goal> = {
  1: { kind: 'atMost', value: 50, unit: 'ms' },
  2: { kind: 'atMost', value: 200, unit: 'ms' },
};

const readSubject = (data: unknown): FlatNeighbourhood => (data as { neighborhood: FlatNeighbourhood }).neighborhood;
const readPeer =
  (depth: PeerDepth) =>
  (data: unknown): FlatNeighbourhood =>
    (data as Record<string, FlatNeighbourhood>)[`neighbourhoodDepth${depth}`] as FlatNeighbourhood;

// Start actors with a typical number of participations. On the skewed synthetic M set the hubs (the top few hundred
// actors by participations) have neighbourhoods with tens of thousands of relationships among 200 nodes, and the
// query hits the server's 5-s timeout: see BENCHMARKS.md.
const MIN_PARTICIPATIONS = 3;
const MAX_PARTICIPATIONS = 30;

/** The row that stands for a comparison that could not run, with why. */
function notMeasured(what: string, peer: string, goal: string, error: unknown, ctx: BenchContext): Measurement {
  const message = (error as Error).message.slice(0, 300);
  ctx.log(`  W3 ${what} vs ${peer} not measured: ${message}`);
  return {
    workload: 'W3',
    name: what,
    subject: 'this server',
    peer,
    metric: 'req/s',
    higherIsBetter: true,
    subjectValue: Number.NaN,
    peerValue: null,
    ratio: null,
    goal,
    goalMet: false,
    notes: `not measured: ${message.includes('QUERY_TIMEOUT') ? 'a request went over the 5-s query timeout' : message}`,
  };
}

export async function w3Neighbourhood(ctx: BenchContext): Promise<WorkloadReport> {
  const actors = await actorsWithDegree(ctx.driver, 12, ctx.dataset.seed, MIN_PARTICIPATIONS, MAX_PARTICIPATIONS);
  const subject = await ctx.server('subject');
  const peer = await ctx.server('neo4j-graphql');
  const measurements: Measurement[] = [];
  const bytes: Record<string, { subject: number; peer: number }> = {};
  const sameContent: Record<string, string> = {};
  for (const depth of PEER_DEPTHS) {
    const what = `neighbourhood (depth ${depth}, ≤${NODE_LIMIT} nodes)`;
    const subjectSide = {
      name: 'this server',
      url: subject.url,
      requests: actors.map((id) => ({
        query: SUBJECT_NEIGHBOURHOOD,
        variables: { id, depth, limit: NODE_LIMIT, edgeLimit: EDGE_LIMIT },
      })),
    };
    try {
      const result = await compareHttp(
        ctx,
        'W3',
        what,
        subjectSide,
        {
          name: NEO4J_GRAPHQL,
          url: peer.url,
          requests: actors.map((id) => ({ query: PEER_NEIGHBOURHOOD[depth], variables: { id } })),
        },
        { throughput: THROUGHPUT_GOAL, p95: P95_GOAL, p95Text: P95_TEXT },
      );
      bytes[`depth ${depth}`] = result.bytes;
      measurements.push(...result.measurements, {
        workload: 'W3',
        name: `${what}: mean response size`,
        subject: 'this server',
        peer: NEO4J_GRAPHQL,
        metric: 'bytes',
        higherIsBetter: false,
        subjectValue: result.bytes.subject,
        peerValue: result.bytes.peer,
        ratio: result.bytes.peer / result.bytes.subject,
        notes:
          'not the same content: this server returns up to 200 nodes and every relationship among them (flat, by id); the peer returns the nested tree only',
      });
    } catch (error) {
      // A request over the server's query timeout fails the check before any load: report it and go on.
      measurements.push(notMeasured(what, NEO4J_GRAPHQL, describeGoal(THROUGHPUT_GOAL), error, ctx));
    }

    const likeWhat = `neighbourhood (depth ${depth}, ≤${NODE_LIMIT} nodes and ≤${formatNumber(EDGE_LIMIT)} relationships among them)`;
    const peerSide = {
      name: OBVIOUS_CYPHER,
      url: peer.url,
      requests: actors.map((id) => ({
        query: PEER_CYPHER_NEIGHBOURHOOD(depth),
        variables: { id, limit: NODE_LIMIT, edgeLimit: EDGE_LIMIT },
      })),
    };
    try {
      const content = await checkSameContent(
        ctx.driver,
        actors,
        { ...subjectSide, read: readSubject },
        { ...peerSide, read: readPeer(depth) },
        LIMITS,
      );
      sameContent[`depth ${depth}`] = content;
      ctx.log(`  W3 depth ${depth} content: ${content}`);
      const result = await compareHttp(ctx, 'W3', likeWhat, subjectSide, peerSide, {
        throughput: LIKE_FOR_LIKE_THROUGHPUT,
        p95: LIKE_FOR_LIKE_P95[depth],
      });
      bytes[`depth ${depth}, like for like`] = result.bytes;
      measurements.push(
        ...result.measurements.map((m) =>
          m.metric === 'req/s' ? { ...m, notes: [content, m.notes].filter(Boolean).join('; ') } : m,
        ),
      );
    } catch (error) {
      measurements.push(notMeasured(likeWhat, OBVIOUS_CYPHER, describeGoal(LIKE_FOR_LIKE_THROUGHPUT), error, ctx));
    }
  }
  return {
    workload: 'W3',
    title:
      'Neighbourhood of an actor, depth 1 and 2, limit 200: vs an @neo4j/graphql nested selection of the same depth, and vs the same content by the obvious Cypher in an @neo4j/graphql @cypher field',
    dataset: ctx.dataset.label,
    measurements,
    details: {
      actors,
      bytes,
      sameContent,
      subjectQuery: SUBJECT_NEIGHBOURHOOD,
      peerQueries: PEER_NEIGHBOURHOOD,
      peerCypher: Object.fromEntries(PEER_DEPTHS.map((d) => [d, obviousNeighbourhoodCypher(d)])),
    },
  };
}

const TRIVIAL = '{ __typename }';

export async function w6Trivial(ctx: BenchContext): Promise<WorkloadReport> {
  const subject = await ctx.server('subject');
  const peer = await ctx.server('yoga');
  const result = await compareHttp(
    ctx,
    'W6',
    'trivial query { __typename }',
    { name: 'this server', url: subject.url, requests: [{ query: TRIVIAL }] },
    { name: 'bare graphql-yoga', url: peer.url, requests: [{ query: TRIVIAL }] },
    { throughput: { kind: 'ratioAtLeast', value: 0.9 } },
  );
  return {
    workload: 'W6',
    title: 'Trivial query: framework overhead of this server (armor limits, CSRF, masking) vs a bare graphql-yoga',
    dataset: 'no data read',
    measurements: result.measurements,
  };
}
