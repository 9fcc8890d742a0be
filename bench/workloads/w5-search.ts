/**
 * W5: search by name with the product's full-text index (`searchNodes`) vs a `toLower(...) CONTAINS` scan over
 * names, Arabic names and aliases; latency of both, and recall on Arabic spelling variants of real names.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { readQuery } from '../../db/access.ts';
import { searchNodes } from '../../db/repositories/search.ts';
import { spellingVariants } from '../../seed/synth/arabic-variants.ts';
import type { BenchContext } from '../context.ts';
import { REPO } from '../dataset.ts';
import { interleave, measurement } from '../measure.ts';
import { summarize } from '../stats.ts';
import type { WorkloadReport } from '../types.ts';
import { pick, rows, seededRandom } from './samples.ts';

const QUERIES = 20;
const LIMIT = 20;
const PEER = 'toLower(…) CONTAINS scan';

// Ranked like the search (exact name first, then shorter names), so it has to look at every match, as a search
// that returns the best hits must.
const CONTAINS_SCAN = `
  MATCH (n:Entity)
  WHERE toLower(n.name) CONTAINS $text
     OR toLower(coalesce(n.nameAr, '')) CONTAINS $text
     OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $text)
  RETURN n.id AS id
  ORDER BY toLower(n.name) = $text DESC, size(n.name), n.id
  LIMIT $limit`;

interface Named {
  id: string;
  name: string;
  nameAr: string | null;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

interface Variant {
  id: string;
  name: string;
  variant: string;
  rule: string;
}

/**
 * Arabic spelling variants of real names that the data itself does not contain (so only normalisation can find them):
 * from the generator's variants.jsonl for synthetic data, else made from the names with the generator's rules.
 */
async function spellingVariantsOf(ctx: BenchContext, entities: Named[]): Promise<Variant[]> {
  const file = ctx.dataset.files[0] && path.join(REPO, path.dirname(ctx.dataset.files[0]), 'variants.jsonl');
  if (file && existsSync(file))
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Variant & { nameAr: string; inDataset: boolean })
      .filter((v) => !v.inDataset)
      .map((v) => ({ id: v.id, name: v.nameAr, variant: v.variant, rule: v.rule }));
  return entities.flatMap((e) =>
    e.nameAr ? spellingVariants(e.nameAr).map((v) => ({ id: e.id, name: e.nameAr as string, ...v })) : [],
  );
}

export async function w5Search(ctx: BenchContext): Promise<WorkloadReport> {
  const random = seededRandom(ctx.dataset.seed + 5);
  const entities = await rows<Named>(
    ctx.driver,
    'MATCH (n:Entity) WHERE n.name IS NOT NULL RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr ORDER BY id',
  );
  const scan = (text: string) =>
    readQuery(ctx.driver, CONTAINS_SCAN, { text: text.toLowerCase(), limit: neo4j.int(LIMIT) });
  const search = (text: string) => searchNodes(ctx.driver, { text, limit: LIMIT });

  const queries = pick(entities, QUERIES, random).map((e) => e.name);
  const sweep = (side: 'subject' | 'peer') => async () => {
    const latencies: number[] = [];
    for (const text of queries)
      latencies.push((await timed<unknown>(() => (side === 'subject' ? search(text) : scan(text)))).ms);
    return latencies;
  };
  const results = await interleave(ctx, 'W5 search', sweep('subject'), sweep('peer'));
  const subject = summarize(results.subject.flat());
  const peer = summarize(results.peer.flat());

  const arabic = pick(await spellingVariantsOf(ctx, entities), QUERIES, random);
  let subjectFound = 0;
  let peerFound = 0;
  for (const q of arabic) {
    if ((await search(q.variant)).some((hit) => hit.node.id === q.id)) subjectFound++;
    const scanned = await scan(q.variant);
    if (scanned.records.some((r) => r.get('id') === q.id)) peerFound++;
  }

  const measurements = [
    measurement({
      workload: 'W5',
      name: `search by name (${queries.length} names, limit ${LIMIT}): median latency`,
      peer: PEER,
      metric: 'p50 ms',
      higherIsBetter: false,
      subjectSamples: results.subject.map((r) => summarize(r).p50),
      peerSamples: results.peer.map((r) => summarize(r).p50),
      goal: { kind: 'ratioAtLeast', value: 100 },
      notes: 'repository call incl. Bolt round trip',
    }),
    measurement({
      workload: 'W5',
      name: `search by name (${queries.length} names, limit ${LIMIT}): p95`,
      peer: PEER,
      metric: 'p95 ms',
      higherIsBetter: false,
      subjectSamples: results.subject.map((r) => summarize(r).p95),
      peerSamples: results.peer.map((r) => summarize(r).p95),
      goal: { kind: 'atMost', value: 10, unit: 'ms' },
      goalText: 'p95 ≤10 ms',
    }),
  ];
  if (arabic.length > 0)
    measurements.push(
      measurement({
        workload: 'W5',
        name: `recall on Arabic spelling variants absent from the data (${arabic.length} names; hamza, ة/ه, ى/ي)`,
        peer: PEER,
        metric: 'recall %',
        higherIsBetter: true,
        subjectSamples: [(100 * subjectFound) / arabic.length],
        peerSamples: [(100 * peerFound) / arabic.length],
      }),
    );
  return {
    workload: 'W5',
    title: 'Search: full-text index with Arabic normalisation vs a toLower(...) CONTAINS scan',
    dataset: ctx.dataset.label,
    measurements,
    details: { queries, subject, peer, arabic, subjectFound, peerFound, peerQuery: CONTAINS_SCAN },
  };
}
