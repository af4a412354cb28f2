import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createAccount } from '../domains/auth/accounts.ts';
import type { CaseRole, Role } from '../domains/auth/roles.ts';
import { casePrograms, cases, persons, teams } from '../domains/cases/case.table.ts';
import { offers, offerTranslations, type OfferStatus } from '../domains/offers/offer.table.ts';
import { locations, providers } from '../domains/providers/provider.table.ts';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from '../domains/taxonomy/defaultTaxonomy.ts';
import { areas, fieldsOfAction, targetGroups } from '../domains/taxonomy/taxonomy.table.ts';
import { tenants } from '../domains/tenants/tenant.table.ts';
import type { Tenant } from '../domains/tenants/tenantService.ts';
import type { App } from '../server/app.ts';
import { totp } from './totp.ts';

const unique = () => randomBytes(4).toString('hex');

/** A tenant with the default fields of action and target groups, plus two areas. */
export async function tenantFactory(db: Database, overrides: Partial<typeof tenants.$inferInsert> = {}): Promise<Tenant> {
  return db.system(async (tx) => {
    const [tenant] = await tx.db
      .insert(tenants)
      .values({
        slug: `t-${unique()}`,
        name: 'Teststadt',
        languages: ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg'],
        settings: { twoFactorRoles: [] },
        ...overrides,
      })
      .returning();
    const tenantId = tenant!.id;
    await tx.db.insert(fieldsOfAction).values(DEFAULT_FIELDS_OF_ACTION.map((f, i) => ({ ...f, tenantId, sort: i })));
    await tx.db.insert(targetGroups).values(DEFAULT_TARGET_GROUPS.map((g, i) => ({ ...g, tenantId, sort: i })));
    await tx.db.insert(areas).values([
      { tenantId, key: 'nordstadt', names: { de: 'Nordstadt' }, lat: 49.5, lon: 8.47, sort: 0 },
      { tenantId, key: 'suedstadt', names: { de: 'Südstadt' }, lat: 49.46, lon: 8.47, sort: 1 },
    ]);
    return tenant!;
  });
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function accountFactory(
  db: Database,
  tenant: Tenant | null,
  options: { role?: Role; providerId?: string | null; teamId?: string | null; consentOverride?: boolean; email?: string; password?: string; name?: string } = {},
): Promise<TestAccount> {
  const role = options.role ?? 'office_editor';
  const email = options.email ?? `${role}-${unique()}@example.org`;
  const password = options.password ?? `pw-${unique()}-${unique()}`;
  const row = await db.system((tx) =>
    createAccount(
      tx,
      {
        email,
        password,
        name: options.name ?? `Test ${role}`,
        role,
        tenantId: tenant?.id ?? null,
        providerId: options.providerId ?? null,
        teamId: options.teamId ?? null,
        consentOverride: options.consentOverride ?? false,
      },
      null,
    ),
  );
  return { id: row.id, email, password, role };
}

/** Signs in through the real auth endpoint; returns the Cookie header for app.inject(). */
export async function signIn(app: App, account: { email: string; password: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: account.email, password: account.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}

/** Account + signed-in cookie in one step. */
export async function staffSession(
  app: App,
  db: Database,
  tenant: Tenant | null,
  options: Parameters<typeof accountFactory>[2] = {},
): Promise<{ account: TestAccount; cookie: string }> {
  const account = await accountFactory(db, tenant, options);
  return { account, cookie: await signIn(app, account) };
}

export async function providerFactory(db: Database, tenantId: string, overrides: Partial<typeof providers.$inferInsert> = {}) {
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db.insert(providers).values({ tenantId, name: `Träger ${unique()}`, ...overrides }).returning(),
  );
  return row!;
}

export async function locationFactory(db: Database, tenantId: string, overrides: Partial<typeof locations.$inferInsert> = {}) {
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db
      .insert(locations)
      .values({ tenantId, name: `Standort ${unique()}`, street: 'Hauptstraße 1', postcode: '68100', town: 'Teststadt', lat: 49.49, lon: 8.47, ...overrides })
      .returning(),
  );
  return row!;
}

export interface OfferFactoryOptions extends Partial<typeof offers.$inferInsert> {
  status?: OfferStatus;
  /** Texts per language; German is required for a meaningful offer. */
  texts?: Record<string, { title: string; summary?: string; description?: string }>;
  fieldKeys?: string[];
  targetGroupKeys?: string[];
}

