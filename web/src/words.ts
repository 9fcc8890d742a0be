/**
 * The words the interface adds to the data, in English and Arabic: relation words, roles, kinds of actor, place and
 * event, agreement statuses, term types. The data's own text (names, quotes, descriptions) is never translated here.
 * A value missing from a table (a new role in a dataset) is shown humanised, in English, rather than dropped.
 */
import type { Language } from './ui-types.ts';

type Table = Record<string, { en: string; ar: string }>;

/** Short relation words for edges, by stored relationship type (schema/vocabulary.ts GRAPH_REL_TYPES). */
const RELATIONS: Table = {
  LEADS: { en: 'leads', ar: 'يقود' },
  MEMBER_OF: { en: 'member of', ar: 'عضو في' },
  BACKED_BY: { en: 'backed by', ar: 'مدعوم من' },
  ENVOY_OF: { en: 'envoy of', ar: 'مبعوث' },
  SPLIT_FROM: { en: 'split from', ar: 'انشق عن' },
  FOUGHT: { en: 'fought', ar: 'قاتل' },
  CONTROLS: { en: 'controls', ar: 'يسيطر على' },
  ALLIED_WITH: { en: 'allied with', ar: 'متحالف مع' },
  CAUSED: { en: 'caused', ar: 'تسبب في' },
  FOLLOWED: { en: 'followed', ar: 'تلا' },
  ACCUSED: { en: 'accused', ar: 'اتهم' },
  PART_OF: { en: 'part of', ar: 'جزء من' },
  PARTICIPATED_IN: { en: 'took part in', ar: 'شارك في' },
  OCCURRED_IN: { en: 'in', ar: 'في' },
  PARTY_TO: { en: 'party to', ar: 'طرف في' },
  REJECTED: { en: 'rejected', ar: 'رفض' },
  CONCERNS: { en: 'concerns', ar: 'يخص' },
};

/** Roles of actors in events and agreements, and of places in events and terms. */
const ROLES: Table = {
  attacker: { en: 'attacker', ar: 'مهاجم' },
  target: { en: 'target', ar: 'مستهدف' },
  victim: { en: 'victim', ar: 'ضحية' },
  fighter: { en: 'fighter', ar: 'مقاتل' },
  evacuee: { en: 'evacuee', ar: 'مُجلى' },
  actor: { en: 'actor', ar: 'فاعل' },
  captor: { en: 'captor', ar: 'آسر' },
  publisher: { en: 'publisher', ar: 'ناشر' },
  speaker: { en: 'speaker', ar: 'متحدث' },
  announcer: { en: 'announcer', ar: 'مُعلِن' },
  alleged_user: { en: 'alleged user', ar: 'مستخدم مزعوم' },
  commander: { en: 'commander', ar: 'قائد' },
  defender: { en: 'defender', ar: 'مدافع' },
  air_support: { en: 'air support', ar: 'دعم جوي' },
  affected: { en: 'affected', ar: 'متضرر' },
  displaced: { en: 'displaced', ar: 'نازح' },
  besieged: { en: 'besieged', ar: 'محاصَر' },
  besieger: { en: 'besieger', ar: 'محاصِر' },
  surrendering: { en: 'surrendering', ar: 'مستسلم' },
  defeated: { en: 'defeated', ar: 'مهزوم' },
  propagandist: { en: 'propagandist', ar: 'مروّج' },
  attendee: { en: 'attendee', ar: 'حاضر' },
  organiser: { en: 'organiser', ar: 'منظِّم' },
  subject: { en: 'subject', ar: 'موضوع' },
  leader: { en: 'leader', ar: 'قائد' },
  splinter: { en: 'splinter', ar: 'فصيل منشق' },
  parent_organisation: { en: 'parent organisation', ar: 'التنظيم الأم' },
  former_parent: { en: 'former parent', ar: 'التنظيم الأم السابق' },
  declarer: { en: 'declarer', ar: 'مُعلِن' },
  perpetrator: { en: 'perpetrator', ar: 'مرتكب' },
  party: { en: 'party', ar: 'طرف' },
  guarantor: { en: 'guarantor', ar: 'ضامن' },
  mediator: { en: 'mediator', ar: 'وسيط' },
  beneficiary: { en: 'beneficiary', ar: 'مستفيد' },
  location: { en: 'location', ar: 'المكان' },
  origin: { en: 'origin', ar: 'من' },
  destination: { en: 'destination', ar: 'إلى' },
  scope: { en: 'scope', ar: 'النطاق' },
};

