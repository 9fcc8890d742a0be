import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeLayout } from './config.ts';
import { lastLines, logExcerpt } from './logs.ts';

describe('lastLines', () => {
  it('keeps the last lines, ignoring trailing blank lines and CRLF endings', () => {
    expect(lastLines('a\nb\r\nc\n\n  \n', 2)).toBe('b\nc');
    expect(lastLines('only', 5)).toBe('only');
  });
});

describe('logExcerpt', () => {
  let homeDir = '';
  afterEach(() => {
    if (homeDir) fs.rmSync(homeDir, { recursive: true, force: true });
  });

  it('quotes the tail of each non-empty log and names the empty or missing ones', () => {
    homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-logs-'));
    const dirs = homeLayout({ homeDir });
    fs.mkdirSync(dirs.logs);
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
    fs.writeFileSync(dirs.consoleLog, `${lines.join('\n')}\n`);
    fs.writeFileSync(dirs.userLog, '\n');

    const excerpt = logExcerpt({ homeDir });
    expect(excerpt).toContain(`--- last lines of ${dirs.consoleLog} ---\nline 11\n`);
    expect(excerpt).not.toContain('line 10\n');
    expect(excerpt).toContain('line 40');
    expect(excerpt).toContain('(empty or missing: neo4j.log, debug.log)');
    expect(excerpt.endsWith(`Logs are in ${dirs.logs} (console.log, neo4j.log, debug.log).`)).toBe(true);
  });
});
