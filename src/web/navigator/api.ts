// The navigator's API client. Every read falls back to the directory stored on the device when
// the network is gone, so search and offer pages keep working offline.
import type { FirstStepsResult, OfferDetail, OfferSearchResult } from '../../shared/contracts/offerPublic.ts';
import type { PublicTenantProfile } from '../../shared/contracts/tenant.ts';
import { getStatus, setStatus } from './connectivity.ts';
import { describeDirectory, loadDirectory, loadProfile, loadSnapshot, saveDirectory, saveProfile } from './offlineStore.ts';
import { type Point, PAGE_SIZE, type SearchState } from './searchState.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Thrown when neither the network nor the device has the data. */
export class OfflineError extends Error {}

const api = (tenant: string, path: string) => `/api/v1/${encodeURIComponent(tenant)}${path}`;

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  if (navigator.onLine === false) throw new OfflineError('offline');
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    setStatus({ offline: true });
    throw new OfflineError('network');
  }
  if (getStatus().offline) setStatus({ offline: false });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? res.statusText, body?.error?.field);
  }
  return (await res.json()) as T;
}

export async function fetchProfile(tenant: string, lang: string | undefined, signal?: AbortSignal): Promise<PublicTenantProfile> {
  try {
    const profile = await getJson<PublicTenantProfile>(api(tenant, `/profile${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`), signal);
    void saveProfile(tenant, lang ?? 'default', profile);
    return profile;
  } catch (err) {
    if (err instanceof OfflineError) {
      const stored = await loadProfile(tenant, lang ?? 'default');
      if (stored) return stored;
    }
    throw err;
  }
}

function offerQuery(s: SearchState, lang: string, point: Point | null, pageSize: number): string {
  const p = new URLSearchParams({ lang });
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const k of ['field', 'targetGroup', 'language', 'area'] as const) if (s[k].length) p.set(k, s[k].join(','));
  for (const k of ['free', 'childcare', 'barrierFree', 'online', 'inPerson'] as const) if (s[k]) p.set(k, 'true');
  if (s.sort === 'distance' && point) {
    p.set('sort', 'distance');
    p.set('lat', String(point.lat));
    p.set('lon', String(point.lon));
  } else if (s.sort !== 'distance') p.set('sort', s.sort);
  p.set('page', String(s.page));
  p.set('pageSize', String(pageSize));
  return p.toString();
}

export interface SearchOutcome extends OfferSearchResult {
  fromDevice: boolean;
}

export async function searchOffers(tenant: string, lang: string, s: SearchState, point: Point | null, options: { pageSize?: number; signal?: AbortSignal } = {}): Promise<SearchOutcome> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  try {
    const result = await getJson<OfferSearchResult>(api(tenant, `/offers?${offerQuery(s, lang, point, pageSize)}`), options.signal);
    setTimeout(markContentShown, 0);
    return { ...result, fromDevice: false };
  } catch (err) {
    if (!(err instanceof OfflineError)) throw err;
    const snapshot = await loadSnapshot(tenant, lang);
    if (!snapshot) throw err;
    const { searchLocally } = await import('./localSearch.ts');
    return { ...searchLocally(snapshot, s, point, pageSize), fromDevice: true };
  }
}

export async function fetchOffer(tenant: string, lang: string, id: string, signal?: AbortSignal): Promise<OfferDetail & { fromDevice: boolean }> {
  try {
    const offer = await getJson<OfferDetail>(api(tenant, `/offers/${encodeURIComponent(id)}?lang=${encodeURIComponent(lang)}`), signal);
    setTimeout(markContentShown, 0);
    return { ...offer, fromDevice: false };
  } catch (err) {
    if (!(err instanceof OfflineError)) throw err;
    const snapshot = await loadSnapshot(tenant, lang);
    const offer = snapshot?.offers.find((o) => o.id === id);
    if (!offer) throw err;
    return { ...offer, fromDevice: true };
  }
}

export interface FirstStepsList {
  targetGroupId: string;
}

