import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { buildCommitteeWorld, type CommitteeWorld, INTERNAL_TEXTS, internalIds } from './testData.ts';

describe('public committee pages (navigator API) and calendar', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let w: CommitteeWorld;
  let o: CommitteeWorld;
  let office: string;
  let upcomingId: string;

  const get = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/${path}` });
  const admin = (method: 'POST' | 'PUT', path: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/${tenant.slug}/admin/${path}`, headers: { cookie: office }, ...(payload ? { payload } : {}) });
  const expectNothingInternal = (body: string, where: string) => {
    for (const id of internalIds(w)) expect(body, `${where} leaks ${id}`).not.toContain(id);
    for (const text of INTERNAL_TEXTS) expect(body, `${where} leaks "${text}"`).not.toContain(text);
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    w = await buildCommitteeWorld(t.db, tenant.id);
    o = await buildCommitteeWorld(t.db, other.id);
    office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    const year = new Date().getUTCFullYear() + 1;
    const created = await admin('POST', 'committee-meetings', {
      committeeId: w.committeeId,
      name: '7. Sitzung; Haushalt, Teil 2',
      state: 'invited',
      startAt: `${year}-01-20T17:00:00+01:00`,
      locationId: w.locationId,
    });
    upcomingId = created.json().id;
    await admin('PUT', `committee-meetings/${upcomingId}/agenda`, { items: [{ number: 'Ö 1', name: 'Eröffnung' }, { number: 'N 1', name: 'Personalangelegenheit Vertraulich', public: false }] });
    await admin('POST', `committee-meetings/${upcomingId}/publish`);
  });
  afterAll(() => t.close());

  it('committees with their next public meeting', async () => {
    const res = await get('committees');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((c: { name: string }) => c.name)).toEqual(['Ausschuss für Integration und Vielfalt', 'Migrationsbeirat']);
    expect(items[0].nextMeeting).toMatchObject({ id: upcomingId, state: 'invited' });
    expect(items[1].nextMeeting).toBeNull();
    expectNothingInternal(res.body, 'committees');
  });

  it('a committee: current members (contact only when released), terms, upcoming and past published meetings', async () => {
    const res = await get(`committees/${w.committeeId}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Dr. Aylin Demir', 'chair'],
      ['Jan Kowalski', 'member'],
    ]);
    expect(c.members[0]).toMatchObject({ email: 'a.demir@example.org', phone: '+49 621 1234' });
    expect(c.members[1]).toMatchObject({ email: null, phone: null });
    expect(c.terms.map((x: { name: string }) => x.name)).toEqual(['Wahlperiode 2024–2029', 'Wahlperiode 2019–2024']);
    expect(c.upcoming.map((m: { id: string }) => m.id)).toEqual([upcomingId]);
    expect(c.past.map((m: { id: string }) => m.id)).toEqual([w.meetingId]);
    expect(c.calendarUrl).toBe(`/api/v1/${tenant.slug}/committees/${w.committeeId}/meetings.ics`);
    expectNothingInternal(res.body, 'committee');
    expect((await get(`committees/${o.committeeId}`)).statusCode).toBe(404);
    expect((await get('committees/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('committees/kein-uuid')).statusCode).toBe(400);
  });

  it('a meeting shows its public agenda items with papers and files only — never non-public items, their papers, files or minutes', async () => {
    const res = await get(`committee-meetings/${w.meetingId}`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ name: '5. Sitzung', state: 'held', location: { description: 'Rathaus', room: 'Sitzungssaal 2' } });
    expect(m.agendaItems).toHaveLength(1);
    expect(m.agendaItems[0]).toMatchObject({
      number: 'Ö 1',
      minutes: 'Die Verwaltung stellt das Konzept vor.',
      resolutionText: 'Der Ausschuss beschließt das Konzept.',
      paper: { reference: 'VO/2026/011', role: 'deciding' },
    });
    expect(m.agendaItems[0].paper.files.map((f: { name: string }) => f.name)).toEqual(['Konzept Elternsprachkurse', 'Anlage Kursorte']);
    expect(m.agendaItems[0].files.map((f: { name: string }) => f.name)).toEqual(['Beschluss Ö 1']);
    expect(m.files.map((f: { role: string }) => f.role)).toEqual(['invitation', 'results_protocol']);
    expectNothingInternal(res.body, 'meeting');
    // Files open through the OParl file URLs.
    const file = await t.app.inject(m.files[0].accessUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    for (const id of [w.draftMeetingId, o.meetingId]) expect((await get(`committee-meetings/${id}`)).statusCode).toBe(404);
  });

  it('papers: public ones with files and public consultations; internal ones are unknown', async () => {
    const res = await get(`committee-papers/${w.publicPaperId}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.consultations).toHaveLength(1);
    expect(p.consultations[0]).toMatchObject({ meeting: { id: w.meetingId }, agendaItemNumber: 'Ö 1', role: 'deciding' });
    expectNothingInternal(res.body, 'paper');
    for (const id of [w.secretPaperId, w.draftPaperId, o.publicPaperId]) expect((await get(`committee-papers/${id}`)).statusCode, id).toBe(404);
  });

  it('turning an item non-public hides it and the paper discussed under it at once', async () => {
    const detail = (await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/committee-meetings/${w.meetingId}`, headers: { cookie: office } })).json();
    const items = detail.agendaItems.map((i: Record<string, unknown>) => ({ id: i.id, number: i.number, name: i.name, public: i.public, result: i.result, resolutionText: i.resolutionText, minutes: i.minutes }));
    const hidden = items.map((i: { id: string; public: boolean }) => (i.id === w.publicItemId ? { ...i, public: false } : i));
    expect((await admin('PUT', `committee-meetings/${w.meetingId}/agenda`, { items: hidden })).statusCode).toBe(200);
    const meeting = await get(`committee-meetings/${w.meetingId}`);
    expect(meeting.json().agendaItems).toEqual([]);
    expect(meeting.body).not.toContain('Konzept');
    expect((await get(`committee-papers/${w.publicPaperId}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/oparl/v1.1/bodies/${tenant.slug}/files/${w.files.publicMain}/access`)).statusCode).toBe(404);
    expect((await admin('PUT', `committee-meetings/${w.meetingId}/agenda`, { items })).statusCode).toBe(200);
    expect((await get(`committee-papers/${w.publicPaperId}`)).statusCode).toBe(200);
  });

  it('iCalendar feed: published meetings and public items only, escaped and folded, CRLF', async () => {
    const res = await get(`committees/${w.committeeId}/meetings.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`UID:${w.meetingId}@localhost:3000`);
    expect(ics).toContain('DTSTART:20260311T160000Z');
    expect(ics).toContain('DTEND:20260311T183000Z');
    // Escaped ; and , in the summary (folded lines are joined first).
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Ausschuss für Integration und Vielfalt: 7. Sitzung\\; Haushalt\\, Teil 2');
    expect(unfolded).toContain('LOCATION:Rathaus\\, Sitzungssaal 2\\, Rathausplatz 1\\, 68161 Teststadt');
    expect(unfolded).toContain('Ö 1 Eröffnung');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\n\n');
    expect(unfolded).not.toContain('6. Sitzung');
    expect(unfolded).not.toContain('Vertraulich');
    expectNothingInternal(unfolded, 'calendar');
    expect((await get(`committees/${o.committeeId}/meetings.ics`)).statusCode).toBe(404);
  });
});
