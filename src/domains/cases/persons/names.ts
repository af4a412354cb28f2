/**
 * Name keys of a person for search and the duplicate check.
 *
 * - `nameSearch`: every name (main name, other spellings, transliterations, and a Latin
 *   transliteration of Cyrillic names) lower-cased and without accents — pg_trgm works on it.
 * - `namePhonetic`: phonetic codes of every name token: Kölner Phonetik (German spellings:
 *   "Müller"/"Mueller", "Jussuf"/"Yusuf") and, prefixed with "m:", Double Metaphone (English and
 *   French transliterations: "Mohammed"/"Muhammad"). Multi-word name parts also get the code of
 *   the joined word, so "Al-Hassan" meets "Alhasan".
 * Both are recomputed on every write; nothing here is stored anywhere else.
 */
import cologne from 'talisman/phonetics/german/cologne.js';
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';

export interface NameVariant {
  givenName: string;
  familyName: string;
}

/** Articles and particles that alone say nothing about who is meant (kept inside joined words). */
const PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'bin', 'ibn', 'bint', 'ben', 'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'zu', 'y']);

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz',
};
const HAS_CYRILLIC = /[\u0400-\u04ff]/;

/** Lower case, without accents and punctuation: "Al-Ḥassan, Müller" → "al hassan muller". */
export function normalizeName(value: string): string {
  return value
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A Latin transliteration of Cyrillic letters (others unchanged), e.g. "шевченко" → "shevchenko". */
export function latinOfCyrillic(value: string): string {
  return [...value.toLocaleLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
}

/** The normalized spellings of a name value: itself, plus its Latin form if it is Cyrillic. */
function spellings(value: string): string[] {
  const n = normalizeName(value);
  if (!n) return [];
  return HAS_CYRILLIC.test(n) ? [n, normalizeName(latinOfCyrillic(value))] : [n];
}

const spellingsOrEmpty = (value: string): string[] => {
  const s = spellings(value);
  return s.length ? s : [''];
};

/** "given family" of a variant, normalized; plus its Latin form when a part is Cyrillic. */
export function variantKeys(v: NameVariant): string[] {
  const given = spellingsOrEmpty(v.givenName);
  const family = spellingsOrEmpty(v.familyName);
  const out = new Set<string>();
  for (let i = 0; i < Math.max(given.length, family.length); i++) {
    const key = `${given[i] ?? given[0]} ${family[i] ?? family[0]}`.trim();
    if (key) out.add(key);
  }
  return [...out];
}

/** The text `nameSearch` holds: every spelling of every name, deduplicated. */
export function nameSearchOf(variants: NameVariant[]): string {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const v of variants) {
    for (const key of variantKeys(v)) {
      if (seen.has(key)) continue;
      seen.add(key);
      words.push(key);
    }
  }
  return words.join(' ');
}

/**
 * German spellings of transliterated names folded to the English ones ("Schewtschenko" →
 * "shevchenko", "Dschamal" → "jamal"), so both spellings share codes.
 */
export function foldTransliteration(word: string): string {
  return word.replace(/dsch/g, 'j').replace(/tsch/g, 'ch').replace(/sch/g, 'sh').replace(/w/g, 'v').replace(/ck/g, 'k');
}

function codesOf(word: string, out: Set<string>): void {
  const k = cologne(word);
  if (k.length >= 2) out.add(k);
  const [primary, secondary] = doubleMetaphone(word.toUpperCase());
  if (primary && primary.length >= 2) out.add(`m:${primary}`);
  if (secondary && secondary.length >= 2) out.add(`m:${secondary}`);
}

/** Phonetic codes of one Latin word, also of its folded spelling (empty for other scripts). */
export function wordCodes(word: string): string[] {
  if (!/[a-z]/.test(word)) return [];
  const out = new Set<string>();
  codesOf(word, out);
  const folded = foldTransliteration(word);
  if (folded !== word) codesOf(folded, out);
  return [...out];
}

/** The tokens of one name part that identify (no particles, at least 2 letters). */
function meaningfulTokens(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length >= 2 && !PARTICLES.has(w));
}

/** One name part (a given or family name) for phonetic comparison. */
export interface PhoneticPart {
  /** codes per meaningful token */
  tokens: string[][];
  /** codes of the joined word ("al hassan" → "alhassan"), when the part has several words */
  joined: string[];
}

export function phoneticParts(value: string): PhoneticPart[] {
  const parts: PhoneticPart[] = [];
  for (const spelling of spellings(value)) {
    const latin = HAS_CYRILLIC.test(spelling) ? null : spelling;
    if (!latin) continue;
    const words = latin.split(' ').filter(Boolean);
    const tokens = meaningfulTokens(latin)
      .map(wordCodes)
      .filter((c) => c.length > 0);
    const joined = words.length > 1 ? wordCodes(words.join('')) : [];
    if (tokens.length || joined.length) parts.push({ tokens, joined });
  }
  return parts;
}

/** Every phonetic code of a person's names (what `namePhonetic` holds). */
export function namePhoneticOf(variants: NameVariant[]): string[] {
  const out = new Set<string>();
  for (const v of variants) {
    for (const value of [v.givenName, v.familyName]) {
      for (const part of phoneticParts(value)) {
        for (const codes of part.tokens) for (const c of codes) out.add(c);
        for (const c of part.joined) out.add(c);
      }
    }
  }
  return [...out].sort();
}

/**
 * How well a name variant matches a set of stored codes (0..1): for the given and the family name
 * each, the share of its tokens with a common code (1 when the joined word matches), averaged.
 */
export function phoneticMatch(v: NameVariant, stored: ReadonlySet<string>): number {
  const scores: number[] = [];
  for (const value of [v.givenName, v.familyName]) {
    let best = -1;
    for (const part of phoneticParts(value)) {
      if (part.joined.some((c) => stored.has(c))) {
        best = 1;
        break;
      }
      if (!part.tokens.length) continue;
      const hits = part.tokens.filter((codes) => codes.some((c) => stored.has(c))).length;
      best = Math.max(best, hits / part.tokens.length);
    }
    if (best >= 0) scores.push(best);
  }
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
}

/** Whether two variant sets share one spelling of the whole name (in either order). */
export function sameSpelling(a: NameVariant[], b: NameVariant[]): boolean {
  const keys = new Set<string>();
  for (const v of b) {
    for (const k of variantKeys(v)) keys.add(k);
    for (const k of variantKeys({ givenName: v.familyName, familyName: v.givenName })) keys.add(k);
  }
  return a.some((v) => variantKeys(v).some((k) => keys.has(k)));
}

/** Whether two names are written the same (same script, ignoring case, accents and order). */
export function sameOriginalSpelling(a: NameVariant, b: NameVariant): boolean {
  const key = (v: NameVariant) => normalizeName(`${v.givenName} ${v.familyName}`);
  const swapped = (v: NameVariant) => normalizeName(`${v.familyName} ${v.givenName}`);
  return key(a) !== '' && (key(a) === key(b) || key(a) === swapped(b));
}
