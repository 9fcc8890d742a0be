/** The rows a streamed load plans, spooled to temporary NDJSON files (one per label and type) until they are written. */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { RowSegment } from '../../db/writer.ts';
import type { NodeRow, RelRow } from '../../schema/graph.ts';
import { NODE_LABELS, REL_TYPES } from '../../schema/vocabulary.ts';
import { BufferedFileWriter } from '../synth/files.ts';

/** Buffered characters per spool file (there are 30 of them) before a write to disk. */
const SPOOL_FLUSH_CHARS = 128 * 1024;

/** Where pass 2 of a streamed load puts the rows it plans: spooled for batches (below), or import files (seed/bulk/). */
export interface RowSink {
  add(kind: 'nodes' | 'rels', name: string, rows: Array<NodeRow | RelRow>): Promise<void>;
  count(kind: 'nodes' | 'rels', name: string): number;
  close(): Promise<void>;
}

/** The node and relationship rows of the plan, one NDJSON file per label and type. */
export class RowSpool implements RowSink {
  readonly counts = new Map<string, number>();
  private readonly writers = new Map<string, BufferedFileWriter>();
  constructor(readonly dir: string) {}

  fileOf(kind: 'nodes' | 'rels', name: string): string {
    return path.join(this.dir, `${kind}-${name}.ndjson`);
  }

  async add(kind: 'nodes' | 'rels', name: string, rows: Array<NodeRow | RelRow>): Promise<void> {
    if (rows.length === 0) return;
    const key = `${kind}-${name}`;
    let writer = this.writers.get(key);
    if (!writer) {
      writer = new BufferedFileWriter(this.fileOf(kind, name), SPOOL_FLUSH_CHARS);
      this.writers.set(key, writer);
    }
    let text = '';
    for (const row of rows) text += `${JSON.stringify(row)}\n`;
    await writer.write(text);
    this.counts.set(key, (this.counts.get(key) ?? 0) + rows.length);
  }

  count(kind: 'nodes' | 'rels', name: string): number {
    return this.counts.get(`${kind}-${name}`) ?? 0;
  }

  async close(): Promise<void> {
    for (const writer of this.writers.values()) await writer.close();
  }

  /** The rows of one label or type, in the order they were planned. */
  private async *rows<T>(kind: 'nodes' | 'rels', name: string): AsyncGenerator<T> {
    if (this.count(kind, name) === 0) return;
    const input = createReadStream(this.fileOf(kind, name));
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
      if (line !== '') yield JSON.parse(line) as T;
  }

  /** Batches of `size` rows: every node label, then every relationship type, a batch spanning groups when one ends. */
  async *batches(size: number): AsyncGenerator<RowSegment[]> {
    let segments: RowSegment[] = [];
    let rows = 0;
    const groups = [
      ...NODE_LABELS.map((label) => ({ kind: 'nodes' as const, label })),
      ...REL_TYPES.map((type) => ({ kind: 'rels' as const, type })),
    ];
    for (const group of groups) {
      let segment: RowSegment | undefined;
      const name = group.kind === 'nodes' ? group.label : group.type;
      for await (const row of this.rows<NodeRow & RelRow>(group.kind, name)) {
        if (!segment) {
          segment =
            group.kind === 'nodes'
              ? { kind: 'nodes', label: group.label, rows: [] }
              : { kind: 'rels', type: group.type, rows: [] };
          segments.push(segment);
        }
        segment.rows.push(row);
        rows++;
        if (rows >= size) {
          yield segments;
          segments = [];
          segment = undefined;
          rows = 0;
        }
      }
    }
    if (rows > 0) yield segments;
  }
}
