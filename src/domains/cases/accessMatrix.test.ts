// The access-control matrix of case management: EVERY case-data route of the OpenAPI document ×
// EVERY role × target (a record of the actor's own team, of another team, of another tenant, and
// a path that mixes a visible record with a sub-record of another case). One world, built through
// the API: two tenants, two teams, three persons with a whole case each (plans, referrals, consents,
// releases, journal, tasks, documents, flags, households, history), so every path parameter has an
// id. Denied combinations answer 401/403/404 — never 2xx — and no response of any request contains
// personal data the actor may not see; allowed reads answer 2xx; allowed writes get past the access
// checks (their bodies are built to change nothing: a stale version, a duplicate, a finished
// referral). A route missing from the table fails the test, so no new route slips through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { accountFactory, caseStaffSession, personFactory, programmeFactory, signIn, staffSession, teamFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import { multipart } from './journal/journalTestKit.ts';
import { berlinDay, client, type Client, consentTexts, type PersonNames, providerWithOffers, type RecordedCase, recordWholeCase, samplePdf } from './acceptanceTestKit.ts';

// ---- roles ---------------------------------------------------------------------------------------

type RecordKey = 'A1' | 'A2' | 'B';
type Target = 'own' | 'otherTeam' | 'otherTenant' | 'mixed';
const TARGET_RECORD: Record<Exclude<Target, 'mixed'>, RecordKey> = { own: 'A1', otherTeam: 'A2', otherTenant: 'B' };

type RoleKind = 'anonymous' | 'admin' | 'office' | 'partner' | 'partnerNo2fa' | 'case' | 'caseNo2fa' | 'foreign';
interface RoleDef {
  label: string;
  kind: RoleKind;
  /** case scope of case roles */
  scope?: 'own' | 'team' | 'office';
  /** records whose case data the role may see (partner: the referrals sent to its provider) */
  sees: RecordKey[];
  /** integration lead only: writes consent texts */
  writesConsentTexts?: boolean;
  /** the team of the account: that of record A1 (Nord) or A2 (Süd) */
  team?: RecordKey;
}

const ROLES = {
  anonymous: { label: 'anonymous', kind: 'anonymous', sees: [] },
  superAdmin: { label: 'super_admin', kind: 'admin', sees: [] },
  tenantAdmin: { label: 'tenant_admin', kind: 'admin', sees: [] },
  officeEditor: { label: 'office_editor', kind: 'office', sees: [] },
  partner: { label: 'partner_editor (2FA, provider of A1’s referrals)', kind: 'partner', sees: ['A1'] },
  partnerNo2fa: { label: 'partner_editor without 2FA', kind: 'partnerNo2fa', sees: [] },
  manager: { label: 'integration_manager (owner of A1, team Nord)', kind: 'case', scope: 'own', sees: ['A1'], team: 'A1' },
  managerSameTeam: { label: 'integration_manager (team Nord, not the owner)', kind: 'case', scope: 'own', sees: [], team: 'A1' },
  managerOtherTeam: { label: 'integration_manager (team Süd, owner of A2)', kind: 'case', scope: 'own', sees: ['A2'], team: 'A2' },
  managerNo2fa: { label: 'integration_manager without 2FA', kind: 'caseNo2fa', scope: 'own', sees: [], team: 'A1' },
  teamLead: { label: 'team_lead (team Nord)', kind: 'case', scope: 'team', sees: ['A1'], team: 'A1' },
  teamLeadOtherTeam: { label: 'team_lead (team Süd)', kind: 'case', scope: 'team', sees: ['A2'], team: 'A2' },
  integrationLead: { label: 'integration_lead', kind: 'case', scope: 'office', sees: ['A1', 'A2'], writesConsentTexts: true },
  foreignManager: { label: 'integration_manager of another tenant', kind: 'foreign', scope: 'own', sees: [] },
} satisfies Record<string, RoleDef>;
type RoleKey = keyof typeof ROLES;

// ---- the world -------------------------------------------------------------------------------------

interface Rec {
  key: RecordKey;
  /** the slug of the record's own tenant (for set-up); every matrix request goes to tenant A's slug */
  slug: string;
  tenantId: string;
  team: { id: string; name: string };
  programmeId: string;
  ownerId: string;
  owner: Client;
  offers: { open: string; done: string };
  consentTextId: string;
  names: PersonNames;
  marker: string;
  c: RecordedCase;
}

const PROGRAMME = { code: 'IM', name: 'Integrationsmanagement', description: '', maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60, planReviewDays: 180, retentionMonths: 36, active: true };

function namesOf(key: RecordKey, marker: string): PersonNames {
  return {
    givenName: `Zerafina${marker}`,
    familyName: `Oksandrova${marker}`,
    otherGivenName: `Serafina${marker}`,
    otherFamilyName: `Oxandrowa${marker}`,
    email: `zo.${marker.toLowerCase()}@example.org`,
    phone: `+49 621 4${key === 'A1' ? 1 : key === 'A2' ? 2 : 3}1 1111`,
    newPhone: `+49 621 4${key === 'A1' ? 1 : key === 'A2' ? 2 : 3}2 2222`,
    birthDate: '1983-06-14',
    partnerGivenName: `Ruslan${marker}`,
    partnerFamilyName: `Gefährte${marker}`,
  };
}

