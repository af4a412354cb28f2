// Server paths of the declaration back office.
const base = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/admin/declarations`;

export const declarationPaths = {
  list: base,
  one: (slug: string, id: string) => `${base(slug)}/${id}`,
  signatures: (slug: string, id: string) => `${base(slug)}/${id}/signatures`,
  signature: (slug: string, id: string, signatureId: string) => `${base(slug)}/${id}/signatures/${signatureId}`,
  decide: (slug: string, id: string, signatureId: string, decision: 'verify' | 'reject' | 'withdraw') => `${base(slug)}/${id}/signatures/${signatureId}/${decision}`,
  statistics: (slug: string, id: string) => `${base(slug)}/${id}/statistics`,
  export: (slug: string, id: string) => `${base(slug)}/${id}/signatures/export`,
};

/** Back-office errors name body fields as "body.title.de"; forms key them as "title.de". */
export const formField = (field: string | undefined) => (field ?? '').replace(/^body\./, '');
