/**
 * Entity merging across datasets loaded together (pure; no database).
 *
 * Two entities of the same type (actor, place, event, agreement) from different datasets become one node when
 *   - they have the same id,
 *   - one lists the other in `sameAs`, or
 *   - they share a name or alias (name, nameAr or aliases, in either script) after search normalisation. Aliases
 *     marked "outside" (`aliasOrigins`: knowledge from outside the source) count only for a dataset that sets
 *     `mergeOnOutsideAliases`; a merge made on one says so, and a pair kept apart because of it is reported.
 * An alias match is not applied when one lists the other in `distinctFrom`, when it would put two entities of one
 * dataset into one node, when two places are more than {@link MAX_PLACE_DISTANCE_KM} apart, when two events have
 * different types, or when two events' or agreements' dates do not overlap (the same name on another day is another
 * event; sources that date one event differently link it by id or `sameAs`, and both dates are kept as claims). Every decision (merged or kept apart, and on which key) is reported.
 * The surviving id is the one of the first dataset given (then the first in that dataset).
 */
import type { Dataset } from '../schema/dataset.ts';
import { earliestDay, latestDay } from '../schema/dates.ts';
import type { MergeDecision, MergeKey } from '../schema/graph.ts';
import { normalizeForSearch } from '../schema/normalize.ts';

export const MAX_PLACE_DISTANCE_KM = 50;

type Collection = 'actors' | 'places' | 'events' | 'agreements';
const COLLECTIONS: readonly Collection[] = ['actors', 'places', 'events', 'agreements'];

export interface MergeInput {
  dataset: Dataset;
  file?: string | undefined;
}

export interface MergeProblem {
  file: string;
  path: string;
  message: string;
}

export interface MergeResult {
  /** Every id that is not the surviving id of its group → the surviving id. */
  canonicalOf: Map<string, string>;
  decisions: MergeDecision[];
  problems: MergeProblem[];
}

interface Member {
  datasetIndex: number;
  datasetId: string;
  file: string;
  collection: Collection;
  index: number;
  id: string;
  /** Normalised names the merge may join on. */
  names: string[];
  /** Which of `names` are outside aliases only (the dataset opts in). */
  outsideNames: Set<string>;
  /** Outside aliases not used, because the dataset does not opt in. */
  withheldNames: string[];
  sameAs: string[];
  distinctFrom: string[];
  coordinates?: { lat: number; lon: number } | undefined;
  eventType?: string | undefined;
  /** First and last day an event's or agreement's date can mean. */
  window?: { earliest: string | undefined; latest: string | undefined } | undefined;
}

const normalisedNames = (names: Array<string | undefined>): Set<string> =>
  new Set(
    names
      .filter((n): n is string => n !== undefined)
      .map(normalizeForSearch)
      .filter((n) => n.length > 1),
  );

/** An entity's names the merge may join on, and its outside aliases (used only when its dataset opts in). */
function namesOf(entity: Dataset[Collection][number], optIn: boolean) {
  const origins = entity.aliasOrigins ?? {};
  const isOutside = (alias: string) => origins[alias] === 'outside';
  const own = normalisedNames([entity.name, entity.nameAr, ...entity.aliases.filter((a) => !isOutside(a))]);
  const outside = [...normalisedNames(entity.aliases.filter(isOutside))].filter((n) => !own.has(n));
  return {
    names: optIn ? [...own, ...outside] : [...own],
    outsideNames: new Set(optIn ? outside : []),
    withheldNames: optIn ? [] : outside,
  };
}