/** Personal data of a record; the partner of its referrals legitimately sees the first `partnerSees` entries. */
function needlesOf(r: Rec): { all: string[]; partnerSees: string[] } {
  const n = r.names;
  const partnerSees = [n.givenName, r.marker];
  return {
    partnerSees,
    all: [...partnerSees, n.familyName, n.otherGivenName, n.otherFamilyName, n.email, n.phone, n.newPhone, n.partnerGivenName, n.partnerFamilyName, r.c.notePhrase, r.c.healthNotes],
  };
}

interface World {
  t: TestApp;
  slug: string;
  cookies: Record<RoleKey, string | null>;
  ids: { manager: string; managerOtherTeam: string };
  recs: Record<RecordKey, Rec>;
}

async function buildWorld(): Promise<World> {
  const t = await createTestApp();
  const a = await tenantFactory(t.db, { name: 'Stadt Matrixstadt' });
  const b = await tenantFactory(t.db, { name: 'Kreis Fremdland' });
  const nord = await teamFactory(t.db, a.id, { name: 'Team Nord' });
  const sued = await teamFactory(t.db, a.id, { name: 'Team Süd' });
  const fremd = await teamFactory(t.db, b.id, { name: 'Team Fremd' });
  const progA = await programmeFactory(t.db, a.id, PROGRAMME);
  const progB = await programmeFactory(t.db, b.id, PROGRAMME);
  const textsA = await consentTexts(t, a.id);
  const textsB = await consentTexts(t, b.id);
  const p1 = await providerWithOffers(t, a.id, 'Sprachschule Nord');
  const p2 = await providerWithOffers(t, a.id, 'Beratung Süd');
  const pb = await providerWithOffers(t, b.id, 'Fremdträger');

  const session = async (tenant: typeof a, options: Parameters<typeof caseStaffSession>[3]) => caseStaffSession(t.app, t.db, tenant, options);
  const manager = await session(a, { role: 'integration_manager', teamId: nord.id, name: 'Mara Manager' });
  const managerSameTeam = await session(a, { role: 'integration_manager', teamId: nord.id, name: 'Malte Manager' });
  const managerOtherTeam = await session(a, { role: 'integration_manager', teamId: sued.id, name: 'Bea Manager' });
  const teamLead = await session(a, { role: 'team_lead', teamId: nord.id, name: 'Tilda Teamleitung' });
  const teamLeadOtherTeam = await session(a, { role: 'team_lead', teamId: sued.id, name: 'Timo Teamleitung' });
  const integrationLead = await session(a, { role: 'integration_lead', name: 'Lea Leitung' });
  const partner = await session(a, { role: 'partner_editor', providerId: p1.provider.id, name: 'Paula Partner' });
  const partnerP2 = await session(a, { role: 'partner_editor', providerId: p2.provider.id, name: 'Peer Partner' });
  const foreignManager = await session(b, { role: 'integration_manager', teamId: fremd.id, name: 'Fritz Fremd' });
  const foreignPartner = await session(b, { role: 'partner_editor', providerId: pb.provider.id, name: 'Frida Fremd' });
  const partnerNo2fa = await staffSession(t.app, t.db, a, { role: 'partner_editor', providerId: p1.provider.id });
  const managerNo2fa = await staffSession(t.app, t.db, a, { role: 'integration_manager', teamId: nord.id });
  const tenantAdmin = await staffSession(t.app, t.db, a, { role: 'tenant_admin' });
  const officeEditor = await staffSession(t.app, t.db, a, { role: 'office_editor' });
  const superAdmin = await signIn(t.app, await accountFactory(t.db, null, { role: 'super_admin' }));

  const record = async (key: RecordKey, tenant: typeof a, team: typeof nord, programmeId: string, owner: typeof manager, partnerOf: typeof partner, offers: typeof p1.offers, consentTextId: string): Promise<Rec> => {
    const marker = `Q${key}${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    const names = namesOf(key, marker);
    const ownerClient = client(t, owner.cookie);
    const c = await recordWholeCase({ slug: tenant.slug, manager: ownerClient, partner: client(t, partnerOf.cookie), programmeId, offers, names, marker });
    return { key, slug: tenant.slug, tenantId: tenant.id, team: { id: team.id, name: team.name }, programmeId, ownerId: owner.account.id, owner: ownerClient, offers, consentTextId, names, marker, c };
  };
  const recs = {
    A1: await record('A1', a, nord, progA.id, manager, partner, p1.offers, textsA.referral!),
    A2: await record('A2', a, sued, progA.id, managerOtherTeam, partnerP2, p2.offers, textsA.referral!),
    B: await record('B', b, fremd, progB.id, foreignManager, foreignPartner, pb.offers, textsB.referral!),
  };

  return {
    t,
    slug: a.slug,
    cookies: {
      anonymous: null,
      superAdmin,
      tenantAdmin: tenantAdmin.cookie,
      officeEditor: officeEditor.cookie,
      partner: partner.cookie,
      partnerNo2fa: partnerNo2fa.cookie,
      manager: manager.cookie,
      managerSameTeam: managerSameTeam.cookie,
      managerOtherTeam: managerOtherTeam.cookie,
      managerNo2fa: managerNo2fa.cookie,
      teamLead: teamLead.cookie,
      teamLeadOtherTeam: teamLeadOtherTeam.cookie,
      integrationLead: integrationLead.cookie,
      foreignManager: foreignManager.cookie,
    },
    ids: { manager: manager.account.id, managerOtherTeam: managerOtherTeam.account.id },
    recs,
  };
}

// ---- the route table -------------------------------------------------------------------------------

/**
 * Who may use a route:
 * - caseRecord: a case-data record (case, person, household …) — case roles with the record in scope;
 *   others 404, roles without case access 404, without two-factor login 403
 * - caseList: case data without a record in the path — case roles; roles without case access 403
 * - inboxList / inboxRecord: the partner inbox — partner accounts (2FA) of the receiving provider
 * - setupList / setupRecord: teams and programmes — the administration (tenant admin, super admin)
 * - textRead / textWrite: the office's consent texts (not case data) — case roles and the
 *   administration read, the integration lead and the administration write
 */
type Access = 'caseRecord' | 'caseList' | 'inboxList' | 'inboxRecord' | 'setupList' | 'setupRecord' | 'textRead' | 'textWrite';

interface Ctx {
  /** the record named by the target; for 'mixed' the visible record (A1) */
  r: Rec;
  /** the record of sub-resources; for 'mixed' another team's record (A2), else r */
  sub: Rec;
  role: RoleKey;
  w: World;
  /** ids created for this request by `fresh` */
  fresh: Record<string, string>;
  n: number;
}

interface RouteSpec {
  access: Access;
  /**
   * where the target record's id goes: the path; the body of a collection route (an invisible
   * record is refused); a search filter (allowed for every case role — the results must not show
   * what the role may not see); or nowhere
   */
  target: 'path' | 'body' | 'filter' | 'none';
  /**
   * also test the mixed target: a visible record in the path with a sub-record of another team's
   * case — in the path ('path': 404 for everyone, the sub-record is not the record's), or named in
   * the body ('body': allowed only to who sees both records, refused like an unknown id otherwise)
   */
  mixed?: 'path' | 'body';
  params?: (x: Ctx) => Record<string, string>;
  query?: (x: Ctx) => string;
  body?: (x: Ctx) => unknown;
  multipart?: boolean;
  /** a read (GET, or a POST that only reads): allowed → 2xx */
  read?: boolean;
  /** team leads and the integration lead only: managers get 403 ('role': whatever the record; 'record': for a record in scope) */
  leadOnly?: 'role' | 'record';
  /** the record named in the body is not visible: answered like an unknown id (400 naming the field, or 404) */
  bodyRefDenied?: number;
  /** sub-resources created per request (destructive writes work on their own copy) */
  fresh?: (x: Ctx) => Promise<Record<string, string>>;
  /**
   * further probes of a collection route with a filter naming the target's team or person, each
   * for every target: `expect` decides for case roles with two-factor login (default: allowed —
   * the results must still show nothing out of scope)
   */
  filters?: Array<{ query: (r: Rec) => string; expect?: (role: RoleDef, record: RecordKey) => Expected }>;
}

const today = berlinDay();
const uploadFile = () => multipart({ docType: 'other' }, { filename: 'scan.pdf', contentType: 'application/pdf', content: samplePdf('matrix') });

async function freshDocument(rec: Rec): Promise<string> {
  const form = uploadFile();
  const res = await rec.owner.send('POST', `/api/v1/${rec.slug}/cases/${rec.c.caseId}/documents`, undefined, { payload: form.payload, headers: form.headers });
  if (res.statusCode !== 201) throw new Error(`fresh document: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

async function freshPerson(x: Ctx, rec: Rec, householdId: string | null): Promise<string> {
  const p = await personFactory(x.w.t.db, rec.tenantId, { givenName: 'Frisch', familyName: `Person${x.n}`, createdBy: rec.ownerId, teamId: rec.team.id, householdId, householdRole: householdId ? 'relative' : null });
  return p.id;
}

const caseId = (x: Ctx) => ({ id: x.r.c.caseId });
const caseIdParam = (x: Ctx) => ({ caseId: x.r.c.caseId });
const personId = (x: Ctx) => ({ id: x.r.c.personId });
const version999 = { version: 999 };

/** A team filter of a report: the role's own team, or any team of the office for the integration lead (another tenant's: 404). */
const ownTeamOnly =
  (otherTeam: number) =>
  (role: RoleDef, record: RecordKey): Expected => {
    if (role.scope === 'office') return record === 'B' ? deny(404) : ALLOW;
    return role.team === record ? ALLOW : deny(otherTeam);
  };
const teamScopeOnly = (otherTeam: number) => (role: RoleDef, record: RecordKey): Expected => (role.scope === 'own' ? deny(403) : ownTeamOnly(otherTeam)(role, record));

const ROUTES: Record<string, RouteSpec> = {
  // ---- privacy
  'GET /api/v1/{tenant}/persons/{id}/access-log': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'GET /api/v1/{tenant}/cases/{id}/access-log': { access: 'caseRecord', target: 'path', params: caseId, read: true },
  'GET /api/v1/{tenant}/persons/{id}/export': { access: 'caseRecord', target: 'path', params: personId, query: () => '?format=json', read: true },
  'GET /api/v1/{tenant}/persons/{id}/retention': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'POST /api/v1/{tenant}/persons/{id}/erase': {
    access: 'caseRecord',
    target: 'path',
    params: personId,
    leadOnly: 'role',
    // the family name does not match: refused after the access checks, nothing erased
    body: () => ({ reason: 'Antrag nach Art. 17 DSGVO', confirmFamilyName: 'Nichtderselbe' }),
  },

  // ---- case setup (teams, programmes)
  'GET /api/v1/{tenant}/case-setup/teams': { access: 'setupList', target: 'none', read: true },
  'POST /api/v1/{tenant}/case-setup/teams': { access: 'setupList', target: 'none', body: (x) => ({ name: `Team Matrix ${x.n}` }) },
  'PUT /api/v1/{tenant}/case-setup/teams/{id}': { access: 'setupRecord', target: 'path', params: (x) => ({ id: x.r.team.id }), body: (x) => ({ name: x.r.team.name }) },
  // a team with open cases cannot be archived; restoring an active team changes nothing
  'POST /api/v1/{tenant}/case-setup/teams/{id}/archive': { access: 'setupRecord', target: 'path', params: (x) => ({ id: x.r.team.id }) },
  'POST /api/v1/{tenant}/case-setup/teams/{id}/restore': { access: 'setupRecord', target: 'path', params: (x) => ({ id: x.r.team.id }) },
  'GET /api/v1/{tenant}/case-setup/programmes': { access: 'setupList', target: 'none', read: true },
  'POST /api/v1/{tenant}/case-setup/programmes': { access: 'setupList', target: 'none', body: (x) => ({ ...PROGRAMME, code: `MX${x.n}`, name: `Programm ${x.n}` }) },
  'GET /api/v1/{tenant}/case-setup/programmes/{id}': { access: 'setupRecord', target: 'path', params: (x) => ({ id: x.r.programmeId }), read: true },
  'PUT /api/v1/{tenant}/case-setup/programmes/{id}': { access: 'setupRecord', target: 'path', params: (x) => ({ id: x.r.programmeId }), body: () => PROGRAMME },

  // ---- cases
  'GET /api/v1/{tenant}/cases': {
    access: 'caseList',
    target: 'none',
    query: () => '?pageSize=100',
    read: true,
    filters: [{ query: (r) => `?personId=${r.c.personId}` }, { query: (r) => `?teamId=${r.team.id}` }, { query: (r) => `?ownerId=${r.ownerId}` }],
  },
  // one open case per person and programme: a duplicate (409) for whoever sees the person
  'POST /api/v1/{tenant}/cases': { access: 'caseList', target: 'body', body: (x) => ({ personId: x.r.c.personId, programmeId: x.r.programmeId, startedOn: today }) },
  'GET /api/v1/{tenant}/cases/options': { access: 'caseList', target: 'none', read: true },
  'POST /api/v1/{tenant}/cases/keep-alive': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/caseload': { access: 'caseList', target: 'none', read: true, leadOnly: 'role', filters: [{ query: (r) => `?teamId=${r.team.id}`, expect: teamScopeOnly(404) }] },
  // all cases of an account without cases: moves nothing
  'POST /api/v1/{tenant}/cases/handover': {
    access: 'caseList',
    target: 'none',
    leadOnly: 'role',
    body: (x) => ({ fromOwnerId: 'kein-konto', toOwnerId: x.role === 'teamLeadOtherTeam' ? x.w.ids.managerOtherTeam : x.w.ids.manager }),
  },
  'GET /api/v1/{tenant}/cases/{id}': { access: 'caseRecord', target: 'path', params: caseId, read: true },
  'PATCH /api/v1/{tenant}/cases/{id}': { access: 'caseRecord', target: 'path', params: caseId, body: () => ({ ...version999, plannedEndOn: null }) },
  'POST /api/v1/{tenant}/cases/{id}/transition': { access: 'caseRecord', target: 'path', params: caseId, body: () => ({ ...version999, to: 'plan' }) },
  'POST /api/v1/{tenant}/cases/{id}/extension': { access: 'caseRecord', target: 'path', params: caseId, body: () => ({ ...version999, extendedUntil: berlinDay(1200), reason: 'Mehr Zeit nötig' }) },
  'POST /api/v1/{tenant}/cases/{id}/handover': { access: 'caseRecord', target: 'path', params: caseId, leadOnly: 'record', body: (x) => ({ ...version999, toOwnerId: x.r.ownerId }) },
  'GET /api/v1/{tenant}/cases/{id}/events': { access: 'caseRecord', target: 'path', params: caseId, read: true },

  // ---- persons and households
  'POST /api/v1/{tenant}/persons/search': { access: 'caseList', target: 'filter', read: true, body: (x) => ({ name: `${x.r.names.givenName} ${x.r.names.familyName}` }) },
  'POST /api/v1/{tenant}/persons/duplicates': {
    access: 'caseList',
    target: 'filter',
    read: true,
    body: (x) => ({ givenName: x.r.names.givenName, familyName: x.r.names.familyName, birthDate: x.r.names.birthDate }),
  },
  'POST /api/v1/{tenant}/persons': { access: 'caseList', target: 'none', body: (x) => ({ givenName: 'Neu', familyName: `Matrixperson${x.n}`, confirmedNotDuplicate: true }) },
  'GET /api/v1/{tenant}/persons/{id}': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'PATCH /api/v1/{tenant}/persons/{id}': { access: 'caseRecord', target: 'path', params: personId, body: () => ({ ...version999, town: 'Musterstadt' }) },
  // lifting a restriction (there is none): team leads and the integration lead only
  'POST /api/v1/{tenant}/persons/{id}/restriction': { access: 'caseRecord', target: 'path', params: personId, leadOnly: 'record', body: () => ({ restricted: false, reason: 'Sachverhalt geklärt' }) },
  'POST /api/v1/{tenant}/persons/{id}/merge': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'body',
    bodyRefDenied: 400,
    params: personId,
    body: (x) => ({ mergeId: x.sub.c.partnerPersonId, version: 999, mergeVersion: 999 }),
  },
  'GET /api/v1/{tenant}/persons/{id}/history': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'GET /api/v1/{tenant}/persons/{id}/cases': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'POST /api/v1/{tenant}/persons/households': {
    access: 'caseList',
    target: 'body',
    bodyRefDenied: 400,
    fresh: async (x) => ({ person: await freshPerson(x, x.r, null) }),
    body: (x) => ({ label: 'Neuer Haushalt', members: [{ personId: x.fresh.person, role: 'head' }] }),
  },
  'GET /api/v1/{tenant}/persons/households/{id}': { access: 'caseRecord', target: 'path', params: (x) => ({ id: x.r.c.householdId }), read: true },
  'PATCH /api/v1/{tenant}/persons/households/{id}': { access: 'caseRecord', target: 'path', params: (x) => ({ id: x.r.c.householdId }), body: () => ({ label: 'Familie (Hauptwohnung)' }) },
  'POST /api/v1/{tenant}/persons/households/{id}/members': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'body',
    bodyRefDenied: 400,
    params: (x) => ({ id: x.r.c.householdId }),
    body: (x) => ({ personId: x.sub.c.partnerPersonId, role: 'partner' }),
  },
  'DELETE /api/v1/{tenant}/persons/households/{id}/members/{personId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    fresh: async (x) => ({ member: await freshPerson(x, x.sub, x.sub.c.householdId) }),
    params: (x) => ({ id: x.r.c.householdId, personId: x.fresh.member! }),
  },

  // ---- consents and consent texts
  'GET /api/v1/{tenant}/persons/{id}/consents': { access: 'caseRecord', target: 'path', params: personId, read: true },
  'POST /api/v1/{tenant}/persons/{id}/consents': {
    access: 'caseRecord',
    target: 'path',
    params: personId,
    body: () => ({ purpose: 'referral', recipient: { type: 'any_provider' }, givenOn: today }),
  },
  // the consent is withdrawn already: refused after the access checks
  'POST /api/v1/{tenant}/persons/{id}/consents/{consentId}/withdraw': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ id: x.r.c.personId, consentId: x.sub.c.consentIds.withdrawn }),
    body: () => ({ withdrawnOn: today }),
  },
  'GET /api/v1/{tenant}/case-setup/consent-texts': { access: 'textRead', target: 'none', read: true },
  'POST /api/v1/{tenant}/case-setup/consent-texts': { access: 'textWrite', target: 'none', body: (x) => ({ purpose: 'funding_report', body: `Ich willige ein (Fassung ${x.n}).` }) },
  'GET /api/v1/{tenant}/case-setup/consent-texts/{id}': { access: 'textRead', target: 'path', params: (x) => ({ id: x.r.consentTextId }), read: true },

  // ---- referrals, releases, partner inbox
  'GET /api/v1/{tenant}/cases/referral-offers': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/referral-providers': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/{id}/referrals': { access: 'caseRecord', target: 'path', params: caseId, read: true },
  // an open referral to this offer exists: a double submit (409)
  'POST /api/v1/{tenant}/cases/{id}/referrals': { access: 'caseRecord', target: 'path', params: caseId, body: (x) => ({ offerId: x.r.offers.open, note: 'Bitte melden' }) },
  'GET /api/v1/{tenant}/cases/{id}/referrals/{referralId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ id: x.r.c.caseId, referralId: x.sub.c.referralIds.open }),
  },
  // the referral is done: cannot be revoked (422)
  'POST /api/v1/{tenant}/cases/{id}/referrals/{referralId}/revoke': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ id: x.r.c.caseId, referralId: x.sub.c.referralIds.done }),
    body: () => ({ reason: 'Nicht mehr nötig' }),
  },
  'POST /api/v1/{tenant}/cases/{id}/consent-check': { access: 'caseRecord', target: 'path', params: caseId, read: true, body: (x) => ({ purpose: 'referral', offerId: x.r.offers.open }) },
  'GET /api/v1/{tenant}/cases/{id}/releases': { access: 'caseRecord', target: 'path', params: caseId, read: true },
  'POST /api/v1/{tenant}/cases/{id}/releases': {
    access: 'caseRecord',
    target: 'path',
    params: caseId,
    body: () => ({ recipient: { type: 'external', name: 'Jobcenter Musterstadt' }, purpose: 'Antrag auf Leistungen', fields: ['name'], releasedOn: today }),
  },
  'GET /api/v1/{tenant}/referral-inbox': { access: 'inboxList', target: 'none', read: true },
  'GET /api/v1/{tenant}/referral-inbox/{id}': { access: 'inboxRecord', target: 'path', params: (x) => ({ id: x.r.c.referralIds.open }), read: true },
  // decisions on a completed referral: refused after the access checks (422)
  'POST /api/v1/{tenant}/referral-inbox/{id}/accept': { access: 'inboxRecord', target: 'path', params: (x) => ({ id: x.r.c.referralIds.done }) },
  'POST /api/v1/{tenant}/referral-inbox/{id}/reject': { access: 'inboxRecord', target: 'path', params: (x) => ({ id: x.r.c.referralIds.done }), body: () => ({ reason: 'Kein Platz' }) },
  'POST /api/v1/{tenant}/referral-inbox/{id}/complete': {
    access: 'inboxRecord',
    target: 'path',
    params: (x) => ({ id: x.r.c.referralIds.done }),
    body: () => ({ feedback: 'Noch einmal abgeschlossen' }),
  },

  // ---- journal: entries, tasks, documents, flags
  'GET /api/v1/{tenant}/cases/appointments/upcoming': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/{caseId}/entries': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'POST /api/v1/{tenant}/cases/{caseId}/entries': { access: 'caseRecord', target: 'path', params: caseIdParam, body: () => ({ kind: 'note', body: 'Kurze Notiz' }) },
  'GET /api/v1/{tenant}/cases/{caseId}/entries/{entryId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ caseId: x.r.c.caseId, entryId: x.sub.c.entryIds.note }),
  },
  'PATCH /api/v1/{tenant}/cases/{caseId}/entries/{entryId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, entryId: x.sub.c.entryIds.note }),
    body: () => ({ ...version999, body: 'Geändert' }),
  },
  'GET /api/v1/{tenant}/cases/{caseId}/entries/{entryId}/history': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ caseId: x.r.c.caseId, entryId: x.sub.c.entryIds.note }),
  },
  'GET /api/v1/{tenant}/cases/tasks/mine': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/tasks/overdue': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/{caseId}/tasks': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'POST /api/v1/{tenant}/cases/{caseId}/tasks': { access: 'caseRecord', target: 'path', params: caseIdParam, body: () => ({ title: 'Rückruf', dueOn: berlinDay(7) }) },
  'GET /api/v1/{tenant}/cases/{caseId}/assignees': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'PATCH /api/v1/{tenant}/cases/{caseId}/tasks/{taskId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, taskId: x.sub.c.taskId }),
    body: () => ({ ...version999, done: true }),
  },
  'GET /api/v1/{tenant}/cases/documents/expiring': { access: 'caseList', target: 'none', read: true },
  'GET /api/v1/{tenant}/cases/{caseId}/documents': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'POST /api/v1/{tenant}/cases/{caseId}/documents': { access: 'caseRecord', target: 'path', params: caseIdParam, multipart: true },
  'GET /api/v1/{tenant}/cases/{caseId}/documents/{documentId}/content': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ caseId: x.r.c.caseId, documentId: x.sub.c.documentId }),
  },
  'PATCH /api/v1/{tenant}/cases/{caseId}/documents/{documentId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, documentId: x.sub.c.documentId }),
    body: () => ({ ...version999, remindBeforeDays: 14 }),
  },
  'DELETE /api/v1/{tenant}/cases/{caseId}/documents/{documentId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    fresh: async (x) => ({ document: await freshDocument(x.sub) }),
    params: (x) => ({ caseId: x.r.c.caseId, documentId: x.fresh.document! }),
  },
  'GET /api/v1/{tenant}/cases/{caseId}/flags': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'POST /api/v1/{tenant}/cases/{caseId}/flags': { access: 'caseRecord', target: 'path', params: caseIdParam, body: () => ({ kind: 'other', reason: 'Hinweis' }) },
  // resolved already: refused after the access checks (422)
  'POST /api/v1/{tenant}/cases/{caseId}/flags/{flagId}/resolve': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, flagId: x.sub.c.flagIds.resolved }),
    body: () => ({ resolutionNote: 'Erledigt' }),
  },

  // ---- assessment and plans (stale lock versions: 409 after the access checks)
  'GET /api/v1/{tenant}/cases/{caseId}/assessment': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  'PUT /api/v1/{tenant}/cases/{caseId}/assessment/{field}': {
    access: 'caseRecord',
    target: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, field: 'language' }),
    body: () => ({ situation: 'Neu', version: 999 }),
  },
  'GET /api/v1/{tenant}/cases/{caseId}/plans': { access: 'caseRecord', target: 'path', params: caseIdParam, read: true },
  // a draft exists already (409)
  'POST /api/v1/{tenant}/cases/{caseId}/plans': { access: 'caseRecord', target: 'path', params: caseIdParam, body: () => ({}) },
  'GET /api/v1/{tenant}/cases/{caseId}/plans/{planId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.sub.c.agreedPlanId }),
  },
  'PUT /api/v1/{tenant}/cases/{caseId}/plans/{planId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.sub.c.draftPlanId }),
    body: () => ({ lockVersion: 999, startsOn: berlinDay(-90), goals: [] }),
  },
  'DELETE /api/v1/{tenant}/cases/{caseId}/plans/{planId}': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.sub.c.draftPlanId }),
    query: () => '?lockVersion=999',
  },
  'POST /api/v1/{tenant}/cases/{caseId}/plans/{planId}/agree': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.sub.c.draftPlanId }),
    body: () => ({ lockVersion: 999 }),
  },
  'PUT /api/v1/{tenant}/cases/{caseId}/plans/{planId}/goals/{goalId}/progress': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.r.c.draftPlanId, goalId: x.sub.c.draftGoalId }),
    body: () => ({ lockVersion: 999, status: 'open', stepsDone: [false], outcome: null, outcomeOn: null }),
  },
  'GET /api/v1/{tenant}/cases/{caseId}/plans/{planId}/pdf': {
    access: 'caseRecord',
    target: 'path',
    mixed: 'path',
    read: true,
    params: (x) => ({ caseId: x.r.c.caseId, planId: x.sub.c.agreedPlanId }),
    query: () => '?lang=de',
  },

  // ---- dashboard and outcome figures
  'GET /api/v1/{tenant}/case-reports/dashboard': {
    access: 'caseList',
    target: 'none',
    read: true,
    filters: [{ query: (r) => `?scope=team&teamId=${r.team.id}`, expect: teamScopeOnly(403) }],
  },
  'GET /api/v1/{tenant}/case-reports/team': {
    access: 'caseList',
    target: 'none',
    read: true,
    leadOnly: 'role',
    filters: [{ query: (r) => `?teamId=${r.team.id}`, expect: teamScopeOnly(403) }],
  },
  'GET /api/v1/{tenant}/case-reports/outcomes': { access: 'caseList', target: 'none', read: true, filters: [{ query: (r) => `?teamId=${r.team.id}`, expect: ownTeamOnly(403) }] },
  'GET /api/v1/{tenant}/case-reports/outcomes/export': {
    access: 'caseList',
    target: 'none',
    read: true,
    query: () => '?format=csv',
    filters: [{ query: (r) => `?format=csv&teamId=${r.team.id}`, expect: ownTeamOnly(403) }],
  },
};

