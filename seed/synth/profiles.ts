/** The sizes the generator makes and the knobs of each. */

export const SYNTH_SIZES = ['S', 'M', 'L'] as const;
export type SynthSize = (typeof SYNTH_SIZES)[number];

/** Knobs of one size. Targets are what the graph holds after planning (citations and figures included). */
export interface SizeProfile {
  targetNodes: number;
  targetRelationships: number;
  actors: number;
  governoratesPerCountry: number;
  districtsPerGovernorate: number;
  townsPerDistrict: number;
  events: number;
  /** Mean number of participants of an event. */
  participantsMean: number;
  /** Most FOUGHT/ALLIED_WITH pairs one event yields (each cites the event's own sentence). */
  pairsPerEvent: number;
  /** Chance an event also yields a relationship with a sentence of its own (MEMBER_OF, BACKED_BY, …). */
  extraRelationshipChance: number;
  /** Chance an event is followed by an agreement between its parties. */
  agreementChance: number;
}

export const SIZE_PROFILES: Record<SynthSize, SizeProfile> = {
  S: {
    targetNodes: 10_000,
    targetRelationships: 30_000,
    actors: 1_100,
    governoratesPerCountry: 5,
    districtsPerGovernorate: 4,
    townsPerDistrict: 6,
    events: 2_250,
    participantsMean: 3.6,
    pairsPerEvent: 3,
    extraRelationshipChance: 0.25,
    agreementChance: 0.03,
  },
  M: {
    targetNodes: 100_000,
    targetRelationships: 500_000,
    actors: 9_000,
    governoratesPerCountry: 10,
    districtsPerGovernorate: 8,
    townsPerDistrict: 10,
    events: 24_000,
    participantsMean: 7,
    pairsPerEvent: 9,
    extraRelationshipChance: 0.3,
    agreementChance: 0.03,
  },
  L: {
    targetNodes: 500_000,
    targetRelationships: 2_500_000,
    actors: 45_000,
    governoratesPerCountry: 14,
    districtsPerGovernorate: 12,
    townsPerDistrict: 24,
    events: 120_000,
    participantsMean: 7,
    pairsPerEvent: 9,
    extraRelationshipChance: 0.3,
    agreementChance: 0.03,
  },
};
