// Crawls the whole OParl API of a realistic body — from the System object through every list page
// and every object's own URL, deleted objects included — and validates every object the API
// returns against the official OParl 1.1 JSON schemas (/work/shared/oparl/schema, draft-07).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { seedDemoCommittees } from '../../../demo/committees.ts';
import { buildCommitteeWorld, type CommitteeWorld } from '../testData.ts';

const SCHEMA_DIR = process.env.OPARL_SCHEMA_DIR ?? '/work/shared/oparl/schema';
const ORIGIN = 'http://localhost:3000';
const BASE = 'https://schema.oparl.org/1.1/';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

/** Ajv with the OParl schemas registered as their references expect them (see the schema README). */
function oparlValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // A CommonJS module: its function is the default export or that export's `default`, depending on the loader.
  type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
  const loaded = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  const addFormats = loaded.default ?? loaded;
  addFormats(ajv, ['date', 'date-time']);
  ajv.addFormat('url', (value: string) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  });
  const names = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  for (const name of names) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8')) as Json;
    ajv.addSchema({ ...schema, $id: `${BASE}${name}.json` });
  }
  // Body.json refers to "Organization" without .json.
  const organization = JSON.parse(readFileSync(join(SCHEMA_DIR, 'Organization.json'), 'utf8')) as Json;
  ajv.addSchema({ ...organization, $id: `${BASE}Organization` });
  return new Map(names.map((name) => [`${BASE}${name}`, ajv.getSchema(`${BASE}${name}.json`)!]));
}

