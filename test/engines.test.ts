/**
 * CI's check of the lock file against the Node versions the project declares (package.json `engines.node`, which the
 * README names): every locked package must admit every Node release in that range, or `npm install` warns
 * EBADENGINE on some of them. Checked per minor release from Node 18 to 30, which is how engine ranges are written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
};

/** Node releases x.y.0 (18 ≤ x ≤ 30, y ≤ 40) in a range. */
function releasesIn(range: string): string[] {
  const versions: string[] = [];
  for (let major = 18; major <= 30; major++)
    for (let minor = 0; minor <= 40; minor++) {
      const version = `${major}.${minor}.0`;
      if (semver.satisfies(version, range)) versions.push(version);
    }
  return versions;
}

/** The locked packages whose `engines.node` refuses a release in `range`, with the first one refused. */
function refusing(range: string, packages = lock.packages): string[] {
  const releases = releasesIn(range);
  const refused: string[] = [];
  // Many packages share a range: each distinct one is parsed and checked once.
  const firstRefused = new Map<string, string | undefined>();
  for (const [where, info] of Object.entries(packages)) {
    const node = Array.isArray(info.engines) ? undefined : info.engines?.node;
    if (!where || node === undefined) continue;
    if (!firstRefused.has(node)) {
      const engines = new semver.Range(node);
      firstRefused.set(
        node,
        releases.find((version) => !engines.test(version)),
      );
    }
    const first = firstRefused.get(node);
    if (first)
      refused.push(`${where.replace(/^.*node_modules\//, '')}@${info.version} (${node}) refuses Node ${first}`);
  }
  return refused;
}

describe('the lock file admits the Node versions the project declares', () => {
  it('declares a range that has Node 20 in it, as the README says', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
    expect(releasesIn(pkg.engines.node).length).toBeGreaterThan(20);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`${pkg.engines.node}\``);
  });

  it('every locked package admits every release in the range', () => {
    expect(refusing(pkg.engines.node)).toEqual([]);
  });

  it('the check sees a package that refuses part of the range', () => {
    const packages = { 'node_modules/x': { version: '1.0.0', engines: { node: '>=22.15.0' } } };
    expect(refusing('^20.19.0 || >=22', packages)).toEqual(['x@1.0.0 (>=22.15.0) refuses Node 20.19.0']);
    expect(refusing('>=22.15', packages)).toEqual([]);
  });
});