/** Kinds of actor and place, event types, agreement statuses and term types (schema/vocabulary.ts). */
const TYPES: Table = {
  armed_group: { en: 'armed group', ar: 'جماعة مسلحة' },
  state: { en: 'state', ar: 'دولة' },
  military: { en: 'military', ar: 'جيش' },
  coalition: { en: 'coalition', ar: 'تحالف' },
  person: { en: 'person', ar: 'شخص' },
  media: { en: 'media', ar: 'وسيلة إعلام' },
  unnamed_sources: { en: 'unnamed sources', ar: 'مصادر غير مسمّاة' },
  civilians: { en: 'civilians', ar: 'مدنيون' },
  organization: { en: 'organisation', ar: 'منظمة' },
  country: { en: 'country', ar: 'دولة' },
  governorate: { en: 'governorate', ar: 'محافظة' },
  district: { en: 'district', ar: 'منطقة' },
  city: { en: 'city', ar: 'مدينة' },
  town: { en: 'town', ar: 'بلدة' },
  village: { en: 'village', ar: 'قرية' },
  area: { en: 'area', ar: 'منطقة' },
  countryside: { en: 'countryside', ar: 'ريف' },
  desert: { en: 'desert', ar: 'بادية' },
  river: { en: 'river', ar: 'نهر' },
  oil_field: { en: 'oil field', ar: 'حقل نفط' },
  camp: { en: 'camp', ar: 'مخيم' },
  border: { en: 'border', ar: 'حدود' },
  announcement: { en: 'announcement', ar: 'إعلان' },
  press_conference: { en: 'press conference', ar: 'مؤتمر صحفي' },
  battle: { en: 'battle', ar: 'معركة' },
  territory_captured: { en: 'territory captured', ar: 'سيطرة على أرض' },
  territory_lost: { en: 'territory lost', ar: 'خسارة أرض' },
  airstrike: { en: 'airstrike', ar: 'غارة جوية' },
  airdrop_raid: { en: 'airdrop raid', ar: 'إنزال جوي' },
  shelling: { en: 'shelling', ar: 'قصف' },
  detention: { en: 'detention', ar: 'احتجاز' },
  displacement: { en: 'displacement', ar: 'نزوح' },
  surrender: { en: 'surrender', ar: 'استسلام' },
  relocation: { en: 'relocation', ar: 'نقل' },
  declaration: { en: 'declaration', ar: 'إعلان' },
  weapons_use: { en: 'weapons use', ar: 'استخدام أسلحة' },
  attack: { en: 'attack', ar: 'هجوم' },
  campaign: { en: 'campaign', ar: 'حملة' },
  publication: { en: 'publication', ar: 'نشر' },
  other: { en: 'other', ar: 'أخرى' },
  proposed: { en: 'proposed', ar: 'مقترح' },
  reported: { en: 'reported', ar: 'مُبلَّغ عنه' },
  in_effect: { en: 'in effect', ar: 'سارٍ' },
  implemented: { en: 'implemented', ar: 'منفَّذ' },
  rejected: { en: 'rejected', ar: 'مرفوض' },
  collapsed: { en: 'collapsed', ar: 'منهار' },
  non_return: { en: 'no return', ar: 'عدم العودة' },
  handover: { en: 'handover', ar: 'تسليم' },
  evacuation: { en: 'evacuation', ar: 'إجلاء' },
  ceasefire: { en: 'ceasefire', ar: 'وقف إطلاق النار' },
  date: { en: 'date', ar: 'التاريخ' },
  type: { en: 'type', ar: 'النوع' },
  status: { en: 'status', ar: 'الحالة' },
  coordinates: { en: 'coordinates', ar: 'الإحداثيات' },
};

/** `PARTICIPATED_IN` → "participated in": the fallback for a value no table has. */
export function humanize(value: string): string {
  return value.toLowerCase().replaceAll('_', ' ');
}

const lookup = (table: Table, value: string, language: Language): string => table[value]?.[language] ?? humanize(value);

/** The short word for a relationship type: "fought", "قاتل". */
export const relationWord = (type: string, language: Language): string => lookup(RELATIONS, type, language);
/** A role in an event, agreement or term: "attacker", "مهاجم". */
export const roleWord = (role: string, language: Language): string => lookup(ROLES, role.toLowerCase(), language);
/** A kind of actor or place, an event type, a status, a term type or a contested property. */
export const typeWord = (value: string, language: Language): string => lookup(TYPES, value.toLowerCase(), language);

/** Whether a table knows the value (so tests can check the data's vocabulary is covered). */
export function hasWord(kind: 'relation' | 'role' | 'type', value: string): boolean {
  const table = kind === 'relation' ? RELATIONS : kind === 'role' ? ROLES : TYPES;
  return value in table || value.toLowerCase() in table;
}
