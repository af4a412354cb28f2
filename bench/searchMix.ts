/**
 * The rotating request mix for the search benchmark: what people type into a municipal offer
 * navigator — German words, typos, synonyms, Arabic and Ukrainian words, filters, and the empty
 * query that only shows facets. Words are partly taken from the data set itself so that the
 * queries hit real content whatever the generator writes.
 */
export interface DatasetFacts {
  tenantId: string;
  languages: string[];
  offers: number;
  offerIds: string[];
  fieldIds: string[];
  targetGroupIds: string[];
  areaIds: string[];
  titles: { lang: string; title: string }[];
  synonyms: string[][];
}

const GERMAN = ['Deutschkurs', 'Sprachkurs', 'Integrationskurs', 'Beratung', 'Migrationsberatung', 'Wohnung', 'Kita', 'Bewerbung', 'Hausaufgabenhilfe', 'Frauen', 'Arbeit', 'Ausbildung', 'Aufenthalt', 'Familie', 'Gesundheit', 'Sprachcafé', 'Jugend', 'Anerkennung'];
const TYPOS = ['Deutschkurz', 'Integratonskurs', 'Migrationsberatng', 'Wohnugn', 'Beratnug', 'Hausaufgabehilfe', 'Bewerbng', 'Sprachkaffee'];
const MULTI_WORD = ['Deutschkurs für Frauen', 'Beratung Aufenthalt', 'Kita Platz', 'Hilfe bei der Wohnungssuche', 'Sprachkurs mit Kinderbetreuung'];
const ARABIC = ['دورة اللغة الألمانية', 'استشارة', 'سكن', 'عمل', 'نساء'];
const UKRAINIAN = ['курс німецької мови', 'консультація', 'житло', 'робота', 'діти'];

/** Small deterministic PRNG: every run sends the same mix. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of at least four letters from the data set's titles in one language. */
function wordsOf(facts: DatasetFacts, lang: string): string[] {
  const words = facts.titles
    .filter((t) => t.lang === lang)
    .flatMap((t) => t.title.split(/[\s,.;:()/–-]+/u))
    .filter((w) => w.length >= 4 && !/\d/.test(w));
  return [...new Set(words)];
}

export interface SearchMix {
  /** 1,000 requests drawn from the weighted mix; repeats are as common as in real traffic, so the server's answer cache helps. */
  search: string[];
  /** 15,000 distinct requests of the same kinds (two-word queries, varied page sizes): every answer is computed. */
  searchUncached: string[];
  offers: string[];
  pages: { name: string; path: string }[];
}

export function buildSearchMix(tenant: string, facts: DatasetFacts): SearchMix {
  const random = rng(7);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length ? list[Math.floor(random() * list.length)] : undefined);
  const base = `/api/v1/${tenant}/offers`;
  const has = (lang: string) => facts.languages.includes(lang);
  const germanFromData = wordsOf(facts, 'de');
  const arabicFromData = wordsOf(facts, 'ar');
  const ukrainianFromData = wordsOf(facts, 'uk');
  const synonymTerms = facts.synonyms.flat();

  let pageSize: string | undefined;
  let widen = false;
  const wordsFor = (list: readonly string[]): string | undefined => {
    const first = pick(list);
    // Uncached variant: a second word makes the query distinct (and a little harder).
    return widen && first ? `${first} ${pick(germanFromData.length ? germanFromData : GERMAN)}` : first;
  };
  const search = (params: Record<string, string | undefined>): string => {
    const qs = new URLSearchParams();
    if (pageSize) params.pageSize = pageSize;
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
    const s = qs.toString();
    return s ? `${base}?${s}` : base;
  };

  // Weighted generators: [weight, make a path].
  const kinds: [number, () => string][] = [
    [18, () => search({ q: wordsFor(GERMAN), lang: 'de' })],
    [8, () => search({ q: wordsFor(germanFromData) ?? pick(GERMAN), lang: 'de' })],
    [8, () => search({ q: pick(TYPOS), lang: 'de' })],
    [6, () => search({ q: pick(synonymTerms) ?? pick(GERMAN), lang: 'de' })],
    [5, () => search({ q: pick(MULTI_WORD), lang: 'de' })],
    [6, () => (has('ar') ? search({ q: pick(random() < 0.5 ? ARABIC : arabicFromData) ?? pick(ARABIC), lang: 'ar' }) : search({ q: pick(GERMAN) }))],
    [6, () => (has('uk') ? search({ q: pick(random() < 0.5 ? UKRAINIAN : ukrainianFromData) ?? pick(UKRAINIAN), lang: 'uk' }) : search({ q: pick(GERMAN) }))],
    [4, () => search({ q: pick(GERMAN), lang: pick(['en', 'ru', 'tr', 'fa'].filter(has)) ?? 'de' })],
    [10, () => search({ q: pick(GERMAN), lang: 'de', field: pick(facts.fieldIds) })],
    [6, () => search({ lang: 'de', field: pick(facts.fieldIds), targetGroup: pick(facts.targetGroupIds) })],
    [5, () => search({ lang: 'de', area: pick(facts.areaIds), free: 'true' })],
    [4, () => search({ q: pick(GERMAN), lang: 'de', language: pick(['ar', 'uk', 'en', 'tr']), childcare: random() < 0.5 ? 'true' : undefined })],
    [8, () => search({ lang: pick(facts.languages) ?? 'de' })],
    [3, () => search({ lang: 'de', page: String(2 + Math.floor(random() * 5)) })],
    [3, () => search({ lang: 'de', sort: 'updated', targetGroup: pick(facts.targetGroupIds) })],
  ];
  const total = kinds.reduce((s, [w]) => s + w, 0);
  const draw = (): string => {
    let r = random() * total;
    for (const [w, make] of kinds) {
      r -= w;
      if (r <= 0) return make();
    }
    return kinds[0]![1]();
  };
  const searchPaths = Array.from({ length: 1000 }, draw);
  widen = true;
  const distinct = new Set<string>();
  for (let tries = 0; distinct.size < 15_000 && tries < 200_000; tries++) {
    pageSize = String(16 + Math.floor(random() * 9));
    distinct.add(draw());
  }

  const offers = facts.offerIds.map((id, i) => `${base}/${id}?lang=${facts.languages[i % facts.languages.length] ?? 'de'}`);
  const someOffer = facts.offerIds[0];
  const pages = [
    { name: 'search', path: `/${tenant}?q=Deutschkurs` },
    ...(someOffer ? [{ name: 'offer', path: `/${tenant}/offer/${someOffer}` }] : []),
  ];
  return { search: searchPaths, searchUncached: [...distinct], offers, pages };
}
