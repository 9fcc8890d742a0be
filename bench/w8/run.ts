/**
 * W8: the explorer opening on the bench data, as a new visitor sees it. The product's server (`serve()`, as
 * `npm start` runs it: web build, compression, the opening view laid out at start) over the bench Neo4j, and Debian's
 * Chromium without a GPU, a fresh browser context (cold cache) per round, one discarded warm-up round. Per round:
 * time from navigation start to the frame after the opening view is all drawn, the longest main-thread task from
 * navigation start until five seconds after that frame (the timeline and the map fill in meanwhile), the
 * JavaScript that came over the wire before that frame, and the opening query's size. Then the opening query alone,
 * over HTTP: latency percentiles of sequential requests.
 */
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../test/web-build.ts';
import * as operations from '../../web/src/generated/graphql.ts';
import type { BenchContext } from '../context.ts';
import { REPO } from '../dataset.ts';
import { measurement } from '../measure.ts';
import { summarize } from '../stats.ts';
import type { WorkloadReport } from '../types.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
/** How long after the first frame main-thread tasks still count: the timeline and the map fill in meanwhile. */
const SETTLE_MS = 5000;
const QUERY_SAMPLES = 30;
const SCREENSHOTS = path.join(REPO, 'test-results', 'w8');

/** What one cold page load measured. */
export interface OpeningRound {
  firstFrameMs: number;
  longestTaskMs: number;
  longestTaskAtMs: number;
  tasks: Array<[number, number]>;
  /** Compressed bytes of JavaScript received before the first frame, and of all of it by the end. */
  scriptBytesBeforeFrame: number;
  scriptBytesTotal: number;
  overviewBytes: { encoded: number; decoded: number };
  scope: string;
  problems: string[];
}

