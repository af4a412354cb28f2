import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../importexport/testBuilders.ts';
import { providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { buildCommitteeWorld, type CommitteeWorld, PNG_BYTES } from './testData.ts';
import { tinyPdf } from './tinyPdf.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const UPLOAD_LIMIT = 4096;
/** Next year: the created meeting lies ahead whenever the test runs. */
const Y = new Date().getUTCFullYear() + 1;

describe('committees back office', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let w: CommitteeWorld;
  let o: CommitteeWorld;
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, path: string, payload?: unknown, slug = tenant.slug) =>
    t.app.inject({
      method,
      url: `/api/v1/${slug}/admin/${path}`,
      headers: who ? { cookie: cookies[who]! } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = (query: string, file: { field?: string; name: string; type: string; bytes: Buffer }, who = 'office') => {
    const form = multipartBody(file.field ?? 'file', file.name, file.type, file.bytes);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/admin/committee-files?${query}`,
      headers: { cookie: cookies[who]!, 'content-type': form.contentType },
      payload: form.payload,
    });
  };
  /** Rows of every committee table plus audit entries of the tenant: "nothing half-written" compares these. */
  const counts = async () =>
    t.db.system(async (tx) => {
      const out: Record<string, number> = {};
      for (const table of [
        'committees',
        'committee_terms',
        'committee_persons',
        'committee_memberships',
        'committee_locations',
        'committee_meetings',
        'committee_agenda_items',
        'committee_papers',
        'committee_consultations',
        'committee_files',
        'committee_file_contents',
        'audit_log',
      ]) {
        const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant.id]);
        out[table] = Number(row!.n);
      }
      return out;
    });

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    w = await buildCommitteeWorld(t.db, tenant.id);
    o = await buildCommitteeWorld(t.db, other.id);
    const provider = await providerFactory(t.db, tenant.id);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.manager = (await staffSession(t.app, t.db, tenant, { role: 'integration_lead' })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
  });
  afterAll(() => t.close());

  describe('authorization', () => {
    it('401 without a session, 403 for partners, case workers and staff of another tenant, 404 for an unknown tenant', async () => {
      const paths: Array<[Method, string]> = [
        ['GET', 'committees'],
        ['GET', `committees/${w.committeeId}`],
        ['GET', 'committee-meetings'],
        ['GET', `committee-meetings/${w.meetingId}`],
        ['GET', 'committee-papers'],
        ['GET', 'committee-persons'],
        ['POST', `committee-meetings/${w.meetingId}/publish`],
        ['DELETE', `committee-papers/${w.publicPaperId}`],
        ['GET', `committee-files/${w.files.secretMain}/content`],
        ['GET', `committees/${w.committeeId}/meetings.ics`],
      ];
      const before = await counts();
      for (const [method, path] of paths) {
        expect((await call(null, method, path)).statusCode, `${method} ${path}`).toBe(401);
        for (const who of ['partner', 'manager', 'otherAdmin']) {
          const res = await call(who, method, path);
          expect(res.statusCode, `${who} ${method} ${path}`).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
      }
      expect((await call('office', 'GET', 'committees', undefined, 'no-such-town')).statusCode).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it("another tenant's records read as 404 and cannot be referenced", async () => {
      for (const path of [`committees/${o.committeeId}`, `committee-meetings/${o.meetingId}`, `committee-papers/${o.publicPaperId}`, `committee-persons/${o.personIds[0]}`, `committee-files/${o.files.publicMain}/content`]) {
        expect((await call('office', 'GET', path)).statusCode, path).toBe(404);
      }
      const res = await call('office', 'POST', 'committee-meetings', { committeeId: o.committeeId, name: 'Fremd', startAt: '2026-05-01T17:00:00+02:00' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('committeeId');
      const member = await call('office', 'POST', 'committee-memberships', { committeeId: w.committeeId, personId: o.personIds[0], role: 'member' });
      expect(member.statusCode).toBe(400);
      expect(member.json().error.field).toBe('personId');
    });
  });

  describe('bad input: a 4xx naming the field, nothing written', () => {
    let before: Awaited<ReturnType<typeof counts>>;
    beforeAll(async () => {
      before = await counts();
    });
    afterAll(async () => {
      expect(await counts()).toEqual(before);
    });

    it('end before start, impossible dates, times without zone', async () => {
      const cases: Array<[string, unknown, string]> = [
        ['committees', { name: 'Beirat', kind: 'advisory_council', startDate: '2026-05-01', endDate: '2026-04-30' }, 'endDate'],
        ['committees', { name: 'Beirat', kind: 'advisory_council', startDate: '2026-02-30' }, 'startDate'],
        ['committees', { name: 'Beirat', kind: 'council' }, 'kind'],
        ['committees', { name: 'Beirat', kind: 'forum', website: 'javascript:alert(1)' }, 'website'],
        ['committee-terms', { name: 'WP', startDate: '2029-07-01', endDate: '2024-06-30' }, 'endDate'],
        ['committee-memberships', { committeeId: w.committeeId, personId: w.personIds[0], role: 'member', startDate: '2026-01-02', endDate: '2026-01-01' }, 'endDate'],
        ['committee-memberships', { committeeId: w.committeeId, personId: w.personIds[0], role: 'boss' }, 'role'],
        ['committee-meetings', { committeeId: w.committeeId, name: 'Sitzung', startAt: '2026-05-01T18:00:00+02:00', endAt: '2026-05-01T17:00:00+02:00' }, 'endAt'],
        ['committee-meetings', { committeeId: w.committeeId, name: 'Sitzung', startAt: '2026-05-01 18:00' }, 'startAt'],
        ['committee-meetings', { committeeId: w.committeeId, name: 'Sitzung', startAt: '2026-05-01T18:00:00' }, 'startAt'],
        ['committee-meetings', { committeeId: w.committeeId, name: 'Sitzung', startAt: '2026-05-01T18:00:00+02:00', state: 'postponed' }, 'state'],
        ['committee-meetings', { committeeId: w.committeeId, name: 'Sitzung', startAt: '2026-05-01T18:00:00+02:00', locationId: o.locationId }, 'locationId'],
        ['committee-meetings', { committeeId: '00000000-0000-4000-8000-000000000000', name: 'Sitzung', startAt: '2026-05-01T18:00:00+02:00' }, 'committeeId'],
        ['committee-papers', { reference: 'VO/2026/011', name: 'Doppelt', paperType: 'Antrag', date: '2026-03-01' }, 'reference'],
        ['committee-papers', { reference: 'VO/2026/099', name: 'Datum', paperType: 'Antrag', date: '01.03.2026' }, 'date'],
        ['committee-persons', { familyName: '', givenName: 'Ohne' }, 'familyName'],
        ['committee-persons', { familyName: 'Mail', email: 'keine-adresse' }, 'email'],
      ];
      for (const [path, payload, field] of cases) {
        const res = await call('office', 'POST', path, payload);
        expect([400, 409], `${path} ${JSON.stringify(payload)} → ${res.body}`).toContain(res.statusCode);
        expect(res.json().error.field, `${path} ${JSON.stringify(payload)}`).toContain(field);
      }
      const meeting = await call('office', 'PUT', `committee-meetings/${w.meetingId}`, {
        committeeId: w.committeeId,
        name: '5. Sitzung',
        startAt: '2026-03-11T17:00:00+01:00',
        endAt: '2026-03-11T16:00:00+01:00',
      });
      expect(meeting.statusCode).toBe(400);
      expect(meeting.json().error.field).toBe('body.endAt');
    });

    it('an agenda or consultation list that names a foreign record changes nothing', async () => {
      const agenda = await call('office', 'PUT', `committee-meetings/${w.meetingId}/agenda`, {
        items: [
          { id: w.publicItemId, number: 'Ö 1', name: 'Geändert' },
          { id: w.draftItemId, number: 'Ö 2', name: 'Aus einer anderen Sitzung' },
        ],
      });
      expect(agenda.statusCode).toBe(400);
      expect(agenda.json().error.field).toBe('items.1.id');
      const twice = await call('office', 'PUT', `committee-meetings/${w.meetingId}/agenda`, {
        items: [
          { id: w.publicItemId, name: 'A' },
          { id: w.publicItemId, name: 'B' },
        ],
      });
      expect(twice.statusCode).toBe(400);
      const item = await call('office', 'PUT', `committee-papers/${w.loosePaperId}/consultations`, { items: [{ meetingId: w.meetingId, agendaItemId: w.draftItemId, role: 'advisory' }] });
      expect(item.statusCode).toBe(400);
      expect(item.json().error.field).toBe('items.0.agendaItemId');
      const taken = await call('office', 'PUT', `committee-papers/${w.loosePaperId}/consultations`, { items: [{ meetingId: w.meetingId, agendaItemId: w.publicItemId, role: 'advisory' }] });
      expect(taken.statusCode).toBe(400);
      expect(taken.json().error.message).toMatch(/Another paper/);
      const role = await call('office', 'PUT', `committee-papers/${w.loosePaperId}/consultations`, { items: [{ meetingId: w.meetingId, role: 'decisive' }] });
      expect(role.statusCode).toBe(400);
      expect(role.json().error.field).toContain('role');
      const detail = (await call('office', 'GET', `committee-meetings/${w.meetingId}`)).json();
      expect(detail.agendaItems.map((i: { name: string }) => i.name)).toEqual(['Sprachkursangebot für Eltern', 'Personalangelegenheit Integrationsbüro']);
    });

    it('uploads: wrong type 415, too large 413, empty 400, wrong field or parent 400, not multipart 415', async () => {
      const text = await upload(`paperId=${w.loosePaperId}&role=main`, { name: 'vorlage.pdf', type: 'application/pdf', bytes: Buffer.from('Das ist kein PDF, nur Text.') });
      expect(text.statusCode).toBe(415);
      expect(text.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'file' });
      const html = await upload(`paperId=${w.loosePaperId}`, { name: 'x.png', type: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
      expect(html.statusCode).toBe(415);
      const big = await upload(`paperId=${w.loosePaperId}&role=main`, { name: 'gross.pdf', type: 'application/pdf', bytes: Buffer.concat([tinyPdf(['Groß']), Buffer.alloc(UPLOAD_LIMIT)]) });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('payload_too_large');
      const empty = await upload(`paperId=${w.loosePaperId}`, { name: 'leer.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.field).toBe('file');
      const field = await upload(`paperId=${w.loosePaperId}`, { field: 'upload', name: 'a.pdf', type: 'application/pdf', bytes: tinyPdf(['a']) });
      expect(field.statusCode).toBe(400);
      expect(field.json().error.field).toBe('file');
      const role = await upload(`paperId=${w.loosePaperId}&role=invitation`, { name: 'a.pdf', type: 'application/pdf', bytes: tinyPdf(['a']) });
      expect(role.statusCode).toBe(400);
      expect(role.json().error.field).toBe('role');
      const parents = await upload(`paperId=${w.loosePaperId}&meetingId=${w.meetingId}`, { name: 'a.pdf', type: 'application/pdf', bytes: tinyPdf(['a']) });
      expect(parents.statusCode).toBe(400);
      const foreign = await upload(`paperId=${o.publicPaperId}`, { name: 'a.pdf', type: 'application/pdf', bytes: tinyPdf(['a']) });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.field).toBe('paperId');
      const json = await call('office', 'POST', `committee-files?paperId=${w.loosePaperId}`, { file: 'x' });
      expect(json.statusCode).toBe(415);
    });

    it('deleting a committee that still has meetings, or a location still in use, is refused (409)', async () => {
      const committee = await call('office', 'DELETE', `committees/${w.committeeId}`);
      expect(committee.statusCode).toBe(409);
      const location = await call('office', 'DELETE', `committee-locations/${w.locationId}`);
      expect(location.statusCode).toBe(409);
    });
  });

  describe('the office runs a committee', () => {
    it('creates a committee with a term, members, a location, a meeting with a public and a non-public item, a paper with file and consultation, and publishes', async () => {
      const committee = await call('office', 'POST', 'committees', {
        name: 'Migrationsforum',
        shortName: 'MF',
        kind: 'forum',
        description: 'Offenes Forum der Migrantenorganisationen.',
        startDate: '2026-01-01',
      });
      expect(committee.statusCode, committee.body).toBe(201);
      const committeeId = committee.json().id;
      const term = await call('office', 'POST', 'committee-terms', { committeeId, name: 'Forumsperiode 2026–2028', startDate: '2026-01-01', endDate: '2028-12-31' });
      expect(term.statusCode, term.body).toBe(201);
      const person = await call('office', 'POST', 'committee-persons', { familyName: 'Nguyen', givenName: 'Minh', formOfAddress: 'Herr', email: 'minh@example.org', publishContact: true });
      expect(person.statusCode, person.body).toBe(201);
      const membership = await call('admin', 'POST', 'committee-memberships', { committeeId, personId: person.json().id, role: 'chair', startDate: '2026-01-01' });
      expect(membership.statusCode, membership.body).toBe(201);
      expect(membership.json()).toMatchObject({ personName: 'Minh Nguyen', committeeName: 'Migrationsforum', role: 'chair', votingRight: true });
      const location = await call('office', 'POST', 'committee-locations', { description: 'Bürgerhaus Nord', streetAddress: 'Nordring 5', postalCode: '68100', locality: 'Teststadt' });
      expect(location.statusCode, location.body).toBe(201);
      const meeting = await call('office', 'POST', 'committee-meetings', {
        committeeId,
        name: '1. Forum',
        startAt: `${Y}-06-03T18:00:00+02:00`,
        endAt: `${Y}-06-03T20:00:00+02:00`,
        locationId: location.json().id,
      });
      expect(meeting.statusCode, meeting.body).toBe(201);
      const meetingId = meeting.json().id;
      expect(meeting.json()).toMatchObject({ published: false, state: 'scheduled', startAt: `${Y}-06-03T16:00:00.000Z`, location: { description: 'Bürgerhaus Nord' } });
      const agenda = await call('office', 'PUT', `committee-meetings/${meetingId}/agenda`, {
        items: [
          { number: 'Ö 1', name: 'Begrüßung', public: true },
          { number: 'N 1', name: 'Vertrauliche Beratung', public: false, minutes: 'Nur intern' },
        ],
      });
      expect(agenda.statusCode, agenda.body).toBe(200);
      const [publicItem, secretItem] = agenda.json().agendaItems;
      expect(publicItem).toMatchObject({ position: 1, public: true });
      expect(secretItem).toMatchObject({ position: 2, public: false, minutes: 'Nur intern' });
      // Reorder and record the decision in one save.
      const reordered = await call('office', 'PUT', `committee-meetings/${meetingId}/agenda`, {
        items: [
          { id: secretItem.id, number: 'N 1', name: 'Vertrauliche Beratung', public: false, minutes: 'Nur intern' },
          { id: publicItem.id, number: 'Ö 1', name: 'Begrüßung', public: true, result: 'zur Kenntnis genommen', resolutionText: 'Das Forum begrüßt die Gäste.' },
        ],
      });
      expect(reordered.json().agendaItems.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual([
        [secretItem.id, 1],
        [publicItem.id, 2],
      ]);
      const paper = await call('office', 'POST', 'committee-papers', { reference: 'MF/2026/001', name: 'Themenspeicher', paperType: 'Mitteilung', date: '2026-05-20', published: true });
      expect(paper.statusCode, paper.body).toBe(201);
      const paperId = paper.json().id;
      expect(paper.json().published).toBe(true);
      const consultations = await call('office', 'PUT', `committee-papers/${paperId}/consultations`, { items: [{ meetingId, agendaItemId: publicItem.id, role: 'advisory' }] });
      expect(consultations.statusCode, consultations.body).toBe(200);
      expect(consultations.json().consultations[0]).toMatchObject({ meetingId, agendaItemId: publicItem.id, agendaItemPublic: true, role: 'advisory', committeeName: 'Migrationsforum' });
      const pdf = await upload(`paperId=${paperId}&role=main`, { name: 'Themenspeicher <neu>.pdf', type: 'application/octet-stream', bytes: tinyPdf(['Themenspeicher']) });
      expect(pdf.statusCode, pdf.body).toBe(201);
      expect(pdf.json()).toMatchObject({ mimeType: 'application/pdf', fileName: 'Themenspeicher neu.pdf', name: 'Themenspeicher neu', role: 'main', paperId });
      const png = await upload(`agendaItemId=${publicItem.id}&name=Foto`, { name: 'foto.jpg', type: 'image/jpeg', bytes: PNG_BYTES });
      expect(png.statusCode, png.body).toBe(201);
      expect(png.json()).toMatchObject({ mimeType: 'image/png', fileName: 'foto.png', name: 'Foto', role: 'auxiliary' });
      // A second main file replaces the first.
      const second = await upload(`paperId=${paperId}&role=main`, { name: 'v2.pdf', type: 'application/pdf', bytes: tinyPdf(['v2']) });
      expect(second.statusCode).toBe(201);
      const paperDetail = (await call('office', 'GET', `committee-papers/${paperId}`)).json();
      expect(paperDetail.files.map((f: { fileName: string }) => f.fileName)).toEqual(['v2.pdf']);
      const content = await call('office', 'GET', `committee-files/${second.json().id}/content`);
      expect(content.statusCode).toBe(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.rawPayload.equals(tinyPdf(['v2']))).toBe(true);

      // Not public before publishing.
      expect((await t.app.inject(`/api/v1/${tenant.slug}/committee-meetings/${meetingId}`)).statusCode).toBe(404);
      const published = await call('office', 'POST', `committee-meetings/${meetingId}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json().published).toBe(true);
      const pub = await t.app.inject(`/api/v1/${tenant.slug}/committee-meetings/${meetingId}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.json().agendaItems.map((i: { name: string }) => i.name)).toEqual(['Begrüßung']);
      expect(pub.body).not.toContain('Vertrauliche Beratung');
      expect(pub.body).not.toContain('Nur intern');

      const detail = (await call('office', 'GET', `committees/${committeeId}`)).json();
      expect(detail).toMatchObject({ memberCount: 1, nextMeetingAt: `${Y}-06-03T16:00:00.000Z` });
      expect(detail.terms.map((x: { name: string }) => x.name)).toContain('Forumsperiode 2026–2028');
      expect(detail.meetings.map((m: { id: string }) => m.id)).toEqual([meetingId]);

      const ics = await call('office', 'GET', `committees/${committeeId}/meetings.ics`);
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
      expect(ics.body).toContain(`DTSTART:${Y}0603T160000Z`);
      expect(ics.body).toContain('N 1 Vertrauliche Beratung');

      const audit = await t.db.system((tx) =>
        tx.query<{ action: string }>(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_type LIKE 'committee%' ORDER BY at`, [tenant.id]),
      );
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'committee.created',
          'committee_term.created',
          'committee_person.created',
          'committee_membership.created',
          'committee_location.created',
          'committee_meeting.created',
          'committee_meeting.agenda_saved',
          'committee_paper.created',
          'committee_paper.consultations_saved',
          'committee_file.uploaded',
          'committee_meeting.published',
        ]),
      );
      // Personal contact data stays out of the audit log.
      const details = await t.db.system((tx) => tx.query<{ d: string }>(`SELECT details::text AS d FROM audit_log WHERE tenant_id = $1`, [tenant.id]));
      expect(details.map((d) => d.d).join('\n')).not.toContain('minh@example.org');

      // Unpublish, delete: the meeting takes its agenda, consultations and files with it.
      expect((await call('office', 'POST', `committee-meetings/${meetingId}/unpublish`)).json().published).toBe(false);
      expect((await call('office', 'DELETE', `committee-meetings/${meetingId}`)).statusCode).toBe(200);
      expect((await call('office', 'GET', `committee-meetings/${meetingId}`)).statusCode).toBe(404);
      const after = (await call('office', 'GET', `committee-papers/${paperId}`)).json();
      expect(after.consultations).toEqual([]);
      const left = await t.db.system((tx) =>
        tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM committee_file_contents c JOIN committee_files f ON f.tenant_id = c.tenant_id AND f.id = c.file_id WHERE f.agenda_item_id = $1`, [publicItem.id]),
      );
      expect(left[0]!.n).toBe(0);
      expect((await call('office', 'DELETE', `committees/${committeeId}`)).statusCode).toBe(200);
      expect((await call('office', 'GET', `committees/${committeeId}`)).statusCode).toBe(404);
    });

    it('lists: meetings by committee and period, papers and persons by search', async () => {
      const meetings = (await call('office', 'GET', `committee-meetings?committeeId=${w.committeeId}&from=2026-03-11&to=2026-03-12`)).json();
      expect(meetings.items.map((m: { id: string }) => m.id)).toEqual([w.meetingId]);
      expect(meetings.items[0]).toMatchObject({ agendaItemCount: 2, published: true, committeeName: 'Ausschuss für Integration und Vielfalt' });
      const bad = await call('office', 'GET', 'committee-meetings?from=morgen');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toContain('from');
      const papers = (await call('office', 'GET', 'committee-papers?q=2026%2F015')).json();
      expect(papers.items.map((p: { id: string }) => p.id)).toEqual([w.loosePaperId]);
      const persons = (await call('office', 'GET', 'committee-persons?q=demir')).json();
      expect(persons.items.map((p: { name: string }) => p.name)).toEqual(['Dr. Aylin Demir']);
    });
  });
});
