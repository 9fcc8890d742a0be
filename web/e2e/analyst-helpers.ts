/**
 * Shared steps of the analyst tests (issue 14): open the explorer as a user would, wait until the graph is drawn and
 * still, read what is on screen, and run axe-core in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Probe {
  explorer: {
    cy: {
      zoom(): number;
      extent(): { x1: number; y1: number; x2: number; y2: number };
      animated(): boolean;
      getElementById(id: string): {
        position(): { x: number; y: number };
        renderedPosition(): { x: number; y: number };
        renderedBoundingBox(o?: object): { x1: number; y1: number; x2: number; y2: number };
        data(k: string): unknown;
        width(): number;
        hasClass(c: string): boolean;
      };
      nodes(s?: string): Array<{
        id(): string;
        position(): { x: number; y: number };
        renderedBoundingBox(o?: object): { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
        data(k: string): unknown;
      }> & { length: number };
      edges(s?: string): Array<{ id(): string; data(k: string): unknown }> & { length: number };
    };
    store: { state: Record<string, unknown>; select(id: string | null): void };
    graph: {
      layoutsApplied: number;
      layoutDone: Promise<void>;
      cursor: string | null;
      labelsShown: Map<string, number>;
    };
  };
}

/** Opens a page at `query`, waits for the graph, its layout and any framing animation; collects page errors. */
export async function openExplorer(
  browser: Browser,
  base: string,
  query = '',
  viewport = { width: 1440, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${base}/${query ? `?${query}` : ''}`);
  await page.waitForFunction(
    () => {
      const e = (window as unknown as Partial<Probe>).explorer;
      return e !== undefined && e.cy.nodes().length > 50 && e.graph.layoutsApplied > 0;
    },
    null,
    { timeout: 90_000 },
  );
  await timelineDrawn(page);
  await settle(page);
  return { page, problems };
}

/** Waits until the timeline (whose code loads after the graph's first frame) has drawn its items or said it has none. */
export async function timelineDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('#timeline g.tl-item, #timeline .tl.is-empty') !== null,
    null,
    {
      timeout: 60_000,
    },
  );
}

/** Waits until the graph has stopped moving (layout applied, no animation) and labels are chosen. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as unknown as Probe).explorer.cy.animated(), null, { timeout: 20_000 });
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !(window as unknown as Probe).explorer.cy.animated(), null, { timeout: 20_000 });
}

export async function state(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as Probe).explorer.store.state);
}

/** Whether nodes' model positions fall inside the visible extent of the graph. */
export async function inView(page: Page, ids: string[]): Promise<boolean[]> {
  return page.evaluate((ids) => {
    const { cy } = (window as unknown as Probe).explorer;
    const e = cy.extent();
    return ids.map((id) => {
      const p = cy.getElementById(id).position();
      return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
    });
  }, ids);
}

/** axe-core in the page (evaluated through the debugger, so the page's CSP stays as it is): serious and critical. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Width and height of a PNG from its header. */
export function pngSize(buffer: Buffer): { width: number; height: number } {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
