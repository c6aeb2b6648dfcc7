/**
 * Language tags (BCP 47) of the language assistance taglines, and the text direction each is
 * written in. A page marks every tagline with its `lang` and, for right-to-left scripts, `dir`,
 * so screen readers pick the right voice and the text is laid out the right way round.
 */
export type TextDirection = 'ltr' | 'rtl';

export interface LanguageTag {
  /** The tag with BCP 47's conventional casing: "zh-Hant-TW", "fa", "ht". */
  tag: string;
  /** The primary language subtag, lower case: "zh", "fa". */
  language: string;
  /** The script subtag when the tag names one, title case: "Hant", "Arab". */
  script: string | null;
  /** The region subtag when the tag names one, upper case: "TW", "419". */
  region: string | null;
}

/**
 * RFC 5646's langtag production: language (with up to three extlangs), script, region,
 * variants, extensions and a private-use tail. The language subtag has two or three letters
 * (the registry holds no longer ones); grandfathered and private-use-only tags are refused.
 */
const LANGTAG =
  /^(?<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})(?:-(?<script>[a-z]{4}))?(?:-(?<region>[a-z]{2}|\d{3}))?(?<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)(?<extensions>(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*)(?:-x(?:-[a-z\d]{1,8})+)?$/i;

/** Codes that name no one language: undetermined, multiple, uncoded, no linguistic content. */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'mis', 'zxx']);
/** ISO 639's range reserved for local use (qaa–qtz). */
const LOCAL_USE = /^q[a-t][a-z]$/;

/** Scripts written right to left (ISO 15924 codes), living and historic. */
export const RIGHT_TO_LEFT_SCRIPTS: ReadonlySet<string> = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Elym', 'Hatr', 'Hebr', 'Hung', 'Khar', 'Lydi', 'Mand', 'Mani', 'Mend', 'Narb',
  'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd', 'Sogo', 'Syrc', 'Thaa', 'Yezi',
]);

/**
 * Languages whose usual script, when the tag names none, is right to left: Arabic, Persian
 * and Dari, Urdu, Hebrew, Yiddish, Pashto, Sindhi, Central Kurdish (Sorani), Uyghur, Dhivehi,
 * Syriac, Kashmiri, Western Punjabi, Balochi, N'Ko, and Arabic's varieties.
 */
export const RIGHT_TO_LEFT_LANGUAGES: ReadonlySet<string> = new Set([
  'ar', 'fa', 'prs', 'pes', 'ur', 'he', 'iw', 'yi', 'ji', 'ydd', 'yih', 'ps', 'pbt', 'pbu', 'sd', 'ckb', 'ug', 'dv', 'syr', 'ks', 'pnb', 'bal', 'bcc', 'nqo',
  'arb', 'arz', 'apc', 'ajp', 'acm', 'apd', 'ary', 'arq', 'aeb', 'afb', 'ayl', 'acq', 'ars', 'shu', 'mzn', 'glk', 'lrc', 'luz', 'bqi', 'haz', 'khw', 'skr',
]);

/** Languages written right to left in one region by default (CLDR's likely scripts): Azerbaijani in Iran, Punjabi in Pakistan, and so on. */
const RIGHT_TO_LEFT_IN_REGION: Readonly<Record<string, readonly string[]>> = {
  az: ['IR'],
  pa: ['PK'],
  uz: ['AF'],
  ky: ['CN'],
  kk: ['CN', 'AF', 'IR'],
  tg: ['PK'],
  ha: ['CM', 'SD'],
};

/** The tag read into its parts with conventional casing, or null when it is not a well-formed tag of one language. */
export function parseLanguageTag(input: unknown): LanguageTag | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const match = LANGTAG.exec(input);
  if (!match?.groups) return null;
  const subtags = input.split('-');
  // An extension's singleton may appear once.
  const singletons = subtags.filter((s) => s.length === 1).map((s) => s.toLowerCase());
  if (new Set(singletons).size !== singletons.length) return null;
  const language = match.groups.language!.split('-')[0]!.toLowerCase();
  if (NOT_A_LANGUAGE.has(language) || LOCAL_USE.test(language)) return null;
  const script = match.groups.script ? match.groups.script[0]!.toUpperCase() + match.groups.script.slice(1).toLowerCase() : null;
  const region = match.groups.region ? match.groups.region.toUpperCase() : null;
  let seenSingleton = false;
  const tag = subtags
    .map((subtag, index) => {
      if (index === 0 || seenSingleton) return subtag.toLowerCase();
      if (subtag.length === 1) {
        seenSingleton = true;
        return subtag.toLowerCase();
      }
      if (subtag.length === 4 && /^[a-z]+$/i.test(subtag)) return subtag[0]!.toUpperCase() + subtag.slice(1).toLowerCase();
      if (subtag.length === 2 && /^[a-z]+$/i.test(subtag)) return subtag.toUpperCase();
      return subtag.toLowerCase();
    })
    .join('-');
  return { tag, language, script, region };
}

export const isLanguageTag = (input: unknown): input is string => parseLanguageTag(input) !== null;

/**
 * The direction a tag's text is written in: from its script subtag when it has one ("ur-Latn"
 * is left to right, "az-Arab" right to left), otherwise from the language's usual script,
 * which for a few languages depends on the region. Unknown and ill-formed tags read left to right.
 */
export function textDirectionOf(input: string): TextDirection {
  const parsed = parseLanguageTag(input);
  if (!parsed) return 'ltr';
  if (parsed.script) return RIGHT_TO_LEFT_SCRIPTS.has(parsed.script) ? 'rtl' : 'ltr';
  if (RIGHT_TO_LEFT_LANGUAGES.has(parsed.language)) return 'rtl';
  if (parsed.region && RIGHT_TO_LEFT_IN_REGION[parsed.language]?.includes(parsed.region)) return 'rtl';
  return 'ltr';
}
