import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationFactory, offerFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { exportOffersToFile } from './offerExport.ts';
import { importOffersFromFile } from './offerImport.ts';
import { XLSX_MIME } from './offerXlsx.ts';
import { countOfferData, csvText, multipartBody, postImport, windows1252, xlsxFile } from './testBuilders.ts';

const HEADER = ['id', 'status', 'provider', 'title_de', 'summary_de', 'title_en', 'fields', 'target_groups', 'areas', 'locations', 'languages', 'free_of_charge', 'online', 'email', 'signup_url', 'phone'];

describe('offer import and export', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let office: string;
  let admin: string;
  let providerName: string;
  let locationName: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    providerName = (await providerFactory(t.db, tenant.id, { name: 'Caritasverband Teststadt' })).name;
    locationName = (await locationFactory(t.db, tenant.id, { name: 'Bürgerhaus Nordstadt' })).name;
  });
  afterAll(() => t.close());

  const row = (title: string, extra: Partial<Record<(typeof HEADER)[number], string>> = {}) =>
    HEADER.map((h) => ({ provider: providerName, title_de: title, ...extra })[h as 'provider'] ?? '');

  describe('authorization', () => {
    const body = () => csvText([HEADER, row('Kurs ohne Anmeldung')]);

    it('401 without a session, for import and export', async () => {
      expect((await postImport(t.app, tenant.slug, { body: body() })).statusCode).toBe(401);
      expect((await t.app.inject(`/api/v1/${tenant.slug}/admin/offers/export`)).statusCode).toBe(401);
    });

    it('403 for partner editors, even of a provider of this tenant', async () => {
      const provider = await providerFactory(t.db, tenant.id);
      const { cookie } = await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id });
      const res = await postImport(t.app, tenant.slug, { cookie, body: body() });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect((await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export`, headers: { cookie } })).statusCode).toBe(403);
    });

    it('403 for office staff of another tenant; 404 for an unknown tenant', async () => {
      const { cookie } = await staffSession(t.app, t.db, other, { role: 'tenant_admin' });
      const before = await countOfferData(t.db, tenant.id);
      expect((await postImport(t.app, tenant.slug, { cookie, body: body() })).statusCode).toBe(403);
      expect((await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export`, headers: { cookie } })).statusCode).toBe(403);
      expect(await countOfferData(t.db, tenant.id)).toEqual(before);
      expect((await postImport(t.app, 'no-such-town', { cookie: office, body: body() })).statusCode).toBe(404);
    });
  });

  describe('broken input: a clear 4xx naming the problem, nothing written', () => {
    let before: Awaited<ReturnType<typeof countOfferData>>;
    beforeAll(async () => {
      before = await countOfferData(t.db, tenant.id);
    });
    afterAll(async () => {
      expect(await countOfferData(t.db, tenant.id)).toEqual(before);
    });

    it('no file, an empty file, a header without rows', async () => {
      const none = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/admin/offers/import?dryRun=false`, headers: { cookie: office } });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.field).toBe('file');
      const empty = await postImport(t.app, tenant.slug, { cookie: office, body: Buffer.alloc(0) });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error).toMatchObject({ field: 'file', message: expect.stringMatching(/empty/) });
      const headerOnly = await postImport(t.app, tenant.slug, { cookie: office, body: csvText([HEADER]) });
      expect(headerOnly.statusCode).toBe(400);
      expect(headerOnly.json().error.message).toMatch(/no offers/);
    });

    it('a multipart upload in another form field is refused naming "file"', async () => {
      const form = multipartBody('upload', 'angebote.csv', 'text/csv', csvText([HEADER, row('Kurs')]));
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/${tenant.slug}/admin/offers/import?dryRun=false`,
        headers: { cookie: office, 'content-type': form.contentType },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'file', message: expect.stringContaining('"file"') });
    });

    it('not a CSV/XLSX: 415 for binary data, old .xls, JSON and unknown content types', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const binary = await postImport(t.app, tenant.slug, { cookie: office, body: png, contentType: 'application/octet-stream' });
      expect(binary.statusCode).toBe(415);
      expect(binary.json().error.message).toMatch(/not readable text/);
      const xls = await postImport(t.app, tenant.slug, { cookie: office, body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), contentType: 'application/vnd.ms-excel' });
      expect(xls.statusCode).toBe(415);
      expect(xls.json().error.message).toMatch(/\.xls/);
      const csvAsXlsx = await postImport(t.app, tenant.slug, { cookie: office, body: csvText([HEADER, row('Kurs')]), format: 'xlsx' });
      expect(csvAsXlsx.statusCode).toBe(415);
      expect(csvAsXlsx.json().error.message).toMatch(/not an Excel/);
      const json = await postImport(t.app, tenant.slug, { cookie: office, body: '{"a":1}', contentType: 'application/json' });
      expect(json.statusCode).toBe(415);
      const image = await postImport(t.app, tenant.slug, { cookie: office, body: png, contentType: 'image/png' });
      expect(image.statusCode).toBe(415);
    });

    it('missing required columns are named (422 even in a dry run)', async () => {
      const res = await postImport(t.app, tenant.slug, { cookie: office, dryRun: true, body: csvText([['titel', 'beschreibung_de'], ['Kurs', 'Text']]) });
      expect(res.statusCode).toBe(422);
      const error = res.json().error;
      expect(error.code).toBe('import_invalid');
      expect(error.message).toContain('title_de');
      expect(error.message).toContain('provider');
      expect(error.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['provider', 'title_de']);
      expect(error.details.warnings.map((w: { field: string }) => w.field)).toEqual(['titel']);
    });

    it('an unclosed quotation mark names the line', async () => {
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: `title_de;provider\n"Kurs;${providerName}\n` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/quotation mark/);
    });

    it('bad booleans, e-mails, URLs and unknown references are listed per row and field (dry run 200, real 422)', async () => {
      const body = csvText([
        HEADER,
        row('Deutschkurs B1 am Abend', { free_of_charge: 'vielleicht', email: 'info(at)example.org' }),
        row('Deutschkurs B2', { signup_url: 'example.org/anmeldung', fields: 'language|cooking' }),
        row('Deutschkurs C1', { provider: 'Unbekannter Verein', areas: 'atlantis', locations: 'Mondbasis', target_groups: 'aliens' }),
      ]);
      const dry = await postImport(t.app, tenant.slug, { cookie: office, body, dryRun: true });
      expect(dry.statusCode).toBe(200);
      const report = dry.json();
      expect(report).toMatchObject({ dryRun: true, format: 'csv', rows: 3, created: 0 });
      expect(report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
        '2:free_of_charge',
        '2:email',
        '3:fields',
        '3:signup_url',
        '4:provider',
        '4:target_groups',
        '4:areas',
        '4:locations',
      ]);
      const real = await postImport(t.app, tenant.slug, { cookie: office, body, dryRun: false });
      expect(real.statusCode).toBe(422);
      expect(real.json().error.details.errors).toHaveLength(8);
    });

    it('wrongly encoded text (UTF-8 saved again as Latin-1) is an error, not silently stored', async () => {
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: csvText([HEADER, row('FÃ¼hrung durch das Rathaus')]), dryRun: true });
      expect(res.json().errors[0]).toMatchObject({ row: 2, field: 'title_de', message: expect.stringMatching(/UTF-8/) });
    });
  });

  describe('limits', () => {
    let small: TestApp;
    let smallTenant: Tenant;
    let cookie: string;
    beforeAll(async () => {
      small = await createTestApp({ UPLOAD_LIMIT_BYTES: '2048' });
      smallTenant = await tenantFactory(small.db);
      await providerFactory(small.db, smallTenant.id, { name: 'Träger' });
      cookie = (await staffSession(small.app, small.db, smallTenant, { role: 'office_editor' })).cookie;
    });
    afterAll(() => small.close());

    it('413 for an upload over UPLOAD_LIMIT_BYTES, raw and multipart', async () => {
      const big = csvText([['title_de', 'provider'], ...Array.from({ length: 200 }, (_, i) => [`Kurs Nummer ${i}`, 'Träger'])]);
      expect(Buffer.byteLength(big)).toBeGreaterThan(2048);
      const raw = await postImport(small.app, smallTenant.slug, { cookie, body: big });
      expect(raw.statusCode).toBe(413);
      expect(raw.json().error.code).toBe('payload_too_large');
      const form = multipartBody('file', 'angebote.csv', 'text/csv', big);
      const multi = await small.app.inject({
        method: 'POST',
        url: `/api/v1/${smallTenant.slug}/admin/offers/import?dryRun=true`,
        headers: { cookie, 'content-type': form.contentType },
        payload: form.payload,
      });
      expect(multi.statusCode).toBe(413);
      expect(multi.json().error.code).toBe('payload_too_large');
      const fine = await postImport(small.app, smallTenant.slug, { cookie, body: csvText([['title_de', 'provider'], ['Kurs A1', 'Träger']]), dryRun: true });
      expect(fine.statusCode).toBe(200);
    });

    it('413 for more than 10,000 offers in one file', async () => {
      const lines = ['title_de;provider', ...Array.from({ length: 10_001 }, (_, i) => `K${i};T`)];
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: lines.join('\n'), dryRun: true });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toMatch(/10001 offers; at most 10000/);
    });
  });

  describe('happy paths', () => {
    it('imports UTF-8 CSV (;) as multipart, with translations, references and a single audit entry', async () => {
      const before = await countOfferData(t.db, tenant.id);
      const body = csvText([
        HEADER,
        row('Deutschkurs für Anfängerinnen', {
          summary_de: 'Mit Kinderbetreuung; kostenlos',
          title_en: 'German course for beginners',
          fields: 'language',
          target_groups: 'women|refugees',
          areas: 'nordstadt',
          locations: locationName,
          languages: 'de|en',
          free_of_charge: 'ja',
          online: 'nein',
          email: 'kurs@example.org',
          signup_url: 'https://example.org/anmeldung',
          phone: '0621 123456',
          status: 'Veröffentlicht',
        }),
        row('Sprachcafé Südstadt', { areas: 'suedstadt', free_of_charge: 'x' }),
      ]);
      const form = multipartBody('file', 'angebote.csv', 'text/csv', body);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/${tenant.slug}/admin/offers/import?dryRun=false`,
        headers: { cookie: office, 'content-type': form.contentType },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ dryRun: false, format: 'csv', rows: 2, created: 2, updated: 0, errors: [] });
      const after = await countOfferData(t.db, tenant.id);
      expect(after.offers - before.offers).toBe(2);
      expect(after.translations - before.translations).toBe(3);
      const rows = await t.db.system((tx) =>
        tx.query<{ status: string; free_of_charge: boolean; languages: string[]; title: string; en: string | null; en_current: boolean | null; n_fields: number; n_groups: number; n_locations: number }>(
          `SELECT o.status, o.free_of_charge, o.languages, d.title, e.title AS en, e.source_version = o.source_version AND NOT e.machine AS en_current,
                  cardinality(o.field_ids) AS n_fields, cardinality(o.target_group_ids) AS n_groups, cardinality(o.location_ids) AS n_locations
             FROM offers o JOIN offer_translations d ON d.offer_id = o.id AND d.lang = 'de'
             LEFT JOIN offer_translations e ON e.offer_id = o.id AND e.lang = 'en'
            WHERE o.tenant_id = $1 AND d.title = 'Deutschkurs für Anfängerinnen'`,
          [tenant.id],
        ),
      );
      expect(rows).toEqual([
        { status: 'published', free_of_charge: true, languages: ['de', 'en'], title: 'Deutschkurs für Anfängerinnen', en: 'German course for beginners', en_current: true, n_fields: 1, n_groups: 2, n_locations: 1 },
      ]);
      const audit = await t.db.system((tx) => tx.query("SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'offers.imported'", [tenant.id]));
      expect(audit).toHaveLength(1);
      const [search] = await t.db.system((tx) =>
        tx.query<{ search_text: string }>(
          "SELECT o.search_text FROM offers o JOIN offer_translations d ON d.offer_id = o.id AND d.lang = 'de' WHERE d.title = 'Deutschkurs für Anfängerinnen'",
        ),
      );
      expect(search!.search_text).toContain('anfangerinnen');
      expect(search!.search_text).toContain('beginners');
    });

    it('imports Windows-1252 CSV with "," and umlauts (raw body), and the same file twice creates nothing twice', async () => {
      const text = csvText([['Titel_DE', 'Träger', 'Kurzbeschreibung_DE', 'Kostenlos'], ['Beratung für Geflüchtete – Straßenfest', providerName, 'Öffnungszeiten: „Mo–Fr“, 5 €', 'nein']], ',');
      const bytes = windows1252(text);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const res = await postImport(t.app, tenant.slug, { cookie: admin, body: bytes, contentType: 'text/csv; charset=windows-1252' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ created: 1, errors: [] });
      const [stored] = await t.db.system((tx) =>
        tx.query<{ summary: string }>("SELECT summary FROM offer_translations WHERE tenant_id = $1 AND title = 'Beratung für Geflüchtete – Straßenfest'", [tenant.id]),
      );
      expect(stored!.summary).toBe('Öffnungszeiten: „Mo–Fr“, 5 €');

      const before = await countOfferData(t.db, tenant.id);
      const again = await postImport(t.app, tenant.slug, { cookie: admin, body: bytes });
      expect(again.statusCode).toBe(422);
      expect(again.json().error.details.errors).toEqual([{ row: 2, field: 'Titel_DE', message: expect.stringMatching(/exists already .*use|put its id/) }]);
      expect(await countOfferData(t.db, tenant.id)).toEqual(before);
    });

    it('imports XLSX generated in the test (format detected from the bytes)', async () => {
      const file = await xlsxFile([
        ['Titel_DE', 'Träger', 'Beschreibung_DE', 'Titel_UK', 'Barrierefrei', 'Telefon'],
        ['Elterncafé Nordstadt', providerName, 'Zeile 1\nZeile 2', 'Кафе для батьків', 'x', '0621 4711'],
        [null, null, null, null, null, null],
        ['Hausaufgabenhilfe', providerName, null, null, 'nein', null],
      ]);
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: file, contentType: 'application/octet-stream' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ format: 'xlsx', rows: 2, created: 2, errors: [] });
      const [offer] = await t.db.system((tx) =>
        tx.query<{ barrier_free: boolean; phone: string; description: string }>(
          `SELECT o.barrier_free, o.phone, d.description FROM offers o JOIN offer_translations d ON d.offer_id = o.id AND d.lang = 'de'
            WHERE o.tenant_id = $1 AND d.title = 'Elterncafé Nordstadt'`,
          [tenant.id],
        ),
      );
      expect(offer).toEqual({ barrier_free: true, phone: '0621 4711', description: 'Zeile 1\nZeile 2' });
      const xlsxFault = await xlsxFile([['Titel_DE', 'Träger'], ['Kurs', 'Niemand']]);
      const bad = await postImport(t.app, tenant.slug, { cookie: office, body: xlsxFault, contentType: XLSX_MIME, dryRun: true });
      expect(bad.json().errors).toEqual([
        { row: 2, field: 'Träger', message: expect.stringMatching(/Unknown provider/) },
      ]);
    });

    it('a larger import refreshes the search documents of all its offers once, at the end', async () => {
      const rows = Array.from({ length: 30 }, (_, i) => row(`Stadtteilspaziergang Route ${i + 1}`, { title_en: `Neighbourhood walk ${i + 1}` }));
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: csvText([HEADER, ...rows]) });
      expect(res.json()).toMatchObject({ created: 30, errors: [] });
      const found = await t.db.system((tx) =>
        tx.query("SELECT 1 FROM offers WHERE tenant_id = $1 AND search_text LIKE '%stadtteilspaziergang%' AND search_text LIKE '%neighbourhood%'", [tenant.id]),
      );
      expect(found).toHaveLength(30);
    });

    it('a dry run reports what would happen and writes nothing', async () => {
      const before = await countOfferData(t.db, tenant.id);
      const res = await postImport(t.app, tenant.slug, { cookie: office, dryRun: true, body: csvText([HEADER, row('Nähkurs'), row('Fahrradwerkstatt')]) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ dryRun: true, rows: 2, created: 2, updated: 0, errors: [] });
      expect(await countOfferData(t.db, tenant.id)).toEqual(before);
    });

    it('one faulty row among many: 422, every error listed, nothing written', async () => {
      const rows = Array.from({ length: 40 }, (_, i) => row(`Integrationskurs Modul ${i + 1}`, { title_en: `Integration course module ${i + 1}` }));
      rows[26] = row('Integrationskurs Modul 27', { email: 'nicht-gültig' });
      rows.push(row('Integrationskurs Modul 3'));
      const before = await countOfferData(t.db, tenant.id);
      const res = await postImport(t.app, tenant.slug, { cookie: office, body: csvText([HEADER, ...rows]) });
      expect(res.statusCode).toBe(422);
      const error = res.json().error;
      expect(error.code).toBe('import_invalid');
      expect(error.message).toMatch(/2 error\(s\) in 2 row\(s\); nothing was imported/);
      expect(error.details.errors).toEqual([
        { row: 28, field: 'email', message: expect.any(String) },
        { row: 42, field: 'title_de', message: 'Row 4 already has an offer with this title and provider' },
      ]);
      expect(await countOfferData(t.db, tenant.id)).toEqual(before);
    });

    it('updates offers by id; translations in the file follow the new source, others become outdated; a stale version is refused', async () => {
      const offer = await offerFactory(t.db, tenant.id, { texts: { de: { title: 'Schwimmkurs für Frauen' }, en: { title: 'Swimming for women' } } });
      const provider = await t.db.system((tx) => tx.query<{ name: string }>('SELECT name FROM providers WHERE id = $1', [offer.providerId]));
      const body = csvText([
        ['id', 'version', 'title_de', 'provider', 'online', 'title_uk'],
        [offer.id, String(offer.version), 'Schwimmkurs für Frauen (neu)', provider[0]!.name, 'ja', 'Плавання для жінок'],
      ]);
      const res = await postImport(t.app, tenant.slug, { cookie: office, body });
      expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0, errors: [] });
      const states = await t.db.system((tx) =>
        tx.query<{ lang: string; current: boolean }>(
          'SELECT t.lang, t.source_version = o.source_version AS current FROM offer_translations t JOIN offers o ON o.id = t.offer_id WHERE o.id = $1 ORDER BY t.lang',
          [offer.id],
        ),
      );
      // The English text was not in the file, so the changed German source makes it outdated; Ukrainian follows the new source.
      expect(states).toEqual([
        { lang: 'de', current: true },
        { lang: 'en', current: false },
        { lang: 'uk', current: true },
      ]);
      const stale = await postImport(t.app, tenant.slug, { cookie: office, body });
      expect(stale.statusCode).toBe(422);
      expect(stale.json().error.details.errors[0]).toMatchObject({ row: 2, field: 'version' });
    });
  });

  describe('export and round trip', () => {
    it('exports CSV with BOM and ";" as an attachment, XLSX and JSON with all translations', async () => {
      const csv = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=csv`, headers: { cookie: office } });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="angebote-t-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.body.split('\r\n')[0]).toMatch(/^\uFEFFid;version;status;provider;provider_id;title_de;summary_de;/);
      expect(csv.body).toContain('Deutschkurs für Anfängerinnen');

      const xlsx = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=xlsx`, headers: { cookie: office } });
      expect(xlsx.headers['content-type']).toBe(XLSX_MIME);
      expect([...xlsx.rawPayload.subarray(0, 2)]).toEqual([0x50, 0x4b]);

      const json = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=json&status=published`, headers: { cookie: office } });
      const offers = json.json();
      expect(offers.every((o: { status: string }) => o.status === 'published')).toBe(true);
      const course = offers.find((o: { texts: { title: string } }) => o.texts.title === 'Deutschkurs für Anfängerinnen');
      expect(course.translations).toHaveLength(tenant.languages.length);
      expect(course.translations.find((x: { lang: string }) => x.lang === 'en')).toMatchObject({ status: 'current', texts: { title: 'German course for beginners' } });
      expect(Number(json.headers['x-offer-count'])).toBe(offers.length);

      const bad = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=pdf`, headers: { cookie: office } });
      expect(bad.statusCode).toBe(400);
    });

    it.each(['csv', 'xlsx'] as const)('%s export re-imports cleanly: 0 errors, 0 created, N updated, nothing changed', async (format) => {
      await offerFactory(t.db, tenant.id, {
        texts: { de: { title: '=Formel am Anfang', description: 'Mehrere\nZeilen; mit "Anführungszeichen"' }, ar: { title: 'دورة اللغة' } },
        fieldKeys: ['language', 'health'],
      });
      const exported = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=${format}`, headers: { cookie: office } });
      const n = Number(exported.headers['x-offer-count']);
      expect(n).toBeGreaterThan(5);
      const before = await countOfferData(t.db, tenant.id);
      const dry = await postImport(t.app, tenant.slug, { cookie: office, body: exported.rawPayload, contentType: exported.headers['content-type'] as string, dryRun: true });
      expect(dry.json()).toMatchObject({ format, rows: n, created: 0, updated: n, unchanged: n, errors: [], warnings: [] });
      const real = await postImport(t.app, tenant.slug, { cookie: office, body: exported.rawPayload, contentType: exported.headers['content-type'] as string });
      expect(real.statusCode).toBe(200);
      const after = await countOfferData(t.db, tenant.id);
      expect({ ...after, audit: after.audit - 1 }).toEqual(before);
    });
  });

  describe('command-line functions', () => {
    it('export to a file and import it back (dry run), and report errors without throwing', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'lotse-ie-'));
      try {
        const file = join(dir, 'angebote.xlsx');
        const n = await exportOffersToFile(t.db, tenant.slug, file, 'xlsx');
        expect(n).toBeGreaterThan(0);
        const report = await importOffersFromFile(t.db, tenant.slug, file, { dryRun: true, actorLabel: 'cli-test' });
        expect(report).toMatchObject({ rows: n, created: 0, updated: n, errors: [] });

        const jsonFile = join(dir, 'angebote.json');
        expect(await exportOffersToFile(t.db, tenant.slug, jsonFile, 'json')).toBe(n);
        expect(JSON.parse(await readFile(jsonFile, 'utf8'))).toHaveLength(n);

        const csvFile = join(dir, 'neu.csv');
        await writeFile(csvFile, csvText([['title_de', 'provider'], ['Kochkurs International', providerName], ['x', 'Niemand']]));
        const before = await countOfferData(t.db, tenant.id);
        const failed = await importOffersFromFile(t.db, tenant.slug, csvFile, { dryRun: false, actorLabel: 'cli-test' });
        expect(failed.errors.map((e) => `${e.row}:${e.field}`)).toEqual(['3:provider', '3:title_de']);
        expect(await countOfferData(t.db, tenant.id)).toEqual(before);

        await writeFile(csvFile, csvText([['title_de', 'provider'], ['Kochkurs International', providerName]]));
        const ok = await importOffersFromFile(t.db, tenant.slug, csvFile, { dryRun: false, actorLabel: 'cli-test' });
        expect(ok).toMatchObject({ created: 1, errors: [] });
        const [revision] = await t.db.system((tx) =>
          tx.query<{ actor_name: string }>(
            "SELECT r.actor_name FROM offer_revisions r JOIN offer_translations d ON d.offer_id = r.offer_id WHERE d.title = 'Kochkurs International'",
          ),
        );
        expect(revision!.actor_name).toBe('cli-test');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
