// Erasure proof over real feature data (Art. 17) and the Art. 15/20 export of the same world: a
// person with a household, other names, encrypted health and residence details, two cases, an
// assessment, an agreed plan and a new draft with goals and outcomes, consents (given and
// withdrawn), referrals (accepted and completed by the partner), a data release, journal entries,
// a task, a document, flags, corrections and access-log entries — all recorded through the API.
// After erasure on request, and after the retention job, nothing identifying is left anywhere in
// the database; the anonymous statistics stay; an unrelated person stays intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStaffSession, programmeFactory, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { pdfPages } from '../../../test/pdf.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import { findTraces } from '../../../test/traces.ts';
import { berlinDay, client, consentTexts, type PersonNames, providerWithOffers, type RecordedCase, recordWholeCase } from '../acceptanceTestKit.ts';
import { runRetention } from './retention.ts';

let serial = 0;
/** Distinctive names for one person (no other row of the database contains them). */
function namesFor(marker: string, birthDate: string): PersonNames {
  serial += 1;
  return {
    givenName: `Zainab${marker}`,
    familyName: `Qasimova${marker}`,
    otherGivenName: `Zaynab${marker}`,
    otherFamilyName: `Kasimowa${marker}`,
    email: `zq.${marker.toLowerCase()}@example.org`,
    phone: `+49 621 555 ${1000 + serial}`,
    newPhone: `+49 621 777 ${2000 + serial}`,
    birthDate,
    partnerGivenName: `Karim${serial}`,
    partnerFamilyName: `Partnerin${serial}`,
  };
}