/** Target groups that have a published first-steps list (the shape is read defensively). */
export async function fetchFirstStepsTargetGroups(tenant: string, lang: string, signal?: AbortSignal): Promise<string[] | null> {
  try {
    const body = await getJson<unknown>(api(tenant, `/first-steps/lists?lang=${encodeURIComponent(lang)}`), signal);
    const rows = Array.isArray(body) ? body : ((body as { items?: unknown[]; lists?: unknown[] }).items ?? (body as { lists?: unknown[] }).lists ?? []);
    const ids = (rows as Array<{ targetGroupId?: string }>).map((r) => r.targetGroupId).filter((v): v is string => typeof v === 'string');
    return ids.length ? ids : null;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return null;
  }
}

export interface FirstStepsAnswers {
  targetGroup: string;
  field: string[];
  area: string;
}

export type FirstStepsOutcome = (FirstStepsResult & { fromDevice: false }) | { fromDevice: true; offers: OfferSearchResult['items'] } | { fromDevice: false; missing: true; offers: OfferSearchResult['items'] };

export async function fetchFirstSteps(tenant: string, lang: string, a: FirstStepsAnswers, signal?: AbortSignal): Promise<FirstStepsOutcome> {
  const p = new URLSearchParams({ lang, targetGroup: a.targetGroup });
  if (a.field.length) p.set('field', a.field.join(','));
  if (a.area) p.set('area', a.area);
  const asSearch = (): SearchState => ({
    q: '',
    field: a.field,
    targetGroup: [a.targetGroup],
    language: [],
    area: a.area ? [a.area] : [],
    free: false,
    childcare: false,
    barrierFree: false,
    online: false,
    inPerson: false,
    sort: 'relevance',
    near: '',
    view: 'list',
    page: 1,
  });
  try {
    const result = await getJson<FirstStepsResult>(api(tenant, `/first-steps?${p}`), signal);
    setTimeout(markContentShown, 0);
    return { ...result, fromDevice: false };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      // No list for this target group: show matching offers instead.
      const found = await searchOffers(tenant, lang, asSearch(), null, { pageSize: 20, signal });
      return { fromDevice: false, missing: true, offers: found.items };
    }
    if (!(err instanceof OfflineError)) throw err;
    const found = await searchOffers(tenant, lang, asSearch(), null, { pageSize: 20, signal });
    return { fromDevice: true, offers: found.items };
  }
}

// Resolved when the first page content (results, offer, first steps) has arrived: the large
// directory download waits for it, so it never competes with what the user is looking at.
let markContentShown: () => void = () => undefined;
const contentShown = new Promise<void>((resolve) => {
  markContentShown = resolve;
});

/** Runs `fn` after the first content has arrived and the browser is idle. */
function whenIdle(fn: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(() => fn(), { timeout: 4000 }) : setTimeout(fn, 1000));
  const afterLoad = () => (document.readyState === 'complete' ? idle() : window.addEventListener('load', idle, { once: true }));
  void Promise.race([contentShown, new Promise((r) => setTimeout(r, 10_000))]).then(afterLoad);
}

const ready = (d: { count: number; generatedAt: string | null }) => ({ state: 'ready' as const, count: d.count, generatedAt: d.generatedAt });

/**
 * Stores the directory of one language on the device (conditional GET with the stored ETag),
 * so the navigator works offline after the first visit.
 */
export function syncDirectory(tenant: string, lang: string): Promise<void> {
  return new Promise((resolve) => whenIdle(() => void syncNow(tenant, lang).finally(resolve)));
}

async function syncNow(tenant: string, lang: string): Promise<void> {
  const stored = await loadDirectory(tenant, lang);
  const usable = stored && typeof stored.text === 'string' ? stored : undefined;
  setStatus({ directory: usable ? { ...ready(usable), state: 'syncing' } : { state: 'syncing', count: 0, generatedAt: null } });
  const failed = () => setStatus({ directory: usable ? ready(usable) : { state: 'failed', count: 0, generatedAt: null } });
  if (navigator.onLine === false) return failed();
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (usable?.etag) headers['if-none-match'] = usable.etag;
    const res = await fetch(api(tenant, `/directory?lang=${encodeURIComponent(lang)}`), { headers });
    if (res.status === 304 && usable) return setStatus({ directory: ready(usable) });
    if (!res.ok) throw new Error(`directory ${res.status}`);
    const text = await res.text();
    const meta = describeDirectory(text);
    await saveDirectory(tenant, lang, { text, etag: res.headers.get('etag'), storedAt: new Date().toISOString(), ...meta });
    setStatus({ directory: ready(meta) });
  } catch {
    failed();
  }
}
