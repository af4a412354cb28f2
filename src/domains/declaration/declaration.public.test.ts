import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../../server/boot.ts';
import { declarationFactory, declarationSignatureFactory, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { issueChallenge, solveChallenge } from './proofOfWork.ts';
import { SIGN_LIMIT } from './rateLimit.ts';
import { declarationKey } from './secret.ts';

/** A minimal valid PNG (1×1) and JPEG header; the server checks content, not names. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let ipCounter = 0;
/** Every test request gets its own client address unless a test is about the rate limit. */
const nextIp = () => `10.20.${Math.floor(ipCounter / 200)}.${(ipCounter++ % 200) + 1}`;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

describe('public declaration: sign, confirm, show', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let declaration: Awaited<ReturnType<typeof declarationFactory>>;
  let draft: Awaited<ReturnType<typeof declarationFactory>>;
  let otherDeclaration: Awaited<ReturnType<typeof declarationFactory>>;

  const url = (slug = declaration.slug, tn = tenant) => `/api/v1/${tn.slug}/declarations/${slug}`;
  const pow = async (slug = declaration.slug, tn = tenant) => {
    const res = await t.app.inject(`${url(slug, tn)}/challenge`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { challenge: string; difficulty: number };
    return { challenge: c.challenge, nonce: solveChallenge(c.challenge, c.difficulty) };
  };
  const body = async (overrides: Record<string, unknown> = {}) => {
    const id = uniq();
    return {
      organisation: `Nachbarschaftsverein ${id}`,
      sector: 'verein',
      website: 'www.nachbarn.example',
      contactName: 'Alex Muster',
      email: `kontakt-${id}@example.org`,
      statement: 'Wir stehen für Vielfalt.',
      consent: true,
      lang: 'de',
      pow: await pow(),
      ...overrides,
    };
  };
  const sign = (payload: unknown, ip = nextIp(), target = url()) =>
    t.app.inject({ method: 'POST', url: `${target}/signatures`, payload: payload as object, remoteAddress: ip });
  const confirm = (token: string, tn = tenant) => t.app.inject({ method: 'POST', url: `/api/v1/${tn.slug}/declarations/confirmations`, payload: { token } });
  const rowCount = async () => Number((await t.db.system((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM declaration_signatures')))[0]!.n);
  const tokenFor = async (email: string) => {
    const [mail] = await t.db.system((tx) => tx.query<{ text: string }>('SELECT text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1', [email]));
    const match = /#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
    expect(match, `no confirmation mail to ${email}`).not.toBeNull();
    return match![1]!;
  };
  const publicList = async () => (await t.app.inject(`${url()}?lang=de`)).json() as { signatories: Array<Record<string, unknown>>; signatoryCount: number };

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    declaration = await declarationFactory(t.db, tenant.id, { sort: 0 });
    draft = await declarationFactory(t.db, tenant.id, { published: false, sort: 1 });
    otherDeclaration = await declarationFactory(t.db, other.id);
  });
  afterAll(() => t.close());

  it('lists published declarations only and shows one with its sectors', async () => {
    const list = await t.app.inject(`/api/v1/${tenant.slug}/declarations?lang=en`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([{ slug: declaration.slug, title: 'Declaration for living together in diversity', signatoryCount: 0 }]);
    const res = await t.app.inject(`${url()}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toMatchObject({ slug: declaration.slug, lang: 'en', title: 'Declaration for living together in diversity', intro: 'Gemeinsam gegen Diskriminierung.' });
    expect(res.json().sectors).toContainEqual({ key: 'religion', name: 'Religious community' });
  });

  it('unknown tenants, unpublished and foreign declarations are 404; an unknown language is a 400', async () => {
    expect((await t.app.inject('/api/v1/nowhere/declarations')).json().error.code).toBe('unknown_tenant');
    for (const target of [url(draft.slug), url(otherDeclaration.slug), url('gibt-es-nicht')]) {
      expect((await t.app.inject(target)).statusCode, target).toBe(404);
      expect((await t.app.inject(`${target}/challenge`)).statusCode, target).toBe(404);
    }
    const bad = await t.app.inject(`${url()}?lang=xx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('lang');
    // Signing an unpublished declaration: a valid proof of work for it cannot even be obtained.
    const before = await rowCount();
    expect((await sign(await body(), nextIp(), url(draft.slug))).statusCode).toBe(404);
    expect(await rowCount()).toBe(before);
  });

  it('signs, confirms by the e-mail link, and shows the organisation only after verification', async () => {
    const input = await body({ organisation: 'Kulturverein Brücke e. V.', statement: 'Brücken bauen.', logo: `data:image/png;base64,${PNG.toString('base64')}` });
    const res = await sign(input);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ state: 'unconfirmed', email: input.email });
    const [row] = await t.db.system((tx) =>
      tx.query<{ state: string; token_hash: string; website: string; logo_type: string; lang: string }>(
        'SELECT state, token_hash, website, logo_type, lang FROM declaration_signatures WHERE email = $1',
        [input.email],
      ),
    );
    expect(row).toMatchObject({ state: 'unconfirmed', website: 'https://www.nachbarn.example', logo_type: 'image/png', lang: 'de' });
    const token = await tokenFor(input.email);
    // Only the hash of the token is stored.
    expect(row!.token_hash).not.toContain(token);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const [mail] = await t.db.system((tx) => tx.query<{ subject: string; text: string }>('SELECT subject, text FROM mail_outbox WHERE "to" = $1', [input.email]));
    expect(mail!.text).toContain(`http://localhost:3000/${tenant.slug}/de/erklaerung/bestaetigen#token=`);
    expect(mail!.subject).toContain('Bitte bestätigen');

    expect((await publicList()).signatories).toEqual([]);
    const confirmed = await confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({
      state: 'awaiting_verification',
      organisation: 'Kulturverein Brücke e. V.',
      declarationSlug: declaration.slug,
      declarationTitle: 'Erklärung für ein Zusammenleben in Vielfalt',
    });
    // One-time: the same link a second time is refused.
    const again = await confirm(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ field: 'token', details: { reason: 'invalid' } });
    expect((await publicList()).signatories).toEqual([]);

    // The office verifies (directly here; the admin routes are tested separately).
    await t.db.system((tx) => tx.query(`UPDATE declaration_signatures SET state = 'verified', verified_at = now() WHERE email = $1`, [input.email]));
    const list = await publicList();
    expect(list.signatoryCount).toBe(1);
    const [entry] = list.signatories;
    expect(entry).toMatchObject({ organisation: 'Kulturverein Brücke e. V.', sector: 'verein', website: 'https://www.nachbarn.example', statement: 'Brücken bauen.' });
    // GDPR: neither the contact person nor the e-mail address is public.
    expect(Object.keys(entry!).sort()).toEqual(['id', 'logoUrl', 'organisation', 'sector', 'statement', 'verifiedAt', 'website']);
    expect(JSON.stringify(list)).not.toContain(input.email);
    expect(JSON.stringify(list)).not.toContain('Alex Muster');
    const logo = await t.app.inject(entry!.logoUrl as string);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    const summary = (await t.app.inject(`/api/v1/${tenant.slug}/declarations`)).json();
    expect(summary[0].signatoryCount).toBe(1);

    // Withdrawal removes it from the public list, logo included.
    await t.db.system((tx) => tx.query(`UPDATE declaration_signatures SET state = 'withdrawn', withdrawn_at = now() WHERE email = $1`, [input.email]));
    expect((await publicList()).signatories).toEqual([]);
    expect((await t.app.inject(entry!.logoUrl as string)).statusCode).toBe(404);
  });

  it('every bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await rowCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'keine-adresse' }, 'body.email'],
      [{ email: 'a@b' }, 'body.email'],
      [{ consent: false }, 'body.consent'],
      [{ consent: undefined }, 'body.consent'],
      [{ organisation: 'A' }, 'body.organisation'],
      [{ contactName: '' }, 'body.contactName'],
      [{ website: 'kein web' }, 'body.website'],
      [{ website: 'javascript:alert(1)' }, 'body.website'],
      [{ statement: 'x'.repeat(1001) }, 'body.statement'],
      [{ pow: { challenge: 'x', nonce: 'abc' } }, 'body.pow.nonce'],
      [{ pow: undefined }, 'body.pow'],
      [{ extra: 1 }, 'body'],
      [{ sector: 'sportverein' }, 'sector'],
      [{ lang: 'xx' }, 'lang'],
      [{ organisation: '—— ——' }, 'organisation'],
      [{ logo: '%%%nicht base64%%%' }, 'logo'],
    ];
    for (const [patch, field] of cases) {
      const res = await sign({ ...(await body()), ...patch });
      expect(res.statusCode, `${JSON.stringify(patch).slice(0, 80)} → ${res.body}`).toBe(400);
      expect(res.json().error.field, JSON.stringify(patch).slice(0, 80)).toBe(field);
    }
    const invalidJson = await t.app.inject({ method: 'POST', url: `${url()}/signatures`, payload: '{"organisation":', headers: { 'content-type': 'application/json' }, remoteAddress: nextIp() });
    expect(invalidJson.statusCode).toBe(400);
    expect(await rowCount()).toBe(before);
  });

  it('the honeypot must stay empty', async () => {
    const before = await rowCount();
    const res = await sign(await body({ honeypot: 'https://spam.example' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('honeypot');
    expect(await rowCount()).toBe(before);
  });

  it('refuses a missing, forged, unsolved, foreign, expired or reused proof of work', async () => {
    const before = await rowCount();
    const key = declarationKey(t.ctx.config);
    const good = await pow();
    const [payload, mac] = good.challenge.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), b: 1 })).toString('base64url');
    let unsolved = 0;
    while (solveChallenge(good.challenge, 16) === String(unsolved)) unsolved++;
    const expired = issueChallenge(key, tenant.id, declaration.id, Date.now() - 3 * 60 * 60 * 1000);
    const foreign = issueChallenge(key, other.id, otherDeclaration.id);
    const cases: Array<[{ challenge: string; nonce: string }, string]> = [
      [{ challenge: `${forgedPayload}.${mac}`, nonce: good.nonce }, 'invalid'],
      [{ challenge: `${payload}.${'A'.repeat(mac!.length)}`, nonce: good.nonce }, 'invalid'],
      [{ challenge: 'nur-text', nonce: '1' }, 'invalid'],
      [{ challenge: good.challenge, nonce: String(unsolved) }, 'unsolved'],
      [{ challenge: expired.challenge, nonce: solveChallenge(expired.challenge, expired.difficulty) }, 'expired'],
      [{ challenge: foreign.challenge, nonce: solveChallenge(foreign.challenge, foreign.difficulty) }, 'invalid'],
    ];
    for (const [solution, reason] of cases) {
      const res = await sign(await body({ pow: solution }));
      expect(res.statusCode, `${reason}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'pow', details: { reason } });
    }
    expect(await rowCount()).toBe(before);
    // A solved challenge signs once.
    expect((await sign(await body({ pow: good }))).statusCode).toBe(202);
    const reused = await sign(await body({ pow: good }));
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ field: 'pow', details: { reason: 'used' } });
    expect(await rowCount()).toBe(before + 1);
  });

  it('duplicates (same organisation normalised, or same e-mail) are a clear 409', async () => {
    const first = await body({ organisation: 'Caritasverband Musterstadt e. V.', email: 'Info@Caritas-Muster.example' });
    expect((await sign(first)).statusCode).toBe(202);
    const before = await rowCount();
    const byName = await sign(await body({ organisation: '  caritasverband   MUSTERSTADT eV' }));
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error).toMatchObject({ code: 'duplicate', field: 'organisation' });
    const byMail = await sign(await body({ email: 'info@caritas-muster.example' }));
    expect(byMail.statusCode).toBe(409);
    expect(byMail.json().error).toMatchObject({ code: 'duplicate', field: 'email' });
    // Duplicates are per declaration: the same organisation may sign another one.
    await t.db.tenant(tenant.id, (tx) => tx.query('UPDATE declarations SET published = true WHERE id = $1', [draft.id]));
    const elsewhere = await sign(await body({ organisation: 'Caritasverband Musterstadt e. V.', pow: await pow(draft.slug) }), nextIp(), url(draft.slug));
    expect(elsewhere.statusCode, elsewhere.body).toBe(202);
    await t.db.tenant(tenant.id, (tx) => tx.query('UPDATE declarations SET published = false WHERE id = $1', [draft.id]));
    expect(await rowCount()).toBe(before + 1);
    // A rejected signature does not block a new sign-up.
    await t.db.system((tx) => tx.query(`UPDATE declaration_signatures SET state = 'rejected', rejected_at = now() WHERE email = $1`, ['Info@Caritas-Muster.example']));
    expect((await sign(await body({ organisation: 'Caritasverband Musterstadt' }))).statusCode).toBe(202);
  });

  it('an invalid or expired confirmation link is refused and changes nothing; an expired sign-up may be repeated', async () => {
    for (const token of ['x'.repeat(43), 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v']) {
      const res = await confirm(token);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'token', details: { reason: 'invalid' } });
    }
    const malformed = await confirm('kurz');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe('body.token');

    const input = await body({ organisation: 'Moscheegemeinde Süd' });
    expect((await sign(input)).statusCode).toBe(202);
    const token = await tokenFor(input.email);
    // Another tenant does not know the token.
    expect((await confirm(token, other)).statusCode).toBe(400);
    await t.db.system((tx) => tx.query(`UPDATE declaration_signatures SET token_expires_at = now() - interval '1 minute' WHERE email = $1`, [input.email]));
    const expired = await confirm(token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error).toMatchObject({ field: 'token', details: { reason: 'expired' } });
    const [row] = await t.db.system((tx) => tx.query<{ state: string }>('SELECT state FROM declaration_signatures WHERE email = $1', [input.email]));
    expect(row!.state).toBe('unconfirmed');
    // The expired sign-up does not block signing again; it is replaced.
    const again = await sign(await body({ organisation: 'Moscheegemeinde Süd', email: input.email }));
    expect(again.statusCode, again.body).toBe(202);
    const rows = await t.db.system((tx) => tx.query<{ state: string }>('SELECT state FROM declaration_signatures WHERE email = $1', [input.email]));
    expect(rows).toHaveLength(1);
    expect((await confirm(await tokenFor(input.email))).statusCode).toBe(200);
  });

  it('logos: PNG and JPEG up to 1 MB; SVG and other types 415, larger 413; nothing written', async () => {
    const before = await rowCount();
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024, 7)]);
    const huge = Buffer.alloc(5 * 1024 * 1024, 1);
    const cases: Array<[string, number, string]> = [
      [`data:image/svg+xml;base64,${SVG.toString('base64')}`, 415, 'logo'],
      [SVG.toString('base64'), 415, 'logo'],
      [Buffer.from('GIF89a....').toString('base64'), 415, 'logo'],
      [big.toString('base64'), 413, 'logo'],
      [`data:image/png;base64,${big.toString('base64')}`, 413, 'logo'],
      [huge.toString('base64'), 413, 'body'],
    ];
    for (const [logo, status, field] of cases) {
      const res = await sign(await body({ logo }));
      expect(res.statusCode, `${logo.slice(0, 30)} → ${res.body.slice(0, 200)}`).toBe(status);
      expect(res.json().error.field).toBe(field);
    }
    expect(await rowCount()).toBe(before);
    const jpeg = await sign(await body({ logo: JPEG.toString('base64') }));
    expect(jpeg.statusCode).toBe(202);
    const exactly = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 - PNG.length, 3)]);
    expect((await sign(await body({ logo: exactly.toString('base64') }))).statusCode).toBe(202);
  });

  it('a flood from one address gets 429 (also on another app node), other addresses still sign', async () => {
    const ip = '203.0.113.77';
    const before = await rowCount();
    for (let i = 0; i < SIGN_LIMIT; i++) {
      // Malformed attempts count too.
      const res = await sign({ organisation: 'Flut' }, ip);
      expect(res.statusCode).toBe(400);
    }
    const blocked = await sign(await body(), ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The counter lives in the database: a second app (another node, or after a restart) agrees.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
    const second = await buildApp(createContext(config, t.db), { serveWeb: false });
    try {
      const res = await second.inject({ method: 'POST', url: `${url()}/signatures`, payload: await body(), remoteAddress: ip });
      expect(res.statusCode).toBe(429);
    } finally {
      await second.close();
    }
    // IPv6: the whole /64 shares one budget.
    for (let i = 0; i < SIGN_LIMIT; i++) await sign({}, `2001:db8:1:2::${i + 1}`);
    expect((await sign({}, '2001:db8:1:2:ffff::1')).statusCode).toBe(429);
    expect((await sign(await body(), nextIp())).statusCode).toBe(202);
    expect(await rowCount()).toBe(before + 1);
    // Addresses are stored as keyed hashes only.
    const keys = await t.db.system((tx) => tx.query<{ key: string }>('SELECT key FROM declaration_rate_limit'));
    expect(keys.some((k) => k.key.includes('203.0.113'))).toBe(false);
  });

  it('the OpenAPI document describes the routes', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toContain('/api/v1/{tenant}/declarations/{slug}/signatures');
    expect(paths).toContain('/api/v1/{tenant}/admin/declarations/{id}/signatures/{signatureId}/verify');
  });

  it('signatories are sorted alphabetically (German collation) and a verified signature without logo has none', async () => {
    const fresh = await declarationFactory(t.db, tenant.id, { sort: 5 });
    for (const name of ['Zukunftswerkstatt', 'Ärztekammer', 'abc-Schule', 'Bürgerstiftung']) {
      await declarationSignatureFactory(t.db, tenant.id, fresh.id, { organisation: name });
    }
    await declarationSignatureFactory(t.db, tenant.id, fresh.id, { organisation: 'Noch offen', state: 'awaiting_verification' });
    const res = (await t.app.inject(url(fresh.slug))).json();
    expect(res.signatories.map((s: { organisation: string }) => s.organisation)).toEqual(['abc-Schule', 'Ärztekammer', 'Bürgerstiftung', 'Zukunftswerkstatt']);
    expect(res.signatories[0].logoUrl).toBeNull();
  });
});

/** A mail server that refuses every recipient: the sign-up must not stay behind. */
function refusingSmtp(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (verb === 'RCPT') socket.write('550 no such user\r\n');
        else if (verb === 'QUIT') {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe('public declaration: mail failure', () => {
  let t: TestApp;
  let smtp: { server: Server; port: number };

  beforeAll(async () => {
    smtp = await refusingSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await t.close();
    smtp.server.close();
  });

  it('answers 502 naming the e-mail and keeps no sign-up, so the same form can be sent again', async () => {
    const tenant = await tenantFactory(t.db);
    const declaration = await declarationFactory(t.db, tenant.id);
    const base = `/api/v1/${tenant.slug}/declarations/${declaration.slug}`;
    const send = async () => {
      const c = (await t.app.inject(`${base}/challenge`)).json();
      return t.app.inject({
        method: 'POST',
        url: `${base}/signatures`,
        remoteAddress: nextIp(),
        payload: {
          organisation: 'Sportverein Eintracht',
          sector: 'verein',
          contactName: 'Sam Sport',
          email: 'sam@eintracht.example',
          consent: true,
          pow: { challenge: c.challenge, nonce: solveChallenge(c.challenge, c.difficulty) },
        },
      });
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await send();
      expect(res.statusCode, res.body).toBe(502);
      expect(res.json().error).toMatchObject({ code: 'upstream_failed', field: 'email' });
      const rows = await t.db.system((tx) => tx.query('SELECT 1 FROM declaration_signatures'));
      expect(rows).toHaveLength(0);
    }
    const log = await t.db.system((tx) => tx.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'declaration_signature' ORDER BY at, action`));
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['declaration_signature.signed', 'declaration_signature.discarded']));
  });
});
