/**
 * The planned rows as CSV files for Neo4j's offline importer (`neo4j-admin database import full`): the same nodes,
 * labels, relationships and properties the writer (db/writer.ts) stores, in the importer's format. One file per label
 * or type and set of property keys (rows of one label normally share their keys), its header written beside it once
 * every row is in, so each column's type is known: `string`, `double` (the driver stores every JavaScript number as a
 * float, so the importer must too), `boolean` and `string[]`. Anything the format cannot say exactly is refused
 * before the importer runs (BulkImportUnsupportedError), so the transactional loader stays the answer for it.
 *
 * Two things the import files do not say:
 * - Strings with line breaks (a source's text): the importer's multiline parsing is slow and failed on these files,
 *   so such values are left out of the CSV and kept in `deferred.ndjson`, written over Bolt after the import
 *   (db/bulk-import.ts), before the load is marked complete.
 * - An empty list: the importer reads an empty field as no property. The writer stores `[]`, so each (label or type,
 *   key) that had an empty list is listed as a fix-up, applied after the import (db/bulk-import.ts); that is exact
 *   only when no row of that label or type left the key null, which is checked here.
 */
import path from 'node:path';
import type { DeferredProperties, EmptyListFixup } from '../../db/bulk-import.ts';
import type { JobColumn } from '../../db/load-jobs.ts';
import type { NodeRow, PropertyValue, RelRow } from '../../schema/graph.ts';
import type { RowSink } from '../stream/spool.ts';
import { BufferedFileWriter } from '../synth/files.ts';

/** Separates the elements of a list in a field; no stored string may contain it (checked). */
export const ARRAY_DELIMITER = '\u001f';

/** A value the CSV import files cannot represent exactly; the transactional loader can. */
export class BulkImportUnsupportedError extends Error {
  readonly code = 'BULK_IMPORT_UNSUPPORTED';
}

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]';

/** One `--nodes` or `--relationships` argument: a header file, then the data file. */
export interface ImportFileGroup {
  kind: 'nodes' | 'rels';
  /** Label of the rows (nodes) or relationship type. */
  name: string;
  files: [header: string, data: string];
  rows: number;
}

interface Group extends ImportFileGroup {
  keys: string[];
  types: Map<string, ColumnType>;
  writer: BufferedFileWriter;
}

interface KeyUse {
  emptyLists: number;
  absent: number;
}

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The job node's file (db/load-jobs.ts `bulkJobColumns`): header and one row, label `LoadJob`. */
export function jobFileText(columns: readonly JobColumn[]): string {
  const header = columns.map(([name, type]) => (name === 'id' ? 'id:ID(LoadJob)' : `${name}:${type}`));
  const values = columns.map(([, type, value]) =>
    type === 'string' || type === 'datetime'
      ? quote(String(value))
      : type === 'string[]'
        ? quote((value as string[]).join(ARRAY_DELIMITER))
        : String(value),
  );
  return `${header.join(',')}\n${values.join(',')}\n`;
}
const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
const hasLineBreak = (text: string): boolean => text.includes('\n') || text.includes('\r');

function typeOf(value: PropertyValue): ColumnType | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'string[]';
  throw new BulkImportUnsupportedError(`a property holds ${JSON.stringify(value)}, which the import files cannot hold`);
}

const isMultiline = (value: PropertyValue): boolean =>
  typeof value === 'string' ? hasLineBreak(value) : Array.isArray(value) && value.some(hasLineBreak);

/** The planned rows as import files in `dir`; see the module comment. */
export class ImportCsvSink implements RowSink {
  private readonly groups = new Map<string, Group>();
  private readonly counts = new Map<string, number>();
  /** Per label or type, then key: rows with an empty list, rows without the key. */
  private readonly keyUse = new Map<string, Map<string, KeyUse>>();
  private readonly deferred: BufferedFileWriter;
  private deferredRows = 0;
  private pendingDeferred = '';
  /** Where the properties left out of the import files are kept, one JSON object per line. */
  readonly deferredFile: string;

  constructor(readonly dir: string) {
    this.deferredFile = path.join(dir, 'deferred.ndjson');
    this.deferred = new BufferedFileWriter(this.deferredFile, 1 << 20);
  }

  async add(kind: 'nodes' | 'rels', name: string, rows: Array<NodeRow | RelRow>): Promise<void> {
    if (rows.length === 0) return;
    this.counts.set(`${kind}-${name}`, this.count(kind, name) + rows.length);
    let current: Group | undefined;
    let text = '';
    for (const row of rows) {
      const group = this.groupFor(kind, name, row);
      if (group !== current) {
        if (current && text) await current.writer.write(text);
        current = group;
        text = '';
      }
      text += this.line(group, row);
      group.rows++;
    }
    if (current && text) await current.writer.write(text);
    if (this.pendingDeferred) {
      await this.deferred.write(this.pendingDeferred);
      this.pendingDeferred = '';
    }
  }

  count(kind: 'nodes' | 'rels', name: string): number {
    return this.counts.get(`${kind}-${name}`) ?? 0;
  }

