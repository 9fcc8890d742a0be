/**
 * Saved views (issue 19, item 6) in Chromium against the real server and a seeded Neo4j: save the current view by
 * name, reopen it, copy its link, export and import the file, in English and Arabic, from the keyboard.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFilesIn } from '../../seed/seed.ts';
import { type Explorer as Harness, startExplorer } from '../../test/e2e-harness.ts';
import { axeViolations, openExplorer, settle, state } from './analyst-helpers.ts';

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

const MARCH = 'sel=actor:sdf&from=2019-03-01&to=2019-03-31';

describe('saved views', () => {
  it('saves the view by name from the keyboard, reopens it from the list, and exports it as a file', async () => {
    const { page, problems } = await openExplorer(browser, base, MARCH);
    await page.locator('#saved-views-button').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#saved-views');
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await dialog.locator('.saved-views-empty').textContent()).toMatch(/No saved views yet/);
    // The name field has the focus: type and press Enter.
    await page.keyboard.type('SDF in March');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toBe('Saved “SDF in March”.');
    expect(await dialog.locator('.saved-view-name').allTextContents()).toEqual(['SDF in March']);
    expect(await axeViolations(page, 'saved views (en)')).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'saved-views-en.png') });

    // Saving an empty name says so; nothing is added.
    await page.locator('#saved-view-name').fill('   ');
    await dialog.getByRole('button', { name: 'Save this view' }).click();
    expect(await dialog.locator('[role="alert"]').textContent()).toBe('Give the view a name first.');
    expect(await dialog.locator('.saved-view').count()).toBe(1);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export file' }).click();
    const file = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8'));
    expect(file).toMatchObject({ format: 'baghouz-explorer/saved-views', version: 1 });
    expect(file.views).toHaveLength(1);
    expect(new URLSearchParams(file.views[0].query).get('sel')).toBe('actor:sdf');

    // Escape closes it and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('saved-views-button');

    // Another view, then the saved one is reopened from the list: what it holds is restored and drawn.
    await page.evaluate(() =>
      (window as unknown as { explorer: { store: { update(c: object): void } } }).explorer.store.update({
        selected: 'place:baghouz',
        window: null,
      }),
    );
    expect(await state(page)).toMatchObject({ selected: 'place:baghouz', window: null });
    await page.locator('#saved-views-button').click();
    await dialog.getByRole('link', { name: 'SDF in March' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => state(page))
      .toMatchObject({ selected: 'actor:sdf', window: { from: '2019-03-01', to: '2019-03-31' }, language: 'en' });
    await settle(page);
    expect(await page.locator('#panel-details h2').first().textContent()).toMatch(/Syrian Democratic Forces/);
    expect(new URL(page.url()).searchParams.get('sel')).toBe('actor:sdf');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('imports a file, refusing a broken one with where it is wrong, and works in Arabic', async () => {
    const { page, problems } = await openExplorer(browser, base, 'lang=ar');
    await page.locator('#saved-views-button').click();
    const dialog = page.locator('dialog#saved-views');
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await dialog.locator('h2').textContent()).toBe('العروض المحفوظة');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('dialog#saved-views') as Element).direction),
    ).toBe('rtl');

    const fileInput = dialog.locator('input[type="file"]');
    const broken = {
      format: 'baghouz-explorer/saved-views',
      version: 1,
      views: [{ name: '', query: '', savedAt: 'x' }],
    };
    await fileInput.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect.poll(() => dialog.locator('[role="alert"]').textContent()).toMatch(/^لم يُستورد شيء.*views\[0\]\.name/);
    expect(await dialog.locator('.saved-view').count()).toBe(0);

    const good = {
      format: 'baghouz-explorer/saved-views',
      version: 1,
      views: [
        { name: 'الباغوز في آذار', query: 'sel=place%3Abaghouz&lang=en', savedAt: '2026-12-05T10:00:00.000Z' },
        { name: 'ISIS', query: 'sel=actor%3Aisis', savedAt: '2026-12-04T10:00:00.000Z' },
      ],
    };
    await fileInput.setInputFiles({
      name: 'views.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    // Counts in the page's Arabic number format, as elsewhere in the explorer.
    const [two, zero] = await page.evaluate(() => [(2).toLocaleString('ar'), (0).toLocaleString('ar')]);
    await expect
      .poll(() => dialog.locator('[role="status"]').textContent())
      .toBe(`استُورد: ${two} جديد، و${zero} مستبدَل.`);
    expect(await dialog.locator('.saved-view-name').allTextContents()).toEqual(['الباغوز في آذار', 'ISIS']);
    expect(await axeViolations(page, 'saved views (ar)')).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'saved-views-ar.png') });

    // A view opens in the reader's language, whatever language it was saved in.
    const href = await dialog.getByRole('link', { name: 'الباغوز في آذار' }).getAttribute('href');
    expect(new URL(href as string).searchParams.get('lang')).toBe('ar');
    await dialog.getByRole('button', { name: 'فتح: الباغوز في آذار' }).click();
    await expect.poll(() => state(page)).toMatchObject({ selected: 'place:baghouz', language: 'ar' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
