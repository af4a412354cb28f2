import { DEMO_LANGUAGES } from './types.ts';
import type { DemoLang, DemoOffer, DemoOfferText, DemoTenant } from './types.ts';

/** Small, fast, deterministic PRNG (mulberry32). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUP_WORD: Record<DemoLang, string> = {
  de: 'Gruppe', en: 'Group', ar: 'المجموعة', fa: 'گروه', uk: 'Група', ru: 'Группа', tr: 'Grup', ro: 'Grupa', bg: 'Група',
};
const EXTRA_LANGS = ['en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg', 'ku', 'ti', 'so', 'ps', 'fr', 'pl'];

interface Source {
  offer: DemoOffer;
  /** per-language text without the district suffix; missing languages fall back to German */
  texts: Record<DemoLang, DemoOfferText & { baseTitle: string }>;
}

/**
 * Deterministically generates `count` offers for benchmarks by recombining the base tenant's
 * offers (texts), providers, locations, fields, target groups and areas.
 * Keys are `gen-000001`, `gen-000002`, … Summaries and descriptions are shared string references,
 * only titles are built per offer, and unchanged key arrays are shared (frozen), so memory stays
 * proportional to the number of offers. Treat the returned arrays as read-only.
 */
export function generateOffers(base: DemoTenant, count: number, seed = 1): DemoOffer[] {
  if (base.offers.length === 0 || base.locations.length === 0 || base.areas.length === 0) return [];
  const rnd = mulberry32(seed);
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rnd() * arr.length)]!;
  const areaNames = new Set(base.areas.map((a) => a.name));
  const stripSuffix = (title: string): string => {
    const i = title.lastIndexOf(' – ');
    return i > 0 && areaNames.has(title.slice(i + 3)) ? title.slice(0, i) : title;
  };
  const full = base.offers.filter((o) => DEMO_LANGUAGES.every((l) => o.texts[l] !== undefined));
  const pool = full.length > 0 ? full : base.offers;
  const sources: Source[] = pool.map((offer) => {
    const texts = {} as Source['texts'];
    for (const lang of DEMO_LANGUAGES) {
      const t = offer.texts[lang] ?? offer.texts.de;
      texts[lang] = { ...t, baseTitle: stripSuffix(t.title) };
    }
    return { offer, texts };
  });
  const fieldKeys = base.fieldsOfAction.map((f) => f.key);
  const groupKeys = base.targetGroups.map((g) => g.key);
  const allAreaKeys = base.areas.map((a) => a.key);
  const locationsByArea = new Map<string, typeof base.locations>();
  for (const l of base.locations) {
    const list = locationsByArea.get(l.areaKey) ?? [];
    list.push(l);
    locationsByArea.set(l.areaKey, list);
  }
  const width = Math.max(6, String(count).length);
  const nAreas = base.areas.length;
  // Running course numbers per (German base title × area) keep generated titles unique.
  const titleIndex = new Map<string, number>();
  const titleSlot = sources.map((src) => {
    const t = src.texts.de.baseTitle;
    if (!titleIndex.has(t)) titleIndex.set(t, titleIndex.size);
    return titleIndex.get(t)!;
  });
  const courseNo = new Int32Array(titleIndex.size * (nAreas + 1));
  // Title prefixes per source × area (+ one online variant) × language, built once and shared.
  const prefixes: string[][][] = sources.map((src) => {
    const perArea: string[][] = base.areas.map((area) => DEMO_LANGUAGES.map((lang) => `${src.texts[lang].baseTitle} – ${area.name} · ${GROUP_WORD[lang]} `));
    perArea.push(DEMO_LANGUAGES.map((lang) => `${src.texts[lang].baseTitle} · ${GROUP_WORD[lang]} `));
    return perArea;
  });
  // Frozen, shared key arrays: unchanged offers reference these instead of copying.
  const shared = sources.map((src) => ({
    fields: Object.freeze(src.offer.fieldKeys.slice()) as string[],
    groups: Object.freeze(src.offer.targetGroupKeys.slice()) as string[],
    languages: Object.freeze(src.offer.languages.slice()) as string[],
  }));
  const frozenAllAreas = Object.freeze(allAreaKeys.slice()) as string[];
  const withExtra = (arr: string[], extra: string): string[] => (arr.includes(extra) ? arr : [...arr, extra]);

  const out: DemoOffer[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const si = Math.floor(rnd() * sources.length);
    const src = sources[si]!;
    const o = src.offer;
    const sh = shared[si]!;
    const onlineOnly = rnd() < 0.08;
    const ai = Math.floor(rnd() * nAreas);
    const area = base.areas[ai]!;
    const candidates = locationsByArea.get(area.key) ?? base.locations;
    const location = onlineOnly ? undefined : pick(candidates.length > 0 ? candidates : base.locations);
    const providerKey = location && rnd() < 0.7 ? location.providerKey : o.providerKey;

    const fields = rnd() < 0.2 ? withExtra(sh.fields, pick(fieldKeys)) : sh.fields;
    const groups = rnd() < 0.3 ? withExtra(sh.groups, pick(groupKeys)) : sh.groups;
    const languages = rnd() < 0.25 ? withExtra(sh.languages, pick(EXTRA_LANGS)) : sh.languages;

    const slot = titleSlot[si]! * (nAreas + 1) + (onlineOnly ? nAreas : ai);
    const n = ++courseNo[slot]!;

    const pre = prefixes[si]![onlineOnly ? nAreas : ai]!;
    const texts = {} as Record<DemoLang, DemoOfferText>;
    for (let li = 0; li < DEMO_LANGUAGES.length; li++) {
      const lang = DEMO_LANGUAGES[li]!;
      const t = src.texts[lang];
      texts[lang] = {
        title: pre[li]! + n,
        summary: t.summary,
        description: t.description,
        costs: t.costs,
        requirements: t.requirements,
        registration: t.registration,
      };
    }

    const offer: DemoOffer = {
      key: `gen-${String(i + 1).padStart(width, '0')}`,
      providerKey,
      locationKeys: location ? [location.key] : [],
      fieldKeys: fields,
      targetGroupKeys: groups,
      areaKeys: location ? [location.areaKey] : frozenAllAreas,
      languages,
      freeOfCharge: rnd() < 0.15 ? !o.freeOfCharge : o.freeOfCharge,
      childcare: rnd() < 0.12 ? !o.childcare : o.childcare,
      barrierFree: location ? location.barrierFree : true,
      online: onlineOnly || (rnd() < 0.15 ? !o.online : o.online),
      inPerson: !onlineOnly,
      texts,
    };
    if (o.kindKey) offer.kindKey = o.kindKey;
    if (o.signupUrl) offer.signupUrl = o.signupUrl;
    if (o.email) offer.email = o.email;
    if (o.phone) offer.phone = o.phone;
    out[i] = offer;
  }
  return out;
}