const marker = () => `X${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe('Art. 17 erasure over a whole case, and the Art. 15/20 export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  /** One office with a person who has a whole case plus a second (closed) case, and an unrelated person. */
  async function world() {
    const tenant = await tenantFactory(t.db, { name: 'Stadt Löschstadt' });
    const v1 = `/api/v1/${tenant.slug}`;
    const team = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
    const im = await programmeFactory(t.db, tenant.id, { code: 'IM', name: 'Integrationsmanagement', retentionMonths: 36 });
    const mbe = await programmeFactory(t.db, tenant.id, { code: 'MBE', name: 'Migrationsberatung', maxDurationMonths: null, maxExtensionMonths: 0, retentionMonths: 24 });
    await consentTexts(t, tenant.id);
    const { provider, offers } = await providerWithOffers(t, tenant.id, 'Sprachschule Nord');
    const manager = client(t, (await caseStaffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: team.id, name: 'Mara Manager' })).cookie);
    const teamLead = client(t, (await caseStaffSession(t.app, t.db, tenant, { role: 'team_lead', teamId: team.id, name: 'Tilda Teamleitung' })).cookie);
    const partner = client(t, (await caseStaffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie);

    const m = marker();
    const names = namesFor(m, '1979-11-17');
    const whole = await recordWholeCase({ slug: tenant.slug, manager, partner, programmeId: im.id, offers, names, marker: m });

    // a second case in another programme, closed long ago
    const opened = await manager.ok<{ id: string; version: number; reference: string }>(
      'POST',
      `${v1}/cases`,
      { personId: whole.personId, programmeId: mbe.id, startedOn: berlinDay(-500) },
      201,
    );
    const second = await manager.ok<{ id: string; reference: string; retentionDueOn: string }>(
      'POST',
      `${v1}/cases/${opened.id}/transition`,
      { version: opened.version, to: 'closed', closingReason: 'moved_away', closedOn: berlinDay(-400) },
      200,
    );

    // reads, a print and an export: access-log entries about the person
    await manager.ok('GET', `${v1}/persons/${whole.personId}`, undefined, 200);
    await manager.ok('GET', `${v1}/cases/${whole.caseId}`, undefined, 200);
    expect((await manager.send('GET', `${v1}/cases/${whole.caseId}/documents/${whole.documentId}/content`)).statusCode).toBe(200);
    expect((await manager.send('GET', `${v1}/cases/${whole.caseId}/plans/${whole.agreedPlanId}/pdf?lang=de`)).statusCode).toBe(200);
    expect((await manager.send('GET', `${v1}/persons/${whole.personId}/export`)).statusCode).toBe(200);
    await manager.ok('GET', `${v1}/persons/${whole.personId}/access-log`, undefined, 200);

    // an unrelated person of the same office, with a whole case of their own
    const otherMarker = marker();
    const otherNames = namesFor(otherMarker, '1991-02-03');
    const other = await recordWholeCase({ slug: tenant.slug, manager, partner, programmeId: im.id, offers, names: otherNames, marker: otherMarker });

    return { tenant, v1, manager, teamLead, names, marker: m, whole, second, otherNames, other, otherMarker };
  }

  /** Everything that identifies the person or their records. */
  function needlesOf(names: PersonNames, m: string, whole: RecordedCase, second: { id: string; reference: string }): string[] {
    return [
      names.givenName,
      names.familyName,
      names.otherGivenName,
      names.otherFamilyName,
      names.email,
      names.phone,
      names.newPhone,
      names.birthDate,
      m,
      whole.notePhrase,
      whole.documentFilename,
      whole.personId,
      whole.caseId,
      whole.caseReference,
      second.id,
      second.reference,
      whole.agreedPlanId,
      whole.draftPlanId,
      ...whole.goalIds,
      whole.referralIds.open,
      whole.referralIds.done,
      ...whole.referralNumbers,
      ...Object.values(whole.consentIds),
      whole.releaseId,
      whole.entryIds.note,
      whole.entryIds.appointment,
      whole.taskId,
      whole.documentId,
      whole.flagIds.active,
      whole.flagIds.resolved,
    ];
  }

  async function statistics(tenantId: string) {
    return t.db.system((tx) =>
      tx.query<{ programme_code: string; birth_year: number; closing_reason: string | null; goals: Record<string, { reached: number; open: number }>; referrals: Record<string, number>; cause: string }>(
        `SELECT p.code AS programme_code, s.birth_year, s.closing_reason, s.goals, s.referrals, s.cause
           FROM case_statistics s JOIN case_programmes p ON p.tenant_id = s.tenant_id AND p.id = s.programme_id
          WHERE s.tenant_id = $1 ORDER BY p.code`,
        [tenantId],
      ),
    );
  }

  async function expectIntact(w: Awaited<ReturnType<typeof world>>) {
    const traces = await findTraces(t.db, [w.otherNames.familyName, w.otherNames.email, w.other.personId, w.other.caseId, w.other.notePhrase.slice(0, 40)]);
    expect(traces.length).toBeGreaterThanOrEqual(5);
    const export_ = await w.manager.ok<{ sections: Record<string, unknown[]> }>('GET', `${w.v1}/persons/${w.other.personId}/export`, undefined, 200);
    for (const section of ['journal', 'documents', 'referrals', 'goals', 'consents']) expect(export_.sections[section]!.length, section).toBeGreaterThan(0);
  }

  it('erasure on request leaves nothing identifying anywhere; anonymous statistics and unrelated persons stay', async () => {
    const w = await world();
    const needles = needlesOf(w.names, w.marker, w.whole, w.second);
    // the plain-text needles are in the database before (so the scan would find them); the old
    // phone, the note and the file name are stored encrypted only
    const plain = [w.names.givenName, w.names.familyName, w.names.otherFamilyName, w.names.email, w.names.newPhone, w.names.birthDate, w.whole.personId, w.whole.caseId, w.whole.caseReference, w.whole.documentId];
    const before = await findTraces(t.db, plain);
    for (const needle of plain) expect(before.some((hit) => hit.endsWith(`: ${needle}`)), `before erasure: ${needle}`).toBe(true);

    const erased = await w.teamLead.ok('POST', `${w.v1}/persons/${w.whole.personId}/erase`, { reason: 'Antrag nach Art. 17 DSGVO vom Vortag', confirmFamilyName: w.names.familyName }, 200);
    expect(erased).toEqual({ persons: 1, cases: 2 });

    expect(await findTraces(t.db, needles)).toEqual([]);

    const stats = await statistics(w.tenant.id);
    expect(stats).toHaveLength(2);
    expect(stats[0]).toMatchObject({ programme_code: 'IM', birth_year: 1979, closing_reason: null, cause: 'erased_on_request' });
    expect(stats[0]!.goals.language).toMatchObject({ reached: 1 });
    expect(stats[0]!.goals.work).toMatchObject({ reached: 0, open: 1 });
    expect(stats[0]!.referrals).toEqual({ sent: 2, accepted: 1, rejected: 0, completed: 1 });
    expect(stats[1]).toMatchObject({ programme_code: 'MBE', birth_year: 1979, closing_reason: 'moved_away', cause: 'erased_on_request' });

    // the person is gone for everyone: no record, no search hit, no duplicate hint
    expect((await w.teamLead.send('GET', `${w.v1}/persons/${w.whole.personId}`)).statusCode).toBe(404);
    expect((await w.teamLead.send('GET', `${w.v1}/cases/${w.whole.caseId}`)).statusCode).toBe(404);
    // (the fuzzy search and the duplicate check may still find the similarly named other person)
    const search = await w.teamLead.ok<{ items: Array<{ id: string }> }>('POST', `${w.v1}/persons/search`, { name: `${w.names.givenName} ${w.names.familyName}` }, 200);
    expect(search.items.map((p) => p.id)).not.toContain(w.whole.personId);
    expect(JSON.stringify(search)).not.toContain(w.names.familyName);
    const duplicates = await w.teamLead.ok<{ candidates: Array<{ person: { id: string } }> }>(
      'POST',
      `${w.v1}/persons/duplicates`,
      { givenName: w.names.givenName, familyName: w.names.familyName, birthDate: w.names.birthDate },
      200,
    );
    expect(duplicates.candidates.map((c) => c.person.id)).not.toContain(w.whole.personId);
    expect(JSON.stringify(duplicates)).not.toContain(w.names.familyName);

    await expectIntact(w);
  });

  it('the retention job erases the person once all cases are past retention, with the same proof', async () => {
    const w = await world();
    // close the remaining case too; the job runs after its retention date
    const current = await w.manager.ok<{ version: number }>('GET', `${w.v1}/cases/${w.whole.caseId}`, undefined, 200);
    const closed = await w.manager.ok<{ retentionDueOn: string }>(
      'POST',
      `${w.v1}/cases/${w.whole.caseId}/transition`,
      { version: current.version, to: 'closed', closingReason: 'goals_reached' },
      200,
    );
    const needles = needlesOf(w.names, w.marker, w.whole, w.second);

    const early = await runRetention(t.db, { tenantId: w.tenant.id, today: closed.retentionDueOn, dryRun: true });
    // the person and their household partner (no case of their own, 12 months unchanged by then);
    // the unrelated person's partner stays with that household's open case
    expect(early).toMatchObject({ persons: 2, cases: 0 });
    // the day before the later case is due: only the earlier case goes (the person keeps the other);
    // the household partner recorded without a case of their own stays while that case is kept
    const dayBefore = new Date(Date.parse(`${closed.retentionDueOn}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await runRetention(t.db, { tenantId: w.tenant.id, today: dayBefore })).toMatchObject({ persons: 0, cases: 1 });
    expect(await findTraces(t.db, [w.second.id, w.second.reference])).toEqual([]);
    expect((await findTraces(t.db, [w.whole.personId, w.whole.caseId])).length, 'not yet due: kept').toBeGreaterThan(0);

    const after = new Date(Date.parse(`${closed.retentionDueOn}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // then the person and the household partner go
    expect(await runRetention(t.db, { tenantId: w.tenant.id, today: after })).toMatchObject({ persons: 2, cases: 1 });
    expect(await findTraces(t.db, needles)).toEqual([]);

    const stats = await statistics(w.tenant.id);
    expect(stats.map((s) => [s.programme_code, s.closing_reason, s.cause])).toEqual([
      ['IM', 'goals_reached', 'anonymised'],
      ['MBE', 'moved_away', 'anonymised'],
    ]);
    expect(stats[0]!.goals.language).toMatchObject({ reached: 1 });
    expect(stats[0]!.referrals).toEqual({ sent: 2, accepted: 1, rejected: 0, completed: 1 });

    await expectIntact(w);
  });

  it('exports everything about the person (Art. 15/20): every section, decrypted, as JSON and PDF', async () => {
    const w = await world();
    const res = await w.manager.send('GET', `${w.v1}/persons/${w.whole.personId}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).not.toContain(w.names.familyName);
    const data = res.json() as { sections: Record<string, Array<Record<string, unknown>>> };
    const s = data.sections;
    for (const section of [
      'person',
      'cases',
      'caseEvents',
      'corrections',
      'accessLog',
      'consents',
      'referrals',
      'referralEvents',
      'releases',
      'assessments',
      'plans',
      'goals',
      'journal',
      'tasks',
      'documents',
      'flags',
    ]) {
      expect(s[section]?.length ?? 0, `section ${section}`).toBeGreaterThan(0);
    }
    expect(s.person![0]).toMatchObject({
      givenName: w.names.givenName,
      familyName: w.names.familyName,
      email: w.names.email,
      phone: w.names.newPhone,
      healthNotes: w.whole.healthNotes,
      residenceDetails: w.whole.residenceDetails,
    });
    expect(s.cases!.map((c) => c.id).sort()).toEqual([w.whole.caseId, w.second.id].sort());
    expect(s.assessments![0]).toMatchObject({ situation: w.whole.assessmentTexts[0], needs: w.whole.assessmentTexts[1], resources: w.whole.assessmentTexts[2] });
    expect(s.plans!.map((p) => p.id).sort()).toEqual([w.whole.agreedPlanId, w.whole.draftPlanId].sort());
    expect(s.goals!.map((g) => g.id).sort()).toEqual([...w.whole.goalIds].sort());
    expect(s.referrals!.map((r) => r.id).sort()).toEqual([w.whole.referralIds.open, w.whole.referralIds.done].sort());
    expect(s.consents!.map((c) => c.id).sort()).toEqual(Object.values(w.whole.consentIds).sort());
    expect(s.releases!.map((r) => r.id)).toEqual([w.whole.releaseId]);
    const journalText = JSON.stringify(s.journal);
    expect(journalText).toContain(w.whole.notePhrase);
    expect(journalText).toContain('Termin mit Dolmetscherin');
    const document = s.documents!.find((d) => d.id === w.whole.documentId)!;
    expect(Buffer.from(String(document.content), 'base64').equals(w.whole.documentBytes)).toBe(true);
    expect(JSON.stringify(document)).toContain(w.whole.documentFilename);
    expect(JSON.stringify(s.flags)).toContain(`Gesundheit beachten ${w.marker}`);
    // corrections keep the earlier value, decrypted
    expect(JSON.stringify(s.corrections)).toContain(w.names.phone);
    // the access log holds the reads, the print and the export
    const actions = new Set(s.accessLog!.map((e) => e.action));
    for (const action of ['read', 'print', 'export']) expect(actions.has(action), action).toBe(true);
    // nothing of the unrelated person
    expect(JSON.stringify(data)).not.toContain(w.otherNames.familyName);
    expect(JSON.stringify(data)).not.toContain(w.other.personId);

    const pdf = await w.manager.send('GET', `${w.v1}/persons/${w.whole.personId}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(pdf.rawPayload)).join('\n');
    for (const expected of [
      'Auskunft über gespeicherte Daten',
      w.names.familyName,
      w.names.email,
      w.whole.healthNotes,
      w.whole.assessmentTexts[1]!,
      w.whole.notePhrase,
      w.whole.caseReference,
      'Zugriffsprotokoll',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(w.otherNames.familyName);
  });
});