// A string, not a function: tsx compiles named inner functions with an `__name` helper the page does not have.
const PROBE = `(() => {
  window.w8 = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.w8.tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    const explorer = window.explorer;
    if (explorer && explorer.graph.layoutsApplied > 0)
      requestAnimationFrame((time) => { window.w8.firstFrame = time; });
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

interface PageReport {
  firstFrame: number;
  tasks: Array<[number, number]>;
  resources: Array<{ name: string; type: string; end: number; encoded: number; decoded: number }>;
  scope: string;
  banner: string;
}

async function openOnce(browser: Browser, base: string, shot: string | null): Promise<OpeningRound> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  const overviewBytes = { encoded: 0, decoded: 0 };
  page.on('response', (response) => {
    // The explorer sends its reads as persisted GETs (operationName in the URL), a long one as a POST with its text.
    const request = response.request();
    const isOverview =
      new URL(request.url()).searchParams.get('operationName') === 'Overview' ||
      (request.postData()?.includes('query Overview') ?? false);
    if (!isOverview) return;
    void Promise.all([response.allHeaders(), response.body()]).then(
      ([headers, body]) => {
        overviewBytes.encoded = Number(headers['content-length'] ?? body.byteLength);
        overviewBytes.decoded = body.byteLength;
      },
      () => {},
    );
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  try {
    await page.addInitScript(PROBE);
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as { w8: { firstFrame?: number } }).w8.firstFrame, null, {
      timeout: 120_000,
      polling: 50,
    });
    await page.waitForTimeout(SETTLE_MS);
    const report = await page.evaluate((): PageReport => {
      const w8 = (window as unknown as { w8: { firstFrame: number; tasks: Array<[number, number]> } }).w8;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        firstFrame: w8.firstFrame,
        tasks: w8.tasks,
        resources: resources.map((r) => ({
          name: r.name,
          type: r.initiatorType,
          end: r.responseEnd,
          encoded: r.encodedBodySize,
          decoded: r.decodedBodySize,
        })),
        scope: document.getElementById('graph-scope')?.textContent ?? '',
        banner: document.getElementById('banner')?.hidden ? '' : (document.getElementById('banner')?.textContent ?? ''),
      };
    });
    if (shot) await page.screenshot({ path: shot });
    if (report.banner) problems.push(`banner: ${report.banner}`);
    const scripts = report.resources.filter((r) => r.name.endsWith('.js'));
    const longest = report.tasks.reduce<[number, number]>((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
    return {
      firstFrameMs: report.firstFrame,
      longestTaskMs: longest[1],
      longestTaskAtMs: longest[0],
      tasks: report.tasks,
      scriptBytesBeforeFrame: scripts.filter((r) => r.end <= report.firstFrame).reduce((n, r) => n + r.encoded, 0),
      scriptBytesTotal: scripts.reduce((n, r) => n + r.encoded, 0),
      overviewBytes,
      scope: report.scope,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** Latencies of the opening query over HTTP, one request at a time, as the explorer sends it (compressed). */
async function openingQueryLatencies(graphqlUrl: string, samples: number): Promise<{ ms: number[]; bytes: number }> {
  const body = JSON.stringify({ query: operations.OverviewDocument.toString(), variables: {} });
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= samples; i++) {
    const started = performance.now();
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      body,
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`the opening query failed: ${text.slice(0, 300)}`);
    if (i > 0) ms.push(performance.now() - started);
    bytes = Number(response.headers.get('content-length') ?? 0);
  }
  return { ms, bytes };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export async function w8Opening(ctx: BenchContext): Promise<WorkloadReport> {
  const size = ctx.dataset.label.split(':')[0] ?? ctx.dataset.label;
  await ensureWebBuild(ctx.log);
  const server = await ctx.server('explorer');
  const base = server.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  const rounds: OpeningRound[] = [];
  try {
    for (let round = 0; round <= ctx.settings.rounds; round++) {
      const shot = round === 1 ? path.join(SCREENSHOTS, `w8-${ctx.dataset.size}.png`) : null;
      if (shot) await import('node:fs/promises').then((fs) => fs.mkdir(SCREENSHOTS, { recursive: true }));
      const result = await openOnce(browser, base, shot);
      ctx.log(
        `  W8 round ${round}${round === 0 ? ' (warm-up)' : ''}: first frame ${result.firstFrameMs.toFixed(0)} ms, ` +
          `longest task ${result.longestTaskMs} ms at ${result.longestTaskAtMs} ms, JS before the frame ` +
          `${kB(result.scriptBytesBeforeFrame)} (all ${kB(result.scriptBytesTotal)}), opening answer ` +
          `${kB(result.overviewBytes.encoded)} (${kB(result.overviewBytes.decoded)} decoded)` +
          `${result.problems.length ? `; problems: ${result.problems.join(' | ')}` : ''}`,
      );
      if (round > 0) rounds.push(result);
    }
  } finally {
    await browser.close();
  }
  const query = await openingQueryLatencies(server.url, QUERY_SAMPLES);
  const latency = summarize(query.ms);
  const last = rounds.at(-1);
  const problems = [...new Set(rounds.flatMap((r) => r.problems))];
  const taskList = (r: OpeningRound) =>
    r.tasks
      .filter(([, ms]) => ms > 100)
      .map(([at, ms]) => `${ms} ms at ${at}`)
      .join(', ');
  return {
    workload: 'W8',
    title: 'The explorer opening on the bench data: cold page, real server and Neo4j, software rendering',
    dataset: ctx.dataset.label,
    measurements: [
      measurement({
        workload: 'W8',
        name: `first frame of the opening view (${size})`,
        peer: null,
        metric: 'ms',
        higherIsBetter: false,
        subjectSamples: rounds.map((r) => r.firstFrameMs),
        goal: { kind: 'atMost', value: 2000, unit: 'ms' },
        notes: `from navigation start to the frame after the opening view is all drawn; ${last?.scope ?? ''}${
          problems.length ? `; page problems: ${problems.join(' | ')}` : ''
        }`,
      }),
      measurement({
        workload: 'W8',
        name: `longest main-thread task while opening (${size})`,
        peer: null,
        metric: 'ms',
        higherIsBetter: false,
        subjectSamples: rounds.map((r) => r.longestTaskMs),
        goal: { kind: 'atMost', value: 200, unit: 'ms' },
        notes: `from navigation start to ${SETTLE_MS / 1000} s after the first frame (timeline and map included); tasks over 100 ms in the last round: ${last ? taskList(last) || 'none' : '–'}`,
      }),
      measurement({
        workload: 'W8',
        name: `JavaScript before the first frame, compressed (${size})`,
        peer: null,
        metric: 'kB',
        higherIsBetter: false,
        subjectSamples: rounds.map((r) => r.scriptBytesBeforeFrame / 1000),
        goal: { kind: 'atMost', value: 200, unit: 'kB' },
        notes: `bytes on the wire (brotli) of the scripts received before the first frame; all scripts by the end: ${kB(last?.scriptBytesTotal ?? 0)}`,
      }),
      measurement({
        workload: 'W8',
        name: `opening query graph() over HTTP, ${QUERY_SAMPLES} sequential requests (${size})`,
        peer: null,
        metric: 'p95 ms',
        higherIsBetter: false,
        subjectSamples: [latency.p95],
        goal: { kind: 'atMost', value: 200, unit: 'ms' },
        notes: `p50 ${latency.p50.toFixed(1)} ms; the explorer's Overview operation (positions included), ${kB(query.bytes)} compressed, ${kB(last?.overviewBytes.decoded ?? 0)} as JSON`,
      }),
    ],
    details: { rounds, queryMs: query.ms },
  };
}
