/**
 * Reads a dataset file one record at a time with stream-json's tokenizer, so a file of hundreds of megabytes
 * never sits in memory: each element of the top-level arrays (actors, events, …) is assembled on its own, and
 * the top-level scalars (id, title, …) are collected. Bytes are checked as UTF-8 and hashed on the way.
 */
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import Assembler from 'stream-json/core/assembler.js';
import { jsonParser } from 'stream-json/core/parser.js';
import { describeJsonError, MAX_FILE_BYTES, RECORD_COLLECTIONS, type RecordCollection } from '../rules.ts';

const COLLECTIONS: ReadonlySet<string> = new Set(RECORD_COLLECTIONS);

export type TopLevelItem =
  | { kind: 'record'; collection: RecordCollection; index: number; value: unknown }
  | { kind: 'scalar'; key: string; value: unknown };

export class RecordReadError extends Error {
  readonly code = 'DATASET_UNREADABLE';
}

/** The tokenizer refused the text; {@link describeSyntaxError} says where, as the in-memory validator does. */
export class JsonSyntaxError extends RecordReadError {}

/**
 * The in-memory validator's description of a syntax error (`not valid JSON (line 1, column 20): …`, rules.ts), found
 * by parsing the file whole when it is small enough to be read in memory; otherwise the tokenizer's own reason.
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

interface Token {
  name: string;
  value?: string;
}

function primitive(token: Token): { value: unknown } | undefined {
  switch (token.name) {
    case 'stringValue':
      return { value: token.value };
    case 'numberValue':
      return { value: Number.parseFloat(token.value ?? '') };
    case 'nullValue':
      return { value: null };
    case 'trueValue':
      return { value: true };
    case 'falseValue':
      return { value: false };
    default:
      return undefined;
  }
}

/** Turns tokens into top-level items; tracks where it is in the document. */
class TopLevelSplitter {
  private depth = 0;
  private key: string | undefined;
  private collection: RecordCollection | undefined;
  private index = 0;
  private assembler: Assembler | undefined;
  private assemblerDepth = 0;
  private finished = false;

  constructor(private readonly emit: (item: TopLevelItem) => void) {}

  private deliver(value: unknown): void {
    if (this.collection) this.emit({ kind: 'record', collection: this.collection, index: this.index++, value });
    else if (this.key !== undefined) {
      this.emit({ kind: 'scalar', key: this.key, value });
      this.key = undefined;
    }
  }

  token(token: Token): void {
    if (this.assembler) {
      this.assembler.consume(token as never);
      if (token.name === 'startObject' || token.name === 'startArray') this.assemblerDepth++;
      else if (token.name === 'endObject' || token.name === 'endArray') {
        this.assemblerDepth--;
        if (this.assemblerDepth === 0) {
          const value = this.assembler.current;
          this.assembler = undefined;
          this.deliver(value);
        }
      }
      return;
    }
    if (this.finished) throw new RecordReadError('unexpected content after the end of the top-level object');
    if (this.depth === 0) {
      if (token.name !== 'startObject') throw new RecordReadError('the top level must be a JSON object');
      this.depth = 1;
      return;
    }
    if (this.depth === 1) {
      if (token.name === 'keyValue') {
        this.key = token.value;
        return;
      }
      if (token.name === 'endObject') {
        this.depth = 0;
        this.finished = true;
        return;
      }
      if (token.name === 'startArray' && this.key !== undefined && COLLECTIONS.has(this.key)) {
        this.collection = this.key as RecordCollection;
        this.key = undefined;
        this.index = 0;
        this.depth = 2;
        return;
      }
    } else if (this.depth === 2 && token.name === 'endArray') {
      this.collection = undefined;
      this.depth = 1;
      return;
    }
    const value = primitive(token);
    if (value) {
      this.deliver(value.value);
      return;
    }
    if (token.name === 'startObject' || token.name === 'startArray') {
      this.assembler = new Assembler();
      this.assembler.consume(token as never);
      this.assemblerDepth = 1;
      return;
    }
    throw new RecordReadError(`unexpected JSON token ${token.name}`);
  }

  end(): void {
    if (!this.finished)
      throw new RecordReadError('not valid JSON: the file ends before the top-level object is closed');
  }
}

function tokensOf(output: unknown): Token[] {
  if (output === null || output === undefined || typeof output === 'symbol') return [];
  if (typeof output === 'object' && 'values' in output && Array.isArray((output as { values: unknown }).values))
    return (output as { values: Token[] }).values;
  return [output as Token];
}

/**
 * Yields every top-level record and scalar of a dataset file in document order. Throws {@link RecordReadError}
 * (or a TypeError for invalid UTF-8) with a readable reason when the file is not a JSON object.
 */
export async function* readTopLevel(file: string, hash?: Hash): AsyncGenerator<TopLevelItem> {
  const parse = jsonParser({ streamValues: false });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: TopLevelItem[] = [];
  const splitter = new TopLevelSplitter((item) => pending.push(item));
  const feed = (text: string) => {
    let output: unknown;
    try {
      output = parse(text);
    } catch (error) {
      throw new JsonSyntaxError(`not valid JSON: ${(error as Error).message}`);
    }
    for (const token of tokensOf(output)) splitter.token(token);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash?.update(bytes);
    feed(decoder.decode(bytes, { stream: true }));
    if (pending.length > 0) {
      const items = pending;
      pending = [];
      yield* items;
    }
  }
  // A complete document ends with "}", which the tokenizer reports without a flush; a truncated one fails in end().
  feed(decoder.decode());
  yield* pending;
  splitter.end();
}