/** Every path of these prefixes carries case data or case set-up (a new prefix of that kind is caught too). */
const CASE_ROUTE = /^\/api\/v1\/\{tenant\}\/(cases|persons|case-[a-z-]+|referral-[a-z-]+|consent-[a-z-]+)(\/|$)/;

// ---- expected outcomes -------------------------------------------------------------------------------

type Expected = { allowed: true } | { allowed: false; status: number };
const deny = (status: number): Expected => ({ allowed: false, status });
const ALLOW: Expected = { allowed: true };

function expectedFor(roleKey: RoleKey, spec: RouteSpec, target: Target | null): Expected {
  const role: RoleDef = ROLES[roleKey];
  if (role.kind === 'anonymous') return deny(401);
  // an account of another tenant is refused before anything else
  if (role.kind === 'foreign') return deny(403);
  const record = target === null ? null : target === 'mixed' ? 'A1' : TARGET_RECORD[target];
  const visible = record !== null && role.sees.includes(record);
  switch (spec.access) {
    case 'setupList':
      return role.kind === 'admin' ? ALLOW : deny(403);
    case 'setupRecord':
      if (role.kind !== 'admin') return deny(403);
      return record === 'B' ? deny(404) : ALLOW;
    case 'textRead':
    case 'textWrite': {
      const ok = role.kind === 'admin' || (spec.access === 'textRead' ? role.kind === 'case' || role.kind === 'caseNo2fa' : Boolean(role.writesConsentTexts));
      if (!ok) return deny(403);
      return record === 'B' ? deny(404) : ALLOW;
    }
    case 'inboxList':
      if (role.kind === 'partner') return ALLOW;
      return deny(403);
    case 'inboxRecord':
      if (role.kind === 'partner') return visible ? ALLOW : deny(404);
      if (role.kind === 'partnerNo2fa' || role.kind === 'caseNo2fa') return deny(403);
      return deny(404);
    case 'caseList':
    case 'caseRecord': {
      const list = spec.access === 'caseList';
      if (role.kind !== 'case' && role.kind !== 'caseNo2fa') return deny(list ? 403 : 404);
      if (role.kind === 'caseNo2fa') return deny(403);
      if (spec.leadOnly === 'role' && role.scope === 'own') return deny(403);
      if (spec.target === 'none' || spec.target === 'filter') return ALLOW;
      if (!visible) return deny(list ? (spec.bodyRefDenied ?? 404) : 404);
      if (target === 'mixed' && spec.mixed === 'body') {
        if (!role.sees.includes('A2')) return deny(spec.bodyRefDenied ?? 404);
      } else if (target === 'mixed') return deny(404);
      if (spec.leadOnly === 'record' && role.scope === 'own') return deny(403);
      return ALLOW;
    }
  }
}

