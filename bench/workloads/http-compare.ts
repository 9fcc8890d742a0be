/** Two GraphQL servers under the same load, side by side: throughput and p95 at each connection count. */
import type { BenchContext } from '../context.ts';
import { checkRequests, type GraphQLRequest, type LoadResult, runLoad } from '../http-load.ts';
import { interleave, measurement } from '../measure.ts';
import type { Goal } from '../stats.ts';
import { mean, median } from '../stats.ts';
import type { Measurement } from '../types.ts';

export interface HttpSide {
  name: string;
  url: string;
  requests: GraphQLRequest[];
}

export interface HttpGoals {
  throughput?: Goal;
  p95?: Goal;
  p95Text?: string;
}

export interface HttpComparison {
  measurements: Measurement[];
  /** Mean response size of each side over the request list. */
  bytes: { subject: number; peer: number };
  rounds: Record<string, { subject: LoadResult[]; peer: LoadResult[] }>;
}

export async function compareHttp(
  ctx: BenchContext,
  workload: string,
  what: string,
  subject: HttpSide,
  peer: HttpSide,
  goals: HttpGoals,
): Promise<HttpComparison> {
  const bytes = {
    subject: mean(await checkRequests(subject.url, subject.requests)),
    peer: mean(await checkRequests(peer.url, peer.requests)),
  };
  const measurements: Measurement[] = [];
  const rounds: HttpComparison['rounds'] = {};
  const duration = ctx.settings.durationSeconds;
  for (const connections of ctx.settings.connections) {
    const label = `${what}, ${connections} connection${connections === 1 ? '' : 's'}`;
    const results = await interleave(
      ctx,
      `${workload} ${label}`,
      () => runLoad(subject.url, subject.requests, connections, duration),
      () => runLoad(peer.url, peer.requests, connections, duration),
    );
    rounds[label] = results;
    const failures = [...results.subject, ...results.peer].reduce((n, r) => n + r.failures, 0);
    const failureNote = failures ? `${failures} failed requests` : undefined;
    measurements.push(
      measurement({
        workload,
        name: label,
        peer: peer.name,
        metric: 'req/s',
        higherIsBetter: true,
        subjectSamples: results.subject.map((r) => r.requestsPerSecond),
        peerSamples: results.peer.map((r) => r.requestsPerSecond),
        ...(goals.throughput ? { goal: goals.throughput } : {}),
        ...(failureNote ? { notes: failureNote } : {}),
      }),
      measurement({
        workload,
        name: label,
        peer: peer.name,
        metric: 'p95 ms',
        higherIsBetter: false,
        subjectSamples: results.subject.map((r) => r.p95),
        peerSamples: results.peer.map((r) => r.p95),
        ...(goals.p95 ? { goal: goals.p95 } : {}),
        ...(goals.p95Text ? { goalText: goals.p95Text } : {}),
        notes: `p50 ${fmt(results.subject.map((r) => r.p50))} vs ${fmt(results.peer.map((r) => r.p50))} ms`,
      }),
    );
  }
  return { measurements, bytes, rounds };
}

const fmt = (values: number[]): string => median(values).toFixed(1);
