/**
 * W5: search by name with the product's full-text index (`searchNodes`) vs a `toLower(...) CONTAINS` scan over
 * names, Arabic names and aliases; latency of both, and recall on Arabic spelling variants of real names.
 */
import neo4j from 'neo4j-driver';
import { searchNodes } from '../../server/src/db/repositories/search.ts';
import type { BenchContext } from '../context.ts';
import { interleave, measurement } from '../measure.ts';
import { summarize } from '../stats.ts';
import type { WorkloadReport } from '../types.ts';
import { arabicVariants } from './arabic-variants.ts';
import { pick, rows, seededRandom } from './samples.ts';

const QUERIES = 20;
const LIMIT = 20;
const PEER = 'toLower(…) CONTAINS scan';

const CONTAINS_SCAN = `
  MATCH (n:Entity)
  WHERE toLower(n.name) CONTAINS $text
     OR toLower(coalesce(n.nameAr, '')) CONTAINS $text
     OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $text)
  RETURN n.id AS id
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

export async function w5Search(ctx: BenchContext): Promise<WorkloadReport> {
  const random = seededRandom(ctx.dataset.seed + 5);
  const entities = await rows<Named>(
    ctx.driver,
    'MATCH (n:Entity) WHERE n.name IS NOT NULL RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr ORDER BY id',
  );
  const scan = (text: string) =>
    ctx.driver.executeQuery(CONTAINS_SCAN, { text: text.toLowerCase(), limit: neo4j.int(LIMIT) }, { routing: 'READ' });
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

  const arabic = pick(
    entities.filter((e) => e.nameAr && arabicVariants(e.nameAr).length > 0),
    QUERIES,
    random,
  ).map((e) => ({ id: e.id, name: e.nameAr as string, variant: arabicVariants(e.nameAr as string)[0] as string }));
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
        name: `recall on Arabic spelling variants (${arabic.length} names, hamza/ة/ى/diacritics/tatweel)`,
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