export async function offerFactory(db: Database, tenantId: string, options: OfferFactoryOptions = {}) {
  const { texts, fieldKeys, targetGroupKeys, ...overrides } = options;
  return db.tenant(tenantId, async (tx) => {
    let providerId = overrides.providerId;
    if (!providerId) {
      const [p] = await tx.db.insert(providers).values({ tenantId, name: `Träger ${unique()}` }).returning();
      providerId = p!.id;
    }
    const fieldIds = fieldKeys
      ? (await tx.db.select().from(fieldsOfAction)).filter((f) => fieldKeys.includes(f.key)).map((f) => f.id)
      : overrides.fieldIds;
    const targetGroupIds = targetGroupKeys
      ? (await tx.db.select().from(targetGroups)).filter((g) => targetGroupKeys.includes(g.key)).map((g) => g.id)
      : overrides.targetGroupIds;
    const [offer] = await tx.db
      .insert(offers)
      .values({
        tenantId,
        status: 'published',
        publishedAt: new Date(),
        languages: ['de'],
        ...overrides,
        providerId,
        ...(fieldIds ? { fieldIds } : {}),
        ...(targetGroupIds ? { targetGroupIds } : {}),
      })
      .returning();
    const allTexts = texts ?? { de: { title: `Angebot ${unique()}` } };
    for (const [lang, t] of Object.entries(allTexts)) {
      await tx.db.insert(offerTranslations).values({
        tenantId,
        offerId: offer!.id,
        lang,
        title: t.title,
        summary: t.summary ?? '',
        description: t.description ?? '',
        sourceVersion: offer!.sourceVersion,
      });
    }
    const [fresh] = await tx.db.select().from(offers).where(eq(offers.id, offer!.id));
    return fresh!;
  });
}

// ---- case management -------------------------------------------------------------------------

/** A case-management team. */
export async function teamFactory(db: Database, tenantId: string, overrides: Partial<typeof teams.$inferInsert> = {}) {
  const [row] = await db.system((tx) => tx.db.insert(teams).values({ tenantId, name: `Team ${unique()}`, ...overrides }).returning());
  return row!;
}

/** A programme (default: like BW integration management, 36 + 12 months, 36 months retention). */
export async function programmeFactory(db: Database, tenantId: string, overrides: Partial<typeof casePrograms.$inferInsert> = {}) {
  const [row] = await db.system((tx) =>
    tx.db
      .insert(casePrograms)
      .values({ tenantId, code: `P${unique()}`, name: 'Integrationsmanagement', maxDurationMonths: 36, maxExtensionMonths: 12, retentionMonths: 36, ...overrides })
      .returning(),
  );
  return row!;
}

/**
 * A signed-in case-management account with two-factor login switched on through the real
 * better-auth flow (enable with the password, verify a TOTP code). Returns the cookie of the
 * session that passed the second factor, and the TOTP secret for later sign-ins.
 */
export async function caseStaffSession(
  app: App,
  db: Database,
  tenant: Tenant,
  options: Parameters<typeof accountFactory>[2] & { role?: CaseRole | 'partner_editor' } = {},
): Promise<{ account: TestAccount; cookie: string; secret: string }> {
  const role = options.role ?? 'integration_manager';
  let teamId = options.teamId;
  if (teamId === undefined && (role === 'integration_manager' || role === 'team_lead')) teamId = (await teamFactory(db, tenant.id)).id;
  const account = await accountFactory(db, tenant, { ...options, role, teamId: teamId ?? null });
  const cookie = await signIn(app, account);
  const enable = await app.inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers: { cookie }, payload: { password: account.password } });
  if (enable.statusCode !== 200) throw new Error(`two-factor enable failed: ${enable.statusCode} ${enable.body}`);
  const secret = new URL((enable.json() as { totpURI: string }).totpURI).searchParams.get('secret')!;
  const verify = await app.inject({ method: 'POST', url: '/api/auth/two-factor/verify-totp', headers: { cookie }, payload: { code: totp(secret) } });
  if (verify.statusCode !== 200) throw new Error(`two-factor verify failed: ${verify.statusCode} ${verify.body}`);
  const fresh = verify.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { account, cookie: fresh || cookie, secret };
}

/** A person record (name keys computed like the service does). */
export async function personFactory(db: Database, tenantId: string, overrides: Partial<typeof persons.$inferInsert> = {}) {
  const givenName = overrides.givenName ?? `Amal${unique()}`;
  const familyName = overrides.familyName ?? 'Haddad';
  const [row] = await db.system((tx) =>
    tx.db
      .insert(persons)
      .values({
        tenantId,
        givenName,
        familyName,
        birthDate: '1990-04-12',
        nameSearch: `${givenName} ${familyName}`.toLowerCase(),
        ...overrides,
      })
      .returning(),
  );
  return row!;
}

