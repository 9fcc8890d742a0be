import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTopLevel, type TopLevelItem } from './read-records.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'read-records-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function read(text: string | Buffer): Promise<TopLevelItem[]> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, text);
  const items: TopLevelItem[] = [];
  for await (const item of readTopLevel(file)) items.push(item);
  return items;
}

describe('reading a dataset file record by record', () => {
  it('yields each element of the record arrays and each top-level scalar, in document order', async () => {
    const items = await read(
      JSON.stringify({
        formatVersion: 1,
        actors: [{ id: 'actor:a', aliases: ['x', 'ي'], n: 1.5, ok: true, none: null }, { id: 'actor:b' }],
        id: 'set',
        events: [],
        extra: { nested: [1, { deep: 'yes' }] },
        relationships: [3],
      }),
    );
    expect(items).toEqual([
      { kind: 'scalar', key: 'formatVersion', value: 1 },
      {
        kind: 'record',
        collection: 'actors',
        index: 0,
        value: { id: 'actor:a', aliases: ['x', 'ي'], n: 1.5, ok: true, none: null },
      },
      { kind: 'record', collection: 'actors', index: 1, value: { id: 'actor:b' } },
      { kind: 'scalar', key: 'id', value: 'set' },
      { kind: 'scalar', key: 'extra', value: { nested: [1, { deep: 'yes' }] } },
      { kind: 'record', collection: 'relationships', index: 0, value: 3 },
    ]);
  });

  it('reads records that span read chunks', async () => {
    const actors = Array.from({ length: 3000 }, (_, i) => ({ id: `actor:a${i}`, name: 'ا'.repeat(500) }));
    const items = await read(JSON.stringify({ actors }));
    expect(items).toHaveLength(3000);
    expect(items[2999]).toEqual({ kind: 'record', collection: 'actors', index: 2999, value: actors[2999] });
  });

  it('finds record boundaries through strings holding brackets, quotes and escapes, across chunks', async () => {
    const tricky = ['a "quoted" } ] { [ word', 'ends with a backslash \\', '\\"', 'ي\u0000}', ''];
    const actors = Array.from({ length: 4000 }, (_, i) => ({
      id: `actor:${i}`,
      name: tricky[i % tricky.length],
      aliases: [tricky[(i + 1) % tricky.length], '{"x": [1]}'],
      n: i % 7 === 0 ? -1.25e-3 : i,
    }));
    const items = await read(
      `{\n  "actors" : [\n${actors.map((a) => JSON.stringify(a)).join(' ,\n')}\n ] , "id":"x"}\n`,
    );
    expect(items.filter((i) => i.kind === 'record').map((i) => i.value)).toEqual(actors);
    expect(items.at(-1)).toEqual({ kind: 'scalar', key: 'id', value: 'x' });
  });

  it('rejects what is not one JSON object, with the reason', async () => {
    await expect(read('{"actors": [{"id": "a"} {"id": "b"}]}')).rejects.toThrow(/not valid JSON/);
    await expect(read('{"actors": [{"id": "a"},]}')).rejects.toThrow(/not valid JSON/);
    await expect(read('{"actors": [{"id": "a",}]}')).rejects.toThrow(/not valid JSON/);
    await expect(read('{"id": "a" "title": "b"}')).rejects.toThrow(/not valid JSON/);
    await expect(read('{"id": tru}')).rejects.toThrow(/not valid JSON/);
    await expect(read('[1, 2]')).rejects.toThrow('the top level must be a JSON object');
    await expect(read('{"actors": [{"id": "a"}')).rejects.toThrow('ends before the top-level object is closed');
    await expect(read('{"actors": [}')).rejects.toThrow(/not valid JSON/);
    await expect(read('{} {}')).rejects.toThrow(/after the end of the top-level object|not valid JSON/);
    await expect(read(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).rejects.toThrow(TypeError);
  });
});
