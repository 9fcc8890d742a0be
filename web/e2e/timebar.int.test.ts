/**
 * The time bar (issue 19, item 5) in Chromium against the real server and a seeded Neo4j: the graph grows through the
 * days its events and agreements enter it, by the "as of" rule of time-respecting paths; uncertain dates are drawn
 * as such; each step says what entered; a link restores the cursor; English and Arabic, mouse and keyboard.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer as Harness, startExplorer } from '../../test/e2e-harness.ts';
import { axeViolations, openExplorer, state } from './analyst-helpers.ts';

const SHOTS = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

let harness: Harness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startExplorer(await datasetFilesIn());
  ({ browser, base } = harness);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

interface Drawn {
  visible: string[];
  all: number;
  /** Events and agreements drawn, with their spans, and whether they are marked as possibly later. */
  dated: Array<{
    id: string;
    earliest: string | null;
    latest: string | null;
    visible: boolean;
    later: boolean;
    /** Why it is drawn as it is, for a failure's message. */
    classes: string;
    display: string;
    opacity: number;
    width: number;
  }>;
}

type CyNode = {
  id(): string;
  visible(): boolean;
  hasClass(c: string): boolean;
  data(k: string): unknown;
  classes(): string[];
  pstyle(p: string): { value: string; pfValue: number };
  width(): number;
};

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as { explorer: { cy: { nodes(s?: string): CyNode[] } } }).explorer;
    const nodes = cy.nodes();
    return {
      visible: nodes.filter((n) => n.visible()).map((n) => n.id()),
      all: nodes.length,
      dated: nodes
        .filter((n) => n.data('kind') === 'event' || n.data('kind') === 'agreement')
        .map((n) => ({
          id: n.id(),
          earliest: (n.data('earliest') as string | null) ?? null,
          latest: (n.data('latest') as string | null) ?? null,
          visible: n.visible(),
          later: n.hasClass('may-be-later'),
          classes: n.classes().join(' '),
          display: n.pstyle('display').value,
          opacity: n.pstyle('opacity').pfValue,
          width: n.width(),
        })),
    };
  });
}

const at = (page: Page) => new URL(page.url()).searchParams.get('at');

/** Where the timeline's axis marks the time bar's day (null when it does not). */
const cursorX = (page: Page) =>
  page.evaluate(() => {
    const line = document.querySelector('#timeline .tl-axis-cursor');
    return line && !line.hasAttribute('display') ? Number(line.getAttribute('x1')) : null;
  });

/** What the "as of" rule says of an event or agreement on `day`. */
const entered = (d: { earliest: string | null; latest: string | null }, day: string) => {
  const entry = d.earliest ?? d.latest;
  return entry !== null && entry <= day;
};

/**
 * The events and agreements drawn against the rule on `day`: shown exactly when entered, and marked as possibly
 * later exactly when a span shown is not yet over. Empty when the graph follows the rule.
 */
function offTheRule(now: Drawn, day: string): string[] {
  return now.dated.flatMap((d) => {
    const shown = entered(d, day);
    const later = d.visible && d.latest !== null && d.latest > day;
    if (d.visible === shown && d.later === later) return [];
    const { id, earliest, latest, visible, classes, display, opacity, width } = d;
    return [
      JSON.stringify({ id, day, earliest, latest, visible, shouldShow: shown, classes, display, opacity, width }),
    ];
  });
}

