import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactFactory, networkGroupFactory, organisationFactory, providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/testApp.ts';
import type { Tenant } from '../tenants/tenantService.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

describe('actor network routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const call = (who: string | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const base = () => `/api/v1/${tenant.slug}/admin`;
  const count = async (table: string, tenantId = tenant.id) =>
    Number((await t.db.system((tx) => tx.query<{ n: number }>(`SELECT count(*)::int n FROM ${table} WHERE tenant_id = $1`, [tenantId])))[0]!.n);
  const counts = async () => ({
    organisations: await count('organisations'),
    contacts: await count('contacts'),
    relationships: await count('actor_relationships'),
    consents: await count('contact_consents'),
    merges: await count('actor_merges'),
    audit: await count('audit_log'),
  });
  const taxonomy = async (tenantId: string) =>
    t.db.system(async (tx) => ({
      fields: Object.fromEntries((await tx.query<{ key: string; id: string }>('SELECT key, id FROM fields_of_action WHERE tenant_id = $1', [tenantId])).map((r) => [r.key, r.id])),
      groups: Object.fromEntries((await tx.query<{ key: string; id: string }>('SELECT key, id FROM target_groups WHERE tenant_id = $1', [tenantId])).map((r) => [r.key, r.id])),
      areas: Object.fromEntries((await tx.query<{ key: string; id: string }>('SELECT key, id FROM areas WHERE tenant_id = $1', [tenantId])).map((r) => [r.key, r.id])),
    }));

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await tenantFactory(t.db);
    other = await tenantFactory(t.db);
    const provider = await providerFactory(t.db, tenant.id, { name: 'Sprachschule Nord' });
    ids.provider = provider.id;
    cookies.admin = (await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' })).cookie;
    cookies.office = (await staffSession(t.app, t.db, tenant, { role: 'office_editor' })).cookie;
    cookies.partner = (await staffSession(t.app, t.db, tenant, { role: 'partner_editor', providerId: provider.id })).cookie;
    cookies.otherAdmin = (await staffSession(t.app, t.db, other, { role: 'tenant_admin' })).cookie;
    cookies.superAdmin = (await staffSession(t.app, t.db, null, { role: 'super_admin' })).cookie;
    ids.org = (await organisationFactory(t.db, tenant.id, { name: 'Internationaler Frauentreff' })).id;
    ids.contact = (await contactFactory(t.db, tenant.id, { name: 'Aylin Demir', organisationId: ids.org })).id;
    ids.foreignOrg = (await organisationFactory(t.db, other.id, { name: 'Fremder Verein' })).id;
    ids.foreignContact = (await contactFactory(t.db, other.id, { name: 'Fremde Person' })).id;
  });
  afterAll(() => t.close());

  it('401 without a session, 403 for partners and for staff of another tenant', async () => {
    const routes: Array<[Method, () => string, unknown?]> = [
      ['GET', () => `${base()}/organisations`],
      ['POST', () => `${base()}/organisations`, { name: 'Neuer Verein' }],
      ['GET', () => `${base()}/organisations/${ids.org}`],
      ['PUT', () => `${base()}/organisations/${ids.org}`, { name: 'Übernahme' }],
      ['GET', () => `${base()}/organisations/duplicates?name=Frauentreff`],
      ['POST', () => `${base()}/organisations/${ids.org}/merge`, { mergeId: ids.foreignOrg }],
      ['GET', () => `${base()}/contacts`],
      ['GET', () => `${base()}/contacts/${ids.contact}`],
      ['POST', () => `${base()}/contacts`, { name: 'Neue Person' }],
      ['DELETE', () => `${base()}/contacts/${ids.contact}`],
      ['POST', () => `${base()}/relationships`, { kind: "funds", fromOrganisationId: ids.org, toOrganisationId: ids.contact }],
      ['GET', () => `${base()}/actors/search`],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(null, method, path(), body)).statusCode, `anonymous ${method} ${path()}`).toBe(401);
      const partner = await call('partner', method, path(), body);
      expect(partner.statusCode, `partner ${method} ${path()} ${partner.body}`).toBe(403);
      expect((await call('otherAdmin', method, path(), body)).statusCode, `other tenant ${method} ${path()}`).toBe(403);
    }
    const own = await call('superAdmin', 'GET', `${base()}/organisations/${ids.org}`);
    expect(own.statusCode).toBe(200);
  });

  it("another tenant's records read as 404 and cannot be referenced (400 naming the field)", async () => {
    for (const [method, url, body] of [
      ['GET', `${base()}/organisations/${ids.foreignOrg}`, undefined],
      ['PUT', `${base()}/organisations/${ids.foreignOrg}`, { name: 'Gekapert' }],
      ['GET', `${base()}/contacts/${ids.foreignContact}`, undefined],
      ['POST', `${base()}/contacts/${ids.foreignContact}/archive`, undefined],
      ['DELETE', `${base()}/contacts/${ids.foreignContact}`, undefined],
    ] as const) {
      expect((await call('admin', method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const before = await counts();
    const rel = await call('office', 'POST', `${base()}/relationships`, { kind: 'works_for', fromContactId: ids.contact, toOrganisationId: ids.foreignOrg });
    expect(rel.statusCode).toBe(400);
    expect(rel.json().error.field).toBe('toOrganisationId');
    const merge = await call('office', 'POST', `${base()}/organisations/${ids.org}/merge`, { mergeId: ids.foreignOrg });
    expect(merge.statusCode).toBe(400);
    expect(merge.json().error.field).toBe('mergeId');
    const otherTax = await taxonomy(other.id);
    const foreignField = await call('office', 'POST', `${base()}/organisations`, { name: 'Verein mit fremdem Feld', fieldIds: [otherTax.fields.language] });
    expect(foreignField.statusCode).toBe(400);
    expect(foreignField.json().error.field).toBe('fieldIds');
    expect(await counts()).toEqual(before);
    const [row] = await t.db.system((tx) => tx.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [ids.foreignOrg]));
    expect(row!.name).toBe('Fremder Verein');
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await counts();
    const cases: Array<[string, unknown, string]> = [
      ['/organisations', { name: 'A' }, 'body.name'],
      ['/organisations', { name: 'Verein', email: 'kein-mail' }, 'body.email'],
      ['/organisations', { name: 'Verein', website: 'verein.de' }, 'body.website'],
      ['/organisations', { name: 'Verein', type: 'sect' }, 'body.type'],
      ['/organisations', { name: 'Verein', postcode: '123' }, 'body.postcode'],
      ['/organisations', { name: 'Verein', providerId: '00000000-0000-4000-8000-000000000000' }, 'providerId'],
      ['/organisations', { name: 'Verein', owner: 'x' }, 'body'],
      ['/contacts', { name: 'Eva Beispiel', email: 'eva@' }, 'body.email'],
      ['/contacts', { name: 'Eva Beispiel', preferredChannel: 'pigeon' }, 'body.preferredChannel'],
      ['/contacts', { name: 'Eva Beispiel', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
      ['/contacts', { name: 'Eva Beispiel', consents: [{ purpose: 'contact', givenOn: '2999-01-01', source: 'Formular' }] }, 'consents.0.givenOn'],
      ['/contacts', { name: 'Eva Beispiel', consents: [{ purpose: 'contact', givenOn: '31.12.2025', source: 'Formular' }] }, 'body.consents.0.givenOn'],
      ['/relationships', { kind: 'works_for', fromContactId: ids.contact, toOrganisationId: ids.org, startsOn: '2025-05-01', endsOn: '2025-04-01' }, 'body.endsOn'],
      ['/relationships', { kind: 'funds', fromContactId: ids.contact, toOrganisationId: ids.org }, 'body.kind'],
      ['/relationships', { kind: 'funds', fromOrganisationId: ids.org, toOrganisationId: ids.org }, 'body.toOrganisationId'],
      ['/relationships', { kind: 'works_for', toOrganisationId: ids.org }, 'body.fromContactId'],
      ['/relationships', { kind: 'works_for', fromContactId: '00000000-0000-4000-8000-000000000000', toOrganisationId: ids.org }, 'fromContactId'],
    ];
    for (const [path, body, field] of cases) {
      const res = await call('office', 'POST', `${base()}${path}`, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)} → ${res.body}`).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    const consent = await call('office', 'POST', `${base()}/contacts/${ids.contact}/consents`, { purpose: 'contact', givenOn: '2999-01-01', source: 'Telefon' });
    expect(consent.statusCode).toBe(400);
    expect(consent.json().error.field).toBe('givenOn');
    const notUuid = await call('office', 'GET', `${base()}/organisations/not-a-uuid`);
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.field).toBe('params.id');
    expect(await counts()).toEqual(before);
  });

  it('creates, reads, updates and archives an organisation, with audit entries', async () => {
    const tax = await taxonomy(tenant.id);
    const created = await call('office', 'POST', `${base()}/organisations`, {
      name: 'Mütterzentrum Nordstadt e.V.',
      type: 'association',
      street: 'Lindenweg 4',
      postcode: '68100',
      town: 'Teststadt',
      website: 'https://www.muetterzentrum-nord.example.org',
      email: 'info@muetterzentrum-nord.example.org',
      languages: ['de', 'ar', 'tr'],
      fieldIds: [tax.fields.language, tax.fields.family],
      targetGroupIds: [tax.groups.women, tax.groups.parents],
      areaIds: [tax.areas.nordstadt],
      providerId: ids.provider,
    });
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ name: 'Mütterzentrum Nordstadt e.V.', type: 'association', provider: { id: ids.provider, name: 'Sprachschule Nord' }, relationships: [], memberships: [], merges: [] });
    ids.muetterzentrum = org.id;
    // One organisation per provider record.
    const second = await call('office', 'POST', `${base()}/organisations`, { name: 'Ganz anderer Träger', providerId: ids.provider });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.field).toBe('providerId');

    const updated = await call('admin', 'PUT', `${base()}/organisations/${org.id}`, { ...org, name: 'Mütterzentrum Nordstadt', provider: undefined, providerId: ids.provider, relationships: undefined, memberships: undefined, merges: undefined, id: undefined, archived: undefined, createdAt: undefined, updatedAt: undefined });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().name).toBe('Mütterzentrum Nordstadt');
    const archived = await call('office', 'POST', `${base()}/organisations/${org.id}/archive`);
    expect(archived.json().archived).toBe(true);
    const list = await call('office', 'GET', `${base()}/organisations?q=mutterzentrum`);
    expect(list.json().items).toEqual([]);
    const withArchived = await call('office', 'GET', `${base()}/organisations?q=mütterzentrum&includeArchived=true`);
    expect(withArchived.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    await call('office', 'POST', `${base()}/organisations/${org.id}/restore`);
    const byField = await call('office', 'GET', `${base()}/organisations?fieldId=${tax.fields.family}&areaId=${tax.areas.nordstadt}`);
    expect(byField.json().items.map((o: { id: string }) => o.id)).toContain(org.id);
    const audit = await t.db.system((tx) => tx.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, action', [org.id]));
    expect(audit.map((a) => a.action)).toEqual(['organisation.created', 'organisation.updated', 'organisation.archived', 'organisation.restored']);
  });

  it('warns about likely duplicates (similar name, same domain, same e-mail) and refuses them unless confirmed', async () => {
    await organisationFactory(t.db, tenant.id, { name: 'Caritasverband Teststadt e.V.', website: 'https://www.caritas-teststadt.example.de', email: 'info@caritas-teststadt.example.de' });
    await organisationFactory(t.db, tenant.id, { name: 'Kulturverein Anadolu', email: 'anadolu@gmail.com' });
    const check = async (q: Record<string, string>) => {
      const res = await call('office', 'GET', `${base()}/organisations/duplicates?${new URLSearchParams(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().candidates as Array<{ name: string; reasons: string[]; score: number }>;
    };
    const byName = await check({ name: 'Caritas-Verband Teststadt' });
    expect(byName[0]).toMatchObject({ name: 'Caritasverband Teststadt e.V.' });
    expect(byName[0]!.reasons).toContain('similar_name');
    const byDomain = await check({ name: 'Migrationsdienst', website: 'https://caritas-teststadt.example.de/migration' });
    expect(byDomain.map((c) => c.name)).toEqual(['Caritasverband Teststadt e.V.']);
    expect(byDomain[0]!.reasons).toEqual(['same_domain']);
    const byMailDomain = await check({ name: 'Beratungsstelle', email: 'beratung@caritas-teststadt.example.de' });
    expect(byMailDomain[0]!.reasons).toEqual(['same_domain']);
    // A free-mail domain says nothing.
    expect(await check({ name: 'Schachclub Süd', email: 'schach-sued@gmail.com' })).toEqual([]);
    expect(await check({ name: 'Jugendfeuerwehr' })).toEqual([]);

    const before = await count('organisations');
    const refused = await call('office', 'POST', `${base()}/organisations`, { name: 'Caritasverband Teststadt' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'duplicate', field: 'name' });
    expect(refused.json().error.details.candidates[0].name).toBe('Caritasverband Teststadt e.V.');
    expect(await count('organisations')).toBe(before);
    const confirmed = await call('office', 'POST', `${base()}/organisations`, { name: 'Caritasverband Teststadt', ignoreDuplicates: true });
    expect(confirmed.statusCode).toBe(201);
    ids.caritasDuplicate = confirmed.json().id;

    await contactFactory(t.db, tenant.id, { name: 'Johanna Schmidt', email: 'j.schmidt@caritas-teststadt.example.de', phone: '+49 621 123456' });
    const person = async (q: Record<string, string>) => (await call('office', 'GET', `${base()}/contacts/duplicates?${new URLSearchParams(q)}`)).json().candidates as Array<{ name: string; reasons: string[] }>;
    expect((await person({ name: 'Johanna Schmitt' }))[0]).toMatchObject({ name: 'Johanna Schmidt', reasons: ['similar_name'] });
    expect((await person({ name: 'J. S.', email: 'J.Schmidt@caritas-teststadt.example.de' }))[0]!.reasons).toEqual(['same_email']);
    expect((await person({ name: 'Frau Schmidt', phone: '0621 / 123456' }))[0]!.reasons).toContain('same_phone');
    const dupContact = await call('office', 'POST', `${base()}/contacts`, { name: 'Johanna Schmidt' });
    expect(dupContact.statusCode).toBe(409);
  });

  it('merges two organisations: relationships and memberships move, duplicates collapse, history and audit stay', async () => {
    const survivor = await organisationFactory(t.db, tenant.id, { name: 'Diakonie Teststadt', phone: null });
    const loser = await organisationFactory(t.db, tenant.id, { name: 'Diakonisches Werk Teststadt', phone: '0621 55555', languages: ['ru'] });
    const funder = await organisationFactory(t.db, tenant.id, { name: 'Stiftung Bürgersinn' });
    const worker = await contactFactory(t.db, tenant.id, { name: 'Peter Paulsen', organisationId: loser.id });
    const both = await contactFactory(t.db, tenant.id, { name: 'Olga Iwanowa', organisationId: loser.id });
    const group = await networkGroupFactory(t.db, tenant.id, {
      name: 'AK Sprache',
      members: [{ organisationId: survivor.id }, { organisationId: loser.id }, { organisationId: loser.id, contactId: worker.id, role: 'chair' }],
    });
    for (const body of [
      { kind: 'funds', fromOrganisationId: funder.id, toOrganisationId: survivor.id },
      { kind: 'funds', fromOrganisationId: funder.id, toOrganisationId: loser.id },
      { kind: 'cooperates_with', fromOrganisationId: loser.id, toOrganisationId: survivor.id },
      { kind: 'works_for', fromContactId: both.id, toOrganisationId: survivor.id, startsOn: '2024-01-01' },
    ]) {
      const res = await call('office', 'POST', `${base()}/relationships`, body);
      expect(res.statusCode, res.body).toBe(201);
    }
    // The same relationship twice for an overlapping period is refused.
    const again = await call('office', 'POST', `${base()}/relationships`, { kind: 'funds', fromOrganisationId: funder.id, toOrganisationId: survivor.id, startsOn: '2020-01-01' });
    expect(again.statusCode).toBe(409);

    expect((await call('office', 'POST', `${base()}/organisations/${survivor.id}/merge`, { mergeId: survivor.id })).json().error.field).toBe('mergeId');
    const res = await call('office', 'POST', `${base()}/organisations/${survivor.id}/merge`, { mergeId: loser.id });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged.phone).toBe('0621 55555');
    expect(merged.languages).toEqual(['ru']);
    expect(merged.merges).toHaveLength(1);
    expect(merged.merges[0]).toMatchObject({ mergedId: loser.id, mergedName: 'Diakonisches Werk Teststadt' });
    expect(merged.merges[0].moved).toMatchObject({ memberships: 1, membershipsDropped: 1 });
    const kinds = merged.relationships.map((r: { kind: string; from: { name: string } }) => `${r.kind}:${r.from.name}`).sort();
    expect(kinds).toEqual(['funds:Stiftung Bürgersinn', 'works_for:Olga Iwanowa', 'works_for:Olga Iwanowa', 'works_for:Peter Paulsen']);
    expect(merged.memberships.map((m: { group: { name: string }; contact: { name: string } | null; role: string }) => `${m.group.name}/${m.contact?.name ?? '-'}/${m.role}`).sort()).toEqual([
      'AK Sprache/-/member',
      'AK Sprache/Peter Paulsen/chair',
    ]);
    expect((await call('office', 'GET', `${base()}/organisations/${loser.id}`)).statusCode).toBe(404);
    const audit = await t.db.system((tx) => tx.query<{ action: string; details: { mergedId: string } }>("SELECT action, details FROM audit_log WHERE entity_id = $1 AND action = 'organisation.merged'", [survivor.id]));
    expect(audit[0]!.details.mergedId).toBe(loser.id);
    expect(group.id).toBeTruthy();
  });

  it('merges two contacts: memberships, attendance, tasks and consents move; an opt-out stays an opt-out', async () => {
    const org = await organisationFactory(t.db, tenant.id, { name: 'Jobcenter Teststadt', type: 'job_centre' });
    const survivor = await contactFactory(t.db, tenant.id, { name: 'Maria Weber', email: 'maria.weber@jobcenter.example.de', organisationId: org.id });
    const loser = await contactFactory(t.db, tenant.id, { name: 'Maria Weber-Schulz', email: null, phone: '0621 777', optOutInvitations: true, consent: false });
    const group = await networkGroupFactory(t.db, tenant.id, { members: [{ organisationId: org.id, contactId: loser.id, role: 'deputy' }] });
    await t.db.tenant(tenant.id, async (tx) => {
      const [m] = await tx.query<{ id: string }>(
        "INSERT INTO network_meetings (tenant_id, group_id, title, starts_at, ends_at) VALUES ($1, $2, 'Sitzung', now(), now() + interval '1 hour') RETURNING id",
        [tenant.id, group.id],
      );
      await tx.query("INSERT INTO meeting_attendance (tenant_id, meeting_id, contact_id, status) VALUES ($1, $2, $3, 'present'), ($1, $2, $4, 'present')", [tenant.id, m!.id, survivor.id, loser.id]);
      await tx.query("INSERT INTO network_tasks (tenant_id, group_id, title, owner_contact_id) VALUES ($1, $2, 'Flyer drucken', $3)", [tenant.id, group.id, loser.id]);
      await tx.query("INSERT INTO contact_consents (tenant_id, contact_id, purpose, given_on, source) VALUES ($1, $2, 'newsletter', '2025-02-01', 'Formular')", [tenant.id, loser.id]);
    });
    const res = await call('office', 'POST', `${base()}/contacts/${survivor.id}/merge`, { mergeId: loser.id });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ name: 'Maria Weber', email: 'maria.weber@jobcenter.example.de', phone: '0621 777', optOutInvitations: true, mailBlock: 'opted_out' });
    expect(c.consentTo).toEqual(['contact', 'newsletter']);
    expect(c.tasks.map((x: { title: string }) => x.title)).toEqual(['Flyer drucken']);
    expect(c.memberships.map((m: { role: string }) => m.role)).toEqual(['deputy']);
    expect(c.merges[0].moved).toMatchObject({ attendanceDropped: 1, tasks: 1, consents: 1, memberships: 1 });
    expect((await call('office', 'GET', `${base()}/contacts/${loser.id}`)).statusCode).toBe(404);
    // Personal data stays out of the audit log.
    const [entry] = await t.db.system((tx) => tx.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'contact.merged' AND entity_id = $1", [survivor.id]));
    expect(JSON.stringify(entry!.details)).not.toContain('Weber');
  });

  it('records consent and contact preferences; without consent or with an opt-out a contact is not mailable', async () => {
    const created = await call('office', 'POST', `${base()}/contacts`, {
      name: 'Hamid Karimi',
      email: 'hamid.karimi@beispiel-verein.example.org',
      jobFunction: 'Projektleitung',
      languages: ['fa', 'de'],
      organisationId: ids.org,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ mailBlock: 'no_consent', consentTo: [], organisations: [{ id: ids.org, name: 'Internationaler Frauentreff', kind: 'works_for' }] });
    const given = await call('office', 'POST', `${base()}/contacts/${c.id}/consents`, { purpose: 'contact', givenOn: '2025-03-01', source: 'Anmeldeformular Netzwerktreffen', note: 'Einladungen und Protokolle' });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ mailBlock: null, consentTo: ['contact'] });
    expect(given.json().consents[0]).toMatchObject({ purpose: 'contact', givenOn: '2025-03-01', source: 'Anmeldeformular Netzwerktreffen', withdrawnAt: null });
    const optedOut = await call('office', 'PUT', `${base()}/contacts/${c.id}`, { name: 'Hamid Karimi', email: 'hamid.karimi@beispiel-verein.example.org', optOutInvitations: true, preferredChannel: 'phone' });
    expect(optedOut.json()).toMatchObject({ mailBlock: 'opted_out', preferredChannel: 'phone' });
    await call('office', 'PUT', `${base()}/contacts/${c.id}`, { name: 'Hamid Karimi', email: 'hamid.karimi@beispiel-verein.example.org', preferredChannel: 'none' });
    expect((await call('office', 'GET', `${base()}/contacts/${c.id}`)).json().mailBlock).toBe('channel');
    await call('office', 'PUT', `${base()}/contacts/${c.id}`, { name: 'Hamid Karimi', email: 'hamid.karimi@beispiel-verein.example.org' });
    const withdrawn = await call('office', 'POST', `${base()}/contacts/${c.id}/consents/${given.json().consents[0].id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ mailBlock: 'no_consent', consentTo: [] });
    expect(withdrawn.json().consents[0].withdrawnAt).not.toBeNull();
    const audit = await t.db.system((tx) => tx.query<{ action: string; details: unknown }>('SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY at, action', [c.id]));
    expect(audit.map((a) => a.action)).toEqual(['contact.created', 'contact.consent_given', 'contact.updated', 'contact.updated', 'contact.updated', 'contact.consent_withdrawn']);
    expect(JSON.stringify(audit)).not.toContain('karimi');
  });

  it('erases a contact for good (administrators only); tasks lose their owner', async () => {
    const contact = await contactFactory(t.db, tenant.id, { name: 'Lena Löschmich', organisationId: ids.org });
    const group = await networkGroupFactory(t.db, tenant.id, { members: [{ contactId: contact.id }] });
    await t.db.tenant(tenant.id, (tx) => tx.query("INSERT INTO network_tasks (tenant_id, group_id, title, owner_contact_id) VALUES ($1, $2, 'Raum buchen', $3)", [tenant.id, group.id, contact.id]));
    expect((await call('office', 'DELETE', `${base()}/contacts/${contact.id}`)).statusCode).toBe(403);
    const res = await call('admin', 'DELETE', `${base()}/contacts/${contact.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: contact.id, deleted: true });
    const left = await t.db.system((tx) =>
      tx.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM contacts WHERE id = $1) + (SELECT count(*) FROM contact_consents WHERE contact_id = $1)
              + (SELECT count(*) FROM actor_relationships WHERE from_contact_id = $1) + (SELECT count(*) FROM group_members WHERE contact_id = $1)
              + (SELECT count(*) FROM network_tasks WHERE owner_contact_id = $1) AS n`,
        [contact.id],
      ),
    );
    expect(Number(left[0]!.n)).toBe(0);
    const [task] = await t.db.system((tx) => tx.query<{ owner_contact_id: string | null }>("SELECT owner_contact_id FROM network_tasks WHERE title = 'Raum buchen'"));
    expect(task!.owner_contact_id).toBeNull();
    const [entry] = await t.db.system((tx) => tx.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'contact.erased' AND entity_id = $1", [contact.id]));
    expect(JSON.stringify(entry!.details)).not.toContain('Lösch');
  });

  it('answers "who works on language for women with children in the Nordstadt?" with people and groups', async () => {
    // A tenant of its own, so the other tests' organisations do not answer too.
    const city = await tenantFactory(t.db);
    cookies.city = (await staffSession(t.app, t.db, city, { role: 'office_editor' })).cookie;
    const tenant = city;
    const base = () => `/api/v1/${city.slug}/admin`;
    const call = (_who: string, method: Method, url: string) => t.app.inject({ method, url, headers: { cookie: cookies.city! } });
    const tax = await taxonomy(tenant.id);
    const [language, women, parents, nord, sued] = [tax.fields.language, tax.groups.women, tax.groups.parents, tax.areas.nordstadt, tax.areas.suedstadt];
    const nordOrg = await organisationFactory(t.db, tenant.id, { name: 'Frauencafé Nord', fieldIds: [language!], targetGroupIds: [women!, parents!], areaIds: [nord!], languages: ['de', 'ar'] });
    const cityWide = await organisationFactory(t.db, tenant.id, { name: 'Volkshochschule Teststadt', type: 'adult_education_centre', fieldIds: [language!, tax.fields.work!], targetGroupIds: [women!, parents!, tax.groups.refugees!] });
    await organisationFactory(t.db, tenant.id, { name: 'Mama lernt Deutsch Süd', fieldIds: [language!], targetGroupIds: [women!, parents!], areaIds: [sued!] });
    await organisationFactory(t.db, tenant.id, { name: 'Frauenberatung Nord', fieldIds: [tax.fields.counselling!], targetGroupIds: [women!], areaIds: [nord!] });
    await organisationFactory(t.db, tenant.id, { name: 'Sprachkurs nur für Frauen', fieldIds: [language!], targetGroupIds: [women!], areaIds: [nord!] });
    const leila = await contactFactory(t.db, tenant.id, { name: 'Leila Haddad', jobFunction: 'Kursleitung', languages: ['ar', 'de'], organisationId: nordOrg.id });
    await contactFactory(t.db, tenant.id, { name: 'Sven Sommer', jobFunction: 'Fachbereich Deutsch', languages: ['de'], organisationId: cityWide.id });
    const group = await networkGroupFactory(t.db, tenant.id, { name: 'AK Frauen und Familie', members: [{ organisationId: nordOrg.id, contactId: leila.id, role: 'chair' }] });

    const q = new URLSearchParams({ fieldIds: language!, targetGroupIds: `${women},${parents}`, areaId: nord! });
    const res = await call('office', 'GET', `${base()}/actors/search?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.organisations.map((o: { name: string }) => o.name)).toEqual(['Frauencafé Nord', 'Volkshochschule Teststadt']);
    expect(body.organisations[0]).toMatchObject({ cityWide: false, people: [{ name: 'Leila Haddad', kind: 'works_for' }], groups: [{ id: group.id, name: 'AK Frauen und Familie', role: 'chair' }] });
    expect(body.organisations[1].cityWide).toBe(true);
    expect(body).toMatchObject({ total: 2, people: 2 });

    const strict = await call('office', 'GET', `${base()}/actors/search?${q}&includeCityWide=false`);
    expect(strict.json().organisations.map((o: { name: string }) => o.name)).toEqual(['Frauencafé Nord']);
    const arabic = await call('office', 'GET', `${base()}/actors/search?${q}&language=ar`);
    expect(arabic.json().organisations.map((o: { name: string }) => o.name)).toEqual(['Frauencafé Nord']);
    const anyGroup = await call('office', 'GET', `${base()}/actors/search?fieldIds=${language}&targetGroupIds=${women},${parents}&targetGroupMatch=any&areaId=${nord}&includeCityWide=false`);
    expect(anyGroup.json().organisations.map((o: { name: string }) => o.name)).toEqual(['Frauencafé Nord', 'Sprachkurs nur für Frauen']);
    const bad = await call('office', 'GET', `${base()}/actors/search?fieldIds=${(await taxonomy(other.id)).fields.language}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('fieldIds');
  });
});
