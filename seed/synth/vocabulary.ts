/**
 * Name parts in both scripts for the synthetic datasets: [English, Arabic]. The Arabic spellings use hamza,
 * ta marbuta and alef maqsura often, so spelling variants (see arabic-variants.ts) are common.
 */
export type NamePair = readonly [en: string, ar: string];

export const GIVEN_NAMES: readonly NamePair[] = [
  ['Ahmad', 'أحمد'],
  ['Ibrahim', 'إبراهيم'],
  ['Hamza', 'حمزة'],
  ['Mustafa', 'مصطفى'],
  ['Ali', 'علي'],
  ['Omar', 'عمر'],
  ['Khalid', 'خالد'],
  ['Yahya', 'يحيى'],
  ['Musa', 'موسى'],
  ['Issa', 'عيسى'],
  ['Osama', 'أسامة'],
  ['Ismail', 'إسماعيل'],
  ['Anas', 'أنس'],
  ['Ayman', 'أيمن'],
  ['Ihsan', 'إحسان'],
  ['Mahmoud', 'محمود'],
  ['Yusuf', 'يوسف'],
  ['Hassan', 'حسن'],
  ['Hussein', 'حسين'],
  ['Salim', 'سليم'],
  ['Murtada', 'مرتضى'],
  ['Abdullah', 'عبد الله'],
  ['Abd al-Rahman', 'عبد الرحمن'],
  ['Usama', 'أسامة'],
  ['Amjad', 'أمجد'],
  ['Adnan', 'عدنان'],
  ['Bilal', 'بلال'],
  ['Faisal', 'فيصل'],
  ['Ghassan', 'غسان'],
  ['Jamal', 'جمال'],
  ['Karim', 'كريم'],
  ['Majid', 'ماجد'],
  ['Nabil', 'نبيل'],
  ['Rami', 'رامي'],
  ['Saad', 'سعد'],
  ['Talal', 'طلال'],
  ['Walid', 'وليد'],
  ['Ziyad', 'زياد'],
  ['Fatima', 'فاطمة'],
  ['Aisha', 'عائشة'],
  ['Amira', 'أميرة'],
  ['Iman', 'إيمان'],
  ['Huda', 'هدى'],
  ['Mona', 'منى'],
  ['Salma', 'سلمى'],
  ['Layla', 'ليلى'],
  ['Khadija', 'خديجة'],
  ['Nada', 'ندى'],
  ['Rasha', 'رشا'],
  ['Samira', 'سميرة'],
];

export const FAMILY_NAMES: readonly NamePair[] = [
  ['al-Hamadi', 'الحمادي'],
  ['al-Ahmad', 'الأحمد'],
  ['al-Ibrahim', 'الإبراهيم'],
  ['al-Obeidi', 'العبيدي'],
  ['al-Jubouri', 'الجبوري'],
  ['al-Dulaimi', 'الدليمي'],
  ['al-Shammari', 'الشمري'],
  ['al-Aqidi', 'العكيدي'],
  ['al-Bakkara', 'البكارة'],
  ['al-Hasan', 'الحسن'],
  ['al-Khatib', 'الخطيب'],
  ['al-Hariri', 'الحريري'],
  ['al-Masri', 'المصري'],
  ['al-Halabi', 'الحلبي'],
  ['al-Ansari', 'الأنصاري'],
  ['al-Amiri', 'الأميري'],
  ['al-Asaad', 'الأسعد'],
  ['al-Attiya', 'العطية'],
  ['al-Zoubi', 'الزعبي'],
  ['al-Rifai', 'الرفاعي'],
  ['al-Qurashi', 'القرشي'],
  ['al-Tamimi', 'التميمي'],
  ['al-Janabi', 'الجنابي'],
  ['al-Karbouli', 'الكربولي'],
  ['al-Mousa', 'الموسى'],
  ['al-Issa', 'العيسى'],
  ['al-Hussein', 'الحسين'],
  ['al-Saleh', 'الصالح'],
  ['al-Sheikh', 'الشيخ'],
  ['al-Hamwi', 'الحموي'],
  ['al-Idlibi', 'الإدلبي'],
  ['al-Raqqawi', 'الرقاوي'],
  ['al-Deiri', 'الديري'],
  ['al-Anbari', 'الأنباري'],
  ['al-Mosuli', 'الموصلي'],
  ['al-Baghdadi', 'البغدادي'],
  ['al-Mahdi', 'المهدي'],
  ['al-Nuaimi', 'النعيمي'],
  ['al-Kubaisi', 'الكبيسي'],
  ['al-Harbi', 'الحربي'],
];

export const GROUP_PATTERNS: readonly NamePair[] = [
  ['Liwa', 'لواء'],
  ['Jaysh', 'جيش'],
  ['Harakat', 'حركة'],
  ['Kataib', 'كتائب'],
  ['Jabhat', 'جبهة'],
  ['Saraya', 'سرايا'],
  ['Firqat', 'فرقة'],
  ['Tajammu', 'تجمع'],
];

