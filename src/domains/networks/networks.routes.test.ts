import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountFactory, contactFactory, networkGroupFactory, organisationFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

describe('networks and working groups', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/admin/network`;
  const count = async (table: string) =>
    Number((await t.db.system((tx) => tx.query<{ n: number }>(`SELECT count(*)::int n FROM ${table} WHERE tenant_id = $1`, [tenant.id])))[0]!.n);
  const counts = async () => ({
    groups: await count('network_groups'),
    members: await count('group_members'),
    meetings: await count('network_meetings'),
    attendance: await count('meeting_attendance'),
    tasks: await count('network_tasks'),
    outbox: await count('mail_outbox'),
  });
  const outbox = () =>
    t.db.system((tx) => tx.query<{ to: string; subject: string; text: string }>('SELECT "to", subject, text FROM mail_outbox WHERE tenant_id = $1 ORDER BY created_at, "to"', [tenant.id]));
  const meetingBody = (overrides: Record<string, unknown> = {}) => ({
    title: 'Frühjahrstreffen',
    startsAt: '2026-03-10T16:00:00+01:00',
    endsAt: '2026-03-10T18:00:00+01:00',
    location: 'Rathaus, Raum 3; Eingang B',
    invitationText: 'Bitte bringen Sie Ihre Jahresplanung mit.',
    agenda: [{ title: 'Begrüßung' }, { title: 'Sprachkursangebote 2026', description: 'Bedarf und Lücken' }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db, { name: 'Stadt Teststadt' });
    other = await tenantFactory(t.db);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    const office = await staffSession(t.app, t.db, tenant, { role: 'office_editor', name: 'Olivia Office' });
    cookies.office = office.cookie;
    ids.officeAccount = office.account.id;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: (await providerFactory(t.db, tenant.id)).id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    ids.otherAccount = (await accountFactory(t.db, other, { role: 'office_editor' })).id;
    // A case worker of this tenant: not a network user, so never a task owner.
    ids.caseAccount = (await accountFactory(t.db, tenant, { role: 'integration_lead' })).id;

    const vhs = await organisationFactory(t.db, tenant.id, { name: 'Volkshochschule Teststadt', type: 'adult_education_centre' });
    const verein = await organisationFactory(t.db, tenant.id, { name: 'Deutsch-Arabischer Verein' });
    const jobcenter = await organisationFactory(t.db, tenant.id, { name: 'Jobcenter Teststadt', type: 'job_centre' });
    ids.vhs = vhs.id;
    ids.verein = verein.id;
    ids.jobcenter = jobcenter.id;
    ids.anna = (await contactFactory(t.db, tenant.id, { name: 'Anna Albrecht', email: 'anna@vhs-teststadt.example.de', organisationId: vhs.id })).id;
    ids.bilal = (await contactFactory(t.db, tenant.id, { name: 'Bilal Nasser', email: 'bilal@dav.example.org', organisationId: verein.id })).id;
    ids.optedOut = (await contactFactory(t.db, tenant.id, { name: 'Clara Keinepost', email: 'clara@jobcenter.example.de', optOutInvitations: true, organisationId: jobcenter.id })).id;
    ids.noConsent = (await contactFactory(t.db, tenant.id, { name: 'Dieter Ohnezustimmung', email: 'dieter@jobcenter.example.de', consent: false, organisationId: jobcenter.id })).id;
    ids.noEmail = (await contactFactory(t.db, tenant.id, { name: 'Emine Ohnemail', email: null })).id;
    ids.foreignContact = (await contactFactory(t.db, other.id, { name: 'Fremde Person' })).id;
    ids.foreignGroup = (await networkGroupFactory(t.db, other.id, { name: 'Fremder AK' })).id;
  });
  afterAll(() => t.close());

  it('401 without a session, 403 for partners and for staff of another tenant; foreign records are 404', async () => {
    const routes: Array<[Method, () => string, unknown?]> = [
      ['GET', () => `${base()}/groups`],
      ['POST', () => `${base()}/groups`, { name: 'AK Neu' }],
      ['GET', () => `${base()}/tasks`],
      ['GET', () => `${base()}/graph`],
      ['GET', () => `${base()}/staff`],
      ['GET', () => `${base()}/groups/${ids.foreignGroup}`],
      ['GET', () => `${base()}/groups/${ids.foreignGroup}/meetings.ics`],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(null, method, path(), body)).statusCode, `anonymous ${method} ${path()}`).toBe(401);
      expect((await call('partner', method, path(), body)).statusCode, `partner ${method} ${path()}`).toBe(403);
      expect((await call('otherAdmin', method, path(), body)).statusCode, `other tenant ${method} ${path()}`).toBe(403);
    }
    for (const [method, url, body] of [
      ['GET', `${base()}/groups/${ids.foreignGroup}`, undefined],
      ['PUT', `${base()}/groups/${ids.foreignGroup}`, { name: 'Gekapert' }],
      ['POST', `${base()}/groups/${ids.foreignGroup}/meetings`, meetingBody()],
      ['GET', `${base()}/groups/${ids.foreignGroup}/meetings.ics`, undefined],
    ] as const) {
      const res = await call('admin', method, url, body);
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(404);
    }
  });

  it('creates a working group and adds organisations, delegates and people; a duplicate member is 409', async () => {
    const created = await call('office', 'POST', `${base()}/groups`, { name: 'AK Sprache und Integration', kind: 'working_group', purpose: 'Abstimmung der Sprachkursangebote' });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    ids.group = group.id;
    for (const member of [
      { organisationId: ids.vhs, contactId: ids.anna, role: 'chair' },
      { organisationId: ids.verein, contactId: ids.bilal },
      { organisationId: ids.jobcenter },
      { organisationId: ids.jobcenter, contactId: ids.optedOut, role: 'deputy' },
      { organisationId: ids.jobcenter, contactId: ids.noConsent },
      { contactId: ids.noEmail, role: 'guest' },
    ]) {
      const res = await call('office', 'POST', `${base()}/groups/${group.id}/members`, member);
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = await counts();
    const dup = await call('office', 'POST', `${base()}/groups/${group.id}/members`, { organisationId: ids.vhs, contactId: ids.anna, role: 'member' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'contactId' });
    const dupOrg = await call('office', 'POST', `${base()}/groups/${group.id}/members`, { organisationId: ids.jobcenter });
    expect(dupOrg.json().error.field).toBe('organisationId');
    for (const [body, field] of [
      [{ role: 'member' }, 'body.organisationId'],
      [{ organisationId: ids.vhs, role: 'boss' }, 'body.role'],
      [{ contactId: ids.foreignContact }, 'contactId'],
      [{ organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
      [{ contactId: ids.anna, joinedOn: '2025-05-01', leftOn: '2025-01-01' }, 'body.leftOn'],
    ] as const) {
      const res = await call('office', 'POST', `${base()}/groups/${group.id}/members`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await counts()).toEqual(before);
    const detail = (await call('office', 'GET', `${base()}/groups/${group.id}`)).json();
    expect(detail.counts).toMatchObject({ organisations: 3, people: 5 });
    expect(detail.members[0]).toMatchObject({ role: 'chair', organisation: { name: 'Volkshochschule Teststadt' }, contact: { name: 'Anna Albrecht', mailBlock: null } });
    const blocks = Object.fromEntries(detail.members.filter((m: { contact: unknown }) => m.contact).map((m: { contact: { name: string; mailBlock: string | null } }) => [m.contact.name, m.contact.mailBlock]));
    expect(blocks).toEqual({ 'Anna Albrecht': null, 'Bilal Nasser': null, 'Clara Keinepost': 'opted_out', 'Dieter Ohnezustimmung': 'no_consent', 'Emine Ohnemail': 'no_email' });
  });

  it('rejects bad meetings with the field named and writes nothing', async () => {
    const before = await counts();
    for (const [body, field] of [
      [meetingBody({ endsAt: '2026-03-10T15:00:00+01:00' }), 'body.endsAt'],
      [meetingBody({ startsAt: '10.03.2026 16:00' }), 'body.startsAt'],
      [meetingBody({ title: '' }), 'body.title'],
      [meetingBody({ onlineUrl: 'zoom' }), 'body.onlineUrl'],
      [meetingBody({ agenda: [{ title: 'x' }] }), 'body.agenda.0.title'],
      [meetingBody({ agenda: [{ id: '00000000-0000-4000-8000-000000000000', title: 'Unbekannt' }] }), 'agenda.0.id'],
    ] as const) {
      const res = await call('office', 'POST', `${base()}/groups/${ids.group}/meetings`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('runs a meeting: invitation to the delegates (never to opted-out contacts), minutes, decisions, attendance, tasks, minutes by mail', async () => {
    const created = await call('office', 'POST', `${base()}/groups/${ids.group}/meetings`, meetingBody());
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json();
    ids.meeting = meeting.id;
    expect(meeting.agenda.map((a: { title: string }) => a.title)).toEqual(['Begrüßung', 'Sprachkursangebote 2026']);

    const invited = await call('office', 'POST', `${base()}/meetings/${meeting.id}/invitation`);
    expect(invited.statusCode, invited.body).toBe(200);
    const result = invited.json();
    expect(result.sent).toBe(2);
    expect(result.recipients.map((r: { name: string }) => r.name)).toEqual(['Anna Albrecht', 'Bilal Nasser']);
    expect(Object.fromEntries(result.skipped.map((s: { name: string; reason: string }) => [s.name, s.reason]))).toEqual({
      'Clara Keinepost': 'opted_out',
      'Dieter Ohnezustimmung': 'no_consent',
      'Emine Ohnemail': 'no_email',
    });
    const mails = await outbox();
    expect(mails.map((m) => m.to)).toEqual(['anna@vhs-teststadt.example.de', 'bilal@dav.example.org']);
    expect(mails[0]!.subject).toBe('Einladung: AK Sprache und Integration – Frühjahrstreffen');
    expect(mails[0]!.text).toContain('Guten Tag Anna Albrecht,');
    expect(mails[0]!.text).toContain('Dienstag, 10. März 2026, 16:00–18:00 Uhr');
    expect(mails[0]!.text).toContain('2. Sprachkursangebote 2026');
    expect(mails.some((m) => m.to.includes('clara') || m.to.includes('dieter'))).toBe(false);

    // Minutes with a decision under an agenda item, attendance and a follow-up task.
    const [, item] = meeting.agenda as Array<{ id: string }>;
    const bad = await call('office', 'PUT', `${base()}/meetings/${meeting.id}/minutes`, {
      minutes: 'x',
      attendance: [
        { contactId: ids.anna, status: 'present' },
        { contactId: ids.anna, status: 'absent' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('attendance.1.contactId');
    const badItem = await call('office', 'PUT', `${base()}/meetings/${meeting.id}/minutes`, { decisions: [{ agendaItemId: '00000000-0000-4000-8000-000000000000', text: 'Beschluss' }] });
    expect(badItem.json().error.field).toBe('decisions.0.agendaItemId');
    const saved = await call('office', 'PUT', `${base()}/meetings/${meeting.id}/minutes`, {
      minutes: 'Die Runde stellt fest, dass Kurse mit Kinderbetreuung fehlen.',
      agendaNotes: [{ id: item!.id, notes: 'VHS plant zwei neue Kurse.' }],
      decisions: [{ agendaItemId: item!.id, text: 'Ein Kurs mit Kinderbetreuung startet im Herbst.' }],
      attendance: [
        { contactId: ids.anna, status: 'present' },
        { contactId: ids.bilal, status: 'excused' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'held', hasMinutes: true });
    // The same decision twice is refused, naming the second, and changes nothing.
    const [decision] = saved.json().decisions as Array<{ id: string }>;
    const twice = await call('office', 'PUT', `${base()}/meetings/${meeting.id}/minutes`, {
      minutes: 'Geändert',
      decisions: [
        { id: decision!.id, text: 'Erste Fassung' },
        { id: decision!.id, text: 'Zweite Fassung' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('decisions.1.id');
    expect((await call('office', 'GET', `${base()}/meetings/${meeting.id}`)).json()).toMatchObject({
      minutes: 'Die Runde stellt fest, dass Kurse mit Kinderbetreuung fehlen.',
      decisions: [{ id: decision!.id, text: 'Ein Kurs mit Kinderbetreuung startet im Herbst.' }],
    });
    expect(saved.json().attendance.map((a: { name: string; status: string; organisation: string }) => `${a.name}:${a.status}:${a.organisation}`)).toEqual([
      'Anna Albrecht:present:Volkshochschule Teststadt',
      'Bilal Nasser:excused:Deutsch-Arabischer Verein',
    ]);
    const task = await call('office', 'POST', `${base()}/tasks`, {
      groupId: ids.group,
      meetingId: meeting.id,
      title: 'Räume für Kinderbetreuung klären',
      ownerContactId: ids.anna,
      dueOn: '2099-04-15',
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json()).toMatchObject({ owner: { type: 'contact', name: 'Anna Albrecht' }, meeting: { id: meeting.id }, status: 'open', dueOn: '2099-04-15' });

    const sent = await call('office', 'POST', `${base()}/meetings/${meeting.id}/minutes/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().sent).toBe(2);
    const minutes = (await outbox()).filter((m) => m.subject.startsWith('Protokoll'));
    expect(minutes.map((m) => m.to)).toEqual(['anna@vhs-teststadt.example.de', 'bilal@dav.example.org']);
    expect(minutes[0]!.text).toContain('Beschluss: Ein Kurs mit Kinderbetreuung startet im Herbst.');
    expect(minutes[0]!.text).toContain('- Räume für Kinderbetreuung klären (Anna Albrecht, bis 15.04.2099)');
    expect(minutes[0]!.text).toContain('Anwesend: Anna Albrecht');
    const detail = (await call('office', 'GET', `${base()}/meetings/${meeting.id}`)).json();
    expect(detail.invitationSentAt).not.toBeNull();
    expect(detail.minutesSentAt).not.toBeNull();
    expect(detail.tasks.map((x: { title: string }) => x.title)).toEqual(['Räume für Kinderbetreuung klären']);
    const audit = await t.db.system((tx) => tx.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, action', [meeting.id]));
    expect(audit.map((a) => a.action)).toEqual(['meeting.created', 'meeting.invitation_sent', 'meeting.minutes_saved', 'meeting.minutes_sent']);
  });

  it('never mails an opted-out contact, even as the only member; a group nobody can be mailed in is 422', async () => {
    const group = await networkGroupFactory(t.db, tenant.id, { members: [{ contactId: ids.optedOut }, { contactId: ids.noConsent }] });
    const meeting = await call('office', 'POST', `${base()}/groups/${group.id}/meetings`, meetingBody());
    const before = await counts();
    const res = await call('office', 'POST', `${base()}/meetings/${meeting.json().id}/invitation`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.skipped.map((s: { reason: string }) => s.reason).sort()).toEqual(['no_consent', 'opted_out']);
    expect(await counts()).toEqual(before);
    const notYet = await call('office', 'POST', `${base()}/meetings/${meeting.json().id}/minutes/send`);
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().error.field).toBe('minutes');
  });

  it('lists tasks across groups: open, overdue, by group and owner; status changes and bad owners', async () => {
    const second = await networkGroupFactory(t.db, tenant.id, { name: 'Netzwerk Wohnen', kind: 'network' });
    const make = async (body: Record<string, unknown>) => {
      const res = await call('office', 'POST', `${base()}/tasks`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const overdue = await make({ groupId: second.id, title: 'Wohnraumbörse prüfen', dueOn: '2020-01-31', ownerAccountId: ids.officeAccount });
    const later = await make({ groupId: second.id, title: 'Vermieterabend planen', dueOn: '2099-06-30' });
    const list = async (q: string) => (await call('office', 'GET', `${base()}/tasks?${q}`)).json().items.map((x: { title: string }) => x.title) as string[];
    expect(await list(`groupId=${second.id}`)).toEqual(['Wohnraumbörse prüfen', 'Vermieterabend planen']);
    expect(await list('status=overdue')).toEqual(['Wohnraumbörse prüfen']);
    expect(await list(`ownerAccountId=${ids.officeAccount}`)).toEqual(['Wohnraumbörse prüfen']);
    expect(await list(`ownerContactId=${ids.anna}`)).toEqual(['Räume für Kinderbetreuung klären']);
    const [first] = (await call('office', 'GET', `${base()}/tasks?status=overdue`)).json().items;
    expect(first).toMatchObject({ overdue: true, owner: { type: 'account', name: 'Olivia Office' }, group: { name: 'Netzwerk Wohnen' } });

    const done = await call('office', 'PATCH', `${base()}/tasks/${overdue.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().completedAt).not.toBeNull();
    expect(await list('status=overdue')).toEqual([]);
    expect(await list('status=done')).toEqual(['Wohnraumbörse prüfen']);
    const reassigned = await call('office', 'PATCH', `${base()}/tasks/${later.id}`, { ownerContactId: ids.bilal });
    expect(reassigned.json().owner).toMatchObject({ type: 'contact', name: 'Bilal Nasser' });

    const before = await counts();
    for (const [body, field] of [
      [{ groupId: second.id, title: 'X', dueOn: '2026-01-01' }, 'body.title'],
      [{ groupId: second.id, title: 'Aufgabe', dueOn: '31.01.2026' }, 'body.dueOn'],
      [{ groupId: second.id, title: 'Aufgabe', ownerAccountId: ids.otherAccount }, 'ownerAccountId'],
      [{ groupId: second.id, title: 'Aufgabe', ownerAccountId: ids.caseAccount }, 'ownerAccountId'],
      [{ groupId: second.id, title: 'Aufgabe', ownerContactId: ids.foreignContact }, 'ownerContactId'],
      [{ groupId: second.id, title: 'Aufgabe', ownerContactId: ids.anna, ownerAccountId: ids.officeAccount }, 'body.ownerAccountId'],
      [{ groupId: ids.foreignGroup, title: 'Aufgabe' }, 'groupId'],
      [{ groupId: second.id, meetingId: ids.meeting, title: 'Aufgabe' }, 'meetingId'],
    ] as const) {
      const res = await call('office', 'POST', `${base()}/tasks`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    const reassignToCase = await call('office', 'PATCH', `${base()}/tasks/${later.id}`, { ownerAccountId: ids.caseAccount });
    expect(reassignToCase.statusCode).toBe(400);
    expect(reassignToCase.json().error.field).toBe('ownerAccountId');
    expect(await counts()).toEqual(before);
    const staffList = (await call('office', 'GET', `${base()}/staff`)).json().items as Array<{ id: string; name: string }>;
    expect(staffList.map((s) => s.name)).toContain('Olivia Office');
    // Only the accounts offered as owners are accepted as owners.
    expect(staffList.map((s) => s.id)).not.toContain(ids.caseAccount);
  });

  it('exports a group’s meetings as iCalendar (escaped, folded, stable UID)', async () => {
    const res = await call('office', 'GET', `${base()}/groups/${ids.group}/meetings.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain(`UID:network-meeting-${ids.meeting}@localhost:3000`);
    expect(ics).toContain('DTSTART:20260310T150000Z');
    expect(ics).toContain('DTEND:20260310T170000Z');
    expect(ics).toContain('LOCATION:Rathaus\\, Raum 3\\; Eingang B');
    expect(ics).toContain('SUMMARY:AK Sprache und Integration: Frühjahrstreffen');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('draws the network graph: whole tenant without contacts, one group with its people, filtered by field of action', async () => {
    const language = (await t.db.system((tx) => tx.query<{ id: string }>("SELECT id FROM fields_of_action WHERE tenant_id = $1 AND key = 'language'", [tenant.id])))[0]!.id;
    await t.db.tenant(tenant.id, (tx) => tx.query('UPDATE organisations SET field_ids = ARRAY[$1]::uuid[] WHERE id = $2', [language, ids.vhs]));
    await call('office', 'POST', `/api/v1/${tenant.slug}/admin/relationships`, { kind: 'cooperates_with', fromOrganisationId: ids.verein, toOrganisationId: ids.vhs });
    const whole = (await call('office', 'GET', `${base()}/graph`)).json();
    const label = (i: number) => whole.nodes[i][2];
    type Node = [string, string, string, string];
    expect(whole.nodes.filter((n: Node) => n[1] === 'contact')).toEqual([]);
    expect(whole.totals).toMatchObject({ organisations: 3 });
    const edges = whole.edges.map(([s, d, k]: [number, number, string]) => `${label(s)}→${label(d)}:${k}`);
    expect(edges).toContain('Volkshochschule Teststadt→AK Sprache und Integration:member');
    expect(edges).toContain('Deutsch-Arabischer Verein→Volkshochschule Teststadt:cooperates_with');

    const withContacts = (await call('office', 'GET', `${base()}/graph?contacts=true`)).json();
    expect(withContacts.nodes.filter((n: Node) => n[1] === 'contact').length).toBeGreaterThan(0);

    const one = (await call('office', 'GET', `${base()}/graph?groupId=${ids.group}`)).json();
    expect(one.nodes.filter((n: Node) => n[1] === 'group').map((n: Node) => n[2])).toEqual(['AK Sprache und Integration']);
    expect(one.nodes.filter((n: Node) => n[1] === 'contact').map((n: Node) => n[2])).toContain('Anna Albrecht');

    const byField = (await call('office', 'GET', `${base()}/graph?fieldId=${language}`)).json();
    expect(byField.nodes.filter((n: Node) => n[1] === 'organisation').map((n: Node) => n[2])).toEqual(['Volkshochschule Teststadt']);
    // The cached whole-tenant graph follows every change at once (network generation).
    const added = await call('office', 'POST', `/api/v1/${tenant.slug}/admin/organisations`, { name: 'Neuer Sportverein Nord', type: 'association' });
    expect(added.statusCode).toBe(201);
    const again = (await call('office', 'GET', `${base()}/graph`)).json();
    expect(again.nodes.map((n: Node) => n[2])).toContain('Neuer Sportverein Nord');
    expect(again.totals.organisations).toBe(whole.totals.organisations + 1);
    await call('office', 'POST', `/api/v1/${tenant.slug}/admin/organisations/${added.json().id}/archive`);
    expect((await call('office', 'GET', `${base()}/graph`)).json().nodes.map((n: Node) => n[2])).not.toContain('Neuer Sportverein Nord');

    const bad = await call('office', 'GET', `${base()}/graph?groupId=${ids.foreignGroup}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('groupId');
  });
});
