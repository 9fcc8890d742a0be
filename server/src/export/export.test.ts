import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../../schema/acled.ts';
import type { GraphPlan } from '../../../schema/graph.ts';
import { NODE_LABELS, REL_TYPES } from '../../../schema/vocabulary.ts';
import { convertAcledCsv } from '../../../seed/acled/convert.ts';
import { planDatasets } from '../../../seed/plan.ts';
import { validateDatasetFiles } from '../../../seed/validate.ts';
import { validateGraphml } from '../../../test/graphml-schema.ts';
import { toAcledCsv } from './acled-csv.ts';
import { toDataset } from './dataset.ts';
import type { ExportGraph } from './graph.ts';
import { selectGraph } from './graph.ts';
import { toGraphml } from './graphml.ts';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const BAGHOUZ = path.join(ROOT, 'seed', 'data', 'baghouz.json');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile.json');
const MERGE = ['reuters.json', 'sana.json'].map((f) => path.join(ROOT, 'seed', 'fixtures', 'merge', f));
const ACLED = path.join(ROOT, 'seed', 'acled', 'fixtures', 'synthetic-deir-ez-zor.csv');

const scratch = await mkdtemp(path.join(tmpdir(), 'export-tests-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const ENTITY = new Set(['Actor', 'Place', 'Event', 'Agreement']);

/** What the database would hold for a plan, in the shape the export repository reads. */
function graphOf(plan: GraphPlan): ExportGraph {
  return {
    nodes: NODE_LABELS.flatMap((label) =>
      plan.nodes[label].map((n) => ({
        id: n.id,
        labels: ['KG', label, ...(ENTITY.has(label) ? ['Entity'] : [])],
        props: structuredClone(n.props),
      })),
    ),
    rels: REL_TYPES.flatMap((type) =>
      plan.rels[type].map((r) => ({ id: r.id, type, from: r.from, to: r.to, props: structuredClone(r.props) })),
    ),
  };
}

/** A plan as a comparable set of rows (order-free). */
function rowsOf(plan: GraphPlan): string[] {
  const stable = (v: unknown): string =>
    JSON.stringify(v, (_, x) =>
      x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
    );
  return [
    ...NODE_LABELS.flatMap((l) => plan.nodes[l].map((n) => `${l} ${n.id} ${stable(n.props)}`)),
    ...REL_TYPES.flatMap((t) => plan.rels[t].map((r) => `${t} ${r.id} ${r.from}>${r.to} ${stable(r.props)}`)),
  ].sort();
}

/** Keeps what one dataset stated, as the export repository's `dataset` filter does. */
function datasetPart(graph: ExportGraph, datasetId: string): ExportGraph {
  const has = (props: Record<string, unknown>) => Array.isArray(props.datasets) && props.datasets.includes(datasetId);
  return { nodes: graph.nodes.filter((n) => has(n.props)), rels: graph.rels.filter((r) => has(r.props)) };
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe('dataset JSON export', () => {
  it('round-trips the seed dataset: exported, validated and planned again, it is the same graph', async () => {
    const plan = planDatasets(await validateDatasetFiles([BAGHOUZ]));
    const exported = toDataset(graphOf(plan), { datasetId: 'baghouz-2019', title: 'export' });
    expect(exported.sources?.[0]?.text).toContain('الباغوز');
    const again = planDatasets(await validateDatasetFiles([await writeJson('baghouz-export.json', exported)]));
    expect(rowsOf(again)).toEqual(rowsOf(plan));
  });

  it("round-trips a merged graph: each dataset's own export, loaded together, merges into the same graph", async () => {
    const plan = planDatasets(await validateDatasetFiles(MERGE));
    const graph = graphOf(plan);
    const files = [];
    for (const id of ['merge-reuters', 'merge-sana']) {
      const part = toDataset(datasetPart(graph, id), { datasetId: id, title: id, claimsOf: id });
      files.push(await writeJson(`${id}.json`, part));
    }
    const sana = JSON.parse(await readFile(files[1] as string, 'utf8'));
    expect(sana.events[0].date.start).toBe('2019-03-22');
    const again = planDatasets(await validateDatasetFiles(files));
    expect(rowsOf(again)).toEqual(rowsOf(plan));
  });

  it('exports a selection as a complete dataset: cited sources and asserting actors come along', async () => {
    const plan = planDatasets(await validateDatasetFiles([BAGHOUZ]));
    const part = selectGraph(graphOf(plan), { ids: ['event:baghouz-captured'] });
    const exported = toDataset(part, { datasetId: 'selection', title: 'selection' });
    expect(exported.events?.map((e) => e.id)).toEqual(['event:baghouz-captured']);
    const valid = await validateDatasetFiles([await writeJson('selection.json', exported)]);
    expect(valid[0]?.dataset.sources.length).toBeGreaterThan(0);
  });
});

// The first validation may fetch the GraphML schema with Maven (see test/graphml-schema.ts).
describe('GraphML export', { timeout: 300_000 }, () => {
  it('is valid against the GraphML schema and carries attributes and citations', async () => {
    const plan = planDatasets(await validateDatasetFiles([BAGHOUZ, ...MERGE]));
    const xml = toGraphml(graphOf(plan));
    const result = await validateGraphml(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<key id="n_citations" for="node" attr.name="citations" attr.type="string"/>');
    expect(xml).toMatch(/<node id="actor:sdf">\s*<data key="label">[^<]*Syrian Democratic Forces[^<]*<\/data>/);
    expect(xml).toContain('date: 2019-03-22 (merge-sana)');
    const nodes = xml.match(/<node /g)?.length ?? 0;
    expect(nodes).toBe(
      plan.nodes.Actor.length + plan.nodes.Place.length + plan.nodes.Event.length + plan.nodes.Agreement.length,
    );
  });

  it('stays valid with hostile names (markup, quotes, control characters)', async () => {
    const plan = planDatasets(await validateDatasetFiles([HOSTILE]));
    const graph = graphOf(plan);
    const first = graph.nodes.find((n) => n.labels.includes('Actor'));
    if (first) first.props.description = 'a\u0001b <x> & "q" ]]>';
    const result = await validateGraphml(toGraphml(graph));
    expect(result.errors).toEqual([]);
  });

  it('fails validation when the document breaks the schema (the check is real)', async () => {
    const result = await validateGraphml(
      toGraphml({ nodes: [], rels: [] }).replace('<graph id="G"', '<graph id="G" edgedefault="sideways"'),
    );
    expect(result.valid).toBe(false);
  });
});

describe('ACLED-style CSV export', () => {
  const options = { datasetId: 'acled-test', title: 'test', sourceFile: 'acled-test.txt' };

  it('writes imported ACLED events back to the same rows: converting the export gives the same events', async () => {
    const first = convertAcledCsv(await readFile(ACLED, 'utf8'), options);
    const file = await writeJson('acled-test.json', first.dataset);
    await writeFile(path.join(scratch, 'acled-test.txt'), first.sourceText);
    const csv = toAcledCsv(graphOf(planDatasets(await validateDatasetFiles([file]))));
    const second = convertAcledCsv(csv, options);
    expect(second.problems).toEqual([]);
    const withoutOffsets = (events: unknown) =>
      JSON.parse(
        JSON.stringify(events, (key, value) =>
          (key === 'start' && typeof value === 'number') || key === 'end' ? undefined : value,
        ),
      );
    const byId = (events: typeof first.dataset.events) => [...(events ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(withoutOffsets(byId(second.dataset.events))).toEqual(withoutOffsets(byId(first.dataset.events)));
  });

  it('exports curated events with participants, places and every citation in the notes', async () => {
    const plan = planDatasets(await validateDatasetFiles([BAGHOUZ]));
    const csv = toAcledCsv(graphOf(plan));
    // A byte-order mark first, so that spreadsheet programs read the Arabic as UTF-8.
    expect(csv.startsWith('\uFEFFevent_id_cnty,')).toBe(true);
    const rows = parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(plan.nodes.Event.length);
    // Every row is dated: an event known only by the day it ended by takes that day, at a coarser precision.
    expect(rows.filter((r) => !/^\d{4}-\d{2}-\d{2}$/.test(r.event_date ?? '')).map((r) => r.event_id_cnty)).toEqual([]);
    const capturedRow = rows.find((r) => r.event_id_cnty === 'event:baghouz-captured');
    expect([capturedRow?.event_date, capturedRow?.year, capturedRow?.time_precision]).toEqual([
      '2019-03-23',
      '2019',
      '2',
    ]);
    const captured = rows.find((r) => r.event_id_cnty === 'event:baghouz-captured');
    expect(captured?.location).toBeTruthy();
    expect(captured?.country).toBe('Syria');
    expect(captured?.notes).toMatch(/quote: /);
    expect(captured?.source).not.toBe('');
  });
});
