/**
 * The actors and places of a synthetic dataset, kept compactly so events can refer to them while they stream
 * out. places.ts and actors.ts fill it; events draw their parties from its pools.
 */
import type { ACTOR_KINDS } from '../../schema/vocabulary.ts';
import type { SizeProfile } from './profiles.ts';
import type { Random, ZipfSampler } from './random.ts';

export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface ActorInfo {
  id: string;
  kind: ActorKind;
  name: string;
  nameAr: string;
  aliases: string[];
}

export interface PlaceInfo {
  id: string;
  kind: 'country' | 'governorate' | 'district' | 'town';
  name: string;
  nameAr: string;
  parent: number;
  lat: number;
  lon: number;
}

export class World {
  readonly actors: ActorInfo[] = [];
  readonly places: PlaceInfo[] = [];
  readonly combatants: number[] = [];
  readonly people: number[] = [];
  readonly media: number[] = [];
  readonly states: number[] = [];
  readonly organizations: number[] = [];
  readonly towns: number[] = [];
  unnamedSources = -1;
  private readonly usedNames = new Set<string>();

  /** `random` is the world's own stream: building places and actors draws from it and from nothing else. */
  constructor(
    readonly random: Random,
    readonly profile: SizeProfile,
  ) {}

  /** Marks an English name as taken (a country's, which is given rather than made). */
  reserveName(en: string): void {
    this.usedNames.add(en);
  }

  /** A name from `make` not used before, or undefined when 40 attempts found none. */
  uniqueName(make: () => [string, string]): [string, string] | undefined {
    for (let attempt = 0; attempt < 40; attempt++) {
      const [en, ar] = make();
      if (!this.usedNames.has(en)) {
        this.usedNames.add(en);
        return [en, ar];
      }
    }
    return undefined;
  }

  /** Adds an actor to the list and to the pool its kind draws from; returns its index. */
  addActor(kind: ActorKind, en: string, ar: string, aliases: string[] = []): number {
    const index = this.actors.length;
    this.actors.push({ id: `actor:${slug(en)}-${index.toString(36)}`, kind, name: en, nameAr: ar, aliases });
    const pool =
      kind === 'person' || kind === 'civilians'
        ? this.people
        : kind === 'media'
          ? this.media
          : kind === 'organization'
            ? this.organizations
            : this.combatants;
    pool.push(index);
    if (kind === 'state') this.states.push(index);
    return index;
  }

  /** Draws `count` distinct indexes from `pool` with Zipf-skewed probability (index 0 of the pool is the top hub). */
  drawDistinct(pool: readonly number[], sampler: ZipfSampler, count: number, exclude: Set<number>): number[] {
    const out: number[] = [];
    for (let attempt = 0; out.length < count && attempt < count * 8; attempt++) {
      const index = pool[sampler.sample(this.random)];
      if (index === undefined || exclude.has(index)) continue;
      exclude.add(index);
      out.push(index);
    }
    return out;
  }

  actor(index: number): ActorInfo {
    const a = this.actors[index];
    if (!a) throw new Error(`no actor ${index}`);
    return a;
  }

  place(index: number): PlaceInfo {
    const p = this.places[index];
    if (!p) throw new Error(`no place ${index}`);
    return p;
  }
}

/** Lower-case ASCII words joined by hyphens, for ids. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
}
