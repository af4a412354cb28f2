import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../shared/contracts/declaration.ts';
import { declarationFactory, declarationSignatureFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { solveChallenge } from './proofOfWork.ts';
import { monthOf } from './statistics.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let ipCounter = 0;
const nextIp = () => `10.30.${Math.floor(ipCounter / 200)}.${(ipCounter++ % 200) + 1}`;

describe('declaration back office', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let declarationId = '';
  let otherDeclarationId = '';
  const cookies: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const admin = (path = '') => `/api/v1/${tenant.slug}/admin/declarations${path}`;
  const valid = (patch: Record<string, unknown> = {}) => ({
    slug: 'vielfalt',
    title: { de: 'Musterstädter Erklärung für ein Zusammenleben in Vielfalt', en: 'Declaration of Musterstadt' },
    intro: { de: 'Über 300 Organisationen haben unterzeichnet.' },
    body: { de: 'Wir bekennen uns zu einem respektvollen Miteinander.\n\nWir treten jeder Form von Diskriminierung entgegen.' },
    published: true,
    ...patch,
  });
  const declarationCount = async () => Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM declarations')))[0]!.n);

  /** Signs through the public API and confirms with the mailed link; returns the signature id. */
  async function signAndConfirm(slug: string, organisation: string, email: string, extra: Record<string, unknown> = {}): Promise<string> {
    const base = `/api/v1/${tenant.slug}/declarations/${slug}`;
    const c = (await t.app.inject(`${base}/challenge`)).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/signatures`,
      remoteAddress: nextIp(),
      payload: { organisation, sector: 'bildung', contactName: 'Lea Lehrer', email, consent: true, pow: { challenge: c.challenge, nonce: solveChallenge(c.challenge, c.difficulty) }, ...extra },
    });
    expect(res.statusCode, res.body).toBe(202);
    const [mail] = await t.db.system((tx) => tx.query<{ text: string }>('SELECT text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1', [email]));
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/declarations/confirmations`, payload: { token } })).statusCode).toBe(200);
    const [row] = await t.db.system((tx) => tx.query<{ id: string }>('SELECT id FROM declaration_signatures WHERE email = $1', [email]));
    return row!.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    const provider = await providerFactory(t.db, tenant.id);
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
    otherDeclarationId = (await declarationFactory(t.db, other.id)).id;
  });
  afterAll(() => t.close());

  it('401 without a session, 403 for another tenant and for partner editors on every route', async () => {
    const some = (await declarationFactory(t.db, tenant.id)).id;
    const sig = (await declarationSignatureFactory(t.db, tenant.id, some)).id;
    const routes: Array<[Method, string, unknown?]> = [
      ['GET', admin()],
      ['POST', admin(), valid({ slug: 'neu' })],
      ['GET', admin(`/${some}`)],
      ['PUT', admin(`/${some}`), valid({ slug: 'neu' })],
      ['DELETE', admin(`/${some}`)],
      ['GET', admin(`/${some}/signatures`)],
      ['GET', admin(`/${some}/signatures/export`)],
      ['GET', admin(`/${some}/statistics`)],
      ['GET', admin(`/${some}/signatures/${sig}`)],
      ['GET', admin(`/${some}/signatures/${sig}/logo`)],
      ['PUT', admin(`/${some}/signatures/${sig}`), { organisation: 'X Verein', sector: 'verein' }],
      ['DELETE', admin(`/${some}/signatures/${sig}`)],
      ['POST', admin(`/${some}/signatures/${sig}/verify`)],
      ['POST', admin(`/${some}/signatures/${sig}/reject`), { reason: 'Spam' }],
      ['POST', admin(`/${some}/signatures/${sig}/withdraw`), {}],
    ];
    const before = await declarationCount();
    for (const [method, url, body] of routes) {
      expect((await call(null, method, url, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
      expect((await call('otherAdmin', method, url, body)).statusCode, `other tenant ${method} ${url}`).toBe(403);
      expect((await call('partner', method, url, body)).statusCode, `partner ${method} ${url}`).toBe(403);
    }
    expect(await declarationCount()).toBe(before);
    const [row] = await t.db.system((tx) => tx.query<{ state: string }>('SELECT state FROM declaration_signatures WHERE id = $1', [sig]));
    expect(row!.state).toBe('verified');
    for (const who of ['office', 'admin', 'superAdmin']) expect((await call(who, 'GET', admin())).statusCode, who).toBe(200);
  });

  it("another tenant's declarations and signatures read as 404", async () => {
    const foreignSig = (await declarationSignatureFactory(t.db, other.id, otherDeclarationId)).id;
    const mine = (await declarationFactory(t.db, tenant.id)).id;
    for (const [method, url, body] of [
      ['GET', admin(`/${otherDeclarationId}`)],
      ['PUT', admin(`/${otherDeclarationId}`), valid({ slug: 'gekapert' })],
      ['DELETE', admin(`/${otherDeclarationId}`)],
      ['GET', admin(`/${otherDeclarationId}/signatures`)],
      ['GET', admin(`/${otherDeclarationId}/statistics`)],
      ['GET', admin(`/${otherDeclarationId}/signatures/export`)],
      ['GET', admin(`/${mine}/signatures/${foreignSig}`)],
      ['POST', admin(`/${mine}/signatures/${foreignSig}/withdraw`), {}],
      ['POST', admin(`/${otherDeclarationId}/signatures/${foreignSig}/withdraw`), {}],
    ] as Array<[Method, string, unknown?]>) {
      expect((await call('admin', method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const items = (await call('admin', 'GET', admin())).json().items.map((d: { id: string }) => d.id);
    expect(items).not.toContain(otherDeclarationId);
    const [foreign] = await t.db.system((tx) => tx.query<{ state: string }>('SELECT state FROM declaration_signatures WHERE id = $1', [foreignSig]));
    expect(foreign!.state).toBe('verified');
  });

  it('bad declaration input is a 400 (or 409) naming the field, and nothing is written', async () => {
    const before = await declarationCount();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ title: { en: 'No German' } }, 400, 'body.title.de'],
      [{ body: { de: '' } }, 400, 'body.body.de'],
      [{ slug: 'Mit Leerzeichen' }, 400, 'body.slug'],
      [{ slug: 'bestaetigen' }, 400, 'body.slug'],
      [{ sectors: [] }, 400, 'body.sectors'],
      [{ sectors: [DEFAULT_SECTORS[0], DEFAULT_SECTORS[0]] }, 400, 'body.sectors'],
      [{ sectors: [{ key: 'X Y', names: { de: 'x' } }] }, 400, 'body.sectors.0.key'],
      [{ sectors: [{ key: 'sport', names: { en: 'Sport' } }] }, 400, 'body.sectors.0.names.de'],
      [{ published: 'ja' }, 400, 'body.published'],
      [{ title: { de: 'Titel', xx: 'unbekannt' } }, 400, 'title.xx'],
    ];
    for (const [patch, status, field] of cases) {
      const res = await call('office', 'POST', admin(), valid(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().error.field, JSON.stringify(patch)).toBe(field);
    }
    expect(await declarationCount()).toBe(before);
  });

  it('creates, edits and deletes a declaration with audit entries; slugs are unique and used sectors stay', async () => {
    const created = await call('office', 'POST', admin(), valid());
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    declarationId = d.id;
    expect(d).toMatchObject({ slug: 'vielfalt', published: true, sort: 0, counts: { unconfirmed: 0, verified: 0 } });
    expect(d.sectors.map((s: { key: string }) => s.key)).toEqual(DEFAULT_SECTORS.map((s) => s.key));
    const dup = await call('office', 'POST', admin(), valid());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('slug');

    const sectors = [...DEFAULT_SECTORS.filter((s) => s.key !== 'unternehmen'), { key: 'sport', names: { de: 'Sportverein', en: 'Sports club' } }];
    const updated = await call('office', 'PUT', admin(`/${d.id}`), valid({ sectors, intro: { de: 'Neu.' } }));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().sectors.map((s: { key: string }) => s.key)).toContain('sport');
    expect((await call('office', 'GET', admin(`/${d.id}`))).json().intro).toEqual({ de: 'Neu.' });

    await declarationSignatureFactory(t.db, tenant.id, d.id, { sector: 'sport', organisation: 'TSV Musterstadt' });
    const removeUsed = await call('office', 'PUT', admin(`/${d.id}`), valid({ sectors: DEFAULT_SECTORS }));
    expect(removeUsed.statusCode).toBe(409);
    expect(removeUsed.json().error).toMatchObject({ field: 'sectors', details: { sectors: ['sport'] } });
    const cannotDelete = await call('admin', 'DELETE', admin(`/${d.id}`));
    expect(cannotDelete.statusCode).toBe(409);

    // The last declaration of a tenant stays (unpublish it instead).
    const lonely = await tenantFactory(t.db);
    const lonelyAdmin = (await staffSession(t.app, t.db, lonely, { role: 'tenant_admin' })).cookie;
    const only = await t.app.inject({ method: 'POST', url: `/api/v1/${lonely.slug}/admin/declarations`, headers: { cookie: lonelyAdmin }, payload: valid() });
    const last = await t.app.inject({ method: 'DELETE', url: `/api/v1/${lonely.slug}/admin/declarations/${only.json().id}`, headers: { cookie: lonelyAdmin } });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toContain('at least one declaration');

    const spare = (await call('admin', 'POST', admin(), valid({ slug: 'zweite', published: false }))).json();
    expect((await call('admin', 'DELETE', admin(`/${spare.id}`))).json()).toEqual({ id: spare.id, deleted: true });
    expect((await call('admin', 'GET', admin(`/${spare.id}`))).statusCode).toBe(404);

    const log = await t.db.system((tx) =>
      tx.query<{ action: string; details: { changes?: Record<string, unknown> } }>('SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at', [d.id]),
    );
    expect(log.map((l) => l.action)).toEqual(['declaration.created', 'declaration.updated']);
    expect(Object.keys(log[1]!.details.changes!).sort()).toEqual(['intro', 'sectors']);
  });

  it('happy path: sign, confirm, list awaiting, verify (public + mail), edit public data, withdraw, erase', async () => {
    const slug = 'vielfalt';
    const sigId = await signAndConfirm(slug, 'Grundschule am Park', 'sekretariat@grundschule.example', {
      statement: 'Vielfalt ist unsere Stärke.',
      logo: PNG.toString('base64'),
    });
    await signAndConfirm(slug, 'Volkshochschule Musterstadt', 'vhs@example.org');
    const awaiting = await call('office', 'GET', admin(`/${declarationId}/signatures?state=awaiting_verification&sort=name`));
    expect(awaiting.statusCode).toBe(200);
    expect(awaiting.json().items.map((s: { organisation: string }) => s.organisation)).toEqual(['Grundschule am Park', 'Volkshochschule Musterstadt']);
    const first = awaiting.json().items[0];
    expect(first).toMatchObject({ state: 'awaiting_verification', contactName: 'Lea Lehrer', email: 'sekretariat@grundschule.example', sector: 'bildung', linkExpired: false });
    expect(first.confirmedAt).not.toBeNull();
    const adminLogo = await call('office', 'GET', first.logoUrl);
    expect(adminLogo.statusCode).toBe(200);
    expect(adminLogo.headers['content-type']).toBe('image/png');
    expect((await call('office', 'GET', admin(`/${declarationId}/signatures?q=grundschule`))).json().total).toBe(1);
    expect((await call('office', 'GET', admin(`/${declarationId}/signatures?q=vhs@`))).json().total).toBe(1);
    expect((await call('office', 'GET', admin(`/${declarationId}/signatures?q=%25`))).json().total).toBe(0);
    expect((await call('office', 'GET', admin(`/${declarationId}/signatures?sector=sport`))).json().items[0].organisation).toBe('TSV Musterstadt');

    // Rejecting needs a reason; verifying an unconfirmed one is not possible.
    const noReason = await call('office', 'POST', admin(`/${declarationId}/signatures/${sigId}/reject`), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('body.reason');
    const unconfirmed = await declarationSignatureFactory(t.db, tenant.id, declarationId, { state: 'unconfirmed' });
    const early = await call('office', 'POST', admin(`/${declarationId}/signatures/${unconfirmed.id}/verify`));
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('invalid_state_transition');

    const verified = await call('office', 'POST', admin(`/${declarationId}/signatures/${sigId}/verify`));
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ state: 'verified', decidedBy: expect.stringContaining('@') });
    expect((await call('office', 'POST', admin(`/${declarationId}/signatures/${sigId}/verify`))).statusCode).toBe(422);
    const [mail] = await t.db.system((tx) =>
      tx.query<{ subject: string; text: string }>(`SELECT subject, text FROM mail_outbox WHERE "to" = $1 AND subject LIKE 'Veröffentlicht%'`, ['sekretariat@grundschule.example']),
    );
    expect(mail!.text).toContain(`/${tenant.slug}/de/erklaerung/vielfalt`);
    let pub = (await t.app.inject(`/api/v1/${tenant.slug}/declarations/${slug}`)).json();
    expect(pub.signatories.map((s: { organisation: string }) => s.organisation)).toEqual(['Grundschule am Park', 'TSV Musterstadt']);

    // Correct the public data: name, statement, website; remove the logo.
    const edited = await call('office', 'PUT', admin(`/${declarationId}/signatures/${sigId}`), {
      organisation: 'Grundschule am Stadtpark',
      sector: 'bildung',
      website: 'grundschule.example',
      statement: 'Vielfalt macht uns stark.',
      logo: null,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ organisation: 'Grundschule am Stadtpark', website: 'https://grundschule.example', logoUrl: null, state: 'verified' });
    const badEdits: Array<[Record<string, unknown>, number, string]> = [
      [{ organisation: 'Volkshochschule Musterstadt', sector: 'bildung' }, 409, 'organisation'],
      [{ organisation: 'Grundschule am Stadtpark', sector: 'sportverein' }, 400, 'sector'],
      [{ organisation: 'Grundschule am Stadtpark', sector: 'bildung', logo: Buffer.from('<svg/>').toString('base64') }, 415, 'logo'],
      [{ organisation: 'Grundschule am Stadtpark', sector: 'bildung', email: 'neu@example.org' }, 400, 'body'],
    ];
    for (const [body, status, field] of badEdits) {
      const res = await call('office', 'PUT', admin(`/${declarationId}/signatures/${sigId}`), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.field).toBe(field);
    }
    pub = (await t.app.inject(`/api/v1/${tenant.slug}/declarations/${slug}`)).json();
    expect(pub.signatories.find((s: { organisation: string }) => s.organisation === 'Grundschule am Stadtpark')).toMatchObject({ statement: 'Vielfalt macht uns stark.', logoUrl: null });

    // A verified signature cannot be erased before it is withdrawn; withdrawal takes it off the public list.
    expect((await call('office', 'DELETE', admin(`/${declarationId}/signatures/${sigId}`))).statusCode).toBe(422);
    const withdrawn = await call('office', 'POST', admin(`/${declarationId}/signatures/${sigId}/withdraw`), { reason: 'Auf Wunsch der Schule' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Auf Wunsch der Schule' });
    pub = (await t.app.inject(`/api/v1/${tenant.slug}/declarations/${slug}`)).json();
    expect(pub.signatories.map((s: { organisation: string }) => s.organisation)).toEqual(['TSV Musterstadt']);
    expect((await call('admin', 'DELETE', admin(`/${declarationId}/signatures/${sigId}`))).json()).toEqual({ id: sigId, deleted: true });
    expect((await call('admin', 'GET', admin(`/${declarationId}/signatures/${sigId}`))).statusCode).toBe(404);

    const log = await t.db.system((tx) => tx.query<{ action: string; actor_label: string; details: Record<string, unknown> }>('SELECT action, actor_label, details FROM audit_log WHERE entity_id = $1 ORDER BY at', [sigId]));
    expect(log.map((l) => l.action)).toEqual([
      'declaration_signature.signed',
      'declaration_signature.confirmed',
      'declaration_signature.verified',
      'declaration_signature.updated',
      'declaration_signature.withdrawn',
      'declaration_signature.erased',
    ]);
    // The log names the organisation, never the contact person's e-mail address.
    expect(JSON.stringify(log.map((l) => l.details))).not.toContain('sekretariat@');
  });

  it('reject with reason, and verify a rejected one later; counts per state', async () => {
    const id = await signAndConfirm('vielfalt', 'Zweifelhafte Firma GmbH', 'info@zweifel.example');
    const rejected = await call('office', 'POST', admin(`/${declarationId}/signatures/${id}/reject`), { reason: 'Keine Organisation in Musterstadt' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectionReason: 'Keine Organisation in Musterstadt' });
    expect((await call('office', 'POST', admin(`/${declarationId}/signatures/${id}/withdraw`), {})).statusCode).toBe(422);
    const again = await call('office', 'POST', admin(`/${declarationId}/signatures/${id}/verify`));
    expect(again.json()).toMatchObject({ state: 'verified', rejectionReason: null });
    const counts = (await call('office', 'GET', admin(`/${declarationId}`))).json().counts;
    expect(counts).toEqual({ unconfirmed: 1, awaiting_verification: 1, verified: 2, rejected: 0, withdrawn: 0 });
    const bad = await call('office', 'GET', admin(`/${declarationId}/signatures?state=lost`));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.state');
  });

  it('statistics: verified per month, cumulative with withdrawals, by sector', async () => {
    const d = (await call('office', 'POST', admin(), valid({ slug: 'statistik' }))).json();
    const at = (iso: string) => new Date(iso);
    const sig = (organisation: string, sector: string, verifiedAt: string, extra: Record<string, unknown> = {}) =>
      declarationSignatureFactory(t.db, tenant.id, d.id, { organisation, sector, verifiedAt: at(verifiedAt), ...extra });
    await sig('A', 'verein', '2025-01-10T10:00:00Z');
    await sig('B', 'verein', '2025-01-20T10:00:00Z');
    await sig('C', 'bildung', '2025-03-05T10:00:00Z');
    await sig('D', 'religion', '2025-03-06T10:00:00Z', { state: 'withdrawn', withdrawnAt: at('2025-04-02T10:00:00Z') });
    await sig('E', 'verein', '2025-01-31T23:30:00Z'); // 1 February in Musterstadt (CET)
    await declarationSignatureFactory(t.db, tenant.id, d.id, { organisation: 'F', state: 'awaiting_verification' });
    const res = await call('office', 'GET', admin(`/${d.id}/statistics`));
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.months.slice(0, 4)).toEqual([
      { month: '2025-01', verified: 2, ended: 0, cumulative: 2 },
      { month: '2025-02', verified: 1, ended: 0, cumulative: 3 },
      { month: '2025-03', verified: 2, ended: 0, cumulative: 5 },
      { month: '2025-04', verified: 0, ended: 1, cumulative: 4 },
    ]);
    expect(stats.months.at(-1).month).toBe(monthOf(new Date()));
    expect(stats.months.at(-1).cumulative).toBe(4);
    expect(stats.bySector).toEqual([
      { sector: 'verein', count: 3 },
      { sector: 'bildung', count: 1 },
    ]);
    expect(stats.counts).toMatchObject({ verified: 4, withdrawn: 1, awaiting_verification: 1 });
    const empty = (await call('office', 'POST', admin(), valid({ slug: 'leer' }))).json();
    expect((await call('office', 'GET', admin(`/${empty.id}/statistics`))).json()).toMatchObject({ months: [], bySector: [] });
  });

  it('exports CSV and XLSX with contact data, filtered by state, and logs the export', async () => {
    const csv = await call('office', 'GET', admin(`/${declarationId}/signatures/export?format=csv&state=verified`));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="unterzeichnungen-vielfalt-verified-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = csv.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Organisation;Bereich;Website;Stellungnahme;Ansprechperson;E-Mail;Status;Unterzeichnet am;E-Mail bestätigt am;Verifiziert am;Abgelehnt am;Ablehnungsgrund;Zurückgezogen am;Grund des Rückzugs;Logo',
    );
    expect(lines).toHaveLength(1 + Number(csv.headers['x-row-count']));
    expect(text).toContain('Sportverein');
    expect(text).toContain('info@zweifel.example');
    expect(text).not.toContain('vhs@example.org');
    const xlsx = await call('office', 'GET', admin(`/${declarationId}/signatures/export?format=xlsx`));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await call('office', 'GET', admin(`/${declarationId}/signatures/export?format=pdf`));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.format');
    const log = await t.db.system((tx) => tx.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE action = 'declaration.exported' ORDER BY at`));
    expect(log.map((l) => l.details)).toEqual([
      { format: 'csv', state: 'verified', rows: Number(csv.headers['x-row-count']) },
      { format: 'xlsx', state: 'all', rows: Number(xlsx.headers['x-row-count']) },
    ]);
  });
});
