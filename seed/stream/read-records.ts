/**
 * Reads a dataset file one record at a time, so a file of hundreds of megabytes never sits in memory: a small
 * scanner finds where each element of the top-level arrays (actors, events, …) and each top-level value (id,
 * title, …) begins and ends, and JSON.parse reads that slice, so every value is checked by the same strict parser
 * the in-memory validator uses. Bytes are checked as UTF-8 and hashed on the way.
 */
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { describeJsonError, MAX_FILE_BYTES, RECORD_COLLECTIONS, type RecordCollection } from '../rules.ts';

const COLLECTIONS: ReadonlySet<string> = new Set(RECORD_COLLECTIONS);

export type TopLevelItem =
  | { kind: 'record'; collection: RecordCollection; index: number; value: unknown }
  | { kind: 'scalar'; key: string; value: unknown };

export class RecordReadError extends Error {
  readonly code = 'DATASET_UNREADABLE';
}

/** The text is not JSON; {@link describeSyntaxError} says where, as the in-memory validator does. */
export class JsonSyntaxError extends RecordReadError {}

/**
 * The in-memory validator's description of a syntax error (`not valid JSON (line 1, column 20): …`, rules.ts), found
 * by parsing the file whole when it is small enough to be read in memory; otherwise the scanner's own reason.
 */
export async function describeSyntaxError(file: string, error: JsonSyntaxError): Promise<string> {
  if ((await stat(file)).size > MAX_FILE_BYTES) return error.message;
  const raw = await readFile(file, 'utf8');
  try {
    JSON.parse(raw);
  } catch (syntax) {
    return describeJsonError(raw, syntax);
  }
  return error.message;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Index just past the string that opens at `start` (a quote), or -1 when the text ends inside it. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let slashes = 0;
    for (let j = quote - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/**
 * Index just past the JSON value that starts at `start`, or -1 when the text ends before it does (or, for a number
 * or literal, might go on). Only finds the extent: JSON.parse checks the value.
 */
function valueEnd(text: string, start: number, final: boolean): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return stringEnd(text, start);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const end = stringEnd(text, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return i;
    i++;
  }
  return final ? i : -1;
}

type State =
  | 'document'
  | 'firstKey'
  | 'key'
  | 'colon'
  | 'value'
  | 'afterValue'
  | 'firstRecord'
  | 'record'
  | 'afterRecord'
  | 'done';

const describe = (c: number): string =>
  Number.isNaN(c) ? 'the end of the file' : JSON.stringify(String.fromCharCode(c));

/** Turns text into top-level items; tracks where it is in the document. */
class TopLevelScanner {
  private text = '';
  private state: State = 'document';
  private key = '';
  private collection: RecordCollection | undefined;
  private index = 0;

  private unexpected(c: number, wanted: string): JsonSyntaxError {
    return new JsonSyntaxError(`not valid JSON: ${describe(c)} where ${wanted} should be`);
  }

  private parse(slice: string): unknown {
    try {
      return JSON.parse(slice);
    } catch (error) {
      throw new JsonSyntaxError(`not valid JSON: ${(error as Error).message}`);
    }
  }

  /** Scans `chunk` (and what the previous chunk left unfinished); returns the items it completed. */
  feed(chunk: string, final: boolean, out: TopLevelItem[]): void {
    const text = this.text + chunk;
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case 'document':
          if (c !== OPEN_BRACE) throw new RecordReadError('the top level must be a JSON object');
          this.state = 'firstKey';
          i++;
          continue;
        case 'firstKey':
        case 'key': {
          if (c === CLOSE_BRACE && this.state === 'firstKey') {
            this.state = 'done';
            i++;
            continue;
          }
          if (c !== QUOTE) throw this.unexpected(c, 'a key');
          const end = stringEnd(text, i);
          if (end < 0) break;
          this.key = this.parse(text.slice(i, end)) as string;
          this.state = 'colon';
          i = end;
          continue;
        }
        case 'colon':
          if (c !== COLON) throw this.unexpected(c, '":"');
          this.state = 'value';
          i++;
          continue;
        case 'value': {
          if (c === OPEN_BRACKET && COLLECTIONS.has(this.key)) {
            this.collection = this.key as RecordCollection;
            this.index = 0;
            this.state = 'firstRecord';
            i++;
            continue;
          }
          const end = valueEnd(text, i, final);
          if (end < 0) break;
          out.push({ kind: 'scalar', key: this.key, value: this.parse(text.slice(i, end)) });
          this.state = 'afterValue';
          i = end;
          continue;
        }
        case 'afterValue':
          if (c === COMMA) this.state = 'key';
          else if (c === CLOSE_BRACE) this.state = 'done';
          else throw this.unexpected(c, '"," or "}"');
          i++;
          continue;
        case 'firstRecord':
        case 'record': {
          if (c === CLOSE_BRACKET && this.state === 'firstRecord') {
            this.state = 'afterValue';
            i++;
            continue;
          }
          if (c === CLOSE_BRACKET || c === COMMA || c === CLOSE_BRACE || c === COLON)
            throw this.unexpected(c, 'a value');
          const end = valueEnd(text, i, final);
          if (end < 0) break;
          const collection = this.collection as RecordCollection;
          out.push({ kind: 'record', collection, index: this.index++, value: this.parse(text.slice(i, end)) });
          this.state = 'afterRecord';
          i = end;
          continue;
        }
        case 'afterRecord':
          if (c === COMMA) this.state = 'record';
          else if (c === CLOSE_BRACKET) this.state = 'afterValue';
          else throw this.unexpected(c, '"," or "]"');
          i++;
          continue;
        case 'done':
          throw new RecordReadError('unexpected content after the end of the top-level object');
      }
      break;
    }
    this.text = text.slice(i);
    if (final && (this.state !== 'done' || this.text.trim() !== ''))
      throw new RecordReadError('not valid JSON: the file ends before the top-level object is closed');
  }
}

/**
 * Yields every top-level record and scalar of a dataset file in document order. Throws {@link RecordReadError}
 * (or a TypeError for invalid UTF-8) with a readable reason when the file is not a JSON object.
 */
export async function* readTopLevel(file: string, hash?: Hash): AsyncGenerator<TopLevelItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new TopLevelScanner();
  let pending: TopLevelItem[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash?.update(bytes);
    scanner.feed(decoder.decode(bytes, { stream: true }), false, pending);
    if (pending.length > 0) {
      const items = pending;
      pending = [];
      yield* items;
    }
  }
  scanner.feed(decoder.decode(), true, pending);
  yield* pending;
}
