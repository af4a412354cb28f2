// Languages Lotse knows for interface and content. Browser-safe: imported by server and web.
export interface LanguageInfo {
  code: string;
  /** BCP 47 tag */
  bcp47: string;
  nativeName: string;
  germanName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'de', bcp47: 'de-DE', nativeName: 'Deutsch', germanName: 'Deutsch', dir: 'ltr' },
  { code: 'en', bcp47: 'en', nativeName: 'English', germanName: 'Englisch', dir: 'ltr' },
  { code: 'ar', bcp47: 'ar', nativeName: 'العربية', germanName: 'Arabisch', dir: 'rtl' },
  { code: 'fa', bcp47: 'fa', nativeName: 'فارسی', germanName: 'Farsi', dir: 'rtl' },
  { code: 'uk', bcp47: 'uk', nativeName: 'Українська', germanName: 'Ukrainisch', dir: 'ltr' },
  { code: 'ru', bcp47: 'ru', nativeName: 'Русский', germanName: 'Russisch', dir: 'ltr' },
  { code: 'tr', bcp47: 'tr', nativeName: 'Türkçe', germanName: 'Türkisch', dir: 'ltr' },
  { code: 'ro', bcp47: 'ro', nativeName: 'Română', germanName: 'Rumänisch', dir: 'ltr' },
  { code: 'bg', bcp47: 'bg', nativeName: 'Български', germanName: 'Bulgarisch', dir: 'ltr' },
  // Languages offers may be held in (not interface languages).
  { code: 'fr', bcp47: 'fr', nativeName: 'Français', germanName: 'Französisch', dir: 'ltr' },
  { code: 'es', bcp47: 'es', nativeName: 'Español', germanName: 'Spanisch', dir: 'ltr' },
  { code: 'it', bcp47: 'it', nativeName: 'Italiano', germanName: 'Italienisch', dir: 'ltr' },
  { code: 'pl', bcp47: 'pl', nativeName: 'Polski', germanName: 'Polnisch', dir: 'ltr' },
  { code: 'el', bcp47: 'el', nativeName: 'Ελληνικά', germanName: 'Griechisch', dir: 'ltr' },
  { code: 'sr', bcp47: 'sr', nativeName: 'Српски', germanName: 'Serbisch', dir: 'ltr' },
  { code: 'sq', bcp47: 'sq', nativeName: 'Shqip', germanName: 'Albanisch', dir: 'ltr' },
  { code: 'ku', bcp47: 'ku', nativeName: 'Kurdî', germanName: 'Kurdisch', dir: 'ltr' },
  { code: 'ckb', bcp47: 'ckb', nativeName: 'کوردی', germanName: 'Sorani', dir: 'rtl' },
  { code: 'ps', bcp47: 'ps', nativeName: 'پښتو', germanName: 'Paschtu', dir: 'rtl' },
  { code: 'prs', bcp47: 'prs', nativeName: 'دری', germanName: 'Dari', dir: 'rtl' },
  { code: 'ur', bcp47: 'ur', nativeName: 'اردو', germanName: 'Urdu', dir: 'rtl' },
  { code: 'ti', bcp47: 'ti', nativeName: 'ትግርኛ', germanName: 'Tigrinya', dir: 'ltr' },
  { code: 'so', bcp47: 'so', nativeName: 'Soomaali', germanName: 'Somali', dir: 'ltr' },
  { code: 'vi', bcp47: 'vi', nativeName: 'Tiếng Việt', germanName: 'Vietnamesisch', dir: 'ltr' },
  { code: 'zh', bcp47: 'zh', nativeName: '中文', germanName: 'Chinesisch', dir: 'ltr' },
  { code: 'hi', bcp47: 'hi', nativeName: 'हिन्दी', germanName: 'Hindi', dir: 'ltr' },
  { code: 'sgn', bcp47: 'sgn-DE', nativeName: 'Deutsche Gebärdensprache', germanName: 'Gebärdensprache', dir: 'ltr' },
];

/** The interface and demo-content languages of the navigator. */
export const UI_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]));
export const languageInfo = (code: string): LanguageInfo | undefined => byCode.get(code);
export const isKnownLanguage = (code: string): boolean => byCode.has(code);
export const isRtl = (code: string): boolean => byCode.get(code)?.dir === 'rtl';
