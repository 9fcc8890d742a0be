/**
 * How the synthetic sources tell things, in Arabic and English: the sentence of each event type, the phrases
 * around dates, figures, attribution and agreements, and the sentences that cite actors, places and
 * relationships. Every Arabic sentence of the generated sources is written here; the English is its
 * translation. Names (and their parts) are in vocabulary.ts.
 */
import type { Certainty } from '../../schema/dataset.ts';
import type { EventType } from './context.ts';
import { MONTHS_AR, MONTHS_EN } from './vocabulary.ts';

/** Anything with a name in both scripts (an actor or a place). */
export interface Named {
  readonly name: string;
  readonly nameAr: string;
}

/** A sentence or phrase: [Arabic, English]. */
export type Phrase = [ar: string, en: string];

/** Arabic and English wording of an event, given its first two actors, its place and date phrases. */
export const EVENT_WORDING: Record<
  EventType,
  {
    roles: [string, string];
    ar: (a: string, b: string, p: string) => string;
    en: (a: string, b: string, p: string) => string;
  }
> = {
  battle: {
    roles: ['attacker', 'defender'],
    ar: (a, b, p) => `اندلعت اشتباكات عنيفة بين ${a} و${b} في ${p}`,
    en: (a, b, p) => `Heavy clashes broke out between ${a} and ${b} in ${p}`,
  },
  territory_captured: {
    roles: ['attacker', 'defender'],
    ar: (a, b, p) => `أعلن ${a} سيطرته على ${p} بعد معارك مع ${b}`,
    en: (a, b, p) => `${a} announced it had taken ${p} after fighting ${b}`,
  },
  territory_lost: {
    roles: ['defender', 'attacker'],
    ar: (a, b, p) => `انسحب ${a} من ${p} تحت ضغط هجمات ${b}`,
    en: (a, b, p) => `${a} withdrew from ${p} under attacks by ${b}`,
  },
  airstrike: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `استهدفت غارات جوية نفذها ${a} مواقع ${b} في ${p}`,
    en: (a, b, p) => `Airstrikes carried out by ${a} hit positions of ${b} in ${p}`,
  },
  airdrop_raid: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `نفذ ${a} عملية إنزال جوي استهدفت ${b} قرب ${p}`,
    en: (a, b, p) => `${a} carried out an airborne raid on ${b} near ${p}`,
  },
  shelling: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `قصف ${a} بالمدفعية مواقع ${b} في محيط ${p}`,
    en: (a, b, p) => `${a} shelled positions of ${b} around ${p}`,
  },
  attack: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `هاجم ${a} نقاطاً تابعة لـ${b} في ${p}`,
    en: (a, b, p) => `${a} attacked posts held by ${b} in ${p}`,
  },
  weapons_use: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `اتُّهم ${a} باستخدام أسلحة محرمة ضد ${b} في ${p}`,
    en: (a, b, p) => `${a} was accused of using banned weapons against ${b} in ${p}`,
  },
  detention: {
    roles: ['captor', 'detainee'],
    ar: (a, b, p) => `اعتقل ${a} ${b} في ${p}`,
    en: (a, b, p) => `${a} detained ${b} in ${p}`,
  },
  displacement: {
    roles: ['cause', 'displaced'],
    ar: (a, b, p) => `نزح ${b} من ${p} هرباً من معارك ${a}`,
    en: (a, b, p) => `${b} fled ${p} to escape fighting by ${a}`,
  },
  relocation: {
    roles: ['organizer', 'relocated'],
    ar: (a, b, p) => `نقل ${a} عناصر ${b} من ${p} في حافلات`,
    en: (a, b, p) => `${a} moved members of ${b} out of ${p} in buses`,
  },
  surrender: {
    roles: ['captor', 'surrendered'],
    ar: (a, b, p) => `سلّم عناصر من ${b} أنفسهم إلى ${a} في ${p}`,
    en: (a, b, p) => `Members of ${b} surrendered to ${a} in ${p}`,
  },
  announcement: {
    roles: ['announcer', 'subject'],
    ar: (a, b, p) => `أعلن ${a} في بيان أن ${b} خسر مواقعه في ${p}`,
    en: (a, b, p) => `${a} announced in a statement that ${b} had lost its positions in ${p}`,
  },
  press_conference: {
    roles: ['speaker', 'attendee'],
    ar: (a, b, p) => `عقد ${a} مؤتمراً صحفياً في ${p} بحضور ممثلين عن ${b}`,
    en: (a, b, p) => `${a} held a press conference in ${p} attended by representatives of ${b}`,
  },
  declaration: {
    roles: ['announcer', 'subject'],
    ar: (a, b, p) => `أصدر ${a} إعلاناً بشأن ${b} والوضع في ${p}`,
    en: (a, b, p) => `${a} issued a declaration about ${b} and the situation in ${p}`,
  },
  campaign: {
    roles: ['attacker', 'target'],
    ar: (a, b, p) => `أطلق ${a} حملة عسكرية واسعة ضد ${b} في ريف ${p}`,
    en: (a, b, p) => `${a} launched a wide military campaign against ${b} in the countryside of ${p}`,
  },
  publication: {
    roles: ['publisher', 'subject'],
    ar: (a, b, p) => `نشر ${a} تقريراً عن انتهاكات ${b} في ${p}`,
    en: (a, b, p) => `${a} published a report on abuses by ${b} in ${p}`,
  },
  other: {
    roles: ['actor', 'actor_b'],
    ar: (a, b, p) => `شهدت ${p} توتراً بين ${a} و${b}`,
    en: (a, b, p) => `${p} saw tension between ${a} and ${b}`,
  },
};

