import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountFactory,
  caseFactory,
  caseStaffSession,
  personFactory,
  programmeFactory,
  signIn,
  teamFactory,
  tenantFactory,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import { pdfPages } from '../../../test/pdf.ts';
import { findTraces } from '../../../test/traces.ts';
import { cryptoContext } from '../../../security/fieldCrypto.ts';

describe('case privacy routes: access log, Art. 15/20 export, Art. 17 erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function setup() {
    const tenant = await tenantFactory(t.db);
    const team = await teamFactory(t.db, tenant.id);
    const otherTeam = await teamFactory(t.db, tenant.id);
    const programme = await programmeFactory(t.db, tenant.id, { retentionMonths: 24 });
    const manager = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id });
    const lead = await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: team.id });
    const stranger = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: otherTeam.id });
    const suffix = Math.random().toString(36).slice(2, 8);
    const person = await personFactory(t.db, tenant.id, {
      givenName: 'Olena',
      familyName: `Kovalenko${suffix}`,
      email: `olena.k.${suffix}@example.org`,
      teamId: team.id,
      healthNotesEnc: t.ctx.crypto.encrypt('Asthma', cryptoContext(tenant.id, 'persons', 'health_notes_enc')),
    });
    const kase = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: manager.account.id });
    return { tenant, manager, lead, stranger, person, kase };
  }

  it('exports everything about a person as JSON (decrypted) and PDF, and logs the export', async () => {
    const { tenant, manager, person, kase } = await setup();
    const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: manager.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).not.toContain('Kovalenko');
    const data = res.json();
    expect(data.sections.person[0]).toMatchObject({ givenName: 'Olena', familyName: person.familyName, healthNotes: 'Asthma' });
    expect(data.sections.person[0]).not.toHaveProperty('tenantId');
    expect(data.sections.cases.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect(data.sections.accessLog.some((e: { action: string }) => e.action === 'export')).toBe(true);

    const pdf = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export?format=pdf`, headers: { cookie: manager.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = (await pdfPages(pdf.rawPayload)).join('\n');
    expect(pages).toContain('Auskunft über gespeicherte Daten');
    expect(pages).toContain(person.familyName);
    expect(pages).toContain('Zugriffsprotokoll');

    const bad = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export?format=docx`, headers: { cookie: manager.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('exports only the cases in the account’s scope; the integration lead exports all of them', async () => {
    const { tenant, manager, person, kase } = await setup();
    const elsewhere = await teamFactory(t.db, tenant.id);
    const programme = await programmeFactory(t.db, tenant.id);
    const foreignCase = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: elsewhere.id, ownerId: null });
    await t.db.system((tx) => tx.query(`INSERT INTO case_events (tenant_id, case_id, kind, to_state, reason) VALUES ($1, $2, 'state', 'plan', 'Geheimgrund')`, [tenant.id, foreignCase.id]));
    const lead = await caseStaffSession(t.app, t.db, tenant, { role: 'integration_lead' });

    const mine = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: manager.cookie } });
    expect(mine.json().sections.cases.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect(mine.json().omittedCases).toBe(1);
    expect(mine.body).not.toContain(foreignCase.id);
    expect(mine.body).not.toContain('Geheimgrund');
    const pdf = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export?format=pdf`, headers: { cookie: manager.cookie } });
    expect((await pdfPages(pdf.rawPayload)).join(' ')).toContain('anderen Team');

    const all = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: lead.cookie } });
    expect(all.json().sections.cases.map((c: { id: string }) => c.id).sort()).toEqual([kase.id, foreignCase.id].sort());
    expect(all.json().omittedCases).toBe(0);
    expect(all.body).toContain('Geheimgrund');
  });

  it('shows who saw the data; people outside the scope get 404, office roles too', async () => {
    const { tenant, manager, stranger, person, kase } = await setup();
    await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: manager.cookie } });
    const log = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/access-log?limit=1`, headers: { cookie: manager.cookie } });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().nextBefore).toBeNull();
    const badCursor = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/access-log?before=xyz`, headers: { cookie: manager.cookie } });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.field).toBe('before');
    const again = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/access-log`, headers: { cookie: manager.cookie } });
    const actions = again.json().items.map((e: { action: string; entityType: string }) => `${e.action}:${e.entityType}`);
    // The view lists what happened before it; the view itself is logged and shows up next time.
    expect(actions).toEqual(['read:access_log', 'export:person']);
    // Keyset paging walks every entry exactly once, also entries written in the same transaction.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: () => { items: { id: string }[]; nextBefore: string | null } } = await t.app.inject({
        url: `/api/v1/${tenant.slug}/persons/${person.id}/access-log?limit=1${cursor ? `&before=${cursor}` : ''}`,
        headers: { cookie: manager.cookie },
      });
      seen.push(...page.json().items.map((e) => e.id));
      cursor = page.json().nextBefore;
    } while (cursor && seen.length < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const caseLog = await t.app.inject({ url: `/api/v1/${tenant.slug}/cases/${kase.id}/access-log`, headers: { cookie: manager.cookie } });
    expect(caseLog.statusCode).toBe(200);

    for (const url of [`/persons/${person.id}/access-log`, `/persons/${person.id}/export`, `/cases/${kase.id}/access-log`, `/persons/${person.id}/retention`]) {
      const res = await t.app.inject({ url: `/api/v1/${tenant.slug}${url}`, headers: { cookie: stranger.cookie } });
      expect(res.statusCode, url).toBe(404);
    }
    const office = await accountFactory(t.db, tenant, { role: 'tenant_admin' });
    const officeCookie = await signIn(t.app, office);
    const denied = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: officeCookie } });
    expect(denied.statusCode).toBe(404);
    const otherTenant = await tenantFactory(t.db);
    const foreign = await t.app.inject({ url: `/api/v1/${otherTenant.slug}/persons/${person.id}/export`, headers: { cookie: manager.cookie } });
    expect(foreign.statusCode).toBe(403);
  });

  it('erases on request (team lead, name confirmed, reason without the name) and leaves no trace', async () => {
    const { tenant, manager, lead, person, kase } = await setup();
    const name = person.familyName;
    const url = `/api/v1/${tenant.slug}/persons/${person.id}/erase`;
    const byManager = await t.app.inject({ method: 'POST', url, headers: { cookie: manager.cookie }, payload: { reason: 'Antrag vom 12.11.2026', confirmFamilyName: name } });
    expect(byManager.statusCode).toBe(403);
    const wrongName = await t.app.inject({ method: 'POST', url, headers: { cookie: lead.cookie }, payload: { reason: 'Antrag vom 12.11.2026', confirmFamilyName: 'Kowalenko' } });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error.field).toBe('confirmFamilyName');
    const namedReason = await t.app.inject({ method: 'POST', url, headers: { cookie: lead.cookie }, payload: { reason: 'Antrag von Olena', confirmFamilyName: name } });
    expect(namedReason.json().error.field).toBe('reason');
    expect((await findTraces(t.db, [name])).length).toBeGreaterThan(0);

    const ok = await t.app.inject({ method: 'POST', url, headers: { cookie: lead.cookie }, payload: { reason: 'Antrag nach Art. 17 vom 12.11.2026', confirmFamilyName: name.toLowerCase() } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ persons: 1, cases: 1 });
    expect(await findTraces(t.db, [name, person.email!, person.id, kase.id, kase.reference])).toEqual([]);
    const gone = await t.app.inject({ url: `/api/v1/${tenant.slug}/persons/${person.id}/export`, headers: { cookie: lead.cookie } });
    expect(gone.statusCode).toBe(404);
  });
});
