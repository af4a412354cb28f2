// Client-side search over the stored directory (offline): the same filters and facets as the
// server, fuzzy and prefix matching with minisearch. Loaded on demand, never in the first bundle.
import MiniSearch from 'minisearch';
import type { DirectorySnapshot, OfferCard, OfferDetail, OfferSearchResult } from '../../shared/contracts/offerPublic.ts';
import { distanceKm, FLAG_KEYS, type FlagKey, type Point, type SearchState } from './searchState.ts';

const indexes = new WeakMap<DirectorySnapshot, MiniSearch<OfferDetail>>();

function indexFor(snapshot: DirectorySnapshot): MiniSearch<OfferDetail> {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new MiniSearch<OfferDetail>({
      fields: ['title', 'summary', 'description', 'providerName'],
      storeFields: [],
      extractField: (doc, field) => (field === 'providerName' ? doc.provider.name : String((doc as unknown as Record<string, unknown>)[field] ?? '')),
      searchOptions: { boost: { title: 3, summary: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'AND' },
    });
    index.addAll(snapshot.offers);
    indexes.set(snapshot, index);
  }
  return index;
}

const FLAG_FIELD: Record<FlagKey, keyof OfferDetail> = {
  free: 'freeOfCharge',
  childcare: 'childcare',
  barrierFree: 'barrierFree',
  online: 'online',
  inPerson: 'inPerson',
};

export function toCard(o: OfferDetail, point: Point | null): OfferCard {
  const pins = o.locations.map((l) => ({ id: l.id, name: l.name, town: l.town, lat: l.lat, lon: l.lon }));
  const distances = point ? pins.filter((l) => l.lat !== null && l.lon !== null).map((l) => distanceKm(point, { lat: l.lat!, lon: l.lon! })) : [];
  return {
    id: o.id,
    title: o.title,
    summary: o.summary,
    lang: o.lang,
    fallback: o.fallback,
    providerName: o.provider.name,
    fieldIds: o.fieldIds,
    targetGroupIds: o.targetGroupIds,
    areaIds: o.areaIds,
    languages: o.languages,
    locations: pins,
    distanceKm: distances.length ? Math.round(Math.min(...distances) * 10) / 10 : null,
    updatedAt: o.updatedAt,
    freeOfCharge: o.freeOfCharge,
    childcare: o.childcare,
    barrierFree: o.barrierFree,
    online: o.online,
    inPerson: o.inPerson,
  };
}

type Except = 'field' | 'targetGroup' | 'language' | 'area' | FlagKey | null;

function matches(o: OfferDetail, s: SearchState, except: Except): boolean {
  const anyOf = (values: string[], selected: string[]) => selected.length === 0 || selected.some((v) => values.includes(v));
  if (except !== 'field' && !anyOf(o.fieldIds, s.field)) return false;
  if (except !== 'targetGroup' && !anyOf(o.targetGroupIds, s.targetGroup)) return false;
  if (except !== 'language' && !anyOf(o.languages, s.language)) return false;
  if (except !== 'area' && !anyOf(o.areaIds, s.area)) return false;
  for (const k of FLAG_KEYS) if (except !== k && s[k] && !o[FLAG_FIELD[k]]) return false;
  return true;
}

function countValues(offers: OfferDetail[], pick: (o: OfferDetail) => string[]) {
  const counts = new Map<string, number>();
  for (const o of offers) for (const v of new Set(pick(o))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** Searches the snapshot like GET /offers does: query, filters, facets, sorting, paging. */
export function searchLocally(snapshot: DirectorySnapshot, s: SearchState, point: Point | null, pageSize: number): OfferSearchResult {
  let pool = snapshot.offers;
  const score = new Map<string, number>();
  const q = s.q.trim();
  if (q) {
    const hits = indexFor(snapshot).search(q);
    const fallbackHits = hits.length ? hits : indexFor(snapshot).search(q, { combineWith: 'OR' });
    for (const h of fallbackHits) score.set(String(h.id), h.score);
    pool = pool.filter((o) => score.has(o.id));
  }
  const filtered = pool.filter((o) => matches(o, s, null));
  const facetPool = (except: Except) => pool.filter((o) => matches(o, s, except));
  const flagCount = (k: FlagKey) => facetPool(k).filter((o) => o[FLAG_FIELD[k]]).length;
  let cards = filtered.map((o) => toCard(o, point));
  if (s.sort === 'distance' && point) cards.sort((a, b) => (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY));
  else if (s.sort === 'title') cards.sort((a, b) => a.title.localeCompare(b.title, snapshot.lang));
  else if (s.sort === 'updated') cards.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  else if (q) cards.sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0));
  const total = cards.length;
  cards = cards.slice((s.page - 1) * pageSize, s.page * pageSize);
  return {
    items: cards,
    total,
    page: s.page,
    pageSize,
    lang: snapshot.lang,
    facets: {
      field: countValues(facetPool('field'), (o) => o.fieldIds),
      targetGroup: countValues(facetPool('targetGroup'), (o) => o.targetGroupIds),
      language: countValues(facetPool('language'), (o) => o.languages),
      area: countValues(facetPool('area'), (o) => o.areaIds),
      free: flagCount('free'),
      childcare: flagCount('childcare'),
      barrierFree: flagCount('barrierFree'),
      online: flagCount('online'),
      inPerson: flagCount('inPerson'),
    },
    expandedTerms: [],
  };
}
