import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createAccount } from '../domains/auth/accounts.ts';
import type { Role } from '../domains/auth/roles.ts';
import { offers, offerTranslations, type OfferStatus } from '../domains/offers/offer.table.ts';
import { locations, providers } from '../domains/providers/provider.table.ts';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from '../domains/taxonomy/defaultTaxonomy.ts';
import { areas, fieldsOfAction, targetGroups } from '../domains/taxonomy/taxonomy.table.ts';
import { tenants } from '../domains/tenants/tenant.table.ts';
import type { Tenant } from '../domains/tenants/tenantService.ts';
import type { App } from '../server/app.ts';

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
  options: { role?: Role; providerId?: string | null; email?: string; password?: string; name?: string } = {},
): Promise<TestAccount> {
  const role = options.role ?? 'office_editor';
  const email = options.email ?? `${role}-${unique()}@example.org`;
  const password = options.password ?? `pw-${unique()}-${unique()}`;
  const row = await db.system((tx) =>
    createAccount(
      tx,
      { email, password, name: options.name ?? `Test ${role}`, role, tenantId: tenant?.id ?? null, providerId: options.providerId ?? null },
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
