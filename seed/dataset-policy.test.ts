/**
 * The rules of issue 13 checked on the curated datasets in seed/data/, until the validator enforces them for
 * every dataset (phase 2, see docs/authoring.md "Certainty policy").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Citation, Dataset } from '../schema/dataset.ts';
import { certaintyRank } from '../schema/vocabulary.ts';

const DATA_DIR = path.join(import.meta.dirname, 'data');
const files = readdirSync(DATA_DIR).filter((f) => f.endsWith('.json'));

const withoutQuoteMarks = (s: string) =>
  s
    .replace(/[“”"«»„‟]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every citation of a dataset with a readable place for messages. */
function citationsOf(d: Dataset): { where: string; c: Citation }[] {
  const out: { where: string; c: Citation }[] = [];
  const add = (where: string, list: Citation[] | undefined) => {
    for (const [i, c] of (list ?? []).entries()) out.push({ where: `${where}[${i}]`, c });
  };
  for (const e of [...d.actors, ...d.places, ...d.events, ...d.agreements]) add(`${e.id} citations`, e.citations);
  for (const e of d.events) {
    for (const p of e.participants) add(`${e.id} participant ${p.actor}`, p.citations);
    for (const p of e.places) add(`${e.id} place ${p.place}`, p.citations);
    for (const f of e.figures) add(`${e.id} figure ${f.measure}`, f.citations);
  }
  for (const a of d.agreements) {
    for (const p of a.parties) add(`${a.id} party ${p.actor}`, p.citations);
    for (const r of a.rejectedBy) add(`${a.id} rejectedBy ${r.actor}`, r.citations);
    for (const p of a.places) add(`${a.id} place ${p.place}`, p.citations);
    for (const t of a.terms) {
      add(`${a.id} term ${t.type}`, t.citations);
      for (const f of t.figures) add(`${a.id} term ${t.type} figure ${f.measure}`, f.citations);
    }
    for (const f of a.figures) add(`${a.id} figure ${f.measure}`, f.citations);
  }
  for (const r of d.relationships) add(`${r.type} ${r.from}>${r.to}`, r.citations);
  return out;
}

describe.each(files)('%s', (file) => {
  const dataset = Dataset.parse(JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')));
  const texts = new Map(
    dataset.sources.map((s) => [s.id, s.text ?? readFileSync(path.join(DATA_DIR, s.file ?? ''), 'utf8')]),
  );
  const arabicSources = new Set(dataset.sources.filter((s) => s.language === 'ar').map((s) => s.id));
  const entities = [...dataset.actors, ...dataset.places, ...dataset.events, ...dataset.agreements];
  const citations = citationsOf(dataset);
  const kindOf = new Map(dataset.actors.map((a) => [a.id, a.kind]));

  it('gives every entity of an Arabic source an Arabic name and says where it comes from', () => {
    for (const e of entities) {
      if (!e.citations.some((c) => arabicSources.has(c.source))) continue;
      expect(e.nameAr, e.id).toBeDefined();
      const origin = e.nameArOrigin;
      expect(origin, `${e.id} nameArOrigin`).toBeDefined();
      if (origin?.origin === 'article') {
        expect(texts.get(origin.source)?.slice(origin.start, origin.end), `${e.id} nameArOrigin span`).toBe(
          origin.quote,
        );
        expect(withoutQuoteMarks(origin.quote), `${e.id} nameAr is the quoted words`).toBe(
          withoutQuoteMarks(e.nameAr ?? ''),
        );
      } else {
        expect(origin?.note, `${e.id}: an editors' name says which words it is built from`).toBeDefined();
      }
    }
  });

  it('gives every alias an origin, and no origin to a name that is not an alias', () => {
    for (const e of entities) {
      expect(Object.keys(e.aliasOrigins ?? {}).sort(), e.id).toEqual([...e.aliases].sort());
    }
  });

  it('marks a contradicted citation disputed and points at citations that exist', () => {
    const spans = new Set(citations.map(({ c }) => `${c.source} ${c.start}-${c.end}`));
    let contradicted = 0;
    for (const { where, c } of citations) {
      if (!c.contradictedBy?.length) continue;
      contradicted++;
      expect(c.certainty, where).toBe('disputed');
      for (const ref of c.contradictedBy)
        expect(spans, where).toContain(`${ref.source ?? c.source} ${ref.start}-${ref.end}`);
    }
    if (file === 'baghouz.json') expect(contradicted).toBeGreaterThan(0);
  });

  it('keeps inferred participants and parties at most alleged', () => {
    const inferred = [
      ...dataset.events.flatMap((e) => e.participants.map((p) => ({ where: `${e.id} ${p.actor}`, ...p }))),
      ...dataset.agreements.flatMap((a) => a.parties.map((p) => ({ where: `${a.id} ${p.actor}`, ...p }))),
    ].filter((p) => p.inferred !== undefined);
    for (const p of inferred) {
      expect(p.citations?.length, `${p.where}: an inferred role cites what it is inferred from`).toBeGreaterThan(0);
      for (const c of p.citations ?? []) {
        expect(certaintyRank(c.certainty), p.where).toBeGreaterThanOrEqual(certaintyRank('alleged'));
      }
    }
  });

  it('never states an agreement known only from unnamed sources as in effect or implemented', () => {
    for (const a of dataset.agreements) {
      const voices = new Set(a.citations.map((c) => kindOf.get(c.attributedTo)));
      if (voices.size === 1 && voices.has('unnamed_sources')) {
        expect(['in_effect', 'implemented'], a.id).not.toContain(a.status);
      }
    }
  });

  it('does not call what unnamed sources say "confirmed" in English', () => {
    for (const { where, c } of citations) {
      if (kindOf.get(c.attributedTo) !== 'unnamed_sources') continue;
      expect(c.translation, where).not.toMatch(/confirm/i);
    }
  });
});
