import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_KINDS,
  AGREEMENT_STATUSES,
  EVENT_TYPES,
  GRAPH_REL_TYPES,
  PLACE_KINDS,
  TERM_TYPES,
} from '../../schema/vocabulary.ts';
import { hasWord, relationWord, roleWord, typeWord } from './words.ts';

const dataset = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', '..', 'seed', 'data', 'baghouz.json'), 'utf8'),
) as {
  events: Array<{ participants?: Array<{ role: string }>; places?: Array<{ role?: string }> }>;
  agreements: Array<{ parties: Array<{ role?: string }>; terms: Array<{ places?: Array<{ role: string }> }> }>;
};

describe('the words the interface adds, in both languages', () => {
  it('has an Arabic word for every relationship type, kind, type and status of the vocabulary', () => {
    for (const type of GRAPH_REL_TYPES) expect(hasWord('relation', type), type).toBe(true);
    for (const value of [...ACTOR_KINDS, ...PLACE_KINDS, ...EVENT_TYPES, ...AGREEMENT_STATUSES, ...TERM_TYPES])
      expect(hasWord('type', value), value).toBe(true);
  });

  it('has an Arabic word for every role the curated dataset uses', () => {
    const roles = new Set<string>();
    for (const e of dataset.events) {
      for (const p of e.participants ?? []) roles.add(p.role);
      for (const p of e.places ?? []) if (p.role) roles.add(p.role);
    }
    for (const a of dataset.agreements) {
      for (const p of a.parties) if (p.role) roles.add(p.role);
      for (const t of a.terms) for (const p of t.places ?? []) roles.add(p.role);
    }
    expect(roles.size).toBeGreaterThan(20);
    for (const role of roles) expect(hasWord('role', role), role).toBe(true);
  });

  it('reads in the interface language, and falls back to English words for an unknown value', () => {
    expect(relationWord('FOUGHT', 'ar')).toBe('قاتل');
    expect(roleWord('attacker', 'en')).toBe('attacker');
    expect(typeWord('armed_group', 'ar')).toBe('جماعة مسلحة');
    expect(typeWord('NEW_KIND', 'ar')).toBe('new kind');
  });
});
