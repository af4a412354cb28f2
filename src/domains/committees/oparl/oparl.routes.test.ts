import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { buildCommitteeWorld, type CommitteeWorld, INTERNAL_TEXTS, internalIds } from '../testData.ts';

const API = '/api/oparl/v1.1';
const ORIGIN = 'http://localhost:3000';
const ERROR_TYPE = 'https://schema.oparl.org/1.1/Error';

describe('OParl 1.1 API', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let w: CommitteeWorld;
  let o: CommitteeWorld;
  let office: string;

  const get = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path.startsWith('http') ? path.slice(ORIGIN.length) : path, headers });
  const body = () => `${API}/bodies/${tenant.slug}`;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db, { name: 'Stadt Teststadt' });
    other = await tenantFactory(t.db);
    w = await buildCommitteeWorld(t.db, tenant.id);
    o = await buildCommitteeWorld(t.db, other.id);
    office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
  });
  afterAll(() => t.close());

  it('the entry point is the System object; every answer, errors included, is open to every origin', async () => {
    const res = await get(`${API}/system`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const system = res.json();
    expect(system).toMatchObject({ id: `${ORIGIN}${API}/system`, type: 'https://schema.oparl.org/1.1/System', oparlVersion: 'https://schema.oparl.org/1.1/', body: `${ORIGIN}${API}/bodies` });
    for (const path of [`${API}/nothing`, `${body()}/papers/${w.secretPaperId}`, `${body()}/papers?created_since=gestern`]) {
      const r = await get(path);
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(r.json().type).toBe(ERROR_TYPE);
    }
    const preflight = await t.app.inject({ method: 'OPTIONS', url: `${body()}/meetings`, headers: { origin: 'https://example.net', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('one body per tenant, with its legislative terms embedded and the URLs of its lists', async () => {
    const list = (await get(`${API}/bodies?elementsPerPage=100`)).json();
    const ids = list.data.map((b: { id: string }) => b.id);
    expect(ids).toContain(`${ORIGIN}${body()}`);
    expect(ids).toContain(`${ORIGIN}${API}/bodies/${other.slug}`);
    const b = (await get(body())).json();
    expect(b).toMatchObject({ name: 'Stadt Teststadt', organization: `${ORIGIN}${body()}/organizations`, meeting: `${ORIGIN}${body()}/meetings`, paper: `${ORIGIN}${body()}/papers` });
    expect(b.legislativeTerm.map((x: { name: string }) => x.name)).toEqual(['Wahlperiode 2019–2024', 'Wahlperiode 2024–2029', 'Beiratsperiode 2025–2030']);
    expect(b.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const unknown = await get(`${API}/bodies/no-such-town`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: ERROR_TYPE, message: expect.any(String) });
  });

  it('paged lists: data, pagination, links; next on every page but the last; filters stay in the links', async () => {
    const first = (await get(`${body()}/persons?elementsPerPage=2`)).json();
    expect(first.pagination).toEqual({ totalElements: 3, elementsPerPage: 2, currentPage: 1, totalPages: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.links.next).toBe(`${ORIGIN}${body()}/persons?elementsPerPage=2&page=2`);
    const second = (await get(first.links.next)).json();
    expect(second.data).toHaveLength(1);
    expect(second.links.next).toBeUndefined();
    expect(second.links.prev).toBe(`${ORIGIN}${body()}/persons?elementsPerPage=2`);
    const all = [...first.data, ...second.data].map((p: { id: string }) => p.id);
    expect(new Set(all).size).toBe(3);
    // A '+' sent unencoded arrives as a space: still understood, and written correctly in the links.
    const filtered = (await get(`${body()}/persons?created_since=2020-01-01T00:00:00+01:00&elementsPerPage=1`)).json();
    expect(filtered.links.next).toContain('created_since=2020-01-01T00%3A00%3A00%2B01%3A00');
    expect((await get(`${body()}/persons?elementsPerPage=1000`)).json().pagination.elementsPerPage).toBe(100);
  });

  it('malformed filters and paging answer 400 in the OParl error format', async () => {
    for (const query of [
      'created_since=2026-13-01T00:00:00Z',
      'created_until=2026-02-30T00:00:00Z',
      'modified_since=yesterday',
      'modified_until=2026-01-01',
      'created_since=2026-01-01T25:00:00Z',
      'page=0',
      'page=-1',
      'page=abc',
      'elementsPerPage=0',
      'elementsPerPage=x',
    ]) {
      const res = await get(`${body()}/meetings?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ type: ERROR_TYPE, message: expect.any(String), debug: expect.stringContaining(query.split('=')[0]!) });
    }
  });

  it('created and modified filters select by time', async () => {
    const future = (await get(`${body()}/papers?created_since=2099-01-01T00:00:00Z`)).json();
    expect(future.data).toEqual([]);
    expect(future.pagination.totalElements).toBe(0);
    const past = (await get(`${body()}/papers?created_until=2099-01-01T00:00:00Z`)).json();
    expect(past.data.length).toBeGreaterThan(0);
    const recent = (await get(`${body()}/papers?modified_since=2000-01-01T00:00:00Z`)).json();
    expect(recent.pagination.totalElements).toBe(past.pagination.totalElements);
  });

  it('only public data: non-public agenda items, their papers and files, drafts and unpublished meetings are missing everywhere', async () => {
    const hidden = internalIds(w);
    for (const segment of ['organizations', 'persons', 'memberships', 'legislative-terms', 'locations', 'meetings', 'agenda-items', 'papers', 'consultations', 'files']) {
      for (const query of ['', '?modified_since=2000-01-01T00:00:00Z']) {
        const res = await get(`${body()}/${segment}${query}`);
        expect(res.statusCode).toBe(200);
        for (const id of hidden) expect(res.body, `${segment}${query} leaks ${id}`).not.toContain(id);
        for (const text of INTERNAL_TEXTS) expect(res.body, `${segment}${query} leaks "${text}"`).not.toContain(text);
      }
    }
    const single: Array<[string, string]> = [
      ['agenda-items', w.secretItemId],
      ['agenda-items', w.draftItemId],
      ['papers', w.secretPaperId],
      ['papers', w.draftPaperId],
      ['meetings', w.draftMeetingId],
      ['consultations', w.secretConsultationId],
      ['files', w.files.secretMain],
      ['files', w.files.secretItemFile],
      ['files', w.files.draftMeetingFile],
      ['files', `${w.files.secretMain}/access`],
      ['files', `${w.files.secretItemFile}/download`],
      ['papers', '00000000-0000-4000-8000-000000000000'],
      ['papers', 'not-a-uuid'],
      // Another body's objects do not exist in this one.
      ['papers', o.publicPaperId],
      ['meetings', o.meetingId],
      ['files', `${o.files.publicMain}/access`],
    ];
    for (const [segment, id] of single) {
      const res = await get(`${body()}/${segment}/${id}`);
      expect(res.statusCode, `${segment}/${id}`).toBe(404);
      expect(res.json()).toMatchObject({ type: ERROR_TYPE });
    }
  });

  it('a meeting embeds location, public agenda items, files; a paper embeds its public consultations and files', async () => {
    const meeting = (await get(`${body()}/meetings/${w.meetingId}`)).json();
    expect(meeting).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Meeting',
      name: '5. Sitzung',
      meetingState: 'durchgeführt',
      cancelled: false,
      start: '2026-03-11T17:00:00+01:00',
      end: '2026-03-11T19:30:00+01:00',
      organization: [`${ORIGIN}${body()}/organizations/${w.committeeId}`],
      location: { streetAddress: 'Rathausplatz 1', postalCode: '68161', locality: 'Teststadt', room: 'Sitzungssaal 2' },
      invitation: { name: 'Einladung 5. Sitzung', mimeType: 'application/pdf' },
      resultsProtocol: { name: 'Niederschrift öffentlicher Teil' },
      web: `${ORIGIN}/${tenant.slug}/de/gremien/sitzungen/${w.meetingId}`,
    });
    expect(meeting.agendaItem).toHaveLength(1);
    expect(meeting.agendaItem[0]).toMatchObject({
      number: 'Ö 1',
      order: 1,
      public: true,
      result: 'einstimmig beschlossen',
      resolutionText: 'Der Ausschuss beschließt das Konzept.',
      consultation: `${ORIGIN}${body()}/consultations/${w.publicConsultationId}`,
      resolutionFile: { name: 'Beschluss Ö 1' },
    });
    const paper = (await get(`${body()}/papers/${w.publicPaperId}`)).json();
    expect(paper).toMatchObject({ reference: 'VO/2026/011', paperType: 'Beschlussvorlage', date: '2026-02-20', mainFile: { name: 'Konzept Elternsprachkurse' } });
    expect(paper.auxiliaryFile).toHaveLength(1);
    // The consultation in the unpublished meeting stays internal.
    expect(paper.consultation).toHaveLength(1);
    expect(paper.consultation[0]).toMatchObject({ role: 'beschließend', authoritative: true, meeting: `${ORIGIN}${body()}/meetings/${w.meetingId}` });
    const person = (await get(`${body()}/persons/${w.personIds[0]}`)).json();
    expect(person).toMatchObject({ name: 'Dr. Aylin Demir', title: ['Dr.'], email: ['a.demir@example.org'], membership: [{ role: 'Vorsitz', votingRight: true }] });
    const privatePerson = (await get(`${body()}/persons/${w.personIds[1]}`)).json();
    expect(privatePerson.email).toBeUndefined();
    const org = (await get(`${body()}/organizations/${w.committeeId}`)).json();
    expect(org).toMatchObject({ organizationType: 'Gremium', classification: 'Ausschuss', meeting: `${ORIGIN}${body()}/organizations/${w.committeeId}/meetings` });
    expect(org.membership).toHaveLength(3);
    const orgMeetings = (await get(org.meeting)).json();
    expect(orgMeetings.data.map((m: { id: string }) => m.id)).toEqual([`${ORIGIN}${body()}/meetings/${w.meetingId}`]);
    const orgConsultations = (await get(org.consultation)).json();
    expect(orgConsultations.data.map((c: { id: string }) => c.id)).toEqual([`${ORIGIN}${body()}/consultations/${w.publicConsultationId}`]);
    expect((await get(`${body()}/organizations/${o.committeeId}/meetings`)).statusCode).toBe(404);
  });

  it('files: accessUrl serves the file inline, downloadUrl as an attachment; conditional GET', async () => {
    const file = (await get(`${body()}/files/${w.files.publicMain}`)).json();
    const access = await get(file.accessUrl);
    expect(access.statusCode).toBe(200);
    expect(access.headers['content-type']).toBe('application/pdf');
    expect(access.headers['content-disposition']).toMatch(/^inline; filename="Konzept-Elternsprachkurse.pdf"/);
    expect(access.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(access.headers['content-length'])).toBe(file.size);
    expect(access.headers.etag).toBe(`"${file.sha1Checksum}"`);
    const again = await get(file.accessUrl, { 'if-none-match': String(access.headers.etag) });
    expect(again.statusCode).toBe(304);
    const download = await get(file.downloadUrl);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(download.rawPayload.equals(access.rawPayload)).toBe(true);
  });

  it('deleted objects: 200 with deleted: true at their URL, listed when filtering by modification; deleted files answer 410', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/${tenant.slug}/admin/committee-files/${w.files.publicAux}`, headers: { cookie: office } });
    expect(res.statusCode).toBe(200);
    const tomb = (await get(`${body()}/files/${w.files.publicAux}`)).json();
    expect(tomb).toMatchObject({ id: `${ORIGIN}${body()}/files/${w.files.publicAux}`, type: 'https://schema.oparl.org/1.1/File', deleted: true });
    expect(tomb.created).toBeDefined();
    expect(tomb.modified).toBeDefined();
    expect(tomb.name).toBeUndefined();
    expect((await get(`${body()}/files/${w.files.publicAux}/access`)).statusCode).toBe(410);
    const plain = (await get(`${body()}/files`)).json();
    expect(plain.data.map((f: { id: string }) => f.id)).not.toContain(tomb.id);
    const changed = (await get(`${body()}/files?modified_since=${encodeURIComponent(before)}`)).json();
    expect(changed.data.find((f: { id: string }) => f.id === tomb.id)).toMatchObject({ deleted: true });
    // The paper embedding it changed too.
    const paper = (await get(`${body()}/papers?modified_since=${encodeURIComponent(before)}`)).json();
    expect(paper.data.map((p: { id: string }) => p.id)).toContain(`${ORIGIN}${body()}/papers/${w.publicPaperId}`);
  });

  it('a deleted object that was never public stays unknown (404), also in modification lists', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/${tenant.slug}/admin/committee-papers/${w.secretPaperId}`, headers: { cookie: office } });
    expect(res.statusCode).toBe(200);
    expect((await get(`${body()}/papers/${w.secretPaperId}`)).statusCode).toBe(404);
    const changed = await get(`${body()}/papers?modified_since=${encodeURIComponent(before)}`);
    expect(changed.body).not.toContain(w.secretPaperId);
    const files = await get(`${body()}/files?modified_since=${encodeURIComponent(before)}`);
    expect(files.body).not.toContain(w.files.secretMain);
  });

  it('removing a non-public agenda item or deleting its meeting does not make the paper discussed under it public', async () => {
    for (const how of ['item', 'meeting'] as const) {
      const town = await tenantFactory(t.db);
      const x = await buildCommitteeWorld(t.db, town.id);
      const cookie = (await staffSession(t.app, t.db, town, { role: 'office_editor' })).cookie;
      const adminUrl = `/api/v1/${town.slug}/admin/committee-meetings/${x.meetingId}`;
      if (how === 'item') {
        const detail = (await t.app.inject({ url: adminUrl, headers: { cookie } })).json() as { agendaItems: Array<Record<string, unknown>> };
        const items = detail.agendaItems
          .filter((i) => i.id !== x.secretItemId)
          .map((i) => ({ id: i.id, number: i.number, name: i.name, public: i.public, result: i.result, resolutionText: i.resolutionText, minutes: i.minutes }));
        expect((await t.app.inject({ method: 'PUT', url: `${adminUrl}/agenda`, headers: { cookie }, payload: { items } })).statusCode).toBe(200);
      } else {
        expect((await t.app.inject({ method: 'DELETE', url: adminUrl, headers: { cookie } })).statusCode).toBe(200);
      }
      const b = `${API}/bodies/${town.slug}`;
      for (const path of [`${b}/papers/${x.secretPaperId}`, `${b}/files/${x.files.secretMain}`, `${b}/files/${x.files.secretMain}/access`, `/api/v1/${town.slug}/committee-papers/${x.secretPaperId}`]) {
        expect((await get(path)).statusCode, `${how}: ${path}`).toBe(404);
      }
      for (const query of ['', '?modified_since=2000-01-01T00:00:00Z']) {
        for (const segment of ['papers', 'files', 'consultations']) {
          const res = await get(`${b}/${segment}${query}`);
          for (const hidden of [x.secretPaperId, x.files.secretMain, 'Stellenbesetzung']) expect(res.body, `${how}: ${segment}${query} leaks ${hidden}`).not.toContain(hidden);
        }
      }
      // The public paper of that meeting stays public.
      expect((await get(`${b}/papers/${x.publicPaperId}`)).statusCode, how).toBe(200);
      // The confidential paper was unpublished, as the back office shows; publishing it again is the office's decision.
      const paperUrl = `/api/v1/${town.slug}/admin/committee-papers/${x.secretPaperId}`;
      const paper = (await t.app.inject({ url: paperUrl, headers: { cookie } })).json();
      expect(paper.published, how).toBe(false);
      const republished = await t.app.inject({ method: 'PUT', url: paperUrl, headers: { cookie }, payload: { reference: paper.reference, name: paper.name, paperType: paper.paperType, date: paper.date, published: true } });
      expect(republished.statusCode, republished.body).toBe(200);
      expect((await get(`${b}/papers/${x.secretPaperId}`)).statusCode, how).toBe(200);
    }
  });

  it('every OParl, public and back-office committee route is documented in the OpenAPI description', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      '/api/oparl/v1.1/system',
      '/api/oparl/v1.1/bodies',
      '/api/oparl/v1.1/bodies/{body}',
      '/api/oparl/v1.1/bodies/{body}/meetings',
      '/api/oparl/v1.1/bodies/{body}/agenda-items/{id}',
      '/api/oparl/v1.1/bodies/{body}/files/{id}/access',
      '/api/oparl/v1.1/bodies/{body}/organizations/{id}/meetings',
      '/api/v1/{tenant}/committees/{id}/meetings.ics',
      '/api/v1/{tenant}/committee-meetings/{id}',
      '/api/v1/{tenant}/admin/committee-meetings/{id}/agenda',
      '/api/v1/{tenant}/admin/committee-files',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});