/** Heads of event names, [English, Arabic], followed by the town: "Clashes in Tell Hamza". */
export const EVENT_NAMES: Record<EventType, [string, string]> = {
  battle: ['Clashes in', 'اشتباكات في'],
  territory_captured: ['Capture of', 'السيطرة على'],
  territory_lost: ['Withdrawal from', 'الانسحاب من'],
  airstrike: ['Airstrikes on', 'غارات على'],
  airdrop_raid: ['Airborne raid near', 'إنزال جوي قرب'],
  shelling: ['Shelling of', 'قصف'],
  attack: ['Attack in', 'هجوم في'],
  weapons_use: ['Banned weapons alleged in', 'اتهامات باستخدام أسلحة محرمة في'],
  detention: ['Detentions in', 'اعتقالات في'],
  displacement: ['Displacement from', 'نزوح من'],
  relocation: ['Relocation from', 'ترحيل من'],
  surrender: ['Surrender in', 'استسلام في'],
  announcement: ['Announcement on', 'إعلان بشأن'],
  press_conference: ['Press conference in', 'مؤتمر صحفي في'],
  declaration: ['Declaration on', 'إعلان حول'],
  campaign: ['Campaign in', 'حملة في'],
  publication: ['Report on', 'تقرير عن'],
  other: ['Tension in', 'توتر في'],
};

/** Casualty and displacement figures: [measure, English label, Arabic counted noun]. */
export const FIGURE_MEASURES: ReadonlyArray<readonly [string, string, string]> = [
  ['fighters_killed', 'fighters killed', 'مقاتلاً'],
  ['civilians_killed', 'civilians killed', 'مدنياً'],
  ['people_displaced', 'people displaced', 'شخصاً'],
  ['people_detained', 'people detained', 'معتقلاً'],
];

/** "on 3 March 2019" or, for a month-precision date, "during March 2019". */
export function datePhrase(monthPrecision: boolean, date: number, month: number, year: number): Phrase {
  return monthPrecision
    ? [`خلال ${MONTHS_AR[month]} ${year}`, `during ${MONTHS_EN[month]} ${year}`]
    : [`يوم ${date} ${MONTHS_AR[month]} ${year}`, `on ${date} ${MONTHS_EN[month]} ${year}`];
}

/** The clause an event's sentence ends with when it carries a figure. */
export function figurePhrase(value: number, figure: (typeof FIGURE_MEASURES)[number]): Phrase {
  return [` وأسفر ذلك عن ${value} ${figure[2]}`, `, leaving ${value} ${figure[1]}`];
}

/** A participant stating its own part in an event («أكد» of a named party: it affirms, it does not verify). */
export function tookPartSentence(actor: Named, type: EventType, town: Named, date: Phrase): Phrase {
  return [
    `وأكد ${actor.nameAr} مشاركته في ${EVENT_NAMES[type][1]} ${town.nameAr} ${date[0]}`,
    `${actor.name} affirmed taking part in the ${EVENT_NAMES[type][0].toLowerCase()} ${town.name} ${date[1]}`,
  ];
}

/** The sentence that cites an actor's record. */
export function actorMentionedSentence(actor: Named, town: Named): Phrase {
  return [
    `برز اسم ${actor.nameAr} خلال الأحداث في ${town.nameAr}`,
    `The name ${actor.name} came up during the events in ${town.name}`,
  ];
}

/** The sentence that cites a place's record: where it lies, or (for a country) that things happened there. */
export function placeSentence(place: Named, parent: Named | undefined): Phrase {
  return parent
    ? [`تقع ${place.nameAr} في ${parent.nameAr}`, `${place.name} lies in ${parent.name}`]
    : [`شهدت ${place.nameAr} تطورات ميدانية متسارعة`, `${place.name} saw fast-moving events`];
}

