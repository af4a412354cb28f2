import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError, notFound } from '../../../errors.ts';
import type { OfferTexts, TranslationInput } from '../../../shared/contracts/offerAdmin.ts';
import type { Actor } from '../../auth/roles.ts';
import { providers } from '../../providers/provider.table.ts';
import { requireTenantLanguage, type Tenant } from '../../tenants/tenantService.ts';
import { currentFieldVersions, type SourceFacts, translationStatusOf } from '../../translations/translationStatus.ts';
import { authorizeOfferRead, authorizeTranslationWrite, isPartner } from '../offer.policy.ts';
import { type FieldVersions, TRANSLATABLE_OFFER_FIELDS, offerTranslations, offers } from '../offer.table.ts';
import { type FieldChanges, recordOfferChange } from './offerHistory.ts';
import { type OfferRow, getOfferForActor, loadSourceTexts, lockOffer, requireVersion } from './offerService.ts';

type TranslationRow = typeof offerTranslations.$inferSelect;

/** A language a translation can be written in: a tenant language other than the source (400 naming `lang`). */
export function requireTargetLanguage(tenant: Tenant, lang: string): string {
  if (lang === tenant.defaultLanguage) {
    throw new AppError('validation_failed', `${lang} is the source language; edit it with the offer itself`, { field: 'lang' });
  }
  return requireTenantLanguage(tenant, lang);
}

async function authorizeWrite(tx: Tx, actor: Actor, offer: OfferRow): Promise<void> {
  authorizeOfferRead(actor, offer);
  let trusted = false;
  if (isPartner(actor) && offer.status === 'published') {
    const [p] = await tx.db.select({ trusted: providers.trusted }).from(providers).where(eq(providers.id, offer.providerId));
    trusted = p?.trusted ?? false;
  }
  authorizeTranslationWrite(actor, offer, trusted);
}

async function findTranslation(tx: Tx, offerId: string, lang: string): Promise<TranslationRow | undefined> {
  const [row] = await tx.db
    .select()
    .from(offerTranslations)
    .where(and(eq(offerTranslations.offerId, offerId), eq(offerTranslations.lang, lang)));
  return row;
}

const textsOf = (row: TranslationRow | undefined): OfferTexts | null =>
  row
    ? {
        title: row.title,
        summary: row.summary,
        description: row.description,
        costs: row.costs,
        requirements: row.requirements,
        registration: row.registration,
      }
    : null;

function translationChanges(lang: string, before: OfferTexts | null, after: OfferTexts | null): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of TRANSLATABLE_OFFER_FIELDS) {
    const a = before ? before[field] : null;
    const b = after ? after[field] : null;
    if (a !== b) changes[`${lang}.${field}`] = [a, b];
  }
  return changes;
}

/** Translations belong to the offer: every write bumps the offer's version so concurrent editors notice. */
async function touchOffer(tx: Tx, tenant: Tenant, actor: Actor, offer: OfferRow): Promise<void> {
  await tx.db
    .update(offers)
    .set({ version: offer.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, offer.id)));
}

async function upsertTranslation(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  offer: OfferRow,
  lang: string,
  texts: OfferTexts,
  options: { machine: boolean; source: SourceFacts; action: string },
): Promise<void> {
  const previous = await findTranslation(tx, offer.id, lang);
  // Every field is written, so every field follows the source field version it was translated from.
  const fieldVersions: FieldVersions = currentFieldVersions(options.source);
  const values = {
    ...texts,
    sourceVersion: options.source.sourceVersion,
    fieldVersions,
    machine: options.machine,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await tx.db
    .insert(offerTranslations)
    .values({ tenantId: tenant.id, offerId: offer.id, lang, ...values })
    .onConflictDoUpdate({ target: [offerTranslations.tenantId, offerTranslations.offerId, offerTranslations.lang], set: values });
  await touchOffer(tx, tenant, actor, offer);
  const changes = translationChanges(lang, textsOf(previous), texts);
  const before = translationStatusOf(lang, tenant.defaultLanguage, offer, previous);
  const after = translationStatusOf(lang, tenant.defaultLanguage, offer, values);
  if (before !== after) changes[`${lang}.status`] = [before, after];
  await recordOfferChange(tx, actor, offer.id, options.action, changes, { details: { lang } });
}

/** Saves a human translation: it follows the current source version and is no longer marked as machine-made. */
export async function saveTranslation(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  offerId: string,
  lang: string,
  input: TranslationInput,
): Promise<OfferRow> {
  requireTargetLanguage(tenant, lang);
  const offer = await lockOffer(tx, tenant, offerId);
  await authorizeWrite(tx, actor, offer);
  requireVersion(offer, input.version);
  const { version: _version, ...texts } = input;
  await upsertTranslation(tx, tenant, actor, offer, lang, texts, {
    machine: false,
    source: offer,
    action: 'translation_saved',
  });
  return lockOffer(tx, tenant, offerId);
}

/** Removes one translation (the public site then falls back to the source language). */
export async function deleteTranslation(tx: Tx, tenant: Tenant, actor: Actor, offerId: string, lang: string): Promise<OfferRow> {
  requireTargetLanguage(tenant, lang);
  const offer = await lockOffer(tx, tenant, offerId);
  await authorizeWrite(tx, actor, offer);
  const previous = await findTranslation(tx, offerId, lang);
  if (!previous) throw notFound('Translation');
  await tx.db.delete(offerTranslations).where(and(eq(offerTranslations.offerId, offerId), eq(offerTranslations.lang, lang)));
  await touchOffer(tx, tenant, actor, offer);
  await recordOfferChange(tx, actor, offerId, 'translation_deleted', translationChanges(lang, textsOf(previous), null), { details: { lang } });
  return lockOffer(tx, tenant, offerId);
}

/** What a machine translation starts from: the source texts and the source (field) versions they belong to. */
export interface MachineTranslationSource extends SourceFacts {
  texts: OfferTexts;
}

/**
 * First step of a machine translation (read-only transaction): authorizes and reads the source. The
 * translation server is called outside any transaction, so a slow server holds no locks.
 */
export async function prepareMachineTranslation(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  offerId: string,
): Promise<MachineTranslationSource> {
  const offer = await getOfferForActor(tx, tenant, actor, offerId);
  await authorizeWrite(tx, actor, offer);
  const texts = await loadSourceTexts(tx, tenant, offerId);
  if (!texts.title) throw new AppError('validation_failed', 'The offer has no text in the source language to translate', { field: 'texts' });
  return { texts, sourceVersion: offer.sourceVersion, fieldVersions: offer.fieldVersions };
}

/**
 * Second step: stores the machine translation. It records the source (field) versions it was made
 * from, so if a source field changed while the server was translating, that field is shown as outdated.
 */
export async function storeMachineTranslation(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  offerId: string,
  lang: string,
  translated: OfferTexts,
  source: SourceFacts,
): Promise<OfferRow> {
  requireTargetLanguage(tenant, lang);
  const offer = await lockOffer(tx, tenant, offerId);
  await authorizeWrite(tx, actor, offer);
  await upsertTranslation(tx, tenant, actor, offer, lang, translated, { machine: true, source, action: 'translation_machine' });
  return lockOffer(tx, tenant, offerId);
}
