/**
 * Query abuse over real HTTP: every abusive request is refused with one clear error before the database is asked
 * (the driver points at a port where nothing listens, so anything that reached it would answer
 * DATABASE_UNAVAILABLE instead). Rejection latency (<100 ms) is measured in abuse.stress.test.ts, not here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABUSE_CASES, type AbuseRequest } from '../../test/abuse-cases.ts';
import * as webApi from '../../web/src/api.ts';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';

const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'x'), {
  connectionTimeout: 1000,
  connectionAcquisitionTimeout: 1000,
  maxTransactionRetryTime: 0,
});
const app = createApp({ driver, config: testConfig({ development: false }) });
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await driver.close();
});

interface Reply {
  status: number;
  text: string;
}

async function send(request: AbuseRequest): Promise<Reply> {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe('each abusive request is refused with one clear error', () => {
  it.each(ABUSE_CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, abuse) => {
      for (let i = 0; i < 3; i++) {
        const reply = await send(abuse.request);
        expect(reply.status, reply.text.slice(0, 300)).toBe(abuse.status);
        const body = JSON.parse(reply.text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        expect(body.errors, reply.text.slice(0, 300)).toHaveLength(1);
        const [error] = body.errors ?? [];
        expect(error?.message).toMatch(abuse.message);
        expect(error?.extensions?.code).toBe(abuse.code);
        expect(error?.extensions?.code).not.toBe('DATABASE_UNAVAILABLE');
        expect(reply.text).not.toMatch(/Did you mean|\bat \w+ \(|node_modules/);
      }
    },
    30_000,
  );

  it('a chunked body over the size limit (no content-length) is refused with 413 too', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16_000)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }","variables":{"pad":['));
      },
      pull(controller) {
        if (sent >= 2_000_000) {
          controller.enqueue(new TextEncoder().encode('"x"]}}'));
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('the limits leave room for every operation the web explorer sends', () => {
  it('no client operation is refused by a limit (they reach the database, which is down here)', async () => {
    const sent: string[] = [];
    const realFetch = globalThis.fetch;
    // Reads go as GET persisted operations (the server runs the stored text through the same limits), others as POST.
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      sent.push(String(init.body ?? url));
      return app.fetch(`http://app${url}`, init);
    }) as typeof fetch;
    try {
      const calls = [
        () => webApi.fetchOverview(),
        () => webApi.fetchNeighborhood('actor:sdf'),
        () => webApi.fetchTimeline(),
        () => webApi.search('الباغوز'),
        () => webApi.findPaths('actor:sdf', 'actor:isis', '2019'),
        () => webApi.fetchDetails('agreement:baghouz-final-agreement'),
        () => webApi.fetchSourceText('source:x'),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(sent).toHaveLength(7);
  }, 60_000);
});