export const GROUP_WORDS: readonly NamePair[] = [
  ['al-Fath', 'الفتح'],
  ['al-Nasr', 'النصر'],
  ['al-Islam', 'الإسلام'],
  ['al-Tawhid', 'التوحيد'],
  ['al-Ahrar', 'الأحرار'],
  ['al-Sham', 'الشام'],
  ['al-Furat', 'الفرات'],
  ['al-Jazira', 'الجزيرة'],
  ['al-Amal', 'الأمل'],
  ['al-Huda', 'الهدى'],
  ['al-Qadisiya', 'القادسية'],
  ['al-Karama', 'الكرامة'],
  ['al-Ansar', 'الأنصار'],
  ['al-Mustafa', 'المصطفى'],
  ['al-Iman', 'الإيمان'],
  ['al-Haqq', 'الحق'],
  ['al-Izza', 'العزة'],
  ['al-Asala', 'الأصالة'],
  ['al-Tahrir', 'التحرير'],
  ['al-Sumud', 'الصمود'],
  ['al-Wafa', 'الوفاء'],
  ['al-Thawra', 'الثورة'],
  ['al-Muqawama', 'المقاومة'],
  ['al-Shuhada', 'الشهداء'],
  ['al-Ashair', 'العشائر'],
  ['al-Intisar', 'الانتصار'],
  ['al-Raya', 'الراية'],
  ['al-Fajr', 'الفجر'],
  ['al-Ghuraba', 'الغرباء'],
  ['al-Mujahidin', 'المجاهدين'],
  ['al-Aqsa', 'الأقصى'],
  ['al-Salam', 'السلام'],
];

export const GROUP_QUALIFIERS: readonly NamePair[] = [
  ['', ''],
  ['al-Sharqiya', 'الشرقية'],
  ['al-Gharbiya', 'الغربية'],
  ['al-Shamaliya', 'الشمالية'],
  ['al-Janubiya', 'الجنوبية'],
  ['al-Jadida', 'الجديدة'],
  ['al-Kubra', 'الكبرى'],
  ['al-Ula', 'الأولى'],
  ['al-Thaniya', 'الثانية'],
  ['al-Thalitha', 'الثالثة'],
  ['al-Khassa', 'الخاصة'],
  ['al-Muwahhada', 'الموحدة'],
  ['al-Hurra', 'الحرة'],
  ['al-Wataniya', 'الوطنية'],
  ['al-Shaabiya', 'الشعبية'],
  ['al-Islamiya', 'الإسلامية'],
];

export const ORGANIZATION_PATTERNS: ReadonlyArray<readonly [en: (x: string) => string, ar: (x: string) => string]> = [
  [(x) => `${x} Relief Association`, (x) => `جمعية ${x} للإغاثة`],
  [(x) => `${x} Local Council`, (x) => `المجلس المحلي في ${x}`],
  [(x) => `${x} Human Rights Observatory`, (x) => `مرصد ${x} لحقوق الإنسان`],
  [(x) => `${x} Civil Defence`, (x) => `الدفاع المدني في ${x}`],
  [(x) => `${x} Tribal Council`, (x) => `مجلس عشائر ${x}`],
  [(x) => `${x} Medical Network`, (x) => `الشبكة الطبية في ${x}`],
];

export const MEDIA_PATTERNS: ReadonlyArray<readonly [en: (x: string) => string, ar: (x: string) => string]> = [
  [(x) => `${x} TV`, (x) => `تلفزيون ${x}`],
  [(x) => `${x} News Agency`, (x) => `وكالة ${x} للأنباء`],
  [(x) => `${x} Radio`, (x) => `إذاعة ${x}`],
  [(x) => `${x} Network`, (x) => `شبكة ${x} الإخبارية`],
  [(x) => `${x} Daily`, (x) => `صحيفة ${x} اليومية`],
];

export const MILITARY_PATTERNS: ReadonlyArray<readonly [en: (x: string) => string, ar: (x: string) => string]> = [
  [(x) => `${x} Division`, (x) => `فرقة ${x}`],
  [(x) => `${x} Border Guard`, (x) => `حرس حدود ${x}`],
  [(x) => `${x} Security Forces`, (x) => `قوى الأمن في ${x}`],
  [(x) => `${x} Military Police`, (x) => `الشرطة العسكرية في ${x}`],
];

/** Name of the civilians of a town (an actor of kind `civilians`). */
export const CIVILIANS_PATTERN: readonly [en: (x: string) => string, ar: (x: string) => string] = [
  (x) => `Civilians of ${x}`,
  (x) => `أهالي ${x}`,
];

/** Governorates and districts are named after a made-up town name. */
export const GOVERNORATE_PATTERN: readonly [en: (x: string) => string, ar: (x: string) => string] = [
  (x) => `${x} Governorate`,
  (x) => `محافظة ${x}`,
];

export const DISTRICT_PATTERN: readonly [en: (x: string) => string, ar: (x: string) => string] = [
  (x) => `${x} District`,
  (x) => `منطقة ${x}`,
];

