/** Excerpts of the server's log files, appended to start errors so they explain themselves. */
import fs from 'node:fs';
import path from 'node:path';
import { homeLayout, type Neo4jConfig } from './config.ts';

/** The last `count` lines of `text`, trailing whitespace dropped. */
export function lastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

/** Last `count` lines of a file (reads at most the last 256 KB). */
function tailFile(file: string, count: number): string {
  try {
    const size = fs.statSync(file).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, length, size - length);
    } finally {
      fs.closeSync(fd);
    }
    return lastLines(buffer.toString('utf8'), count);
  } catch {
    return '';
  }
}

/** Log excerpt appended to start errors: the last 30 lines of each non-empty log. */
export function logExcerpt(config: Pick<Neo4jConfig, 'homeDir'>): string {
  const dirs = homeLayout(config);
  const parts: string[] = [];
  const empty: string[] = [];
  for (const file of [dirs.consoleLog, dirs.userLog, dirs.debugLog]) {
    const tail = tailFile(file, 30);
    if (tail.trim() === '') empty.push(path.basename(file));
    else parts.push(`--- last lines of ${file} ---\n${tail}`);
  }
  if (empty.length > 0) parts.push(`(empty or missing: ${empty.join(', ')})`);
  return `${parts.join('\n')}\nLogs are in ${dirs.logs} (console.log, neo4j.log, debug.log).`;
}