// ---- running the matrix ----------------------------------------------------------------------------

interface Probe {
  key: string;
  method: string;
  path: string;
  spec: RouteSpec;
  role: RoleKey;
  target: Target | null;
  /** index into spec.filters (a filter probe), else undefined */
  filter?: number;
  expected: Expected;
}

function probesOf(routeKeys: string[]): Probe[] {
  const probes: Probe[] = [];
  for (const key of routeKeys) {
    const spec = ROUTES[key]!;
    const [method, path] = key.split(' ') as [string, string];
    const targets: Array<Target | null> = spec.target === 'none' ? [null] : ['own', 'otherTeam', 'otherTenant', ...(spec.mixed ? (['mixed'] as const) : [])];
    for (const role of Object.keys(ROLES) as RoleKey[]) {
      for (const target of targets) probes.push({ key, method, path, spec, role, target, expected: expectedFor(role, spec, target) });
      for (const [filter, variant] of (spec.filters ?? []).entries()) {
        for (const target of ['own', 'otherTeam', 'otherTenant'] as const) {
          const base = expectedFor(role, spec, null);
          const roleDef: RoleDef = ROLES[role];
          const expected = base.allowed && variant.expect ? variant.expect(roleDef, TARGET_RECORD[target]) : base;
          probes.push({ key, method, path, spec, role, target, filter, expected });
        }
      }
    }
  }
  // reads first, then writes (the writes are built to change nothing, but a read never sees one)
  return probes.sort((a, b) => Number(a.method !== 'GET' && !a.spec.read) - Number(b.method !== 'GET' && !b.spec.read));
}

