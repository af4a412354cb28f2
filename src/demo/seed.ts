import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { writeAudit } from '../domains/audit/auditLog.ts';
import { createAccount } from '../domains/auth/accounts.ts';
import { authUser } from '../domains/auth/auth.table.ts';
import type { Role } from '../domains/auth/roles.ts';
import { firstStepsLists } from '../domains/firststeps/firstSteps.table.ts';
import { offers, offerTranslations } from '../domains/offers/offer.table.ts';
import { locations, providers } from '../domains/providers/provider.table.ts';
import { areas, fieldsOfAction, synonymGroups, targetGroups } from '../domains/taxonomy/taxonomy.table.ts';
import { tenants } from '../domains/tenants/tenant.table.ts';
import type { DemoOffer, DemoTenant } from './types.ts';

export const DEMO_PASSWORD = 'Lotse-Demo-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  tenant: string | null;
  note: string;
}

/** Maps of demo keys to database ids, needed to turn generated offers into rows. */
export interface TenantKeyMaps {
  tenantId: string;
  defaultLanguage: string;
  providers: Map<string, string>;
  locations: Map<string, string>;
  fields: Map<string, string>;
  targetGroups: Map<string, string>;
  areas: Map<string, string>;
}

const CHUNK = 400;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts offers with all translations in bulk; the caller's transaction has lotse.bulk = on. */
export async function insertDemoOffers(tx: Tx, maps: TenantKeyMaps, demoOffers: DemoOffer[], createdBy: string | null): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const now = new Date();
  for (const part of chunks(demoOffers, CHUNK)) {
    const rows = await tx.db
      .insert(offers)
      .values(
        part.map((o) => ({
          tenantId: maps.tenantId,
          providerId: maps.providers.get(o.providerKey)!,
          status: 'published' as const,
          languages: o.languages,
          freeOfCharge: o.freeOfCharge,
          childcare: o.childcare,
          barrierFree: o.barrierFree,
          online: o.online,
          inPerson: o.inPerson,
          signupUrl: o.signupUrl ?? null,
          email: o.email ?? null,
          phone: o.phone ?? null,
          fieldIds: o.fieldKeys.map((k) => maps.fields.get(k)!).filter(Boolean),
          targetGroupIds: o.targetGroupKeys.map((k) => maps.targetGroups.get(k)!).filter(Boolean),
          areaIds: o.areaKeys.map((k) => maps.areas.get(k)!).filter(Boolean),
          locationIds: o.locationKeys.map((k) => maps.locations.get(k)!).filter(Boolean),
          createdBy,
          updatedBy: createdBy,
          publishedAt: now,
        })),
      )
      .returning({ id: offers.id });
    for (const [i, o] of part.entries()) ids.set(o.key, rows[i]!.id);
    const translations = part.flatMap((o) =>
      Object.entries(o.texts).map(([lang, t]) => ({
        tenantId: maps.tenantId,
        offerId: ids.get(o.key)!,
        lang,
        title: t!.title,
        summary: t!.summary,
        description: t!.description,
        costs: t!.costs,
        requirements: t!.requirements,
        registration: t!.registration,
        sourceVersion: 1,
        updatedBy: createdBy,
      })),
    );
    for (const tpart of chunks(translations, CHUNK)) await tx.db.insert(offerTranslations).values(tpart);
  }
  return ids;
}

/**
 * Builds the search documents of a tenant after a bulk load. Fresh statistics first: without them
 * the planner joins the refresh quadratically (minutes instead of seconds), and PGlite has no autovacuum.
 */
export async function refreshSearchAfterBulkLoad(db: Database, tenantId: string): Promise<void> {
  await db.system((tx) => tx.query('ANALYZE offers, offer_translations'));
  await db.tenant(tenantId, (tx) => tx.query('SELECT lotse_refresh_offer_search($1::uuid, NULL)', [tenantId]));
}