/** The actor of sentences attributed to unnamed local sources: name and alias. */
export const UNNAMED_SOURCES: NamePair = ['Local sources', 'مصادر محلية'];
export const UNNAMED_SOURCES_ALIAS = 'Unnamed local sources';

/** The town named when a town cannot be found (never in practice: every size has towns). */
export const FALLBACK_TOWN: NamePair = ['Tell Hamza', 'تل حمزة'];

export const STATES: readonly NamePair[] = [
  ['Syria', 'سوريا'],
  ['Iraq', 'العراق'],
  ['Turkey', 'تركيا'],
  ['Jordan', 'الأردن'],
  ['Lebanon', 'لبنان'],
  ['Iran', 'إيران'],
  ['Russia', 'روسيا'],
  ['United States', 'الولايات المتحدة'],
  ['Saudi Arabia', 'السعودية'],
  ['Qatar', 'قطر'],
  ['United Arab Emirates', 'الإمارات'],
  ['France', 'فرنسا'],
  ['United Kingdom', 'المملكة المتحدة'],
  ['Egypt', 'مصر'],
];

export const COALITIONS: readonly NamePair[] = [
  ['International Coalition', 'التحالف الدولي'],
  ['Southern Operations Room', 'غرفة عمليات الجنوب'],
  ['Northern Alliance of Tribes', 'تحالف عشائر الشمال'],
  ['Joint Operations Command', 'قيادة العمليات المشتركة'],
];

/** Countries of the place hierarchy: [English, Arabic, centre latitude, centre longitude]. */
export const COUNTRIES: ReadonlyArray<readonly [string, string, number, number]> = [
  ['Syria', 'سوريا', 35.0, 38.5],
  ['Iraq', 'العراق', 33.3, 43.7],
  ['Jordan', 'الأردن', 31.3, 36.5],
  ['Lebanon', 'لبنان', 33.9, 35.8],
  ['Turkey', 'تركيا', 38.5, 35.5],
];

export const PLACE_PREFIXES: readonly NamePair[] = [
  ['Tell', 'تل'],
  ['Ain', 'عين'],
  ['Deir', 'دير'],
  ['Kafr', 'كفر'],
  ['Abu', 'أبو'],
  ['Umm', 'أم'],
  ['Jisr', 'جسر'],
  ['Ras', 'رأس'],
  ['Bir', 'بئر'],
  ['Khirbet', 'خربة'],
  ['Qasr', 'قصر'],
  ['Marj', 'مرج'],
  ['Wadi', 'وادي'],
  ['Jabal', 'جبل'],
  ['Maarat', 'معرة'],
  ['Qaryat', 'قرية'],
  ['Hawsh', 'حوش'],
  ['Arab', 'عرب'],
  ['Beit', 'بيت'],
  ['Sheikh', 'الشيخ'],
];

export const PLACE_WORDS: readonly NamePair[] = [
  ['al-Hamra', 'الحمراء'],
  ['al-Kabira', 'الكبيرة'],
  ['al-Saghira', 'الصغيرة'],
  ['Ibrahim', 'إبراهيم'],
  ['al-Amir', 'الأمير'],
  ['al-Zuhur', 'الزهور'],
  ['Musa', 'موسى'],
  ['Issa', 'عيسى'],
  ['al-Abyad', 'الأبيض'],
  ['al-Aswad', 'الأسود'],
  ['al-Nahr', 'النهر'],
  ['al-Rumman', 'الرمان'],
  ['al-Zaytun', 'الزيتون'],
  ['al-Tin', 'التين'],
  ['al-Hawa', 'الهوى'],
  ['Hamza', 'حمزة'],
  ['al-Arbain', 'الأربعين'],
  ['al-Shajara', 'الشجرة'],
  ['al-Qamar', 'القمر'],
  ['al-Marja', 'المرجة'],
  ['al-Bayda', 'البيضاء'],
  ['al-Safa', 'الصفا'],
  ['al-Nur', 'النور'],
  ['al-Dhahab', 'الذهب'],
  ['al-Qalaa', 'القلعة'],
  ['al-Mina', 'الميناء'],
  ['al-Ghazala', 'الغزالة'],
  ['al-Sukhna', 'السخنة'],
  ['al-Hisn', 'الحصن'],
  ['Ali', 'علي'],
  ['al-Tahta', 'التحتا'],
  ['al-Fawqa', 'الفوقا'],
  ['al-Jadida', 'الجديدة'],
  ['al-Qadima', 'القديمة'],
  ['al-Wusta', 'الوسطى'],
  ['al-Sharqi', 'الشرقي'],
  ['al-Gharbi', 'الغربي'],
  ['Yahya', 'يحيى'],
  ['al-Asi', 'العاصي'],
  ['al-Rayyan', 'الريان'],
];

/** Arabic month names as used in the Levant, January first. */
export const MONTHS_AR: readonly string[] = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];

export const MONTHS_EN: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
