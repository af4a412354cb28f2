// Server paths of referrals, consents, data releases and the partner inbox.
const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}`;

export const referralPaths = {
  caseReferrals: (slug: string, caseId: string) => `${v1(slug)}/cases/${caseId}/referrals`,
  revoke: (slug: string, caseId: string, id: string) => `${v1(slug)}/cases/${caseId}/referrals/${id}/revoke`,
  consentCheck: (slug: string, caseId: string) => `${v1(slug)}/cases/${caseId}/consent-check`,
  releases: (slug: string, caseId: string) => `${v1(slug)}/cases/${caseId}/releases`,
  offers: (slug: string) => `${v1(slug)}/cases/referral-offers`,
  providers: (slug: string) => `${v1(slug)}/cases/referral-providers`,
  consents: (slug: string, personId: string) => `${v1(slug)}/persons/${personId}/consents`,
  withdraw: (slug: string, personId: string, id: string) => `${v1(slug)}/persons/${personId}/consents/${id}/withdraw`,
  consentTexts: (slug: string) => `${v1(slug)}/case-setup/consent-texts`,
  inbox: (slug: string) => `${v1(slug)}/referral-inbox`,
  inboxItem: (slug: string, id: string) => `${v1(slug)}/referral-inbox/${id}`,
  inboxDecision: (slug: string, id: string, verb: 'accept' | 'reject' | 'complete') => `${v1(slug)}/referral-inbox/${id}/${verb}`,
};

/** Absolute back-office link (works inside nested routers), e.g. from the case tab to the person's consents. */
export const adminLink = (slug: string, path: string) => `~/admin/${encodeURIComponent(slug)}${path}`;
