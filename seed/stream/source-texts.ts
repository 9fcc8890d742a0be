/** Source texts of a streamed load, read on demand and checked as UTF-8, a bounded number kept in memory. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeSourceText, unreadableReason } from '../rules.ts';

/** Source texts kept in memory for quote checks (characters); older ones are read again when needed. */
const SOURCE_TEXT_CACHE_CHARS = 32 * 1024 * 1024;

/** Where a source's text is: a file beside the dataset, or inline in the dataset itself. */
export interface SourceLocation {
  datasetFile: string;
  relative: string | undefined;
  inline: string | undefined;
}

/**
 * A copy of a string that does not keep its parent alive. Values parsed from the input are slices of the ~1 MB text
 * chunk they came from; keeping one in a long-lived map would keep the whole chunk in memory.
 */
export function own(value: string): string {
  return ` ${value}`.slice(1);
}

/** Source texts read on demand (UTF-8 checked), a bounded number kept; each text's hash feeds the input digest. */
export class SourceTexts {
  private readonly cache = new Map<string, string>();
  private cachedChars = 0;
  readonly hashes = new Map<string, string>();
  readonly unreadable = new Map<string, string>();

  constructor(private readonly locations: Map<string, SourceLocation>) {}

  resolved(sourceId: string): string | undefined {
    const where = this.locations.get(sourceId);
    return where?.relative === undefined ? undefined : path.resolve(path.dirname(where.datasetFile), where.relative);
  }

  async get(sourceId: string): Promise<string | undefined> {
    const cached = this.cache.get(sourceId);
    if (cached !== undefined) {
      this.cache.delete(sourceId);
      this.cache.set(own(sourceId), cached);
      return cached;
    }
    if (this.unreadable.has(sourceId)) return undefined;
    const inline = this.locations.get(sourceId)?.inline;
    if (inline !== undefined) {
      if (!this.hashes.has(sourceId)) this.hashes.set(sourceId, createHash('sha256').update(inline).digest('hex'));
      return inline;
    }
    const file = this.resolved(sourceId);
    if (file === undefined) return undefined;
    let text: string;
    try {
      const bytes = await readFile(file);
      text = decodeSourceText(bytes);
      if (!this.hashes.has(sourceId)) this.hashes.set(own(sourceId), createHash('sha256').update(bytes).digest('hex'));
    } catch (error) {
      this.unreadable.set(own(sourceId), unreadableReason(error));
      return undefined;
    }
    this.cache.set(own(sourceId), text);
    this.cachedChars += text.length;
    for (const [id, old] of this.cache) {
      if (this.cachedChars <= SOURCE_TEXT_CACHE_CHARS || id === sourceId) break;
      this.cache.delete(id);
      this.cachedChars -= old.length;
    }
    return text;
  }
}