  private groupFor(kind: 'nodes' | 'rels', name: string, row: NodeRow | RelRow): Group {
    const keys = Object.keys(row.props);
    const signature = `${kind}\u0000${name}\u0000${keys.join('\u0000')}`;
    let group = this.groups.get(signature);
    if (!group) {
      for (const key of keys)
        if (!PROPERTY_NAME.test(key)) throw new BulkImportUnsupportedError(`property name "${key}" of ${name}`);
      const base = path.join(this.dir, `${kind}-${name}-${this.groups.size}`);
      group = {
        kind,
        name,
        keys,
        types: new Map(),
        files: [`${base}.header.csv`, `${base}.csv`],
        rows: 0,
        writer: new BufferedFileWriter(`${base}.csv`, 1 << 20),
      };
      this.groups.set(signature, group);
    }
    return group;
  }

  private use(kind: 'nodes' | 'rels', name: string, key: string): KeyUse {
    const scope = `${kind}\u0000${name}`;
    let keys = this.keyUse.get(scope);
    if (!keys) {
      keys = new Map();
      this.keyUse.set(scope, keys);
    }
    let use = keys.get(key);
    if (!use) {
      use = { emptyLists: 0, absent: 0 };
      keys.set(key, use);
    }
    return use;
  }

  private defer(group: Group, row: NodeRow | RelRow, key: string, value: PropertyValue): void {
    const record: DeferredProperties = { kind: group.kind, name: group.name, id: row.id, props: { [key]: value } };
    this.pendingDeferred += `${JSON.stringify(record)}\n`;
    this.deferredRows++;
  }

  private line(group: Group, row: NodeRow | RelRow): string {
    const fields: string[] = [];
    if (group.kind === 'nodes') {
      if (row.props.id !== row.id) throw new BulkImportUnsupportedError(`node ${row.id}: its id property differs`);
      fields.push(quote(row.id));
    } else fields.push(quote((row as RelRow).from), quote((row as RelRow).to));
    for (const key of group.keys) {
      if (group.kind === 'nodes' && key === 'id') continue;
      let value = row.props[key] ?? null;
      if (value !== null && isMultiline(value)) {
        this.defer(group, row, key, value);
        value = null;
      }
      const type = typeOf(value);
      if (type === null) {
        this.use(group.kind, group.name, key).absent++;
        fields.push('');
        continue;
      }
      const known = group.types.get(key);
      if (known === undefined) group.types.set(key, type);
      else if (known !== type)
        throw new BulkImportUnsupportedError(`${group.name}.${key} holds both ${known} and ${type} values`);
      fields.push(this.field(group, key, value as Exclude<PropertyValue, null>));
    }
    return `${fields.join(',')}\n`;
  }

  private field(group: Group, key: string, value: Exclude<PropertyValue, null>): string {
    if (typeof value === 'string') return quote(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new BulkImportUnsupportedError(`${group.name}.${key} is ${value}`);
      return String(value);
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value.length === 0) {
      this.use(group.kind, group.name, key).emptyLists++;
      return '';
    }
    for (const element of value)
      if (element.includes(ARRAY_DELIMITER))
        throw new BulkImportUnsupportedError(`${group.name}.${key}: a list element contains U+001F`);
    return quote(value.join(ARRAY_DELIMITER));
  }

  private header(group: Group): string {
    const columns = group.kind === 'nodes' ? ['id:ID'] : [':START_ID', ':END_ID'];
    for (const key of group.keys) {
      if (group.kind === 'nodes' && key === 'id') continue;
      columns.push(`${key}:${group.types.get(key) ?? 'string'}`);
    }
    return `${columns.join(',')}\n`;
  }

  async close(): Promise<void> {
    await this.deferred.close();
    for (const group of this.groups.values()) {
      await group.writer.close();
      const header = new BufferedFileWriter(group.files[0]);
      await header.write(this.header(group));
      await header.close();
    }
  }

  /** The files to import, in the order they were opened (nodes before relationships within each pass). */
  fileGroups(): ImportFileGroup[] {
    return [...this.groups.values()].map(({ kind, name, files, rows }) => ({ kind, name, files, rows }));
  }

  /** How many property values wait in {@link deferredFile}. */
  get deferredCount(): number {
    return this.deferredRows;
  }

  /**
   * The empty lists to restore after the import. Throws BulkImportUnsupportedError when a label or type has both
   * empty lists and rows without the key, which the import files cannot tell apart.
   */
  emptyListFixups(): EmptyListFixup[] {
    const fixups: EmptyListFixup[] = [];
    for (const [scope, keys] of this.keyUse) {
      const [kind, name] = scope.split('\u0000') as ['nodes' | 'rels', string];
      const total = this.count(kind, name);
      for (const [key, use] of keys) {
        if (use.emptyLists === 0) continue;
        const rowsWithout = this.rowsWithoutKey(kind, name, key);
        if (use.absent > 0 || rowsWithout > 0)
          throw new BulkImportUnsupportedError(
            `${name}.${key} is an empty list on ${use.emptyLists} of ${total} rows and missing on others`,
          );
        fixups.push({ kind, name, key });
      }
    }
    return fixups;
  }

  private rowsWithoutKey(kind: 'nodes' | 'rels', name: string, key: string): number {
    let rows = 0;
    for (const group of this.groups.values())
      if (group.kind === kind && group.name === name && !group.keys.includes(key)) rows += group.rows;
    return rows;
  }
}
