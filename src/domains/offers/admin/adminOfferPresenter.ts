import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { AdminOffer } from '../../../shared/contracts/offerAdmin.ts';
import { providers } from '../../providers/provider.table.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { fieldStatusesOf, translationStatusOf } from '../../translations/translationStatus.ts';
import { offerTranslations } from '../offer.table.ts';
import type { OfferRow } from './offerService.ts';

type TranslationRow = typeof offerTranslations.$inferSelect;

const textsOf = (t: TranslationRow) => ({
  title: t.title,
  summary: t.summary,
  description: t.description,
  costs: t.costs,
  requirements: t.requirements,
  registration: t.registration,
});

/** The back-office view of an offer: facts, source texts, and the translation state of every tenant language. */
export async function presentAdminOffer(tx: Tx, tenant: Tenant, row: OfferRow): Promise<AdminOffer> {
  const [provider] = await tx.db.select({ name: providers.name }).from(providers).where(eq(providers.id, row.providerId));
  const rows = await tx.db.select().from(offerTranslations).where(eq(offerTranslations.offerId, row.id));
  return toAdminOffer(tenant, row, provider?.name ?? '', new Map(rows.map((t) => [t.lang, t])));
}

/** The mapping itself, for callers that loaded many offers at once (export). */
export function toAdminOffer(tenant: Tenant, row: OfferRow, providerName: string, byLang: ReadonlyMap<string, TranslationRow>): AdminOffer {
  const source = byLang.get(tenant.defaultLanguage);
  const pending = row.pendingChange;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    sourceVersion: row.sourceVersion,
    providerId: row.providerId,
    providerName,
    texts: source ? textsOf(source) : { title: '', summary: '', description: '', costs: '', requirements: '', registration: '' },
    languages: row.languages,
    freeOfCharge: row.freeOfCharge,
    childcare: row.childcare,
    barrierFree: row.barrierFree,
    online: row.online,
    inPerson: row.inPerson,
    signupUrl: row.signupUrl,
    email: row.email,
    phone: row.phone,
    fieldIds: row.fieldIds,
    targetGroupIds: row.targetGroupIds,
    areaIds: row.areaIds,
    locationIds: row.locationIds,
    translations: tenant.languages.map((lang) => {
      const t = byLang.get(lang);
      return {
        lang,
        status: translationStatusOf(lang, tenant.defaultLanguage, row, t),
        fields: fieldStatusesOf(lang, tenant.defaultLanguage, row, t),
        texts: t ? textsOf(t) : null,
        updatedAt: t ? t.updatedAt.toISOString() : null,
      };
    }),
    pendingChange: pending ? { submittedByName: pending.submittedByName, submittedAt: pending.submittedAt, data: pending.data } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}