describe('OParl API against the official JSON schemas', () => {
  let t: TestApp;
  let tenant: Tenant;
  let demo: Tenant;
  let w: CommitteeWorld;
  let validators: Map<string, ValidateFunction>;
  let removedItemId = '';
  let removedConsultationId = '';
  const seen = new Map<string, number>();
  const problems: string[] = [];

  const getJson = async (url: string): Promise<Json> => {
    const res = await t.app.inject({ method: 'GET', url: url.slice(ORIGIN.length) });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['access-control-allow-origin'], url).toBe('*');
    return res.json() as Json;
  };

  /** Validates an object (and, through the schema's references, everything embedded in it). */
  const check = (object: Json, where: string) => {
    const type = String(object.type);
    const validate = validators.get(type);
    if (!validate) {
      problems.push(`${where}: unknown type ${type}`);
      return;
    }
    seen.set(type, (seen.get(type) ?? 0) + 1);
    if (!validate(object)) problems.push(`${where} (${type}): ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    checkSpecRules(object, where);
  };

  /** What the spec text adds: created/modified on every object (embedded ones too), timestamps with offset, no nulls. */
  const checkSpecRules = (value: unknown, where: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) checkSpecRules(v, `${where}[${i}]`);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Json;
    if (typeof o.type === 'string' && o.type.startsWith(BASE)) {
      for (const key of ['created', 'modified']) {
        if (typeof o[key] !== 'string' || !DATE_TIME.test(o[key] as string)) problems.push(`${where}: ${key} missing or not a date-time with offset`);
      }
      if (typeof o.id !== 'string' || !o.id.startsWith(`${ORIGIN}/api/oparl/v1.1/`)) problems.push(`${where}: id is not a canonical absolute URL`);
    }
    for (const [k, v] of Object.entries(o)) {
      if (v === null) problems.push(`${where}.${k} is null`);
      checkSpecRules(v, `${where}.${k}`);
    }
  };

  /** Every page of a list: data/pagination/links, links.next on all pages but the last, each object valid and reachable at its id. */
  const crawlList = async (url: string, fetchEach: boolean): Promise<Json[]> => {
    const all: Json[] = [];
    let next: string | undefined = url;
    let pages = 0;
    while (next) {
      const page: Json = await getJson(next);
      pages++;
      expect(Object.keys(page).sort(), next).toEqual(['data', 'links', 'pagination']);
      const pagination = page.pagination as { currentPage: number; totalPages: number; totalElements: number };
      const links = page.links as { next?: string };
      expect(Boolean(links.next), `${next}: links.next on every page but the last`).toBe(pagination.currentPage < pagination.totalPages);
      for (const [i, object] of (page.data as Json[]).entries()) {
        check(object, `${next} data[${i}]`);
        all.push(object);
        if (fetchEach) check(await getJson(String(object.id)), String(object.id));
      }
      next = links.next;
      expect(pages).toBeLessThan(100);
    }
    return all;
  };

  beforeAll(async () => {
    validators = oparlValidators();
    t = await createTestApp();
    tenant = await tenantFactory(t.db, { name: 'Stadt Schemadorf' });
    w = await buildCommitteeWorld(t.db, tenant.id);
    // A second body with the Musterstadt demo committees: ten meetings, papers, files, members.
    demo = await tenantFactory(t.db, { name: 'Stadt Musterstadt (Demo)' });
    await seedDemoCommittees(t.db, demo.id);
    // Deleted objects of every kind, reported with deleted: true.
    const cookie = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    const del = async (path: string) => {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/${tenant.slug}/admin/${path}`, headers: { cookie } });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    };
    await del(`committee-files/${w.files.publicAux}`);
    await del(`committee-memberships/${w.membershipIds[3]}`);
    await del(`committee-terms/${w.termIds[0]}`);
    await del(`committee-papers/${w.loosePaperId}`);
    // An agenda item with a consultation that is removed again: both come back deleted.
    const admin = (method: 'GET' | 'PUT', path: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1/${tenant.slug}/admin/${path}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    const meeting = (await admin('GET', `committee-meetings/${w.meetingId}`)).json() as { agendaItems: Array<Json & { id: string }> };
    const keep = meeting.agendaItems.map(({ id, number, name, public: isPublic, result, resolutionText, minutes }) => ({ id, number, name, public: isPublic, result, resolutionText, minutes }));
    const extended = await admin('PUT', `committee-meetings/${w.meetingId}/agenda`, { items: [keep[0], { number: 'Ö 2', name: 'Verschiedenes' }, keep[1]] });
    expect(extended.statusCode, extended.body).toBe(200);
    removedItemId = (extended.json() as { agendaItems: Array<{ id: string; number: string }> }).agendaItems.find((i) => i.number === 'Ö 2')!.id;
    const consulted = await admin('PUT', `committee-papers/${w.publicPaperId}/consultations`, {
      items: [
        { id: w.publicConsultationId, meetingId: w.meetingId, agendaItemId: w.publicItemId, role: 'deciding' },
        { meetingId: w.meetingId, agendaItemId: removedItemId, role: 'advisory' },
      ],
    });
    expect(consulted.statusCode, consulted.body).toBe(200);
    removedConsultationId = (consulted.json() as { consultations: Array<{ id: string; agendaItemId: string }> }).consultations.find((c) => c.agendaItemId === removedItemId)!.id;
    const shortened = await admin('PUT', `committee-meetings/${w.meetingId}/agenda`, { items: keep });
    expect(shortened.statusCode, shortened.body).toBe(200);
  });
  afterAll(() => t.close());

  it('every object of every list and every object URL is valid', async () => {
    const system = await getJson(`${ORIGIN}/api/oparl/v1.1/system`);
    check(system, 'system');
    const bodies = await crawlList(String(system.body), true);
    for (const slug of [tenant.slug, demo.slug]) await crawlBody(bodies, slug);
    expect(problems).toEqual([]);
    // Every object type was seen (the body and its lists cover all twelve schemas).
    expect([...seen.keys()].sort()).toEqual([...validators.keys()].sort());
    // Lists, single objects and both bodies: hundreds of objects, each meeting with its embedded agenda.
    expect(seen.get(`${BASE}Meeting`)).toBeGreaterThanOrEqual(20);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
  });

  const crawlBody = async (bodies: Json[], slug: string) => {
    const body = bodies.find((b) => b.id === `${ORIGIN}/api/oparl/v1.1/bodies/${slug}`);
    expect(body).toBeDefined();
    for (const key of ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'locationList', 'legislativeTermList', 'membership']) {
      const url = String(body![key]);
      const objects = await crawlList(`${url}?elementsPerPage=2`, true);
      // With a modification filter the deleted objects come too.
      const withDeleted = await crawlList(`${url}?modified_since=2000-01-01T00:00:00Z`, false);
      expect(withDeleted.length, key).toBeGreaterThanOrEqual(objects.length);
      if (key === 'organization') {
        for (const org of objects) {
          await crawlList(String(org.meeting), true);
          await crawlList(String(org.consultation), true);
        }
      }
    }
  };

  it('deleted objects are valid too and say so', async () => {
    const deleted = [
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/files/${w.files.publicAux}`,
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/memberships/${w.membershipIds[3]}`,
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/legislative-terms/${w.termIds[0]}`,
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/papers/${w.loosePaperId}`,
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/agenda-items/${removedItemId}`,
      `${ORIGIN}/api/oparl/v1.1/bodies/${tenant.slug}/consultations/${removedConsultationId}`,
    ];
    for (const url of deleted) {
      const object = await getJson(url);
      expect(object.deleted, url).toBe(true);
      check(object, url);
    }
    expect(problems).toEqual([]);
  });

  it('the validator itself rejects broken objects (the test would notice a regression)', () => {
    const meeting = validators.get(`${BASE}Meeting`)!;
    expect(meeting({ id: 'not a url', type: `${BASE}Meeting` })).toBe(false);
    expect(meeting({ id: 'https://x.example/m/1', type: `${BASE}Meeting`, start: '2026-01-01' })).toBe(false);
    expect(meeting({ id: 'https://x.example/m/1', type: `${BASE}Meeting`, location: { id: 'https://x.example/l/1' } })).toBe(false);
    expect(validators.get(`${BASE}File`)!({ id: 'https://x.example/f/1', type: `${BASE}File` })).toBe(false);
  });
});
