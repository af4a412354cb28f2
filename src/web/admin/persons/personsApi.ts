// Server paths of persons and households (case management). Names only ever travel in POST bodies.
const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/persons`;

export const personPaths = {
  persons: (slug: string) => v1(slug),
  search: (slug: string) => `${v1(slug)}/search`,
  duplicates: (slug: string) => `${v1(slug)}/duplicates`,
  person: (slug: string, id: string) => `${v1(slug)}/${encodeURIComponent(id)}`,
  restriction: (slug: string, id: string) => `${v1(slug)}/${encodeURIComponent(id)}/restriction`,
  merge: (slug: string, id: string) => `${v1(slug)}/${encodeURIComponent(id)}/merge`,
  history: (slug: string, id: string, page: number) => `${v1(slug)}/${encodeURIComponent(id)}/history?page=${page}&pageSize=50`,
  cases: (slug: string, id: string) => `${v1(slug)}/${encodeURIComponent(id)}/cases`,
  households: (slug: string) => `${v1(slug)}/households`,
  household: (slug: string, id: string) => `${v1(slug)}/households/${encodeURIComponent(id)}`,
  householdMembers: (slug: string, id: string) => `${v1(slug)}/households/${encodeURIComponent(id)}/members`,
  householdMember: (slug: string, id: string, personId: string) =>
    `${v1(slug)}/households/${encodeURIComponent(id)}/members/${encodeURIComponent(personId)}`,
};

/** An absolute back-office link out of the nested /persons router, e.g. to a case. */
export const adminLink = (slug: string, path: string) => `~/admin/${encodeURIComponent(slug)}${path}`;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
