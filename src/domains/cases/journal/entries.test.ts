import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEntry, CaseEntryPage, EntryHistory, UpcomingList } from '../../../shared/contracts/caseJournal.ts';
import { findTraces } from '../../../test/traces.ts';
import { type JournalWorld, journalWorld } from './journalTestKit.ts';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('case journal: appointments, contacts and notes', () => {
  let w: JournalWorld;
  beforeAll(async () => {
    w = await journalWorld();
  });
  afterAll(() => w.t.close());

  const entries = (caseId: string, query = '') => w.url(caseId, `/entries${query}`);
  const note = (body: string, extra: Record<string, unknown> = {}) => ({ kind: 'note', subject: 'Notiz', body, ...extra });
  const entryCount = (caseId: string) => w.count('case_entries', 'case_id = $1', [caseId]);

  it('is described in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const path of [
      '/api/v1/{tenant}/cases/{caseId}/entries',
      '/api/v1/{tenant}/cases/{caseId}/entries/{entryId}/history',
      '/api/v1/{tenant}/cases/{caseId}/tasks/{taskId}',
      '/api/v1/{tenant}/cases/tasks/mine',
      '/api/v1/{tenant}/cases/tasks/overdue',
      '/api/v1/{tenant}/cases/{caseId}/documents',
      '/api/v1/{tenant}/cases/{caseId}/documents/{documentId}/content',
      '/api/v1/{tenant}/cases/documents/expiring',
      '/api/v1/{tenant}/cases/{caseId}/flags/{flagId}/resolve',
      '/api/v1/{tenant}/cases/appointments/upcoming',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  describe('access', () => {
    it('401 without a session, 403 without two-factor login, 404 for roles without case data', async () => {
      expect((await w.call(null, 'GET', entries(w.caseA.id))).statusCode).toBe(401);
      const no2fa = await w.call('no2fa', 'GET', entries(w.caseA.id));
      expect(no2fa.statusCode).toBe(403);
      expect(no2fa.json().error.code).toBe('two_factor_required');
      expect((await w.call('admin', 'GET', entries(w.caseA.id))).statusCode).toBe(404);
      expect((await w.call('admin', 'POST', entries(w.caseA.id), note('x'))).statusCode).toBe(404);
      const upcoming = await w.call('admin', 'GET', `/api/v1/${w.tenant.slug}/cases/appointments/upcoming`);
      expect(upcoming.statusCode).toBe(403);
    });

    it('a case outside the scope reads as 404 (other manager, other team lead, other tenant) and nothing is written', async () => {
      const before = await w.count('case_entries');
      const matrix: Array<[JournalWorld['caseA'], Parameters<JournalWorld['call']>[0], number]> = [
        [w.caseA, 'managerA', 200],
        [w.caseA, 'managerA2', 404],
        [w.caseA, 'managerB', 404],
        [w.caseA, 'teamLeadA', 200],
        [w.caseA, 'teamLeadB', 404],
        [w.caseA, 'lead', 200],
        [w.caseB, 'managerA', 404],
        [w.caseOther, 'managerA', 404],
        [w.caseOther, 'lead', 404],
      ];
      for (const [c, who, status] of matrix) {
        expect((await w.call(who, 'GET', entries(c.id))).statusCode, `${who} GET`).toBe(status);
        if (status === 404) expect((await w.call(who, 'POST', entries(c.id), note('Fremd'))).statusCode, `${who} POST`).toBe(404);
      }
      expect(await w.count('case_entries')).toBe(before);
      // staff of another tenant do not even get into this tenant
      expect((await w.call('otherManager', 'GET', entries(w.caseA.id))).statusCode).toBe(403);
    });
  });

  describe('recording', () => {
    it('records an appointment with interpreter, a contact and a note; lists them newest first, paged and filtered', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const appointment = await w.call('managerA', 'POST', entries(c.id), {
        kind: 'appointment',
        occurredAt: hoursFromNow(48),
        durationMinutes: 60,
        channel: 'in_person',
        participants: ['Jobcenter, Frau K.'],
        interpreter: 'professional',
        interpreterLanguage: 'ar',
        subject: 'Termin Jobcenter',
        body: 'Begleitung zum Jobcenter',
      });
      expect(appointment.statusCode).toBe(201);
      const a = appointment.json() as CaseEntry;
      expect(a).toMatchObject({
        kind: 'appointment',
        appointmentStatus: 'scheduled',
        durationMinutes: 60,
        interpreter: 'professional',
        interpreterLanguage: 'ar',
        participants: ['Jobcenter, Frau K.'],
        authorId: w.ids.managerA,
        authorName: 'Mara Manager',
        version: 1,
        canEdit: true,
        editedAt: null,
      });
      const contact = await w.call('managerA', 'POST', entries(c.id), {
        kind: 'contact',
        occurredAt: hoursFromNow(-24),
        channel: 'phone',
        durationMinutes: 15,
        interpreter: 'family',
        interpreterLanguage: 'fa',
        body: 'Rückruf wegen Kita-Platz',
      });
      expect(contact.statusCode).toBe(201);
      const n = await w.call('managerA', 'POST', entries(c.id), note('Unterlagen gesichtet', { occurredAt: hoursFromNow(-48), durationMinutes: 0 }));
      expect(n.statusCode).toBe(201);
      expect(n.json()).toMatchObject({ kind: 'note', channel: null, appointmentStatus: null, interpreter: 'none', interpreterLanguage: null, durationMinutes: 0 });
      // a note without a date is dated now
      const now = await w.call('managerA', 'POST', entries(c.id), { kind: 'note', body: 'Jetzt' });
      expect(Math.abs(Date.parse((now.json() as CaseEntry).occurredAt) - Date.now())).toBeLessThan(60_000);

      const listed = await w.call('managerA', 'GET', entries(c.id));
      expect(listed.headers['cache-control']).toBe('no-store');
      const page = listed.json() as CaseEntryPage;
      expect(page.total).toBe(4);
      expect(page.items.map((e) => e.body)).toEqual(['Begleitung zum Jobcenter', 'Jetzt', 'Rückruf wegen Kita-Platz', 'Unterlagen gesichtet']);
      const second = (await w.call('managerA', 'GET', entries(c.id, '?pageSize=2&page=2'))).json() as CaseEntryPage;
      expect(second.items.map((e) => e.body)).toEqual(['Rückruf wegen Kita-Platz', 'Unterlagen gesichtet']);
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      const contacts = (await w.call('managerA', 'GET', entries(c.id, '?kind=contact'))).json() as CaseEntryPage;
      expect(contacts.items.map((e) => e.kind)).toEqual(['contact']);
      const interpreted = (await w.call('managerA', 'GET', entries(c.id, '?interpreter=used'))).json() as CaseEntryPage;
      expect(interpreted.items.map((e) => e.interpreter).sort()).toEqual(['family', 'professional']);
      const day = new Date(Date.now() + 48 * 3_600_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });
      const onDay = (await w.call('managerA', 'GET', entries(c.id, `?from=${day}&to=${day}`))).json() as CaseEntryPage;
      expect(onDay.items.map((e) => e.kind)).toEqual(['appointment']);
      const bad = await w.call('managerA', 'GET', entries(c.id, '?from=2026-05-10&to=2026-05-01'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('querystring.to');
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const cases: Array<[unknown, string]> = [
        [note('x', { durationMinutes: 1441 }), 'body.durationMinutes'],
        [note('x', { durationMinutes: -1 }), 'body.durationMinutes'],
        [note('x', { durationMinutes: 2.5 }), 'body.durationMinutes'],
        [{ kind: 'contact', body: 'ohne Kanal' }, 'body.channel'],
        [{ kind: 'appointment', body: 'ohne Zeit' }, 'body.occurredAt'],
        [note('x', { interpreter: 'volunteer' }), 'body.interpreterLanguage'],
        [note('x', { interpreterLanguage: 'ar' }), 'body.interpreterLanguage'],
        [note('x', { channel: 'phone' }), 'body.channel'],
        [note('x', { appointmentStatus: 'held' }), 'body.appointmentStatus'],
        [{ kind: 'note', subject: ' ', body: '' }, 'body.body'],
        [note('x', { occurredAt: '2026-02-30T10:00:00+01:00' }), 'body.occurredAt'],
        [note('x', { occurredAt: 'gestern' }), 'body.occurredAt'],
        [note('x', { kind: 'memo' }), 'body.kind'],
        [note('x', { interpreter: 'robot', interpreterLanguage: 'ar' }), 'body.interpreter'],
        [note('x', { secret: true }), 'body'],
        [note('x'.repeat(20_001)), 'body.body'],
        // server-side date rules
        [note('Zukunft', { occurredAt: hoursFromNow(24) }), 'occurredAt'],
        [{ kind: 'contact', channel: 'phone', body: 'Zukunft', occurredAt: hoursFromNow(2) }, 'occurredAt'],
        [note('Uralt', { occurredAt: '1999-12-31T10:00:00Z' }), 'occurredAt'],
        [{ kind: 'appointment', body: 'zu weit', occurredAt: '2040-01-01T10:00:00Z' }, 'occurredAt'],
      ];
      for (const [payload, field] of cases) {
        const res = await w.call('managerA', 'POST', entries(c.id), payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.json().error.field, JSON.stringify(payload).slice(0, 80)).toBe(field);
      }
      const malformed = await w.call('managerA', 'POST', entries(c.id), '{"kind":', { headers: { cookie: w.cookies.managerA, 'content-type': 'application/json' } });
      expect(malformed.statusCode).toBe(400);
      expect(await entryCount(c.id)).toBe(0);
      expect((await w.accessLog(c.id)).filter((l) => l.action === 'create')).toEqual([]);
      expect((await w.call('managerA', 'GET', entries('not-a-uuid'))).json().error.field).toBe('params.caseId');
    });
  });

  describe('corrections (Art. 16)', () => {
    it('the author corrects with history; a team lead too; others may not; a stale version conflicts and writes nothing', async () => {
      const created = (await w.call('managerA', 'POST', entries(w.caseA.id), {
        kind: 'contact',
        channel: 'phone',
        occurredAt: hoursFromNow(-3),
        durationMinutes: 20,
        subject: 'Anruf',
        body: 'Erster Wortlaut der Notiz',
      })).json() as CaseEntry;
      const url = entries(w.caseA.id, `/${created.id}`);
      const edited = await w.call('managerA', 'PATCH', url, { version: 1, body: 'Korrigierter Wortlaut', durationMinutes: 25, reason: 'Tippfehler' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ body: 'Korrigierter Wortlaut', durationMinutes: 25, version: 2, subject: 'Anruf' });
      expect(edited.json().editedAt).not.toBeNull();

      // stale version: 409, nothing changed, no history row
      const historyRows = await w.count('record_history', 'entity_id = $1', [created.id]);
      const stale = await w.call('managerA', 'PATCH', url, { version: 1, body: 'Überschrieben?' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      expect(await w.count('record_history', 'entity_id = $1', [created.id])).toBe(historyRows);
      expect((await w.call('managerA', 'GET', url)).json().body).toBe('Korrigierter Wortlaut');

      // the team lead of the team corrects; the owner then may not correct the lead's own entry
      const byLead = await w.call('teamLeadA', 'PATCH', url, { version: 2, interpreter: 'volunteer', interpreterLanguage: 'uk' });
      expect(byLead.statusCode).toBe(200);
      const leadEntry = (await w.call('teamLeadA', 'POST', entries(w.caseA.id), note('Vermerk der Teamleitung'))).json() as CaseEntry;
      const list = (await w.call('managerA', 'GET', entries(w.caseA.id))).json() as CaseEntryPage;
      expect(list.items.find((e) => e.id === leadEntry.id)?.canEdit).toBe(false);
      const denied = await w.call('managerA', 'PATCH', entries(w.caseA.id, `/${leadEntry.id}`), { version: 1, body: 'fremd' });
      expect(denied.statusCode).toBe(403);
      expect((await w.call('lead', 'PATCH', entries(w.caseA.id, `/${leadEntry.id}`), { version: 1, body: 'Leitung korrigiert' })).statusCode).toBe(200);

      // cross-field rules on the corrected entry; switching the interpreter off drops the language
      const noChannel = await w.call('managerA', 'PATCH', url, { version: 3, channel: null });
      expect(noChannel.statusCode).toBe(400);
      expect(noChannel.json().error.field).toBe('channel');
      const future = await w.call('managerA', 'PATCH', url, { version: 3, occurredAt: hoursFromNow(30) });
      expect(future.json().error.field).toBe('occurredAt');
      const off = await w.call('managerA', 'PATCH', url, { version: 3, interpreter: 'none' });
      expect(off.json()).toMatchObject({ interpreter: 'none', interpreterLanguage: null, version: 4 });
      const tooLong = await w.call('managerA', 'PATCH', url, { version: 4, durationMinutes: 1500 });
      expect(tooLong.json().error.field).toBe('body.durationMinutes');
      // an unchanged correction changes nothing
      const same = await w.call('managerA', 'PATCH', url, { version: 4, body: 'Korrigierter Wortlaut' });
      expect(same.json().version).toBe(4);

      const history = (await w.call('managerA', 'GET', `${url}/history`)).json() as EntryHistory;
      expect(history.items.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
        ['body', 'Erster Wortlaut der Notiz', 'Korrigierter Wortlaut'],
        ['durationMinutes', 20, 25],
        ['interpreter', 'none', 'volunteer'],
        ['interpreterLanguage', null, 'uk'],
        ['interpreter', 'volunteer', 'none'],
        ['interpreterLanguage', 'uk', null],
      ]);
      expect(history.items[0]).toMatchObject({ reason: 'Tippfehler', actorName: 'Mara Manager' });
      expect(history.items[2]?.actorName).toBe('Tilda Teamleitung');
      // earlier values are encrypted at rest too
      expect(await findTraces(w.t.db, ['Erster Wortlaut der Notiz'])).toEqual([]);
      // outside the scope: 404 for entry and history
      expect((await w.call('managerB', 'GET', `${url}/history`)).statusCode).toBe(404);
      expect((await w.call('managerB', 'PATCH', url, { version: 4, body: 'x' })).statusCode).toBe(404);
      // an entry id of another case reads as 404
      expect((await w.call('managerA', 'GET', entries(w.caseRestricted.id, `/${created.id}`))).statusCode).toBe(404);
    });
  });

  describe('restriction (Art. 18)', () => {
    it('blocks new entries and corrections with 403 "restricted"; reading stays possible; nothing is written', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const entry = (await w.call('managerA', 'POST', entries(c.id), note('Vor der Einschränkung'))).json() as CaseEntry;
      await w.sql('UPDATE persons SET restricted = true WHERE id = $1', [c.personId]);
      const created = await w.call('managerA', 'POST', entries(c.id), note('Nach der Einschränkung'));
      expect(created.statusCode).toBe(403);
      expect(created.json().error.field).toBe('restricted');
      const edited = await w.call('managerA', 'PATCH', entries(c.id, `/${entry.id}`), { version: 1, body: 'geändert' });
      expect(edited.statusCode).toBe(403);
      expect(edited.json().error.field).toBe('restricted');
      expect((await w.call('teamLeadA', 'POST', entries(w.caseRestricted.id), note('x'))).statusCode).toBe(403);
      const list = (await w.call('managerA', 'GET', entries(c.id))).json() as CaseEntryPage;
      expect(list.items.map((e) => [e.body, e.version])).toEqual([['Vor der Einschränkung', 1]]);
      expect(await w.count('record_history', 'entity_id = $1', [entry.id])).toBe(0);
    });
  });

  describe('access log and encryption at rest', () => {
    it('logs list, create, read, update and history reads; lists name no other persons', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const entry = (await w.call('managerA', 'POST', entries(c.id), note('Protokolliert'))).json() as CaseEntry;
      await w.call('managerA', 'GET', entries(c.id));
      await w.call('teamLeadA', 'GET', entries(c.id, `/${entry.id}`));
      await w.call('managerA', 'PATCH', entries(c.id, `/${entry.id}`), { version: 1, body: 'Protokolliert (korrigiert)' });
      await w.call('lead', 'GET', entries(c.id, `/${entry.id}/history`));
      const log = await w.accessLog(c.id, 'case_entry');
      expect(log.map((l) => [l.action, l.actor_id, l.entity_id])).toEqual([
        ['create', w.ids.managerA, entry.id],
        ['list', w.ids.managerA, null],
        ['read', w.ids.teamLeadA, entry.id],
        ['update', w.ids.managerA, entry.id],
        ['read', w.ids.lead, entry.id],
      ]);
      for (const l of log) expect(l.person_id).toBe(c.personId);
      expect(log[3]?.details).toEqual({ fields: ['body'] });
      expect(JSON.stringify(log)).not.toContain('Protokolliert');
    });

    it('subject, text and participants are ciphertext in the database (nowhere in plaintext)', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const res = await w.call('managerA', 'POST', entries(c.id), {
        kind: 'appointment',
        occurredAt: hoursFromNow(5),
        channel: 'video',
        participants: ['Rechtsanwältin Zeynep Yilmaz-Geheim'],
        subject: 'Asylverfahren-Betreff-Geheim',
        body: 'Psychische Belastung nach Flucht – vertraulich',
      });
      expect(res.statusCode).toBe(201);
      const [row] = await w.sql<{ subject_enc: string; body_enc: string; participants_enc: string }>(
        'SELECT subject_enc, body_enc, participants_enc FROM case_entries WHERE id = $1',
        [res.json().id],
      );
      for (const value of Object.values(row!)) expect(value).toMatch(/^enc:v1:/);
      expect(await findTraces(w.t.db, ['Asylverfahren-Betreff-Geheim', 'Psychische Belastung nach Flucht', 'Zeynep Yilmaz-Geheim'])).toEqual([]);
      expect((await w.call('managerA', 'GET', entries(c.id, `/${res.json().id}`))).json()).toMatchObject({
        subject: 'Asylverfahren-Betreff-Geheim',
        participants: ['Rechtsanwältin Zeynep Yilmaz-Geheim'],
      });
    });

    it('erasing the person removes the journal (ON DELETE CASCADE)', async () => {
      const c = await w.aCase('managerA', w.teamA);
      await w.call('managerA', 'POST', entries(c.id), note('Wird gelöscht'));
      expect(await entryCount(c.id)).toBe(1);
      await w.sql('DELETE FROM persons WHERE id = $1', [c.personId]);
      expect(await entryCount(c.id)).toBe(0);
    });
  });

  describe('upcoming appointments', () => {
    it('lists the actor’s scheduled appointments ahead (own cases or entered by them), soonest first', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const upcomingUrl = (days?: number) => `/api/v1/${w.tenant.slug}/cases/appointments/upcoming${days ? `?days=${days}` : ''}`;
      const make = async (who: 'managerA' | 'teamLeadA', hours: number, subject: string, extra: Record<string, unknown> = {}) => {
        const res = await w.call(who, 'POST', entries(c.id), { kind: 'appointment', occurredAt: hoursFromNow(hours), subject, ...extra });
        expect(res.statusCode).toBe(201);
        return res.json() as CaseEntry;
      };
      await make('managerA', 30, 'Übermorgen', { interpreter: 'professional', interpreterLanguage: 'ti' });
      await make('teamLeadA', 5, 'Heute noch');
      await make('managerA', -5, 'Vorbei');
      const cancelled = await make('managerA', 10, 'Abgesagt');
      await w.call('managerA', 'PATCH', entries(c.id, `/${cancelled.id}`), { version: 1, appointmentStatus: 'cancelled' });
      await make('managerA', 24 * 20, 'In drei Wochen');

      const mine = (await w.call('managerA', 'GET', upcomingUrl())).json() as UpcomingList;
      const subjects = mine.items.filter((i) => i.caseId === c.id).map((i) => i.subject);
      expect(subjects).toEqual(['Heute noch', 'Übermorgen']);
      expect(mine.items.find((i) => i.subject === 'Übermorgen')).toMatchObject({ interpreter: 'professional', interpreterLanguage: 'ti' });
      expect(mine.items[0]?.caseReference).toMatch(/^T-/);
      const longer = (await w.call('managerA', 'GET', upcomingUrl(30))).json() as UpcomingList;
      expect(longer.items.filter((i) => i.caseId === c.id).map((i) => i.subject)).toEqual(['Heute noch', 'Übermorgen', 'In drei Wochen']);
      // the team lead sees the one they entered; a colleague without the case sees none of them
      const lead = (await w.call('teamLeadA', 'GET', upcomingUrl())).json() as UpcomingList;
      expect(lead.items.filter((i) => i.caseId === c.id).map((i) => i.subject)).toEqual(['Heute noch']);
      const colleague = (await w.call('managerA2', 'GET', upcomingUrl())).json() as UpcomingList;
      expect(colleague.items.filter((i) => i.caseId === c.id)).toEqual([]);
      expect((await w.call('managerA', 'GET', upcomingUrl(91))).statusCode).toBe(400);
      const log = await w.accessLog(null, 'case_entry');
      const listEntry = log.filter((l) => l.action === 'list' && l.case_id === null).at(-1);
      expect(listEntry).toMatchObject({ person_id: null, details: { upcoming: true } });
    });
  });
});