describe('the time bar', () => {
  it('grows the graph step by step from the keyboard, by the "as of" rule, and says what entered', async () => {
    const { page, problems } = await openExplorer(browser, base);
    const full = await drawn(page);
    await page.locator('#timebar-open').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => at(page), { timeout: 30_000 }).not.toBeNull();
    const first = at(page) as string;
    const days: string[] = [first];
    const counts: number[] = [(await drawn(page)).visible.length];
    await expect.poll(() => cursorX(page), { timeout: 30_000 }).not.toBeNull();
    const xs: number[] = [(await cursorX(page)) as number];
    // Step to the end with the "next step" button, checking the rule at every step.
    const forward = page.locator('.timebar-forward');
    while (await forward.isEnabled()) {
      await forward.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => at(page)).not.toBe(days.at(-1));
      const day = at(page) as string;
      // The step is drawn within a few frames of the cursor moving (shown but possibly later than the cursor: a span
      // not yet over is drawn as uncertain).
      await expect.poll(async () => offTheRule(await drawn(page), day), { timeout: 5_000 }).toEqual([]);
      const now = await drawn(page);
      days.push(day);
      counts.push(now.visible.length);
      await expect.poll(() => cursorX(page)).not.toBe(xs.at(-1));
      xs.push((await cursorX(page)) as number);
    }
    expect(days.length).toBeGreaterThan(3);
    expect([...days].sort()).toEqual(days);
    // The timeline marks the day on its axis, moving with time (left to right in English).
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
    // The graph only grows, from less than all of it to (nearly) all of it: undated events never enter.
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1] as number);
    expect(counts[0]).toBeLessThan(full.visible.length);
    expect(counts.at(-1)).toBeGreaterThan(counts[0] as number);
    const undated = full.dated.filter((d) => d.earliest === null && d.latest === null).length;
    expect(full.visible.length - (counts.at(-1) as number)).toBeGreaterThanOrEqual(undated);

    // What entered at this step: each a button that selects it.
    const note = page.locator('#timebar .timebar-entered');
    expect(await note.textContent()).toMatch(/^Entered \(\d+\):/);
    // Under each, the sentence that brought it in: a verbatim quote of one of its relationships' citations.
    const items = await page.evaluate(() => {
      const { edges } = (
        window as unknown as {
          explorer: {
            data: {
              graph: { edges: Array<{ source: string; target: string; citations: Array<{ quote: string }> }> };
            };
          };
        }
      ).explorer.data.graph;
      return [...document.querySelectorAll<HTMLElement>('#timebar .timebar-item')].map((item) => {
        const id = item.dataset.id as string;
        const quote = item.querySelector<HTMLElement>('.timebar-quote');
        return {
          id,
          quote: quote?.textContent ?? null,
          lang: quote?.getAttribute('lang') ?? null,
          dir: quote?.getAttribute('dir') ?? null,
          title: quote?.title ?? null,
          cited: edges
            .filter((e) => e.source === id || e.target === id)
            .flatMap((e) => e.citations.map((c) => c.quote)),
        };
      });
    });
    expect(items.length).toBeGreaterThan(0);
    const quoted = items.filter((item) => item.quote !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const item of items) {
      if (item.quote === null) {
        expect(
          item.cited.filter((q) => q.trim() !== ''),
          item.id,
        ).toEqual([]);
        continue;
      }
      expect(item.cited, item.id).toContain(item.quote);
      expect(item.title).toBe(item.quote);
      if (/[\u0600-\u06ff]/.test(item.quote)) expect([item.lang, item.dir]).toEqual(['ar', 'rtl']);
    }
    // Shortened to a line until its button has the focus, then whole (the longest quote of the step).
    const longest = quoted.reduce((a, b) => ((b.quote?.length ?? 0) > (a.quote?.length ?? 0) ? b : a));
    const item = note.locator(`.timebar-item[data-id="${longest.id}"]`);
    const quoteHeight = () =>
      item.locator('.timebar-quote').evaluate((q) => ({ shown: q.clientHeight, whole: q.scrollHeight }));
    const short = await quoteHeight();
    expect(short.whole).toBeGreaterThan(short.shown + 1);
    await item.locator('button').focus();
    const whole = await quoteHeight();
    expect(whole.shown).toBeGreaterThan(short.shown);
    expect(whole.shown).toBeGreaterThanOrEqual(whole.whole - 1);
    expect(await note.getAttribute('tabindex')).toBe('0');
    expect(await note.getAttribute('role')).toBe('region');
    const firstEntered = note.locator('button').first();
    const name = await firstEntered.textContent();
    await firstEntered.click();
    await expect.poll(async () => (await state(page)).selected).not.toBeNull();
    expect(await page.locator('#panel-details h2').first().textContent()).toBe(name);
    expect(await axeViolations(page, 'time bar (en)')).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'timebar-en.png') });

    // Escape closes it: every date again.
    await page.locator('.timebar-back').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => at(page)).toBeNull();
    expect(await page.locator('#timebar').isHidden()).toBe(true);
    await expect.poll(() => cursorX(page)).toBeNull();
    expect((await drawn(page)).visible.length).toBe(full.visible.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays to the end at the chosen speed and stops there', async () => {
    const { page } = await openExplorer(browser, base);
    await page.locator('#timebar-open').click();
    await expect.poll(() => at(page), { timeout: 30_000 }).not.toBeNull();
    await page.locator('.timebar-speed').selectOption('4');
    const seen = new Set<string>();
    page.on('framenavigated', () => {
      const day = at(page);
      if (day) seen.add(day);
    });
    await page.locator('.timebar-play').click();
    expect(await page.locator('.timebar-play').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.locator('.timebar-play').getAttribute('aria-pressed'), { timeout: 60_000 })
      .toBe('false');
    expect(await page.locator('.timebar-forward').isDisabled()).toBe(true);
    expect(await page.locator('.timebar-day').textContent()).toMatch(/step (\d+) of \1$/);
    await page.close();
  });

  it('a link restores the cursor, in Arabic, right to left', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lang=ar&at=2019-03-10');
    const bar = page.locator('#timebar');
    await expect.poll(() => bar.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator('.timebar-day').textContent()).toMatch(/^حتى /);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('timebar') as Element).direction)).toBe(
      'rtl',
    );
    await expect.poll(async () => offTheRule(await drawn(page), '2019-03-10'), { timeout: 5_000 }).toEqual([]);
    const now = await drawn(page);
    expect(now.dated.some((d) => !d.visible)).toBe(true);
    // In Arabic time runs right to left: the cursor's day lies right of the timeline's latest dates.
    await expect.poll(() => cursorX(page), { timeout: 30_000 }).not.toBeNull();
    expect(await axeViolations(page, 'time bar (ar)')).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'timebar-ar.png') });
    // The next step lists what entered with the Arabic quotes that brought it in, marked as Arabic, right to left.
    await page.locator('.timebar-forward').click();
    await expect.poll(() => at(page)).not.toBe('2019-03-10');
    const quotes = page.locator('#timebar .timebar-quote');
    await expect.poll(() => quotes.count()).toBeGreaterThan(0);
    for (const quote of await quotes.all()) {
      expect(await quote.getAttribute('lang')).toBe('ar');
      expect(await quote.getAttribute('dir')).toBe('rtl');
    }
    await page.screenshot({ path: path.join(SHOTS, 'timebar-ar-quotes.png') });
    expect(await axeViolations(page, 'time bar quotes (ar)')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
