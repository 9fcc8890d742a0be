/**
 * A Chromium performance trace of one W7 phase on the bench page, summarised: the main thread's long tasks, what
 * kind of work ran in each (trace events by name, self time) and the functions that took the CPU in them (sampled).
 * It answers "which task, and what ran in it" for the W7 rows that miss their goals.
 *
 * Run: `tsx bench/w7/trace.ts [--size 5000] [--phase mount|repaint] [--min 50]`; the raw trace goes to
 * test-results/w7/trace-<phase>-<size>.json (open it in chrome://tracing or the DevTools performance panel).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { address, buildPage, openBenchPage, PAGE_DIST, serveStatic } from './run.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
];

/** Samples (time, leaf function) of the V8 CPU profile in the trace, per thread. */
function samplesOf(events: TraceEvent[]): Map<number, Array<{ ts: number; frame: string; stack: string[] }>> {
  const profiles = new Map<string, { tid: number; start: number; nodes: Map<number, ProfileNode>; last: number }>();
  const out = new Map<number, Array<{ ts: number; frame: string; stack: string[] }>>();
  for (const e of events) {
    const data = e.args?.data as Record<string, unknown> | undefined;
    if (e.name === 'Profile' && e.id !== undefined)
      profiles.set(e.id, { tid: e.tid, start: data?.startTime as number, nodes: new Map(), last: 0 });
    if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
    const profile = profiles.get(e.id);
    if (!profile) continue;
    const cpu = data?.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const node of cpu?.nodes ?? []) profile.nodes.set(node.id, node);
    const deltas = (data?.timeDeltas as number[] | undefined) ?? [];
    let t = profile.last || profile.start;
    const list = out.get(profile.tid) ?? [];
    (cpu?.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      const node = profile.nodes.get(id);
      const name = (n: ProfileNode | undefined) => {
        const f = n?.callFrame;
        return f
          ? `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').at(-1) : ''}:${f.lineNumber + 1}`
          : '?';
      };
      const stack: string[] = [];
      for (let up = node; up; up = up.parent !== undefined ? profile.nodes.get(up.parent) : undefined)
        stack.push(name(up));
      list.push({ ts: t, frame: name(node), stack });
    });
    profile.last = t;
    out.set(profile.tid, list);
  }
  return out;
}

export function summarise(events: TraceEvent[], minMs: number): string[] {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const mains = new Set([...threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key));
  const samples = samplesOf(events);
  const lines: string[] = [];
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur !== undefined);
  const tasks = onMain.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur as number) >= minMs * 1000,
  );
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  for (const task of tasks) {
    const end = task.ts + (task.dur as number);
    const inside = onMain.filter(
      (e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end,
    );
    const byName = new Map<string, number>();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur as number));
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 10);
    lines.push(
      `task at ${((task.ts - origin) / 1000).toFixed(0)} ms, ${((task.dur as number) / 1000).toFixed(0)} ms: ${top.map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ')}`,
    );
    const leafs = new Map<string, number>();
    let count = 0;
    for (const s of samples.get(task.tid) ?? [])
      if (s.ts >= task.ts && s.ts <= end) {
        leafs.set(s.frame, (leafs.get(s.frame) ?? 0) + 1);
        count++;
      }
    for (const [frame, n] of [...leafs].sort((a, b) => b[1] - a[1]).slice(0, 12))
      lines.push(`    ${((100 * n) / Math.max(count, 1)).toFixed(0).padStart(3)}% self  ${frame}`);
    const within = new Map<string, number>();
    for (const s of samples.get(task.tid) ?? [])
      if (s.ts >= task.ts && s.ts <= end)
        for (const frame of new Set(s.stack)) within.set(frame, (within.get(frame) ?? 0) + 1);
    for (const [frame, n] of [...within].sort((a, b) => b[1] - a[1]).slice(0, 30))
      lines.push(`    ${((100 * n) / Math.max(count, 1)).toFixed(0).padStart(3)}% total ${frame}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? String(args[i + 1]) : fallback;
  };
  const size = Number(option('--size', '5000'));
  const phase = option('--phase', 'mount');
  const minMs = Number(option('--min', '50'));
  await buildPage();
  const server = await serveStatic(PAGE_DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const page = await openBenchPage(browser, address(server));
    type Api = { w7: Record<string, (...a: unknown[]) => Promise<unknown>> };
    const call = (name: string, ...a: unknown[]) =>
      page.evaluate(([n, rest]) => (window as unknown as Api).w7[n as string]?.(...(rest as unknown[])), [
        name,
        a,
      ] as const);
    if (phase === 'repaint') {
      await call('mountTuned', size);
      await call('fit');
    }
    await browser.startTracing(page, { categories: CATEGORIES });
    if (phase === 'mount') console.log(JSON.stringify(await call('mountTuned', size)).slice(0, 400));
    else {
      const on = await call('repaint', { from: '2018-01-01', to: '2019-12-31' });
      const off = await call('repaint', null);
      console.log(`repaint on ${JSON.stringify(on)}, off ${JSON.stringify(off)}`);
    }
    const buffer = await browser.stopTracing();
    const dir = path.join(PAGE_DIST, '..');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `trace-${phase}-${size}.json`);
    writeFileSync(file, buffer);
    const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
    for (const line of summarise(parsed.traceEvents, minMs)) console.log(line);
    console.log(`trace: ${file}`);
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(0);
}
