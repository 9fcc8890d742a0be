/**
 * W7: rendering large subgraphs in headless Chromium (software rendering, no GPU). For 1k / 5k / 10k
 * synthetic nodes it compares Cytoscape with default settings against the product's tuned view in the
 * same browser, interleaved, warm-up discarded: fps and p95 frame time during real mouse-drag pans and
 * wheel zooms, filter repaint time, and the longest main-thread task while laying out. It also times the
 * first frame of the seed graph from navigation start on the real server and database.
 *
 * Run alone: `tsx bench/w7/run.ts [--rounds 4] [--sizes 1000,5000,10000] [--no-first-frame]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createDriver } from '../../db/driver.ts';
import { resolveNeo4jConfig, startNeo4j, stopNeo4j } from '../../neo4j/launcher.ts';
import { datasetFilesIn, seedFiles } from '../../seed/seed.ts';
import { createApp } from '../../server/src/app.ts';
import { testConfig } from '../../server/src/config.ts';
import { WEB_DIST } from '../../server/src/web-assets.ts';
import { ensureWebBuild } from '../../test/web-build.ts';
import { betterRatio, type Measurement, type WorkloadReport } from '../types.ts';
import type { MountReport } from './page/page.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE_SRC = path.join(ROOT, 'bench', 'w7', 'page');
export const PAGE_DIST = path.join(ROOT, 'test-results', 'w7', 'page');
const VIEWPORT = { width: 1280, height: 800 };

export interface W7Options {
  sizes?: number[];
  /** Measured rounds per size after one warm-up round. */
  rounds?: number;
  /** Time the seed graph's first frame (starts a Neo4j and the server). */
  firstFrame?: boolean;
  /** Folder for screenshots. */
  screenshots?: string;
  chromium?: string;
  /** Bolt port and home folder of the Neo4j this run starts for the first-frame measurement. */
  neo4jBoltPort?: number;
  neo4jHomeDir?: string;
  /** HTTP ports for the bench page and the product server (0 = any). */
  pagePort?: number;
  serverPort?: number;
  log?: (line: string) => void;
}

interface FrameStats {
  fps: number;
  p95: number;
  frames: number;
  durationMs: number;
  renders: number;
  longestTaskMs: number;
  /** Longest task since the gesture began, including the full redraws after it. */
  settleMs: number;
  panned: boolean;
  zoomed: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: number[]) => percentile(values, 50);

/** fps and p95 frame time from requestAnimationFrame timestamps. */
export function frameStats(timestamps: number[]): { fps: number; p95: number; durationMs: number } {
  const deltas = timestamps.slice(1).map((t, i) => t - (timestamps[i] as number));
  const durationMs = timestamps.length > 1 ? (timestamps.at(-1) as number) - (timestamps[0] as number) : 0;
  return { fps: durationMs > 0 ? (deltas.length * 1000) / durationMs : 0, p95: percentile(deltas, 95), durationMs };
}

