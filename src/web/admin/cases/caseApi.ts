// Server paths of case management (cases, setup). Other case features build their own paths.
const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}`;

export const casePaths = {
  cases: (slug: string) => `${v1(slug)}/cases`,
  case: (slug: string, id: string) => `${v1(slug)}/cases/${id}`,
  caseTransition: (slug: string, id: string) => `${v1(slug)}/cases/${id}/transition`,
  caseExtension: (slug: string, id: string) => `${v1(slug)}/cases/${id}/extension`,
  caseHandover: (slug: string, id: string) => `${v1(slug)}/cases/${id}/handover`,
  caseEvents: (slug: string, id: string) => `${v1(slug)}/cases/${id}/events`,
  options: (slug: string) => `${v1(slug)}/cases/options`,
  caseload: (slug: string) => `${v1(slug)}/cases/caseload`,
  bulkHandover: (slug: string) => `${v1(slug)}/cases/handover`,
  keepAlive: (slug: string) => `${v1(slug)}/cases/keep-alive`,
  /** the persons engineer's search (POST: names never travel in URLs) */
  personSearch: (slug: string) => `${v1(slug)}/persons/search`,
  teams: (slug: string) => `${v1(slug)}/case-setup/teams`,
  team: (slug: string, id: string) => `${v1(slug)}/case-setup/teams/${id}`,
  teamArchive: (slug: string, id: string, verb: 'archive' | 'restore') => `${v1(slug)}/case-setup/teams/${id}/${verb}`,
  programmes: (slug: string) => `${v1(slug)}/case-setup/programmes`,
  programme: (slug: string, id: string) => `${v1(slug)}/case-setup/programmes/${id}`,
};

/** Absolute back-office link (outside the nested /cases router), e.g. to the person page. */
export const adminHref = (slug: string, path: string) => `~/admin/${encodeURIComponent(slug)}${path}`;