let caseCounter = 0;

/** A case of a person in a programme, owned by `ownerId` in `teamId`. */
export async function caseFactory(
  db: Database,
  tenantId: string,
  links: { personId: string; programmeId: string; teamId: string; ownerId: string | null },
  overrides: Partial<typeof cases.$inferInsert> = {},
) {
  caseCounter += 1;
  const [row] = await db.system((tx) =>
    tx.db
      .insert(cases)
      .values({ tenantId, reference: `T-${unique()}-${caseCounter}`, startedOn: '2026-01-15', state: 'in_progress', ...links, ...overrides })
      .returning(),
  );
  return row!;
}

// ---- declaration (Erklärung / Bündnis) -------------------------------------------------------

/** A published declaration with the default sectors. */
export async function declarationFactory(
  db: Database,
  tenantId: string,
  overrides: Partial<typeof import('../domains/declaration/declaration.table.ts').declarations.$inferInsert> = {},
) {
  const { declarations } = await import('../domains/declaration/declaration.table.ts');
  const { DEFAULT_SECTORS } = await import('../shared/contracts/declaration.ts');
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db
      .insert(declarations)
      .values({
        tenantId,
        slug: `erklaerung-${unique()}`,
        title: { de: 'Erklärung für ein Zusammenleben in Vielfalt', en: 'Declaration for living together in diversity' },
        intro: { de: 'Gemeinsam gegen Diskriminierung.' },
        body: { de: 'Wir bekennen uns zu einem respektvollen Miteinander.\n\nWir treten Diskriminierung entgegen.' },
        sectors: DEFAULT_SECTORS,
        published: true,
        ...overrides,
      })
      .returning(),
  );
  return row!;
}

/** A signature in any state (default: verified now), written directly. */
export async function declarationSignatureFactory(
  db: Database,
  tenantId: string,
  declarationId: string,
  overrides: Partial<typeof import('../domains/declaration/declaration.table.ts').declarationSignatures.$inferInsert> = {},
) {
  const { declarationSignatures } = await import('../domains/declaration/declaration.table.ts');
  const { organisationKey, emailKey } = await import('../domains/declaration/normalize.ts');
  const organisation = overrides.organisation ?? `Verein ${unique()}`;
  const email = overrides.email ?? `kontakt-${unique()}@example.org`;
  const state = overrides.state ?? 'verified';
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db
      .insert(declarationSignatures)
      .values({
        tenantId,
        declarationId,
        organisation,
        nameKey: organisationKey(organisation),
        sector: 'verein',
        contactName: 'Kim Kontakt',
        email,
        emailKey: emailKey(email),
        consentAt: new Date(),
        state,
        confirmedAt: state === 'unconfirmed' ? null : new Date(),
        verifiedAt: state === 'verified' ? new Date() : null,
        ...overrides,
      })
      .returning({ id: declarationSignatures.id }),
  );
  return row!;
}

// ---------------------------------------------------------------------------------------------
// Actor network (organisations, contacts) and working groups

/** An organisation of the actor network; `normName` follows the name like the service keeps it. */
export async function organisationFactory(db: Database, tenantId: string, overrides: Partial<typeof import('../domains/actors/actors.table.ts').organisations.$inferInsert> = {}) {
  const { organisations } = await import('../domains/actors/actors.table.ts');
  const { normalizeName, domainsOf } = await import('../domains/actors/normalize.ts');
  const name = overrides.name ?? `Verein ${unique()}`;
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db
      .insert(organisations)
      .values({ tenantId, name, normName: normalizeName(name), domains: domainsOf(overrides.website, overrides.email), ...overrides })
      .returning(),
  );
  return row!;
}

/**
 * A contact; `consent: true` (default) records an active consent to be contacted, so network mail
 * reaches them; `organisationId` adds a current "works for" relationship.
 */
