// Shared set-up of the referral tests: a tenant with a team, a programme, two providers with
// published offers, case staff and partner accounts (with real two-factor login), a person in a case.
import type { Database } from '../../../db/database.ts';
import {
  caseFactory,
  caseStaffSession,
  locationFactory,
  offerFactory,
  personFactory,
  programmeFactory,
  providerFactory,
  staffSession,
  teamFactory,
  tenantFactory,
} from '../../../test/factories.ts';
import { berlinDay, caller } from '../../../test/caseWorld.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A day relative to today (Europe/Berlin), YYYY-MM-DD. */
export const day = (offset: number): string => berlinDay(offset);

export interface ReferralWorld {
  t: TestApp;
  db: Database;
  tenant: Tenant;
  other: Tenant;
  teamId: string;
  programmeId: string;
  providerA: { id: string; name: string };
  providerB: { id: string; name: string };
  offerA: { id: string; title: string };
  offerB: { id: string; title: string };
  draftOffer: { id: string };
  otherTenantOffer: { id: string };
  cookies: Record<string, string>;
  accounts: Record<string, { id: string; email: string }>;
  call: ReturnType<typeof caller<string>>;
  /** a person with a case owned by the manager */
  newCase: (person?: Parameters<typeof personFactory>[2], kase?: Parameters<typeof caseFactory>[3]) => Promise<{ personId: string; caseId: string }>;
  url: (path: string) => string;
}

export async function referralWorld(): Promise<ReferralWorld> {
  const t = await createTestApp();
  const db = t.db;
  const tenant = await tenantFactory(db);
  const other = await tenantFactory(db);
  const team = await teamFactory(db, tenant.id);
  const otherTeam = await teamFactory(db, tenant.id);
  const programme = await programmeFactory(db, tenant.id);
  const providerA = await providerFactory(db, tenant.id, { name: 'Sprachschule Nord' });
  const providerB = await providerFactory(db, tenant.id, { name: 'Beratung Süd' });
  const location = await locationFactory(db, tenant.id, { providerId: providerA.id, name: 'Haus der Sprachen', town: 'Musterstadt' });
  const offerA = await offerFactory(db, tenant.id, {
    providerId: providerA.id,
    locationIds: [location.id],
    languages: ['de', 'ar'],
    texts: { de: { title: 'Deutschkurs A1 am Abend', summary: 'Integrationskurs für Berufstätige' }, en: { title: 'German A1 evening class' } },
  });
  const offerB = await offerFactory(db, tenant.id, { providerId: providerB.id, texts: { de: { title: 'Migrationsberatung für Erwachsene' } } });
  const draftOffer = await offerFactory(db, tenant.id, { providerId: providerA.id, status: 'draft', publishedAt: null, texts: { de: { title: 'Entwurf Kurs' } } });
  const otherTenantOffer = await offerFactory(db, other.id, { texts: { de: { title: 'Fremder Kurs' } } });

  const cookies: Record<string, string> = {};
  const accounts: Record<string, { id: string; email: string }> = {};
  const add = async (name: string, session: Promise<{ account: { id: string; email: string }; cookie: string }>) => {
    const s = await session;
    cookies[name] = s.cookie;
    accounts[name] = s.account;
  };
  await add('manager', caseStaffSession(t.app, db, tenant, { role: 'integration_manager', teamId: team.id, name: 'Maria Managerin' }));
  await add('overrider', caseStaffSession(t.app, db, tenant, { role: 'team_lead', teamId: team.id, consentOverride: true }));
  await add('stranger', caseStaffSession(t.app, db, tenant, { role: 'integration_manager', teamId: otherTeam.id }));
  await add('lead', caseStaffSession(t.app, db, tenant, { role: 'integration_lead' }));
  await add('partnerA', caseStaffSession(t.app, db, tenant, { role: 'partner_editor', providerId: providerA.id }));
  await add('partnerA2', caseStaffSession(t.app, db, tenant, { role: 'partner_editor', providerId: providerA.id }));
  await add('partnerB', caseStaffSession(t.app, db, tenant, { role: 'partner_editor', providerId: providerB.id }));
  await add('partnerNo2fa', staffSession(t.app, db, tenant, { role: 'partner_editor', providerId: providerA.id }));
  await add('office', staffSession(t.app, db, tenant, { role: 'office_editor' }));
  await add('admin', staffSession(t.app, db, tenant, { role: 'tenant_admin' }));
  const otherProvider = await providerFactory(db, other.id);
  await add('otherPartner', caseStaffSession(t.app, db, other, { role: 'partner_editor', providerId: otherProvider.id }));
  await add('otherManager', caseStaffSession(t.app, db, other, { role: 'integration_manager' }));

  const call = caller<string>(t, cookies);

  const newCase: ReferralWorld['newCase'] = async (person = {}, kase = {}) => {
    const p = await personFactory(db, tenant.id, { givenName: 'Amal', familyName: 'Haddad', languages: ['ar', 'de'], phone: '+49 621 123456', teamId: team.id, ...person });
    const c = await caseFactory(db, tenant.id, { personId: p.id, programmeId: programme.id, teamId: team.id, ownerId: accounts.manager!.id }, kase);
    return { personId: p.id, caseId: c.id };
  };

  return {
    t,
    db,
    tenant,
    other,
    teamId: team.id,
    programmeId: programme.id,
    providerA,
    providerB,
    offerA: { id: offerA.id, title: 'Deutschkurs A1 am Abend' },
    offerB: { id: offerB.id, title: 'Migrationsberatung für Erwachsene' },
    draftOffer,
    otherTenantOffer,
    cookies,
    accounts,
    call,
    newCase,
    url: (path: string) => `/api/v1/${tenant.slug}${path}`,
  };
}

/** Row counts of the referral tables and the access log entries of a kind (for "nothing half-written"). */
export async function counts(db: Database): Promise<{ referrals: number; events: number; releases: number; consents: number; releaseLog: number; overrideLog: number }> {
  const [row] = await db.system((tx) =>
    tx.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM case_referrals) AS referrals, (SELECT count(*)::int FROM case_referral_events) AS events,
              (SELECT count(*)::int FROM case_releases) AS releases, (SELECT count(*)::int FROM case_consents) AS consents,
              (SELECT count(*)::int FROM case_access_log WHERE action = 'release') AS "releaseLog",
              (SELECT count(*)::int FROM case_access_log WHERE action = 'override') AS "overrideLog"`,
    ),
  );
  return row as { referrals: number; events: number; releases: number; consents: number; releaseLog: number; overrideLog: number };
}

/** Mails in the outbox (newest first). */
export async function outbox(db: Database): Promise<Array<{ to: string; subject: string; text: string }>> {
  return db.system((tx) => tx.query<{ to: string; subject: string; text: string }>('SELECT "to", subject, text FROM mail_outbox ORDER BY created_at DESC, id'));
}