export function serveStatic(dir: string, port: number): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(dir, path.normalize(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export const address = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export async function buildPage(): Promise<void> {
  await build({
    root: PAGE_SRC,
    base: './',
    logLevel: 'warn',
    // W7_MINIFY=0 keeps function names readable in traces (trace.ts).
    build: {
      outDir: PAGE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      minify: process.env.W7_MINIFY !== '0',
    },
  });
}

export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (error) => console.error(`[w7] bench page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'w7' in window);
  return page;
}

type W7Page = {
  w7: {
    mountTuned(n: number): Promise<MountReport>;
    mountDefault(n: number, positions: number[] | null): Promise<MountReport>;
    positions(): number[];
    settings(): Record<string, unknown>;
    fit(): Promise<void>;
    emptyPoint(): { x: number; y: number };
    viewport(): { zoom: number; pan: { x: number; y: number } };
    startFrames(): void;
    stopFrames(): { frames: number[]; renders: number; longestTaskMs: number };
    settleTask(): Promise<number>;
    beginGesture(): void;
    repaint(window: { from: string; to: string } | null): Promise<{ ms: number; hidden: number }>;
    drawFloor(times: number): number[];
  };
};
const w7 = (page: Page) => ({
  mountTuned: (n: number) => page.evaluate((size) => (window as unknown as W7Page).w7.mountTuned(size), n),
  mountDefault: (n: number, positions: number[] | null) =>
    page.evaluate(([size, p]) => (window as unknown as W7Page).w7.mountDefault(size, p), [n, positions] as const),
  positions: () => page.evaluate(() => (window as unknown as W7Page).w7.positions()),
  settings: () => page.evaluate(() => (window as unknown as W7Page).w7.settings()),
  fit: () => page.evaluate(() => (window as unknown as W7Page).w7.fit()),
  emptyPoint: () => page.evaluate(() => (window as unknown as W7Page).w7.emptyPoint()),
  viewport: () => page.evaluate(() => (window as unknown as W7Page).w7.viewport()),
  startFrames: () => page.evaluate(() => (window as unknown as W7Page).w7.startFrames()),
  stopFrames: () => page.evaluate(() => (window as unknown as W7Page).w7.stopFrames()),
  settleTask: () => page.evaluate(() => (window as unknown as W7Page).w7.settleTask()),
  beginGesture: () => page.evaluate(() => (window as unknown as W7Page).w7.beginGesture()),
  repaint: (timeWindow: { from: string; to: string } | null) =>
    page.evaluate((w) => (window as unknown as W7Page).w7.repaint(w), timeWindow),
  drawFloor: (times: number) => page.evaluate((t) => (window as unknown as W7Page).w7.drawFloor(t), times),
});

/**
 * One gesture as a person makes it: drag the background to pan, then wheel in and out, ~60 events/s.
 * Frames count from the first to the last input event of each part; the full redraw once a part ends
 * is reported apart (settle), since it happens after the gesture.
 */
async function gesture(page: Page): Promise<FrameStats> {
  const api = w7(page);
  await api.fit();
  const start = await api.emptyPoint();
  const before = await api.viewport();
  await page.mouse.move(start.x, start.y);
  await api.beginGesture();
  await api.startFrames();
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(start.x + i * 6, start.y + i * 3);
    await sleep(16);
  }
  const pan = await api.stopFrames();
  await page.mouse.up();
  const afterPan = await api.viewport();
  await sleep(300);
  await api.startFrames();
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, -80);
    await sleep(16);
  }
  // Wheeling back out by as much can end exactly where it began: whether it zoomed is read in between.
  const zoomedIn = await api.viewport();
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 80);
    await sleep(16);
  }
  const zoom = await api.stopFrames();
  const afterZoom = await api.viewport();
  const panStats = frameStats(pan.frames);
  const zoomStats = frameStats(zoom.frames);
  const deltas = [pan.frames, zoom.frames].flatMap((f) => f.slice(1).map((t, i) => t - (f[i] as number)));
  const durationMs = panStats.durationMs + zoomStats.durationMs;
  const settle = await api.settleTask();
  return {
    fps: durationMs > 0 ? (deltas.length * 1000) / durationMs : 0,
    p95: percentile(deltas, 95),
    durationMs,
    frames: pan.frames.length + zoom.frames.length,
    renders: pan.renders + zoom.renders,
    longestTaskMs: Math.max(pan.longestTaskMs, zoom.longestTaskMs),
    settleMs: settle,
    panned: afterPan.pan.x !== before.pan.x,
    zoomed: zoomedIn.zoom !== afterPan.zoom || afterZoom.zoom !== zoomedIn.zoom,
  };
}

/** ms from navigation start to the first frame showing the laid-out seed graph, on the real server. */
async function firstFrames(browser: Browser, options: Required<W7Options>): Promise<number[]> {
  const log = options.log;
  const config = resolveNeo4jConfig(
    { ...process.env },
    { boltPort: options.neo4jBoltPort, homeDir: options.neo4jHomeDir },
  );
  const neo4j = await startNeo4j(config, log);
  const driver = createDriver({ uri: neo4j.uri, user: config.user, password: config.password });
  let server: Server | undefined;
  try {
    await seedFiles(driver, await datasetFilesIn(), { replaceAll: true });
    await ensureWebBuild(log);
    const app = createApp({ driver, config: testConfig({ development: false }), webDist: WEB_DIST });
    server = createServer(app);
    await new Promise<void>((resolve) => server?.listen(options.serverPort, '127.0.0.1', resolve));
    const base = address(server);
    const times: number[] = [];
    for (let round = 0; round <= options.rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      // A string, not a function: tsx compiles named inner functions with an `__name` helper the page does not have.
      await page.addInitScript(`(() => {
        const watch = () => {
          const explorer = window.explorer;
          if (explorer && explorer.graph.layoutsApplied > 0)
            requestAnimationFrame((time) => { window.w7FirstFrame = time; });
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      })();`);
      await page.goto(base);
      const deadline = Date.now() + 120_000;
      let ms: number | undefined;
      while (ms === undefined) {
        if (Date.now() > deadline) {
          await page.screenshot({ path: path.join(options.screenshots, 'seed-first-frame-timeout.png') });
          throw new Error(`the seed graph was not drawn within 2 minutes (${problems.join('; ') || 'no page errors'})`);
        }
        await sleep(200);
        ms = await page.evaluate(() => (window as unknown as { w7FirstFrame?: number }).w7FirstFrame);
      }
      if (round === 0) await page.screenshot({ path: path.join(options.screenshots, 'seed-first-frame.png') });
      log(`first frame of the seed graph: ${ms.toFixed(0)} ms${round === 0 ? ' (warm-up)' : ''}`);
      if (round > 0) times.push(ms);
      await context.close();
    }
    return times;
  } finally {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await driver.close();
    if (!neo4j.alreadyRunning) await stopNeo4j(config, log);
  }
}

function measurement(
  name: string,
  metric: string,
  higherIsBetter: boolean,
  subject: number[],
  peer: number[] | null,
  goal?: { text: string; met: (value: number) => boolean },
  notes?: string,
): Measurement {
  const subjectValue = median(subject);
  const peerValue = peer ? median(peer) : null;
  return {
    workload: 'W7',
    name,
    subject: 'tuned view (product)',
    peer: peer ? 'Cytoscape defaults' : null,
    metric,
    higherIsBetter,
    subjectValue: Math.round(subjectValue * 10) / 10,
    peerValue: peerValue === null ? null : Math.round(peerValue * 10) / 10,
    ratio:
      peerValue === null || subjectValue === 0
        ? null
        : Math.round(betterRatio(subjectValue, peerValue, higherIsBetter) * 100) / 100,
    ...(goal ? { goal: goal.text, goalMet: goal.met(subjectValue) } : {}),
    samples: { subject, ...(peer ? { peer } : {}) },
    ...(notes ? { notes } : {}),
  };
}

export async function runW7(options: W7Options = {}): Promise<WorkloadReport[]> {
  const o: Required<W7Options> = {
    sizes: options.sizes ?? [1000, 5000, 10000],
    rounds: options.rounds ?? 4,
    firstFrame: options.firstFrame ?? true,
    screenshots: options.screenshots ?? path.join(ROOT, 'test-results', 'w7'),
    chromium: options.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    neo4jBoltPort: options.neo4jBoltPort ?? Number(process.env.W7_NEO4J_BOLT_PORT ?? 7732),
    neo4jHomeDir: options.neo4jHomeDir ?? process.env.W7_NEO4J_HOME_DIR ?? path.join(ROOT, '.neo4j-w7bench'),
    pagePort: options.pagePort ?? Number(process.env.W7_PAGE_PORT ?? 0),
    serverPort: options.serverPort ?? Number(process.env.W7_SERVER_PORT ?? 0),
    log: options.log ?? ((line) => console.log(`[w7] ${line}`)),
  };
  const log = o.log;
  mkdirSync(o.screenshots, { recursive: true });
  log('building the bench page');
  await buildPage();
  const pageServer = await serveStatic(PAGE_DIST, o.pagePort);
  const browser = await chromium.launch({
    executablePath: o.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  const measurements: Measurement[] = [];
  const details: Record<string, unknown> = { viewport: VIEWPORT, rounds: o.rounds, sizes: {} };
  try {
    for (const n of o.sizes) {
      log(`${n} nodes: mounting the tuned view (layout in a worker)`);
      const tunedPage = await openBenchPage(browser, address(pageServer));
      const tuned = w7(tunedPage);
      const tunedMount = await tuned.mountTuned(n);
      const settings = await tuned.settings();
      log(`  tuned: ${JSON.stringify(tunedMount)} settings ${JSON.stringify(settings)}`);
      const positions = await tuned.positions();

      log(`${n} nodes: fcose on the main thread (what Cytoscape does by default)`);
      const layoutPage = await openBenchPage(browser, address(pageServer));
      const mainThreadMount = await w7(layoutPage).mountDefault(n, null);
      log(`  main thread: ${JSON.stringify(mainThreadMount)}`);
      await layoutPage.close();

      const defaultPage = await openBenchPage(browser, address(pageServer));
      const plain = w7(defaultPage);
      const defaultMount = await plain.mountDefault(n, positions);
      log(`  default, same positions: ${JSON.stringify(defaultMount)}`);

      await plain.fit();
      await tuned.fit();
      await defaultPage.screenshot({ path: path.join(o.screenshots, `w7-${n}-default.png`) });
      await tunedPage.screenshot({ path: path.join(o.screenshots, `w7-${n}-tuned.png`) });

      const gestures: { default: FrameStats[]; tuned: FrameStats[] } = { default: [], tuned: [] };
      const repaints: { default: number[]; tuned: number[] } = { default: [], tuned: [] };
      let hidden = 0;
      for (let round = 0; round <= o.rounds; round++) {
        const order = round % 2 === 0 ? (['default', 'tuned'] as const) : (['tuned', 'default'] as const);
        for (const mode of order) {
          const page = mode === 'default' ? defaultPage : tunedPage;
          const stats = await gesture(page);
          await w7(page).fit();
          const on = await w7(page).repaint({ from: '2018-01-01', to: '2019-12-31' });
          const off = await w7(page).repaint(null);
          hidden = on.hidden;
          log(
            `  round ${round}${round === 0 ? ' (warm-up)' : ''} ${mode}: ${stats.fps.toFixed(1)} fps, p95 ${stats.p95.toFixed(0)} ms, ${stats.frames} frames / ${stats.durationMs.toFixed(0)} ms, ${stats.renders} renders, longest task ${stats.longestTaskMs.toFixed(0)} ms (settle ${stats.settleMs.toFixed(0)} ms), panned ${stats.panned}, zoomed ${stats.zoomed}; repaint ${on.ms.toFixed(0)} / ${off.ms.toFixed(0)} ms`,
          );
          if (!stats.panned || !stats.zoomed) throw new Error(`the ${mode} gesture at ${n} nodes did not pan and zoom`);
          if (round === 0) continue;
          gestures[mode].push(stats);
          repaints[mode].push(on.ms, off.ms);
        }
      }
      const drawFloor = await w7(tunedPage).drawFloor(5);
      log(`  tuned: one full direct draw, everything computed: ${drawFloor.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
      await tunedPage.close();
      await defaultPage.close();
      const label = `${n.toLocaleString('en')} nodes / ${tunedMount.edges.toLocaleString('en')} edges`;
      const is5k = n === 5000;
      measurements.push(
        measurement(
          `pan/zoom fps, ${label}`,
          'fps',
          true,
          gestures.tuned.map((g) => g.fps),
          gestures.default.map((g) => g.fps),
          is5k ? { text: '≥30 fps at 5k nodes', met: (v) => v >= 30 } : undefined,
          'requestAnimationFrame rate during a mouse-drag pan and wheel zoom (page.mouse), software rendering',
        ),
        measurement(
          `pan/zoom p95 frame time, ${label}`,
          'p95 ms',
          false,
          gestures.tuned.map((g) => g.p95),
          gestures.default.map((g) => g.p95),
        ),
        measurement(
          `time-window repaint, ${label}`,
          'ms',
          false,
          repaints.tuned,
          repaints.default,
          is5k ? { text: '≤250 ms at 5k nodes', met: (v) => v <= 250 } : undefined,
          `window 2018–2019 on, then off (${hidden} elements hidden); from the filter call to the frame after Cytoscape drew. One full direct draw of the whole graph, every style and bounding box computed, takes ${median(drawFloor).toFixed(0)} ms (tuned): the floor of showing them again`,
        ),
        measurement(
          `longest main-thread task while laying out, ${label}`,
          'ms',
          false,
          [tunedMount.longestLayoutTaskMs],
          [mainThreadMount.longestLayoutTaskMs],
          { text: '≤100 ms', met: (v) => v <= 100 },
          `tuned: fcose in a worker, then the elements arriving in chunks (${(tunedMount.layoutMs / 1000).toFixed(1)} s); default: fcose on the main thread (${(mainThreadMount.layoutMs / 1000).toFixed(1)} s). Adding the elements took a ${tunedMount.longestAddTaskMs.toFixed(0)} ms task and the first full draw a ${tunedMount.longestFirstDrawTaskMs.toFixed(0)} ms task (tuned). The longest tasks are Cytoscape's redraws of what has arrived (bench/w7/trace.ts); one full direct draw takes ${median(drawFloor).toFixed(0)} ms.`,
        ),
      );
      (details.sizes as Record<string, unknown>)[String(n)] = {
        settings,
        mount: { tuned: tunedMount, defaultMainThreadLayout: mainThreadMount, defaultPreset: defaultMount },
        gestures,
        repaints,
        drawFloorMs: drawFloor,
      };
    }
    if (o.firstFrame) {
      log('first frame of the seed graph on the real server');
      const times = await firstFrames(browser, o).catch((error: Error) => {
        log(`first frame not measured: ${error.message}`);
        return [] as number[];
      });
      measurements.push(
        measurement(
          'first frame of the seed graph from navigation start',
          'ms',
          false,
          times,
          null,
          { text: '≤1000 ms', met: (v) => v <= 1000 },
          'the frame after the laid-out graph was applied (performance.now() from navigation start), real server and Neo4j, cold page each round',
        ),
      );
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => pageServer.close(resolve));
  }
  return [
    {
      workload: 'W7',
      title: 'Rendering large subgraphs in headless Chromium (software rendering): default vs tuned',
      dataset: `synthetic subgraphs (seed 1): ${o.sizes.map((n) => `${n.toLocaleString('en')} nodes`).join(', ')}, ≈2 edges per node, mapped by the product's toElements; the seed dataset for the first frame`,
      measurements,
      details,
    },
  ];
}

function parseArgs(argv: string[]): W7Options {
  const options: W7Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--sizes') options.sizes = argv[++i] === 'none' ? [] : String(argv[i]).split(',').map(Number);
    else if (arg === '--no-first-frame') options.firstFrame = false;
    else throw new Error(`Unknown argument ${arg}; expected --rounds N, --sizes a,b,c|none or --no-first-frame.`);
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const reports = await runW7(parseArgs(process.argv.slice(2)));
  const file = path.join(ROOT, 'bench', 'results', `w7-${new Date().toISOString().slice(0, 10)}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), reports }, null, 2)}\n`);
  for (const m of reports[0]?.measurements ?? [])
    console.log(
      `${m.name}: tuned ${m.subjectValue} ${m.metric}${m.peerValue !== null ? `, default ${m.peerValue}` : ''}${m.goal ? ` (goal ${m.goal}: ${m.goalMet ? 'met' : 'missed'})` : ''}`,
    );
  console.log(`wrote ${path.relative(ROOT, file)}`);
  process.exit(0);
}
