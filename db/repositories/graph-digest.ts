/** A content hash of everything the product stored, to prove loads idempotent and rejected loads harmless. */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { readQuery } from '../access.ts';
import { type Plain, toPlain } from '../plain.ts';

/** Bookkeeping of streamed loads (which load wrote a row), not content: the digest ignores it. */
const IGNORED_PROPERTIES = new Set(['loadStamp']);

function contentProps(props: Plain): Plain {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return props;
  return Object.fromEntries(Object.entries(props).filter(([key]) => !IGNORED_PROPERTIES.has(key)));
}

function stable(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k] as Plain)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** SHA-256 over every KG node (labels, properties) and every relationship between them (type, ends, properties), `loadStamp` excepted. */
export async function graphDigest(driver: Driver): Promise<{ hash: string; nodes: number; relationships: number }> {
  const nodes = await readQuery(
    driver,
    'MATCH (n:KG) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const rels = await readQuery(
    driver,
    'MATCH (a:KG)-[r]->(b:KG) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.id',
  );
  const hash = createHash('sha256');
  for (const r of nodes.records) {
    const labels = (toPlain(r.get('labels')) as string[]).sort();
    hash.update(
      `${stable(toPlain(r.get('id')))}|${labels.join(':')}|${stable(contentProps(toPlain(r.get('props'))))}\n`,
    );
  }
  for (const r of rels.records)
    hash.update(`${r.get('from')}|${r.get('type')}|${r.get('to')}|${stable(contentProps(toPlain(r.get('props'))))}\n`);
  return { hash: hash.digest('hex'), nodes: nodes.records.length, relationships: rels.records.length };
}
