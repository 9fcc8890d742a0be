/**
 * Country names for the map, in the reader's language, without shipping any names: world-atlas gives
 * each country its ISO 3166-1 numeric code; this table turns it into the two-letter code that
 * `Intl.DisplayNames` localises (generated from Debian iso-codes for the ids world-atlas uses).
 */

/** Concatenated `NNNAA` pairs: numeric code, two-letter code. */
const NUMERIC_TO_ALPHA2 =
  '004AF008AL010AQ012DZ016AS020AD024AO028AG031AZ032AR036AU040AT044BS048BH050BD051AM052BB056BE060BM064BT' +
  '068BO070BA072BW076BR084BZ086IO090SB092VG096BN100BG104MM108BI112BY116KH120CM124CA132CV136KY140CF144LK' +
  '148TD152CL156CN158TW170CO174KM178CG180CD184CK188CR191HR192CU196CY203CZ204BJ208DK212DM214DO218EC222SV' +
  '226GQ231ET232ER233EE234FO238FK239GS242FJ246FI248AX250FR258PF260TF262DJ266GA268GE270GM275PS276DE288GH' +
  '296KI300GR304GL308GD316GU320GT324GN328GY332HT334HM336VA340HN344HK348HU352IS356IN360ID364IR368IQ372IE' +
  '376IL380IT384CI388JM392JP398KZ400JO404KE408KP410KR414KW417KG418LA422LB426LS428LV430LR434LY438LI440LT' +
  '442LU446MO450MG454MW458MY462MV466ML470MT478MR480MU484MX492MC496MN498MD499ME500MS504MA508MZ512OM516NA' +
  '520NR524NP528NL531CW533AW534SX540NC548VU554NZ558NI562NE566NG570NU574NF578NO580MP583FM584MH585PW586PK' +
  '591PA598PG600PY604PE608PH612PN616PL620PT624GW626TL630PR634QA642RO643RU646RW652BL654SH659KN660AI662LC' +
  '663MF666PM670VC674SM678ST682SA686SN688RS690SC694SL702SG703SK704VN705SI706SO710ZA716ZW724ES728SS729SD' +
  '732EH740SR748SZ752SE756CH760SY762TJ764TH768TG776TO780TT784AE788TN792TR795TM796TC800UG804UA807MK818EG' +
  '826GB831GG832JE833IM834TZ840US850VI854BF858UY860UZ862VE876WF882WS887YE894ZM';

/** Countries world-atlas gives no numeric code but the CLDR knows. */
const BY_NAME: Record<string, string> = { Kosovo: 'XK' };

let table: Map<string, string> | null = null;

/** ISO 3166-1 two-letter code of a world-atlas country, or null. */
export function alpha2(id: string | number | undefined, atlasName?: string): string | null {
  if (!table) {
    table = new Map();
    for (let i = 0; i + 5 <= NUMERIC_TO_ALPHA2.length; i += 5) {
      table.set(NUMERIC_TO_ALPHA2.slice(i, i + 3), NUMERIC_TO_ALPHA2.slice(i + 3, i + 5));
    }
  }
  const code = id === undefined ? undefined : table.get(String(id).padStart(3, '0'));
  return code ?? (atlasName ? (BY_NAME[atlasName] ?? null) : null);
}

const namers = new Map<string, Intl.DisplayNames | null>();

function namer(lang: string): Intl.DisplayNames | null {
  let value = namers.get(lang);
  if (value === undefined) {
    try {
      value = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      value = null;
    }
    namers.set(lang, value);
  }
  return value;
}

/**
 * The country's name in `lang`; the atlas' English name when the language is English or the runtime
 * does not know the code; null for an unnamed country in another language (better no label than a
 * label in the wrong language).
 */
export function countryName(
  id: string | number | undefined,
  atlasName: string | undefined,
  lang: string,
): string | null {
  const code = alpha2(id, atlasName);
  const english = lang.toLowerCase().startsWith('en');
  if (code) {
    const name = namer(lang)?.of(code);
    if (name && name !== code) return name;
  }
  return english && atlasName ? atlasName : null;
}