function membersOf(inputs: readonly MergeInput[]): Member[] {
  const members: Member[] = [];
  for (const [datasetIndex, { dataset, file }] of inputs.entries())
    for (const collection of COLLECTIONS)
      for (const [index, entity] of dataset[collection].entries()) {
        members.push({
          datasetIndex,
          datasetId: dataset.id,
          file: file ?? dataset.id,
          collection,
          index,
          id: entity.id,
          ...namesOf(entity, dataset.mergeOnOutsideAliases === true),
          sameAs: entity.sameAs,
          distinctFrom: entity.distinctFrom,
          coordinates: 'coordinates' in entity ? entity.coordinates : undefined,
          eventType: collection === 'events' && 'type' in entity ? String(entity.type) : undefined,
          window:
            'date' in entity && entity.date
              ? { earliest: earliestDay(entity.date), latest: latestDay(entity.date) }
              : undefined,
        });
      }
  return members;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Window = Member['window'];

/** True unless both windows are known and disjoint: events of one name on different days are different events. */
function windowsOverlap(a: Window, b: Window): boolean {
  if (!a || !b) return true;
  if (a.earliest && b.latest && a.earliest > b.latest) return false;
  if (b.earliest && a.latest && b.earliest > a.latest) return false;
  return true;
}

const describeWindow = (w: Window) =>
  w?.earliest === w?.latest ? String(w?.earliest) : `${w?.earliest ?? '…'} – ${w?.latest ?? '…'}`;

class Groups {
  private readonly parent: number[];
  private readonly lists: number[][];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.lists = Array.from({ length: size }, (_, i) => [i]);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  /** Joins two groups; the group with the smaller root (the earlier member) keeps its root. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    (this.lists[keep] as number[]).push(...(this.lists[drop] as number[]));
    this.lists[drop] = [];
  }
  membersOf(i: number): number[] {
    return this.lists[this.find(i)] as number[];
  }
}

/** Computes which entities of several datasets are one, with the decisions and any problems. */
export function computeMerges(inputs: readonly MergeInput[]): MergeResult {
  const members = membersOf(inputs);
  const groups = new Groups(members.length);
  const decisions: MergeDecision[] = [];
  const problems: MergeProblem[] = [];
  const byId = new Map<string, number[]>();
  for (const [i, m] of members.entries()) byId.set(m.id, [...(byId.get(m.id) ?? []), i]);

  const decide = (a: Member, b: Member, key: MergeKey, alias?: string, aliasOrigin?: 'article' | 'outside') =>
    decisions.push({
      decision: 'merged',
      into: a.id,
      id: b.id,
      key,
      ...(alias === undefined ? {} : { alias, aliasOrigin: aliasOrigin ?? 'article' }),
      datasets: [a.datasetId, b.datasetId],
    });

  // 1. The same id in several datasets is one entity.
  for (const indexes of byId.values()) {
    const [first, ...rest] = indexes;
    if (first === undefined) continue;
    for (const other of rest) {
      groups.union(first, other);
      decide(members[first] as Member, members[other] as Member, 'id');
    }
  }

  const sameDatasetClash = (a: number, b: number): [Member, Member] | undefined => {
    const joined = [...groups.membersOf(a), ...groups.membersOf(b)];
    for (const [k, x] of joined.entries())
      for (const y of joined.slice(k + 1)) {
        const mx = members[x] as Member;
        const my = members[y] as Member;
        if (mx.datasetIndex === my.datasetIndex && mx.id !== my.id) return [mx, my];
      }
    return undefined;
  };

  // 2. sameAs: the author says so; only impossible merges (two entities of one dataset) are refused.
  for (const [i, m] of members.entries())
    for (const [j, target] of m.sameAs.entries()) {
      const path = `$.${m.collection}[${m.index}].sameAs[${j}]`;
      if (target.split(':')[0] !== m.id.split(':')[0]) {
        problems.push({ file: m.file, path, message: `"${target}" is not the same kind of entity as "${m.id}"` });
        continue;
      }
      for (const k of byId.get(target) ?? []) {
        if (groups.find(k) === groups.find(i)) continue;
        const clash = sameDatasetClash(i, k);
        if (clash) {
          problems.push({
            file: m.file,
            path,
            message: `would merge "${clash[0].id}" and "${clash[1].id}", both from dataset ${clash[0].datasetId}; use one id there`,
          });
          continue;
        }
        const [a, b] = k < i ? [k, i] : [i, k];
        groups.union(a, b);
        decide(members[groups.find(a)] as Member, members[b] as Member, 'sameAs');
      }
    }

  // 3. Shared normalised names and aliases, across datasets.
  const distinct = new Set<string>();
  for (const m of members) for (const other of m.distinctFrom) distinct.add(`${m.id}|${other}`).add(`${other}|${m.id}`);
  const byName = new Map<string, number[]>();
  for (const [i, m] of members.entries())
    for (const name of m.names) {
      const key = `${m.collection}|${name}`;
      byName.set(key, [...(byName.get(key) ?? []), i]);
    }
  const keptApart = new Set<string>();
  const withheld = new Map<string, number[]>();
  for (const [i, m] of members.entries())
    for (const name of m.withheldNames) {
      const key = `${m.collection}|${name}`;
      withheld.set(key, [...(withheld.get(key) ?? []), i]);
    }
  const keepApart = (a: Member, b: Member, alias: string, reason: string, aliasOrigin: 'article' | 'outside') => {
    const key = `${a.id}|${b.id}`;
    if (keptApart.has(key)) return;
    keptApart.add(key);
    decisions.push({
      decision: 'kept-apart',
      into: a.id,
      id: b.id,
      key: 'alias',
      alias,
      aliasOrigin,
      datasets: [a.datasetId, b.datasetId],
      reason,
    });
  };
  for (const [key, indexes] of byName) {
    const alias = key.slice(key.indexOf('|') + 1);
    const [first, ...rest] = indexes;
    if (first === undefined) continue;
    for (const other of rest) {
      if (groups.find(first) === groups.find(other)) continue;
      const origin = [first, other].some((k) => (members[k] as Member).outsideNames.has(alias)) ? 'outside' : 'article';
      // Within one dataset the author chose separate ids on purpose.
      if ((members[first] as Member).datasetIndex === (members[other] as Member).datasetIndex) continue;
      const a = members[groups.find(first)] as Member;
      const b = members[other] as Member;
      const groupA = groups.membersOf(first).map((k) => members[k] as Member);
      const groupB = groups.membersOf(other).map((k) => members[k] as Member);
      const listed = groupA.some((x) => groupB.some((y) => distinct.has(`${x.id}|${y.id}`)));
      if (listed) {
        keepApart(a, b, alias, 'listed in distinctFrom', origin);
        continue;
      }
      const clash = sameDatasetClash(first, other);
      if (clash) {
        keepApart(
          a,
          b,
          alias,
          `would merge "${clash[0].id}" and "${clash[1].id}" of dataset ${clash[0].datasetId}`,
          origin,
        );
        continue;
      }
      const far = groupA
        .flatMap((x) => groupB.map((y) => [x, y] as const))
        .find(
          ([x, y]) =>
            x.coordinates && y.coordinates && distanceKm(x.coordinates, y.coordinates) > MAX_PLACE_DISTANCE_KM,
        );
      if (far?.[0].coordinates && far[1].coordinates) {
        const km = Math.round(distanceKm(far[0].coordinates, far[1].coordinates));
        keepApart(a, b, alias, `same name but ${km} km apart`, origin);
        continue;
      }
      const apart = groupA
        .flatMap((x) => groupB.map((y) => [x, y] as const))
        .find(([x, y]) => !windowsOverlap(x.window, y.window));
      if (apart) {
        keepApart(
          a,
          b,
          alias,
          `dates do not overlap (${describeWindow(apart[0].window)} and ${describeWindow(apart[1].window)})`,
          origin,
        );
        continue;
      }
      const types = new Set([...groupA, ...groupB].map((x) => x.eventType).filter((t) => t !== undefined));
      if (types.size > 1) {
        keepApart(a, b, alias, `different event types (${[...types].join(', ')})`, origin);
        continue;
      }
      groups.union(first, other);
      decide(members[groups.find(first)] as Member, b, 'alias', alias, origin);
    }
  }

  // 4. Outside aliases of datasets that do not opt in: say which pairs they alone would have joined.
  for (const [i, m] of members.entries())
    for (const alias of m.withheldNames) {
      const others = [
        ...(byName.get(`${m.collection}|${alias}`) ?? []),
        ...(withheld.get(`${m.collection}|${alias}`) ?? []),
      ];
      for (const k of others) {
        const other = members[k] as Member;
        if (other.datasetIndex === m.datasetIndex || groups.find(k) === groups.find(i)) continue;
        const [earlier, later] = k < i ? [k, i] : [i, k];
        keepApart(
          members[groups.find(earlier)] as Member,
          members[later] as Member,
          alias,
          `"${alias}" is an outside alias of ${m.datasetId}, which does not opt in (mergeOnOutsideAliases)`,
          'outside',
        );
      }
    }

  const canonicalOf = new Map<string, string>();
  for (const [i, m] of members.entries()) {
    const root = members[groups.find(i)] as Member;
    if (root.id !== m.id) canonicalOf.set(m.id, root.id);
  }
  return { canonicalOf, decisions, problems };
}

/** Fields whose string values are entity ids, rewritten to the surviving id. */
const ID_FIELDS = new Set(['id', 'actor', 'place', 'partOf', 'from', 'to', 'attributedTo', 'publisher']);

function rewrite(value: unknown, canonicalOf: ReadonlyMap<string, string>, key?: string): unknown {
  if (typeof value === 'string')
    return key !== undefined && ID_FIELDS.has(key) ? (canonicalOf.get(value) ?? value) : value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, canonicalOf));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, canonicalOf, k)]));
  return value;
}

/** The dataset with every entity id and reference replaced by its group's surviving id. */
export function applyMerges(dataset: Dataset, canonicalOf: ReadonlyMap<string, string>): Dataset {
  if (canonicalOf.size === 0) return dataset;
  return rewrite(dataset, canonicalOf) as Dataset;
}

/** One line per decision, for the seed CLI. */
export function describeDecision(d: MergeDecision): string {
  const outside = d.aliasOrigin === 'outside' ? 'outside ' : '';
  const on = d.key === 'alias' ? `shared ${outside}alias "${d.alias}"` : d.key === 'sameAs' ? 'sameAs' : 'the same id';
  if (d.decision === 'merged')
    return d.key === 'id'
      ? `merged ${d.id} (${d.datasets[0]} + ${d.datasets[1]}) on ${on}`
      : `merged ${d.id} (${d.datasets[1]}) into ${d.into} (${d.datasets[0]}) on ${on}`;
  return `kept ${d.id} (${d.datasets[1]}) apart from ${d.into} (${d.datasets[0]}) despite ${on}: ${d.reason}`;
}