/** Creates one demo tenant with everything in it. Returns the logins created. */
export async function seedTenant(db: Database, demo: DemoTenant, options: { accounts: boolean }): Promise<{ maps: TenantKeyMaps; logins: DemoLogin[] }> {
  const lat = demo.areas.reduce((s, a) => s + a.lat, 0) / demo.areas.length;
  const lon = demo.areas.reduce((s, a) => s + a.lon, 0) / demo.areas.length;
  const [tenant] = await db.system((tx) =>
    tx.db
      .insert(tenants)
      .values({
        slug: demo.slug,
        name: demo.name,
        languages: [...demo.languages],
        primaryColor: demo.primaryColor,
        accentColor: demo.accentColor,
        imprint: demo.imprint,
        privacy: demo.privacy,
        settings: { twoFactorRoles: [], mapCenter: { lat, lon, zoom: 12 } },
      })
      .returning(),
  );
  const tenantId = tenant!.id;
  const maps: TenantKeyMaps = {
    tenantId,
    defaultLanguage: tenant!.defaultLanguage,
    providers: new Map(),
    locations: new Map(),
    fields: new Map(),
    targetGroups: new Map(),
    areas: new Map(),
  };

  await db.tenant(
    tenantId,
    async (tx) => {
      const f = await tx.db
        .insert(fieldsOfAction)
        .values(demo.fieldsOfAction.map((x, i) => ({ tenantId, key: x.key, names: x.names, icon: x.icon, color: x.color, sort: i })))
        .returning();
      for (const r of f) maps.fields.set(r.key, r.id);
      const g = await tx.db
        .insert(targetGroups)
        .values(demo.targetGroups.map((x, i) => ({ tenantId, key: x.key, names: x.names, sort: i })))
        .returning();
      for (const r of g) maps.targetGroups.set(r.key, r.id);
      const a = await tx.db
        .insert(areas)
        .values(demo.areas.map((x, i) => ({ tenantId, key: x.key, kind: x.kind, names: { de: x.name }, lat: x.lat, lon: x.lon, sort: i })))
        .returning();
      for (const r of a) maps.areas.set(r.key, r.id);
      const p = await tx.db
        .insert(providers)
        .values(
          demo.providers.map((x) => ({
            tenantId,
            name: x.name,
            description: x.description,
            website: x.website ?? null,
            email: x.email ?? null,
            phone: x.phone ?? null,
            street: x.street,
            postcode: x.postcode,
            town: x.town,
            trusted: x.trusted,
          })),
        )
        .returning();
      for (const [i, x] of demo.providers.entries()) maps.providers.set(x.key, p[i]!.id);
      const l = await tx.db
        .insert(locations)
        .values(
          demo.locations.map((x) => ({
            tenantId,
            providerId: maps.providers.get(x.providerKey) ?? null,
            name: x.name,
            street: x.street,
            postcode: x.postcode,
            town: x.town,
            areaId: maps.areas.get(x.areaKey) ?? null,
            lat: x.lat,
            lon: x.lon,
            barrierFree: x.barrierFree,
            temporarilyClosed: x.temporarilyClosed,
            appointmentOnly: x.appointmentOnly,
            openingHours: x.openingHours,
            contacts: x.contacts,
          })),
        )
        .returning();
      for (const [i, x] of demo.locations.entries()) maps.locations.set(x.key, l[i]!.id);
      const offerIds = await insertDemoOffers(tx, maps, demo.offers, null);
      if (demo.synonyms.length) await tx.db.insert(synonymGroups).values(demo.synonyms.map((terms) => ({ tenantId, terms })));
      if (demo.firstSteps.length) {
        await tx.db.insert(firstStepsLists).values(
          demo.firstSteps.map((list, i) => ({
            tenantId,
            targetGroupId: maps.targetGroups.get(list.targetGroupKey)!,
            title: list.title,
            intro: list.intro,
            status: 'published' as const,
            sort: i,
            steps: list.steps.map((s) => ({
              title: s.title,
              text: s.text,
              fieldId: s.fieldKey ? (maps.fields.get(s.fieldKey) ?? null) : null,
              offerIds: s.offerKeys.map((k) => offerIds.get(k)!).filter(Boolean),
            })),
          })),
        );
      }
      await writeAudit(tx, { action: 'demo.seeded', entityType: 'tenant', entityId: tenantId, actorLabel: 'system', details: { offers: demo.offers.length } });
    },
    { settings: { 'lotse.bulk': 'on' } },
  );
  await refreshSearchAfterBulkLoad(db, tenantId);

  const logins: DemoLogin[] = [];
  if (options.accounts) {
    const domain = `${demo.slug}.example`;
    const partnerProvider = demo.providers.find((p) => !p.trusted) ?? demo.providers[0]!;
    const accounts: Array<{ email: string; name: string; role: Role; providerId?: string; note: string }> = [
      { email: `admin@${domain}`, name: 'Alex Admin', role: 'tenant_admin', note: 'Verwaltung der Kommune' },
      { email: `redaktion@${domain}`, name: 'Rana Redaktion', role: 'office_editor', note: 'Integrationsbüro' },
      {
        email: `partner@${domain}`,
        name: 'Paul Partner',
        role: 'partner_editor',
        providerId: maps.providers.get(partnerProvider.key)!,
        note: `Träger: ${partnerProvider.name}`,
      },
    ];
    await db.system(async (tx) => {
      for (const a of accounts) {
        await createAccount(tx, { email: a.email, name: a.name, password: DEMO_PASSWORD, role: a.role, tenantId, providerId: a.providerId ?? null }, null);
        logins.push({ email: a.email, role: a.role, tenant: demo.slug, note: a.note });
      }
    });
  }
  return { maps, logins };
}

