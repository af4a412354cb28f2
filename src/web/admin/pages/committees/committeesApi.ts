// Server paths and small helpers of the committees back office (Gremien).
import { berlinLocalInput, berlinLocalToIso } from '../../../../shared/berlinTime.ts';

const base = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/admin`;

export const committeePaths = {
  committees: (slug: string) => `${base(slug)}/committees`,
  committee: (slug: string, id: string) => `${base(slug)}/committees/${id}`,
  committeeCalendar: (slug: string, id: string) => `${base(slug)}/committees/${id}/meetings.ics`,
  publicCalendar: (slug: string, id: string) => `/api/v1/${encodeURIComponent(slug)}/committees/${id}/meetings.ics`,
  terms: (slug: string) => `${base(slug)}/committee-terms`,
  term: (slug: string, id: string) => `${base(slug)}/committee-terms/${id}`,
  persons: (slug: string) => `${base(slug)}/committee-persons`,
  person: (slug: string, id: string) => `${base(slug)}/committee-persons/${id}`,
  memberships: (slug: string) => `${base(slug)}/committee-memberships`,
  membership: (slug: string, id: string) => `${base(slug)}/committee-memberships/${id}`,
  locations: (slug: string) => `${base(slug)}/committee-locations`,
  location: (slug: string, id: string) => `${base(slug)}/committee-locations/${id}`,
  meetings: (slug: string) => `${base(slug)}/committee-meetings`,
  meeting: (slug: string, id: string) => `${base(slug)}/committee-meetings/${id}`,
  agenda: (slug: string, id: string) => `${base(slug)}/committee-meetings/${id}/agenda`,
  meetingPublish: (slug: string, id: string, verb: 'publish' | 'unpublish') => `${base(slug)}/committee-meetings/${id}/${verb}`,
  papers: (slug: string) => `${base(slug)}/committee-papers`,
  paper: (slug: string, id: string) => `${base(slug)}/committee-papers/${id}`,
  consultations: (slug: string, id: string) => `${base(slug)}/committee-papers/${id}/consultations`,
  files: (slug: string) => `${base(slug)}/committee-files`,
  file: (slug: string, id: string) => `${base(slug)}/committee-files/${id}`,
  fileContent: (slug: string, id: string) => `${base(slug)}/committee-files/${id}/content`,
  /** The public navigator page of a meeting. */
  publicMeeting: (slug: string, lang: string, id: string) => `/${encodeURIComponent(slug)}/${lang}/gremien/sitzungen/${id}`,
};

/** Meetings are local events of the town: shown and entered in Berlin time, whatever the device says. */
export function formatMeetingTime(iso: string | null | undefined, lang: string, withTime = true): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return '–';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export const toLocalInput = (iso: string | null | undefined): string => (iso ? berlinLocalInput(iso) : '');
export const fromLocalInput = (local: string): string | null => (local ? berlinLocalToIso(local) : null);

export function formatSize(bytes: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}
