import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantFactory } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/testApp.ts';
import type { Tenant } from '../domains/tenants/tenantService.ts';
import { seedDemoCommittees } from './committees.ts';

describe('committee demo data', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
  });
  afterAll(() => t.close());

  it('seeds two committees, two terms, members, ten meetings with agenda, papers and PDFs — once', async () => {
    expect(await seedDemoCommittees(t.db, tenant.id)).toEqual({ meetings: 10 });
    expect(await seedDemoCommittees(t.db, tenant.id)).toBeNull();
    const counts = await t.db.tenant(tenant.id, (tx) =>
      tx.query<{ c: number; terms: number; persons: number; meetings: number; items: number; secret: number; papers: number; files: number }>(
        `SELECT (SELECT count(*)::int FROM committees) c, (SELECT count(*)::int FROM committee_terms) terms, (SELECT count(*)::int FROM committee_persons) persons,
           (SELECT count(*)::int FROM committee_meetings) meetings, (SELECT count(*)::int FROM committee_agenda_items) items,
           (SELECT count(*)::int FROM committee_agenda_items WHERE NOT public) secret, (SELECT count(*)::int FROM committee_papers) papers,
           (SELECT count(*)::int FROM committee_files) files`,
      ),
    );
    expect(counts[0]).toMatchObject({ c: 2, terms: 2, persons: 14, meetings: 10, papers: 8 });
    expect(counts[0]!.items).toBeGreaterThan(20);
    expect(counts[0]!.secret).toBeGreaterThan(0);

    const list = (await t.app.inject(`/api/v1/${tenant.slug}/committees`)).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['Ausschuss für Integration und Migration', 'Migrationsbeirat']);
    const committee = (await t.app.inject(`/api/v1/${tenant.slug}/committees/${list.items[0].id}`)).json();
    expect(committee.upcoming.length).toBeGreaterThan(0);
    expect(committee.past.length).toBeGreaterThan(0);
    expect(committee.members.length).toBeGreaterThan(5);
    const past = (await t.app.inject(`/api/v1/${tenant.slug}/committee-meetings/${committee.past[0].id}`)).json();
    expect(past.files.map((f: { role: string }) => f.role)).toEqual(['invitation', 'results_protocol']);
    const pdf = await t.app.inject(past.files[0].accessUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const oparl = (await t.app.inject(`/api/oparl/v1.1/bodies/${tenant.slug}/meetings`)).json();
    expect(oparl.pagination.totalElements).toBe(8);
  });
});