async function pool<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

describe('access-control matrix of case management', () => {
  let w: World;
  const routeKeys: string[] = [];

  beforeAll(async () => {
    w = await buildWorld();
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!CASE_ROUTE.test(path)) continue;
      for (const method of Object.keys(ops)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routeKeys.push(`${method.toUpperCase()} ${path}`);
    }
  }, 240_000);
  afterAll(() => w?.t.close());

  it('covers every case-data route of the OpenAPI document', () => {
    expect(routeKeys.length).toBeGreaterThan(90);
    expect(routeKeys.filter((k) => !ROUTES[k]), 'routes missing from the matrix table').toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !routeKeys.includes(k)), 'table entries without a route').toEqual([]);
  });

  it('every route × every role × every target: denied is 401/403/404 without personal data, allowed reads are 2xx', async () => {
    const probes = probesOf(routeKeys.filter((k) => ROUTES[k]));
    const needles = Object.fromEntries(Object.values(w.recs).map((r) => [r.key, needlesOf(r)])) as Record<RecordKey, ReturnType<typeof needlesOf>>;
    const failures: string[] = [];
    const counts = { denied: 0, allowedReads: 0, allowedWrites: 0, readsShowingTheRecord: 0 };

    await pool(probes, 4, async (p, n) => {
      const r = w.recs[p.target === null || p.target === 'mixed' ? 'A1' : TARGET_RECORD[p.target]];
      const sub = p.target === 'mixed' ? w.recs.A2 : r;
      const x: Ctx = { r, sub, role: p.role, w, fresh: {}, n };
      if (p.spec.fresh) x.fresh = await p.spec.fresh(x);
      const params: Record<string, string> = { tenant: w.slug, ...(p.spec.params?.(x) ?? {}) };
      const url =
        p.path.replace(/\{(\w+)\}/g, (_, name: string) => {
          if (!(name in params)) throw new Error(`${p.key}: no value for {${name}}`);
          return params[name]!;
        }) + (p.filter === undefined ? (p.spec.query?.(x) ?? '') : p.spec.filters![p.filter]!.query(r));
      const cookie = w.cookies[p.role];
      const headers: Record<string, string> = cookie ? { cookie } : {};
      let payload: string | Buffer | object | undefined;
      if (p.spec.multipart) {
        const form = uploadFile();
        payload = form.payload;
        Object.assign(headers, form.headers);
      } else if (p.spec.body) {
        payload = p.spec.body(x) as object;
      } else if (p.method !== 'GET' && p.method !== 'DELETE') {
        payload = {};
      }
      const res: LightMyRequestResponse = await w.t.app.inject({ method: p.method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
      const status = res.statusCode;
      const where = `${ROLES[p.role].label} · ${p.key}${p.filter === undefined ? '' : ` ${p.spec.filters![p.filter]!.query(r)}`}${p.target ? ` · ${p.target}` : ''}`;

      // personal data the role may not see: other records; for the partner, all but the shared fields
      const forbidden: string[] = [];
      for (const rec of Object.values(w.recs)) {
        const own = needles[rec.key];
        const sees = (ROLES[p.role] as RoleDef).sees.includes(rec.key);
        if (!sees) forbidden.push(...own.all);
        else if (ROLES[p.role].kind === 'partner') forbidden.push(...own.all.filter((s) => !own.partnerSees.includes(s)));
      }
      if (!p.expected.allowed) forbidden.push(...needles[r.key].all, ...needles[sub.key].all);
      const body = res.body;
      const leaked = [...new Set(forbidden)].filter((s) => body.includes(s));
      if (leaked.length) failures.push(`${where}: response ${status} contains personal data: ${leaked.join(', ')}`);
      if (status >= 500) failures.push(`${where}: ${status} ${res.body.slice(0, 200)}`);

      if (!p.expected.allowed) {
        counts.denied += 1;
        if (status !== p.expected.status) failures.push(`${where}: expected ${p.expected.status}, got ${status} ${res.body.slice(0, 160)}`);
        return;
      }
      if (p.method === 'GET' || p.spec.read) {
        counts.allowedReads += 1;
        if (status < 200 || status > 299) failures.push(`${where}: allowed read answered ${status} ${res.body.slice(0, 160)}`);
        // the leak check can see personal data where it is allowed (so it would see a leak)
        if (body.includes(r.names.givenName)) counts.readsShowingTheRecord += 1;
        return;
      }
      counts.allowedWrites += 1;
      if ([401, 403, 404].includes(status)) failures.push(`${where}: allowed write was refused by the access checks: ${status} ${res.body.slice(0, 160)}`);
    });

    expect(failures).toEqual([]);
    expect(counts.denied).toBeGreaterThan(2500);
    expect(counts.allowedReads).toBeGreaterThan(100);
    expect(counts.allowedWrites).toBeGreaterThan(50);
    expect(counts.readsShowingTheRecord).toBeGreaterThan(30);
  }, 300_000);
});
