/**
 * Builds the explorer (web/dist) for browser tests and the W7 benchmark when the build is missing or older than its
 * sources, with Vite's API: the step `npm install`/`npm run build` takes, never the server's.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { WEB_DIST, WEB_ROOT } from '../server/src/web-assets.ts';

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestChange(full) : (await stat(full)).mtimeMs);
  }
  return newest;
}

/** Builds web/dist with Vite when it is missing or older than web/'s sources. Returns whether it built. */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<boolean> {
  const built = await stat(path.join(WEB_DIST, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > 0 && built >= (await newestChange(WEB_ROOT))) return false;
  log('Building the web explorer (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
