import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.ts';
import { offerFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Actor } from '../auth/roles.ts';
import { offerBody, offerWorld, type OfferWorld } from './admin/offerTestKit.ts';
import { authorizeStatusChange } from './offer.policy.ts';
import { OFFER_STATUSES, type OfferStatus } from './offer.table.ts';

type Who = 'admin' | 'office' | 'superAdmin' | 'partnerOwn' | 'partnerOther' | 'otherTenant' | 'anonymous';
const WHO: Who[] = ['admin', 'office', 'superAdmin', 'partnerOwn', 'partnerOther', 'otherTenant', 'anonymous'];

interface Case {
  route: string;
  /** Status of the provider-A offer the request works on. */
  status?: OfferStatus;
  /** The offer belongs to another tenant (addressed through this tenant's URL). */
  foreignOffer?: boolean;
  request: (base: string, offer: { id: string; version: number }, w: OfferWorld) => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object };
  /** Expected status for admin, office, superAdmin, partnerOwn, partnerOther (otherTenant 403, anonymous 401). */
  expect: [number, number, number, number, number];
}

const CASES: Case[] = [
  { route: 'GET offers', request: (b) => ({ method: 'GET', url: `${b}/offers` }), expect: [200, 200, 200, 200, 200] },
  { route: 'GET offers/:id', request: (b, o) => ({ method: 'GET', url: `${b}/offers/${o.id}` }), expect: [200, 200, 200, 200, 404] },
  {
    route: "GET offers/:id (another tenant's offer)",
    foreignOffer: true,
    request: (b, o) => ({ method: 'GET', url: `${b}/offers/${o.id}` }),
    expect: [404, 404, 404, 404, 404],
  },
  {
    route: 'POST offers (provider A)',
    request: (b, _o, w) => ({ method: 'POST', url: `${b}/offers`, payload: offerBody(w.providerA.id) }),
    expect: [201, 201, 201, 201, 403],
  },
  {
    route: 'POST offers?publish=true',
    request: (b, _o, w) => ({ method: 'POST', url: `${b}/offers?publish=true`, payload: offerBody(w.providerA.id) }),
    expect: [201, 201, 201, 403, 403],
  },
  {
    route: 'PUT offers/:id (draft)',
    status: 'draft',
    request: (b, o, w) => ({ method: 'PUT', url: `${b}/offers/${o.id}`, payload: { ...offerBody(w.providerA.id), version: o.version } }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'PUT offers/:id (published; partner → pending change)',
    status: 'published',
    request: (b, o, w) => ({ method: 'PUT', url: `${b}/offers/${o.id}`, payload: { ...offerBody(w.providerA.id), version: o.version } }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'POST status draft → in_review',
    status: 'draft',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/status`, payload: { status: 'in_review', version: o.version } }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'POST status in_review → published',
    status: 'in_review',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/status`, payload: { status: 'published', version: o.version } }),
    expect: [200, 200, 200, 403, 404],
  },
  {
    route: 'POST status published → archived',
    status: 'published',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/status`, payload: { status: 'archived', version: o.version } }),
    expect: [200, 200, 200, 403, 404],
  },
  {
    route: 'POST status published → draft (unpublish)',
    status: 'published',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/status`, payload: { status: 'draft', version: o.version } }),
    expect: [200, 200, 200, 403, 404],
  },
  {
    route: 'GET offers/:id/revisions',
    request: (b, o) => ({ method: 'GET', url: `${b}/offers/${o.id}/revisions` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'PUT translations/en (draft)',
    status: 'draft',
    request: (b, o) => ({ method: 'PUT', url: `${b}/offers/${o.id}/translations/en`, payload: { title: 'Course', version: o.version } }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'PUT translations/en (published)',
    status: 'published',
    request: (b, o) => ({ method: 'PUT', url: `${b}/offers/${o.id}/translations/en`, payload: { title: 'Course', version: o.version } }),
    expect: [200, 200, 200, 403, 404],
  },
  {
    route: 'DELETE translations/en (draft)',
    status: 'draft',
    request: (b, o) => ({ method: 'DELETE', url: `${b}/offers/${o.id}/translations/en` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    route: 'POST translations/en/machine (no server configured)',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/translations/en/machine` }),
    expect: [503, 503, 503, 503, 503],
  },
  { route: 'GET reviews', request: (b) => ({ method: 'GET', url: `${b}/reviews` }), expect: [200, 200, 200, 403, 403] },
  {
    route: 'POST offers/:id/review (in review)',
    status: 'in_review',
    request: (b, o) => ({ method: 'POST', url: `${b}/offers/${o.id}/review`, payload: { decision: 'approve' } }),
    expect: [200, 200, 200, 403, 403],
  },
  {
    route: 'GET translations/overview',
    request: (b) => ({ method: 'GET', url: `${b}/translations/overview?lang=en` }),
    expect: [200, 200, 200, 200, 200],
  },
  { route: 'GET translation/provider', request: (b) => ({ method: 'GET', url: `${b}/translation/provider` }), expect: [200, 200, 200, 200, 200] },
];

describe('offer authorization matrix (route × role × own/other provider × other tenant)', () => {
  let t: TestApp;
  let w: OfferWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t);
  });
  afterAll(() => t.close());

  const cookieOf = (who: Who): string | undefined =>
    ({
      admin: w.cookies.admin,
      office: w.cookies.office,
      superAdmin: w.cookies.superAdmin,
      partnerOwn: w.cookies.partnerA,
      partnerOther: w.cookies.partnerB,
      otherTenant: w.cookies.otherOffice,
      anonymous: undefined,
    })[who];

  const rows = CASES.flatMap((c) =>
    WHO.map((who, i) => ({ ...c, who, expected: i < 5 ? c.expect[i]! : who === 'otherTenant' ? 403 : 401 })),
  );

  it.each(rows)('$route as $who → $expected', async ({ request, status, foreignOffer, who, expected }) => {
    const offer = await offerFactory(t.db, foreignOffer ? w.other.id : w.tenant.id, {
      ...(foreignOffer ? {} : { providerId: w.providerA.id }),
      status: status ?? 'draft',
      texts: { de: { title: 'Deutschkurs' }, en: { title: 'German course' } },
    });
    const r = request(`/api/v1/${w.tenant.slug}/admin`, offer, w);
    const cookie = cookieOf(who);
    const res = await t.app.inject({ method: r.method, url: r.url, ...(r.payload ? { payload: r.payload } : {}), headers: cookie ? { cookie } : {} });
    expect(res.statusCode, res.body).toBe(expected);
  });
});

describe('status transitions (policy, every pair × office/partner)', () => {
  const office: Actor = { userId: 'u1', name: 'O', email: 'o@x', role: 'office_editor', tenantId: 't', providerId: null, teamId: null, consentOverride: false, twoFactorEnabled: false, sessionId: null };
  const partner: Actor = { ...office, role: 'partner_editor', providerId: 'p1' };
  const allowed: Record<OfferStatus, OfferStatus[]> = {
    draft: ['in_review', 'published', 'archived'],
    in_review: ['published', 'draft'],
    published: ['archived', 'draft'],
    archived: ['draft'],
  };
  const pairs = OFFER_STATUSES.flatMap((from) => OFFER_STATUSES.map((to) => ({ from, to })));

  const outcome = (actor: Actor, from: OfferStatus, to: OfferStatus) => {
    try {
      authorizeStatusChange(actor, { providerId: 'p1', status: from }, to);
      return 'ok';
    } catch (e) {
      return (e as AppError).code;
    }
  };

  it.each(pairs)('$from → $to', ({ from, to }) => {
    const legal = allowed[from].includes(to);
    expect(outcome(office, from, to)).toBe(legal ? 'ok' : 'invalid_state_transition');
    expect(outcome(partner, from, to)).toBe(!legal ? 'invalid_state_transition' : from === 'draft' && to === 'in_review' ? 'ok' : 'forbidden');
  });

  it('hides another provider’s offer from a partner and refuses a partner without provider', () => {
    expect(outcome({ ...partner, providerId: 'p2' }, 'draft', 'in_review')).toBe('not_found');
    expect(outcome({ ...partner, providerId: null }, 'draft', 'in_review')).toBe('forbidden');
  });
});