/** Loads both demo tenants and a super admin into an installation that has no tenant yet. */
export async function seedDemoIfEmpty(db: Database, baseUrl = 'http://localhost:3000'): Promise<{ summary: string; loginsText: string } | null> {
  const existing = await db.system((tx) => tx.db.select({ id: tenants.id }).from(tenants).limit(1));
  if (existing.length) return null;
  const { musterstadt } = await import('./musterstadt.ts');
  const { beispielkreis } = await import('./beispielkreis.ts');
  const started = performance.now();
  const logins: DemoLogin[] = [];
  const superEmail = 'superadmin@lotse.example';
  const [hasSuper] = await db.system((tx) => tx.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, superEmail)));
  if (!hasSuper) {
    await db.system((tx) => createAccount(tx, { email: superEmail, name: 'Sam Superadmin', password: DEMO_PASSWORD, role: 'super_admin', tenantId: null }, null));
  }
  logins.push({ email: superEmail, role: 'super_admin', tenant: null, note: 'Installation: Mandanten anlegen' });
  for (const demo of [musterstadt, beispielkreis]) {
    const r = await seedTenant(db, demo, { accounts: true });
    logins.push(...r.logins);
    if (demo === musterstadt) await (await import('./declaration.ts')).seedDeclarationDemo(db, r.maps.tenantId);
    if (demo === musterstadt) await (await import('./committees.ts')).seedDemoCommittees(db, r.maps.tenantId);
    if (demo === musterstadt) await (await import('./network.ts')).seedNetworkDemo(db, r.maps);
    if (demo === musterstadt) logins.push(...(await (await import('./cases.ts')).seedCaseDemo(db, r.maps.tenantId, demo.slug)));
  }
  const ms = Math.round(performance.now() - started);
  const lines = [
    `Demo data loaded. Public navigator: ${baseUrl}/musterstadt/  ·  Back office: ${baseUrl}/admin/`,
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.email.padEnd(32)} ${l.role.padEnd(15)} ${l.tenant ?? '(all tenants)'}  – ${l.note}`),
    'Case-management logins (integration_manager, team_lead, integration_lead) set up two-factor login at first sign-in (authenticator app).',
  ];
  return {
    summary: `demo data loaded in ${ms} ms: ${musterstadt.offers.length + beispielkreis.offers.length} offers`,
    loginsText: lines.join('\n'),
  };
}
