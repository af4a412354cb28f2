// Public declaration API: the text and signatories, the proof-of-work challenge, signing and the
// e-mail confirmation. Network only (nothing of this is stored on the device).
import type { ConfirmResult, PowChallenge, PublicDeclaration, PublicDeclarationSummary, SignInput, SignResult } from '../../../../shared/contracts/declaration.ts';
import { ApiError } from '../../api.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/declarations`;

async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'network');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string; details?: unknown } } | null;
    const error = new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? res.statusText, body?.error?.field);
    (error as ApiError & { details?: unknown }).details = body?.error?.details;
    throw error;
  }
  return (await res.json()) as T;
}

/** The reason a 4xx names in details.reason (proof of work, confirmation token). */
export const reasonOf = (error: unknown): string | undefined => (error as { details?: { reason?: string } }).details?.reason;

export const fetchDeclarations = (tenant: string, lang: string, signal?: AbortSignal) =>
  request<PublicDeclarationSummary[]>(`${base(tenant)}?lang=${encodeURIComponent(lang)}`, { signal: signal ?? null });

export const fetchDeclaration = (tenant: string, slug: string, lang: string, signal?: AbortSignal) =>
  request<PublicDeclaration>(`${base(tenant)}/${encodeURIComponent(slug)}?lang=${encodeURIComponent(lang)}`, { signal: signal ?? null });

export const fetchChallenge = (tenant: string, slug: string, signal?: AbortSignal) =>
  request<PowChallenge>(`${base(tenant)}/${encodeURIComponent(slug)}/challenge`, { signal: signal ?? null, cache: 'no-store' });

export const postSignature = (tenant: string, slug: string, body: SignInput) =>
  request<SignResult>(`${base(tenant)}/${encodeURIComponent(slug)}/signatures`, { method: 'POST', body: JSON.stringify(body) });

export const postConfirmation = (tenant: string, token: string) =>
  request<ConfirmResult>(`${base(tenant)}/confirmations`, { method: 'POST', body: JSON.stringify({ token }) });
