/** What the parts of the generator share while they write records: the world, the random stream, citing. */
import type { Citation, DatasetInput } from '../../schema/dataset.ts';
import type { EVENT_TYPES } from '../../schema/vocabulary.ts';
import type { TextWriter } from './output.ts';
import type { SizeProfile } from './profiles.ts';
import type { Random, ZipfSampler } from './random.ts';
import type { ActorInfo, World } from './world.ts';

export type EventType = (typeof EVENT_TYPES)[number];
export type ActorInput = NonNullable<DatasetInput['actors']>[number];
export type PlaceInput = NonNullable<DatasetInput['places']>[number];
export type EventInput = NonNullable<DatasetInput['events']>[number];
export type AgreementInput = NonNullable<DatasetInput['agreements']>[number];

/**
 * The generator as its parts see it. Every part draws from the one `random` stream in the order records are
 * written, so the same size and seed give the same bytes: a new draw anywhere changes everything after it.
 */
export interface SynthContext {
  readonly random: Random;
  readonly world: World;
  readonly profile: SizeProfile;
  /** Zipf samplers over the world's pools: a few combatants, people and towns take part in most events. */
  readonly samplers: { readonly combatants: ZipfSampler; readonly people: ZipfSampler; readonly towns: ZipfSampler };
  /** Writes the sentence into the current source text and returns its citation (see sources.ts). */
  cite(ar: string, en: string, day: number, claimant?: ActorInfo): Promise<Citation>;
  /** Arabic spelling variants of a name: some become aliases, all are listed in variants.jsonl. */
  nameVariants(id: string, name: string, nameAr: string, variants: TextWriter): Promise<string[]>;
  /** 0, 1, 2, … : numbers agreements for their ids. */
  nextAgreementNumber(): number;
}