/** Title of the n-th generated source (1-based), named after its outlet. */
export function reportTitle(n: number, outlet: Named): Phrase {
  return [`تقرير رقم ${n} – ${outlet.nameAr}`, `Field report no. ${n} (${outlet.name})`];
}

/** How a sentence is introduced by who asserts it, when that is not simply the outlet reporting it. */
export interface AttributionWording {
  certainty: Certainty;
  prefixAr: string;
  prefixEn: string;
  note?: string;
}

/** A party to the event says so about itself. */
export function claimWording(claimant: Named): AttributionWording {
  return {
    certainty: 'claimed',
    prefixAr: `وقال ${claimant.nameAr} إنه `,
    prefixEn: `${claimant.name} said that `,
    note: 'A party to the event says so about itself.',
  };
}

export const ALLEGED_WORDING: AttributionWording = {
  certainty: 'alleged',
  prefixAr: 'وأفادت مصادر محلية بأنه ',
  prefixEn: 'Local sources said that ',
};

export const CONFIRMED_WORDING: AttributionWording = {
  certainty: 'confirmed',
  prefixAr: 'وأكدت جميع الأطراف أنه ',
  prefixEn: 'All sides confirmed that ',
  note: 'Stated by both sides.',
};

export const DISPUTED_WORDING: AttributionWording = {
  certainty: 'disputed',
  prefixAr: 'ووسط روايات متضاربة، ',
  prefixEn: 'Amid conflicting accounts, ',
  note: 'Another party denies this account.',
};

/** The parties a relationship sentence may name: a person, a group, a state, another party, the town. */
export type RelationshipParties = Record<'person' | 'group' | 'state' | 'other' | 'town', Named>;

/** Sentences of the relationships an event may yield with a sentence of their own (see relationships.ts). */
export const RELATIONSHIP_SENTENCES = {
  MEMBER_OF: ({ person: p, group: g }) => [
    `انضم ${p.nameAr} إلى صفوف ${g.nameAr}`,
    `${p.name} joined the ranks of ${g.name}`,
  ],
  LEADS: ({ person: p, group: g, town }) => [
    `يقود ${p.nameAr} مقاتلي ${g.nameAr} في ${town.nameAr}`,
    `${p.name} leads the fighters of ${g.name} in ${town.name}`,
  ],
  BACKED_BY: ({ group: g, state: s }) => [
    `يتلقى ${g.nameAr} دعماً من ${s.nameAr}`,
    `${g.name} receives support from ${s.name}`,
  ],
  ENVOY_OF: ({ person: p, state: s, town }) => [
    `زار ${p.nameAr} ${town.nameAr} موفداً من ${s.nameAr}`,
    `${p.name} visited ${town.name} as an envoy of ${s.name}`,
  ],
  SPLIT_FROM: ({ group: g, other }) => [`انشق ${other.nameAr} عن ${g.nameAr}`, `${other.name} split from ${g.name}`],
  ACCUSED: ({ group: g, other, town }) => [
    `اتهم ${other.nameAr} ${g.nameAr} بارتكاب انتهاكات في ${town.nameAr}`,
    `${other.name} accused ${g.name} of abuses in ${town.name}`,
  ],
} satisfies Record<string, (parties: RelationshipParties) => Phrase>;

export type ExtraRelationshipType = keyof typeof RELATIONSHIP_SENTENCES;

/** What an agreement is about: [term type, English, Arabic]. */
export const AGREEMENT_TERMS = [
  ['ceasefire', 'a ceasefire', 'وقف إطلاق النار'],
  ['evacuation', 'the evacuation of fighters', 'إخلاء المقاتلين'],
  ['handover', 'the handover of positions', 'تسليم المواقع'],
  ['surrender', 'the surrender of fighters', 'استسلام المقاتلين'],
] as const;

type AgreementTerm = (typeof AGREEMENT_TERMS)[number];

/** Two parties reaching an agreement. */
export function agreementSentence(a: Named, b: Named, term: AgreementTerm, town: Named, date: Phrase): Phrase {
  return [
    `توصل ${a.nameAr} و${b.nameAr} إلى اتفاق يقضي بـ${term[2]} في ${town.nameAr} ${date[0]}`,
    `${a.name} and ${b.name} reached an agreement on ${term[1]} in ${town.name} ${date[1]}`,
  ];
}

/** Name of an agreement. */
export function agreementName(term: AgreementTerm, town: Named): Phrase {
  return [`اتفاق ${term[2]} في ${town.nameAr}`, `Agreement on ${term[1]} in ${town.name}`];
}

/** A party rejecting an agreement. */
export function rejectionSentence(rejecter: Named, town: Named): Phrase {
  return [
    `رفض ${rejecter.nameAr} الاتفاق المبرم في ${town.nameAr}`,
    `${rejecter.name} rejected the agreement reached in ${town.name}`,
  ];
}
