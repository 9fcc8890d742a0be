import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
/** Every folder whose code talks to Neo4j; web/ cannot (it has no driver). */
const FOLDERS = ['db', 'seed', 'server', 'start', 'bench', 'scripts', 'test', 'neo4j'];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => part === 'node_modules' || part === 'generated'));
}

/** The text of each call `name(…)` in `source`, parentheses balanced. */
function calls(source: string, name: string): string[] {
  const found: string[] = [];
  for (let start = source.indexOf(`.${name}(`); start >= 0; start = source.indexOf(`.${name}(`, start + 1)) {
    let depth = 0;
    let end = start + name.length + 1;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    found.push(source.slice(start, end + 1));
  }
  return found;
}

const files = FOLDERS.flatMap(sourceFiles);

describe('access modes', () => {
  it('finds the modules that run queries (the scan works)', () => {
    expect(files).toContain(path.join('db', 'access.ts'));
    expect(files).toContain(path.join('db', 'writer.ts'));
    expect(calls(readFileSync(path.join(ROOT, 'db/access.ts'), 'utf8'), 'executeQuery')).toHaveLength(2);
  });

  it('opens sessions and runs executeQuery only through db/access.ts, which states READ or WRITE', () => {
    const offenders = files
      .filter((file) => !file.startsWith('neo4j') && file !== path.join('db', 'access.ts'))
      .flatMap((file) => {
        const source = readFileSync(path.join(ROOT, file), 'utf8');
        return [...calls(source, 'session'), ...calls(source, 'executeQuery')].map((call) => `${file}: ${call}`);
      });
    expect(offenders).toEqual([]);
  });

  it('names the routing of every query the launcher runs (neo4j/ stands alone, without db/)', () => {
    const launcherCalls = files
      .filter((file) => file.startsWith('neo4j'))
      .flatMap((file) => calls(readFileSync(path.join(ROOT, file), 'utf8'), 'executeQuery'));
    expect(launcherCalls.length).toBeGreaterThan(0);
    expect(launcherCalls.filter((call) => !/routing: '(READ|WRITE)'/.test(call))).toEqual([]);
  });

  it('gives every session and query of db/access.ts an access mode', () => {
    const source = readFileSync(path.join(ROOT, 'db/access.ts'), 'utf8');
    for (const call of calls(source, 'session'))
      expect(call).toMatch(/defaultAccessMode: neo4j\.session\.(READ|WRITE)/);
    for (const call of calls(source, 'executeQuery')) expect(call).toMatch(/routing: neo4j\.routing\.(READ|WRITE)/);
  });
});
