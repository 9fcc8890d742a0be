/** HTTP load with autocannon: throughput, latency percentiles from every response, bytes per response. */
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  meanBytes: number;
  requests: number;
  failures: number;
}

const HEADERS = { 'content-type': 'application/json', 'x-graphql-yoga-csrf': 'bench' };

/** Sends one request and returns its `data` and the response's size; an answer with errors or no data throws. */
export async function fetchData(url: string, request: GraphQLRequest): Promise<{ data: unknown; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers: HEADERS, body: JSON.stringify(request) });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
  if (response.status !== 200 || body.errors?.length || !body.data)
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { data: body.data, bytes: Buffer.byteLength(text) };
}

/** Sends each request once and checks the answers carry data and no errors, so a broken query is not benchmarked. */
export async function checkRequests(url: string, requests: readonly GraphQLRequest[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const request of requests) sizes.push((await fetchData(url, request)).bytes);
  return sizes;
}

/** Runs `connections` keep-alive connections for `durationSeconds`, each cycling through the requests. */
export function runLoad(
  url: string,
  requests: readonly GraphQLRequest[],
  connections: number,
  durationSeconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationSeconds,
        timeout: 30,
        requests: requests.map((r) => ({ method: 'POST', headers: HEADERS, body: JSON.stringify(r) })),
      },
      (error, result) => {
        if (error) return reject(error);
        failures += result.errors + result.timeouts;
        resolve({
          requestsPerSecond: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          meanBytes: latencies.length ? bytes / latencies.length : Number.NaN,
          requests: latencies.length,
          failures,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      if (statusCode !== 200) failures++;
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}
