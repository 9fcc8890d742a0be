/**
 * The real explorer for browser tests: the test Neo4j seeded with the given dataset files, the built web app and the
 * GraphQL API served by the product's app on a free local port, and Debian's Chromium driven by playwright-core.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { type Browser, chromium } from 'playwright-core';
import { createDriver } from '../db/driver.ts';
import { seedFiles } from '../seed/seed.ts';
import { createApp } from '../server/src/app.ts';
import { testConfig } from '../server/src/config.ts';
import { WEB_DIST } from '../server/src/web-assets.ts';
import { testConnection } from './seeded-database.ts';
import { ensureWebBuild } from './web-build.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Explorer {
  driver: Driver;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/** Starts it all; call `close()` in afterAll. Only the given files are in the database (replaceAll). */
export async function startExplorer(files: string[]): Promise<Explorer> {
  const driver = createDriver(testConnection());
  await seedFiles(driver, files, { replaceAll: true });
  await ensureWebBuild();
  const server = createServer(createApp({ driver, config: testConfig({ development: false }), webDist: WEB_DIST }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    driver,
    browser,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
}
