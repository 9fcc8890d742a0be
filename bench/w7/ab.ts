/**
 * Old against new on the W7 page: the page of two checkouts (e.g. a `git worktree` of the base commit and this one),
 * built apart and interleaved in one browser, so a change to the graph view is measured side by side on a noisy
 * machine. Per round and side: a fresh page mounts the tuned view (worker layout, chunked arrival), fits, then
 * applies and clears the time window twice. Both checkouts need the `w7` page API (mountTuned, fit, repaint).
 *
 * Run: `tsx bench/w7/ab.ts --old ../base-worktree [--new .] [--size 5000] [--rounds 3]`.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { MountReport } from './page/page.ts';
import { address, median, openBenchPage, serveStatic } from './run.ts';

type Api = {
  w7: {
    mountTuned(n: number): Promise<MountReport>;
    fit(): Promise<void>;
    repaint(w: { from: string; to: string } | null): Promise<{ ms: number; hidden: number }>;
  };
};

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? String(args[i + 1]) : fallback;
};
const roots = { old: path.resolve(option('--old', '')), new: path.resolve(option('--new', '.')) };
if (!option('--old', '')) throw new Error('Give the old checkout: --old <dir>.');
const size = Number(option('--size', '5000'));
const rounds = Number(option('--rounds', '3'));

const urls: Record<string, string> = {};
for (const [side, root] of Object.entries(roots)) {
  const outDir = path.join(roots.new, 'test-results', 'w7', `ab-${side}`);
  await build({
    root: path.join(root, 'bench', 'w7', 'page'),
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
  urls[side] = address(await serveStatic(outDir, 0));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const samples: Record<string, Record<string, number[]>> = { old: {}, new: {} };
const push = (side: string, key: string, value: number) => {
  const bySide = samples[side] as Record<string, number[]>;
  bySide[key] = [...(bySide[key] ?? []), Math.round(value)];
};
for (let round = 0; round < rounds; round++)
  for (const side of round % 2 === 0 ? ['old', 'new'] : ['new', 'old']) {
    const page = await openBenchPage(browser, urls[side] as string);
    const mount = await page.evaluate((n) => (window as unknown as Api).w7.mountTuned(n), size);
    push(side, 'longest task while arriving, ms', mount.longestLayoutTaskMs);
    push(side, 'longest task of the first full draw, ms', mount.longestFirstDrawTaskMs);
    push(side, 'longest task of the mount, ms', Math.max(...mount.tasks.map((t) => t.duration)));
    push(side, 'to the last element, ms', mount.addMs + mount.layoutMs);
    await page.evaluate(() => (window as unknown as Api).w7.fit());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (let i = 0; i < 2; i++) {
      const on = await page.evaluate(() =>
        (window as unknown as Api).w7.repaint({ from: '2018-01-01', to: '2019-12-31' }),
      );
      const off = await page.evaluate(() => (window as unknown as Api).w7.repaint(null));
      push(side, 'repaint (window on and off), ms', on.ms);
      push(side, 'repaint (window on and off), ms', off.ms);
      push(side, 'elements hidden', on.hidden);
    }
    console.log(`round ${round} ${side} done`);
    await page.close();
  }
await browser.close();
console.log(`${size} nodes, ${rounds} rounds, old ${roots.old}, new ${roots.new}`);
for (const key of Object.keys(samples.old as object)) {
  const old = (samples.old as Record<string, number[]>)[key] as number[];
  const now = (samples.new as Record<string, number[]>)[key] as number[];
  console.log(
    `${key}: old ${median(old)} (${old.join(' ')}), new ${median(now)} (${now.join(' ')}), new/old ${(median(now) / median(old)).toFixed(2)}`,
  );
}
process.exit(0);
