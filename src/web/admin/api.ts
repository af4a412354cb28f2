// The back office's only door to the server: JSON calls, typed errors, and global reactions
// (401 → login, two_factor_required → 2FA setup) announced as window events.

export interface ApiErrorBody {
  error?: { code?: string; message?: string; field?: string; details?: unknown };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody | null) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error?.code ?? (status === 0 ? 'network' : 'internal');
    this.field = body?.error?.field;
    this.details = body?.error?.details;
  }
}

export const UNAUTHENTICATED_EVENT = 'lotse:unauthenticated';
export const TWO_FACTOR_EVENT = 'lotse:two-factor-required';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  /** Do not announce a 401 (the login form handles it itself). */
  quiet?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.signal) init.signal = options.signal;
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { error: { code: 'network', message: String(e) } });
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const error = new ApiError(res.status, json as ApiErrorBody | null);
    if (!options.quiet && error.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    if (error.code === 'two_factor_required') window.dispatchEvent(new CustomEvent(TWO_FACTOR_EVENT));
    throw error;
  }
  return json as T;
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const t = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/admin`;

/** Every server path the back office calls, in one place. */
export const paths = {
  me: '/api/v1/me',
  tenants: '/api/v1/tenants',
  profile: (slug: string) => `/api/v1/${encodeURIComponent(slug)}/profile`,
  accounts: (slug: string) => `${t(slug)}/accounts`,
  account: (slug: string, id: string) => `${t(slug)}/accounts/${encodeURIComponent(id)}`,
  settings: (slug: string) => `${t(slug)}/settings`,
  offers: (slug: string) => `${t(slug)}/offers`,
  offer: (slug: string, id: string) => `${t(slug)}/offers/${id}`,
  offerStatus: (slug: string, id: string) => `${t(slug)}/offers/${id}/status`,
  offerRevisions: (slug: string, id: string) => `${t(slug)}/offers/${id}/revisions`,
  offerTranslation: (slug: string, id: string, lang: string) => `${t(slug)}/offers/${id}/translations/${lang}`,
  offerMachineTranslation: (slug: string, id: string, lang: string) => `${t(slug)}/offers/${id}/translations/${lang}/machine`,
  offerReview: (slug: string, id: string) => `${t(slug)}/offers/${id}/review`,
  reviewQueue: (slug: string) => `${t(slug)}/reviews`,
  translationProvider: (slug: string) => `${t(slug)}/translation/provider`,
  translationOverview: (slug: string) => `${t(slug)}/translations/overview`,
  offerImport: (slug: string) => `${t(slug)}/offers/import`,
  offerExport: (slug: string) => `${t(slug)}/offers/export`,
  providers: (slug: string) => `${t(slug)}/providers`,
  provider: (slug: string, id: string) => `${t(slug)}/providers/${id}`,
  locations: (slug: string) => `${t(slug)}/locations`,
  location: (slug: string, id: string) => `${t(slug)}/locations/${id}`,
  providerArchive: (slug: string, id: string, verb: string) => `${t(slug)}/providers/${id}/${verb}`,
  locationArchive: (slug: string, id: string, verb: string) => `${t(slug)}/locations/${id}/${verb}`,
  taxonomy: (slug: string, kind: TaxonomyKind) => `${t(slug)}/${kind}`,
  taxonomyEntry: (slug: string, kind: TaxonomyKind, id: string) => `${t(slug)}/${kind}/${id}`,
  synonyms: (slug: string) => `${t(slug)}/synonyms`,
  synonym: (slug: string, id: string) => `${t(slug)}/synonyms/${id}`,
  firstSteps: (slug: string) => `${t(slug)}/first-steps`,
  firstStepsList: (slug: string, id: string) => `${t(slug)}/first-steps/${id}`,
  audit: (slug: string) => `${t(slug)}/audit`,
  outbox: (slug: string) => `${t(slug)}/outbox`,
  auth: {
    methods: '/api/v1/auth/methods',
    signIn: '/api/auth/sign-in/email',
    signInSocial: '/api/auth/sign-in/social',
    signOut: '/api/auth/sign-out',
    verifyTotp: '/api/auth/two-factor/verify-totp',
    verifyBackupCode: '/api/auth/two-factor/verify-backup-code',
    enable2fa: '/api/auth/two-factor/enable',
    disable2fa: '/api/auth/two-factor/disable',
    requestReset: '/api/auth/request-password-reset',
    resetPassword: '/api/auth/reset-password',
  },
};

export type TaxonomyKind = 'fields-of-action' | 'target-groups' | 'areas';
