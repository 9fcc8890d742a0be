/** The actors (states, coalitions, people, armed groups, outlets, …) and their dataset records. */
import { type ActorInput, aliasOriginsOf, SYNTHETIC_NAME_ORIGIN, type SynthContext } from './context.ts';
import type { TextWriter } from './output.ts';
import {
  CIVILIANS_PATTERN,
  COALITIONS,
  FALLBACK_TOWN,
  FAMILY_NAMES,
  GIVEN_NAMES,
  GROUP_PATTERNS,
  GROUP_QUALIFIERS,
  GROUP_WORDS,
  MEDIA_PATTERNS,
  MILITARY_PATTERNS,
  ORGANIZATION_PATTERNS,
  STATES,
  UNNAMED_SOURCES,
  UNNAMED_SOURCES_ALIAS,
} from './vocabulary.ts';
import { actorMentionedSentence } from './wording.ts';
import type { ActorInfo, ActorKind, World } from './world.ts';

/** How often each kind is made once the fixed states, coalitions and first outlets exist. */
const ACTOR_KIND_WEIGHTS: ReadonlyArray<readonly [ActorKind, number]> = [
  ['person', 52],
  ['armed_group', 26],
  ['organization', 8],
  ['military', 6],
  ['media', 4],
  ['civilians', 4],
];

/** Fills `world.actors` up to the profile's count; needs the places (organisations are named after towns). */
export function buildActors(world: World): void {
  const r = world.random;
  const townName = () => world.places[r.pick(world.towns)]?.name ?? FALLBACK_TOWN[0];
  const townNameAr = (en: string) => world.places.find((pl) => pl.name === en)?.nameAr ?? FALLBACK_TOWN[1];
  for (const [en, ar] of STATES) world.addActor('state', en, ar);
  for (const [en, ar] of COALITIONS) world.addActor('coalition', en, ar);
  world.unnamedSources = world.addActor('unnamed_sources', UNNAMED_SOURCES[0], UNNAMED_SOURCES[1], [
    UNNAMED_SOURCES_ALIAS,
  ]);
  const total = world.profile.actors;
  // A few outlets exist from the start, so the first sources have publishers.
  for (let i = 0; i < 3; i++) makeActor(world, 'media', townName, townNameAr);
  while (world.actors.length < total) makeActor(world, r.weighted(ACTOR_KIND_WEIGHTS), townName, townNameAr);
}

function makeActor(world: World, kind: ActorKind, townName: () => string, townNameAr: (en: string) => string): void {
  const r = world.random;
  const fromPattern = (patterns: typeof MEDIA_PATTERNS): [string, string] => {
    const [en, ar] = r.pick(patterns);
    const town = townName();
    return [en(town), ar(townNameAr(town))];
  };
  let name: [string, string] | undefined;
  const aliases: string[] = [];
  switch (kind) {
    case 'person':
      name = world.uniqueName(() => {
        const given = r.pick(GIVEN_NAMES);
        const father = r.pick(GIVEN_NAMES);
        const family = r.pick(FAMILY_NAMES);
        return r.chance(0.5)
          ? [`${given[0]} ${father[0]} ${family[0]}`, `${given[1]} ${father[1]} ${family[1]}`]
          : [`${given[0]} ${family[0]}`, `${given[1]} ${family[1]}`];
      });
      if (name && r.chance(0.25)) aliases.push(`Abu ${r.pick(GIVEN_NAMES)[0]} ${r.pick(FAMILY_NAMES)[0]}`);
      break;
    case 'armed_group':
      name = world.uniqueName(() => {
        const [pe, pa] = r.pick(GROUP_PATTERNS);
        const [we, wa] = r.pick(GROUP_WORDS);
        const [qe, qa] = r.pick(GROUP_QUALIFIERS);
        return qe === '' ? [`${pe} ${we}`, `${pa} ${wa}`] : [`${pe} ${we} ${qe}`, `${pa} ${wa} ${qa}`];
      });
      if (name && r.chance(0.3)) aliases.push(acronym(name[0]));
      break;
    case 'organization':
      name = world.uniqueName(() => fromPattern(ORGANIZATION_PATTERNS));
      break;
    case 'military':
      name = world.uniqueName(() => fromPattern(MILITARY_PATTERNS));
      break;
    case 'media':
      name = world.uniqueName(() => fromPattern(MEDIA_PATTERNS));
      break;
    case 'civilians':
      name = world.uniqueName(() => {
        const town = townName();
        return [CIVILIANS_PATTERN[0](town), CIVILIANS_PATTERN[1](townNameAr(town))];
      });
      break;
    default:
      return;
  }
  if (!name) {
    // The name space of this kind is exhausted: fall back to a person, whose space is the largest.
    if (kind !== 'person') makeActor(world, 'person', townName, townNameAr);
    else world.actors.length = world.profile.actors;
    return;
  }
  world.addActor(kind, name[0], name[1], aliases);
}

function acronym(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== 'al')
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** The dataset record of an actor, cited by a sentence naming it in a town; some get a neutral description. */
export async function actorRecord(ctx: SynthContext, a: ActorInfo, variants: TextWriter): Promise<ActorInput> {
  const spellings = await ctx.nameVariants(a.id, a.name, a.nameAr, variants);
  const aliases = [...a.aliases, ...spellings];
  const town = ctx.world.place(ctx.world.towns[ctx.random.int(ctx.world.towns.length)] ?? 0);
  const citation = await ctx.cite(...actorMentionedSentence(a, town), 0);
  const record: ActorInput = {
    id: a.id,
    kind: a.kind,
    name: a.name,
    nameAr: a.nameAr,
    nameArOrigin: SYNTHETIC_NAME_ORIGIN,
    aliases,
    aliasOrigins: aliasOriginsOf(spellings, a.aliases),
    citations: [citation],
  };
  return ctx.random.chance(0.2)
    ? { ...record, description: `Synthetic ${a.kind.replace('_', ' ')} active around ${town.name}.` }
    : record;
}
