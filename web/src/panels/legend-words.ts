/** Words of the style rules, the layouts and the legend, in English and Arabic (kept apart from i18n.ts's core set). */
import type { CERTAINTIES } from '../../../schema/vocabulary.ts';
import { type ArrangerLabels, ENGLISH_ARRANGER_LABELS } from '../graph/arranger.ts';
import type { LayoutName } from '../graph/layouts/names.ts';
import type { ColourRule, SizeRule } from '../graph/style-rules.ts';
import type { Language } from '../ui-types.ts';

export interface LegendWords {
  size: string;
  colour: string;
  layout: string;
  keep: string;
  keepHelp: string;
  sizeRules: Record<SizeRule, string>;
  colourRules: Record<ColourRule, string>;
  layouts: Record<LayoutName, string>;
  sizeNote: Record<SizeRule, (top: number) => string>;
  certainty: Record<(typeof CERTAINTIES)[number], string>;
  otherVoice: string;
  noVoice: string;
  noVoices: string;
  layoutNotes: Partial<Record<LayoutName, string>>;
  arranger: ArrangerLabels;
}

const en: LegendWords = {
  size: 'Size',
  colour: 'Colour',
  layout: 'Layout',
  keep: 'Keep my arrangement',
  keepHelp: 'Nodes you drag stay where you put them, also in the link and after a reload',
  sizeRules: { links: 'Connections', citations: 'Citations' },
  colourRules: { kind: 'Kind', certainty: 'Certainty', voice: 'Voice' },
  layouts: { force: 'Force', concentric: 'Concentric', tree: 'Hierarchy', time: 'Time', geo: 'Map' },
  sizeNote: {
    links: () => 'Size: number of connections.',
    citations: (top) => `Size: number of source quotes on its links (largest: ${top}).`,
  },
  certainty: {
    confirmed: 'Confirmed',
    reported: 'Reported',
    claimed: 'Claimed',
    alleged: 'Alleged',
    disputed: 'Disputed',
  },
  otherVoice: 'Other voices',
  noVoice: 'No named voice',
  noVoices: 'No citation in view names who asserts it.',
  layoutNotes: {
    time: 'Time runs left to right. A date known only to the month or year is drawn as the whole month or year; dashed outline: only an end is known ("by …").',
    geo: 'Places at their coordinates (Web Mercator, north up); dashed outline: from a gazetteer, not the article. Others gather round the places they are linked to.',
    concentric: 'Most connected in the middle.',
    tree: 'Levels outward from the most connected node of each part.',
  },
  arranger: ENGLISH_ARRANGER_LABELS,
};

const ar: LegendWords = {
  size: 'الحجم',
  colour: 'اللون',
  layout: 'التخطيط',
  keep: 'احتفظ بترتيبي',
  keepHelp: 'العُقد التي تسحبها تبقى حيث وضعتها، في الرابط وبعد إعادة التحميل أيضاً',
  sizeRules: { links: 'الصلات', citations: 'الاقتباسات' },
  colourRules: { kind: 'النوع', certainty: 'درجة اليقين', voice: 'القائل' },
  layouts: { force: 'قوى', concentric: 'دوائر', tree: 'هرمي', time: 'زمني', geo: 'خريطة' },
  sizeNote: {
    links: () => 'الحجم: عدد الصلات.',
    citations: (top) => `الحجم: عدد الاقتباسات من المصدر على صلاته (الأكبر: ${top}).`,
  },
  certainty: {
    confirmed: 'مؤكد',
    reported: 'مُبلَّغ',
    claimed: 'مُدّعى',
    alleged: 'مزعوم',
    disputed: 'متنازع عليه',
  },
  otherVoice: 'قائلون آخرون',
  noVoice: 'بلا قائل مسمّى',
  noVoices: 'لا اقتباس معروض يسمّي قائله.',
  layoutNotes: {
    time: 'يجري الزمن من اليمين إلى اليسار. التاريخ المعروف بالشهر أو السنة فقط يُرسم على امتداد الشهر أو السنة كلها؛ الإطار المتقطع: لا تُعرف إلا نهايته («بحلول …»).',
    geo: 'الأماكن في إحداثياتها (مركاتور، الشمال إلى أعلى)؛ الإطار المتقطع: من معجم جغرافي لا من المقال. البقية حول الأماكن المرتبطة بها.',
    concentric: 'الأكثر صلات في الوسط.',
    tree: 'مستويات تبدأ من العقدة الأكثر صلات في كل جزء.',
  },
  arranger: {
    undated: 'بلا تاريخ',
    unlocated: 'أماكن بلا إحداثيات',
    unplaced: 'غير مرتبط بمكان محدد الموقع',
    arranging: 'جارٍ الترتيب…',
    failed: (error) => `تعذّر التخطيط: ${error}`,
    outlinesCredit: 'حدود الدول: Natural Earth (world-atlas)',
    geonamesCredit: 'مواقع الأماكن: GeoNames (CC BY 4.0)',
  },
};

export function legendWords(language: Language): LegendWords {
  return language === 'ar' ? ar : en;
}
