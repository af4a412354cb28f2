// The search page's state lives in the URL query, so every result list is shareable.
export type SortKey = 'relevance' | 'distance' | 'title' | 'updated';
export type FlagKey = 'free' | 'childcare' | 'barrierFree' | 'online' | 'inPerson';
export type ListKey = 'field' | 'targetGroup' | 'language' | 'area';

export const FLAG_KEYS: readonly FlagKey[] = ['free', 'childcare', 'barrierFree', 'online', 'inPerson'];
export const LIST_KEYS: readonly ListKey[] = ['field', 'targetGroup', 'language', 'area'];
const SORTS: readonly SortKey[] = ['relevance', 'distance', 'title', 'updated'];

export interface SearchState {
  q: string;
  field: string[];
  targetGroup: string[];
  language: string[];
  area: string[];
  free: boolean;
  childcare: boolean;
  barrierFree: boolean;
  online: boolean;
  inPerson: boolean;
  sort: SortKey;
  /** Point for distance sorting: `area:<id>` or `<lat>,<lon>`. */
  near: string;
  view: 'list' | 'map';
  page: number;
}

export const PAGE_SIZE = 20;

export function parseSearchState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const list = (k: string) =>
    p
      .getAll(k)
      .flatMap((v) => v.split(','))
      .filter(Boolean);
  const flag = (k: string) => p.get(k) === '1' || p.get(k) === 'true';
  const sort = p.get('sort') as SortKey | null;
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    field: list('field'),
    targetGroup: list('targetGroup'),
    language: list('language'),
    area: list('area'),
    free: flag('free'),
    childcare: flag('childcare'),
    barrierFree: flag('barrierFree'),
    online: flag('online'),
    inPerson: flag('inPerson'),
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
    near: p.get('near') ?? '',
    view: p.get('view') === 'map' ? 'map' : 'list',
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
  };
}

export function searchStateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of LIST_KEYS) if (s[k].length) p.set(k, s[k].join(','));
  for (const k of FLAG_KEYS) if (s[k]) p.set(k, '1');
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.near) p.set('near', s.near);
  if (s.view === 'map') p.set('view', 'map');
  if (s.page > 1) p.set('page', String(s.page));
  const str = p.toString();
  return str ? `?${str}` : '';
}

export function activeFilterCount(s: SearchState): number {
  return LIST_KEYS.reduce((n, k) => n + s[k].length, 0) + FLAG_KEYS.filter((k) => s[k]).length;
}

export interface Point {
  lat: number;
  lon: number;
}

/** Resolves `near` to coordinates (an area's centre or a literal point). */
export function resolveNear(near: string, areas: ReadonlyArray<{ id: string; lat: number | null; lon: number | null }>): Point | null {
  if (near.startsWith('area:')) {
    const area = areas.find((a) => a.id === near.slice(5));
    return area && area.lat !== null && area.lon !== null ? { lat: area.lat, lon: area.lon } : null;
  }
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(near);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
