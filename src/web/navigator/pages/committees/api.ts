// Public committee API of the navigator (/api/v1/{tenant}/committees…): online only.
import type { PublicCommittee, PublicCommitteeList, PublicMeeting, PublicPaper } from '../../../../shared/contracts/committees.ts';

export class CommitteeApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new CommitteeApiError(res.status);
  return (await res.json()) as T;
}

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

export const fetchCommittees = (tenant: string, signal?: AbortSignal) => getJson<PublicCommitteeList>(`${base(tenant)}/committees`, signal);
export const fetchCommittee = (tenant: string, id: string, signal?: AbortSignal) => getJson<PublicCommittee>(`${base(tenant)}/committees/${encodeURIComponent(id)}`, signal);
export const fetchMeeting = (tenant: string, id: string, signal?: AbortSignal) => getJson<PublicMeeting>(`${base(tenant)}/committee-meetings/${encodeURIComponent(id)}`, signal);
export const fetchPaper = (tenant: string, id: string, signal?: AbortSignal) => getJson<PublicPaper>(`${base(tenant)}/committee-papers/${encodeURIComponent(id)}`, signal);