export async function contactFactory(
  db: Database,
  tenantId: string,
  options: Partial<typeof import('../domains/actors/actors.table.ts').contacts.$inferInsert> & { consent?: boolean; organisationId?: string } = {},
) {
  const { contacts, contactConsents, actorRelationships } = await import('../domains/actors/actors.table.ts');
  const { normalizeName } = await import('../domains/actors/normalize.ts');
  const { consent = true, organisationId, ...overrides } = options;
  const name = overrides.name ?? `Kim Kontakt ${unique()}`;
  return db.tenant(tenantId, async (tx) => {
    const [row] = await tx.db
      .insert(contacts)
      .values({ tenantId, name, normName: normalizeName(name), email: `kontakt-${unique()}@verein-${unique()}.example.org`, ...overrides })
      .returning();
    if (consent) await tx.db.insert(contactConsents).values({ tenantId, contactId: row!.id, purpose: 'contact', givenOn: '2025-01-15', source: 'Formular' });
    if (organisationId) await tx.db.insert(actorRelationships).values({ tenantId, kind: 'works_for', fromContactId: row!.id, toOrganisationId: organisationId });
    return row!;
  });
}

/** A working group (or network) with optional members: `{ organisationId?, contactId?, role? }`. */
export async function networkGroupFactory(
  db: Database,
  tenantId: string,
  options: Partial<typeof import('../domains/networks/networks.table.ts').networkGroups.$inferInsert> & {
    members?: Array<{ organisationId?: string | null; contactId?: string | null; role?: 'chair' | 'deputy' | 'coordination' | 'member' | 'guest' }>;
  } = {},
) {
  const { networkGroups, groupMembers } = await import('../domains/networks/networks.table.ts');
  const { members = [], ...overrides } = options;
  return db.tenant(tenantId, async (tx) => {
    const [group] = await tx.db.insert(networkGroups).values({ tenantId, name: `AK ${unique()}`, ...overrides }).returning();
    if (members.length) {
      await tx.db.insert(groupMembers).values(
        members.map((m) => ({ tenantId, groupId: group!.id, organisationId: m.organisationId ?? null, contactId: m.contactId ?? null, role: m.role ?? 'member' })),
      );
    }
    return group!;
  });
}

// ---- referrals and consents (case management) ------------------------------------------------

/** A consent text version for a purpose (version = previous + 1). */
export async function consentTextFactory(
  db: Database,
  tenantId: string,
  overrides: Partial<typeof import('../domains/cases/consents/consents.table.ts').consentTexts.$inferInsert> = {},
) {
  const { consentTexts } = await import('../domains/cases/consents/consents.table.ts');
  return db.tenant(tenantId, async (tx) => {
    const purpose = overrides.purpose ?? 'referral';
    const [prev] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM consent_texts WHERE purpose = $1', [purpose]);
    const [row] = await tx.db
      .insert(consentTexts)
      .values({ tenantId, purpose, version: Number(prev?.v ?? 0) + 1, body: 'Ich willige ein, dass …', ...overrides })
      .returning();
    return row!;
  });
}

/**
 * A consent of a person, written directly (default: purpose referral to any provider, given a
 * month ago, no expiry). Creates a consent text for the purpose when none is given.
 */
export async function consentFactory(
  db: Database,
  tenantId: string,
  personId: string,
  overrides: Partial<typeof import('../domains/cases/consents/consents.table.ts').caseConsents.$inferInsert> = {},
) {
  const { caseConsents } = await import('../domains/cases/consents/consents.table.ts');
  const purpose = overrides.purpose ?? 'referral';
  const text = overrides.textId ? null : await consentTextFactory(db, tenantId, { purpose });
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const [row] = await db.tenant(tenantId, (tx) =>
    tx.db
      .insert(caseConsents)
      .values({
        tenantId,
        personId,
        purpose,
        recipientType: 'any_provider',
        textId: text?.id ?? overrides.textId!,
        textVersion: text?.version ?? 1,
        givenOn: monthAgo,
        recordedByLabel: 'factory',
        ...overrides,
      })
      .returning(),
  );
  return row!;
}

// ---- persons (case management) ---------------------------------------------------------------

/** A person with the name keys the persons service keeps (search and duplicate check find it). */
export async function casePersonFactory(db: Database, tenantId: string, overrides: Partial<typeof persons.$inferInsert> = {}) {
  const { nameSearchOf, namePhoneticOf } = await import('../domains/cases/persons/names.ts');
  const givenName = overrides.givenName ?? `Amal${unique()}`;
  const familyName = overrides.familyName ?? 'Haddad';
  const variants = [{ givenName, familyName }, ...(overrides.otherNames ?? [])];
  return personFactory(db, tenantId, { nameSearch: nameSearchOf(variants), namePhonetic: namePhoneticOf(variants), ...overrides, givenName, familyName });
}
