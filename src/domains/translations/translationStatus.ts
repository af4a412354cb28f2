import type { TranslationStatus } from '../../shared/contracts/offerAdmin.ts';
import { type FieldVersions, TRANSLATABLE_OFFER_FIELDS, type TranslatableOfferField } from '../offers/offer.table.ts';

/** What the status of one language of an offer depends on. */
export interface TranslationFacts {
  sourceVersion: number;
  machine: boolean;
  /** Per field the offer field version the text follows; absent fields follow `sourceVersion`. */
  fieldVersions?: FieldVersions;
}

/** The source side: the offer's sourceVersion and the version at which each field last changed. */
export interface SourceFacts {
  sourceVersion: number;
  /** Absent fields count as changed at `sourceVersion` (offers written before per-field tracking). */
  fieldVersions?: FieldVersions;
}

export type FieldStatus = Exclude<TranslationStatus, 'source'>;

/** The offer version at which the source text of `field` last changed non-minorly. */
export const sourceFieldVersion = (offer: SourceFacts, field: TranslatableOfferField): number =>
  offer.fieldVersions?.[field] ?? offer.sourceVersion;

/** Every field's current source version: what a translation written now follows. */
export function currentFieldVersions(offer: SourceFacts): Record<TranslatableOfferField, number> {
  return Object.fromEntries(TRANSLATABLE_OFFER_FIELDS.map((f) => [f, sourceFieldVersion(offer, f)])) as Record<TranslatableOfferField, number>;
}

/** One field of one translation: outdated when the source field changed after the text was written. */
export function fieldStatusOf(field: TranslatableOfferField, offer: SourceFacts, row: TranslationFacts | undefined): FieldStatus {
  if (!row) return 'missing';
  const followed = row.fieldVersions?.[field] ?? row.sourceVersion;
  if (followed < sourceFieldVersion(offer, field)) return 'outdated';
  return row.machine ? 'machine' : 'current';
}

/** The state of every translatable field of one language (the source language is 'source' throughout). */
export function fieldStatusesOf(
  lang: string,
  sourceLanguage: string,
  offer: SourceFacts,
  row: TranslationFacts | undefined,
): Record<TranslatableOfferField, TranslationStatus> {
  return Object.fromEntries(
    TRANSLATABLE_OFFER_FIELDS.map((f) => [f, lang === sourceLanguage ? 'source' : fieldStatusOf(f, offer, row)]),
  ) as Record<TranslatableOfferField, TranslationStatus>;
}

/**
 * The state of one language of an offer, the worst of its fields: the source language is the source;
 * a translation with any field older than its source field is outdated (whether human or machine); an
 * up-to-date machine translation is marked as such until a person saves it.
 */
export function translationStatusOf(
  lang: string,
  sourceLanguage: string,
  offer: SourceFacts,
  row: TranslationFacts | undefined,
): TranslationStatus {
  if (lang === sourceLanguage) return 'source';
  if (!row) return 'missing';
  if (TRANSLATABLE_OFFER_FIELDS.some((f) => fieldStatusOf(f, offer, row) === 'outdated')) return 'outdated';
  return row.machine ? 'machine' : 'current';
}

/** Counts of every state over the given languages (all keys present, as the list contract requires). */
export function countTranslationStates(
  languages: readonly string[],
  sourceLanguage: string,
  offer: SourceFacts,
  rows: ReadonlyMap<string, TranslationFacts>,
): Record<TranslationStatus, number> {
  const counts: Record<TranslationStatus, number> = { source: 0, current: 0, outdated: 0, machine: 0, missing: 0 };
  for (const lang of languages) counts[translationStatusOf(lang, sourceLanguage, offer, rows.get(lang))]++;
  return counts;
}

/**
 * SQL for "some field of translation `t` is older than the same field of offer `o`", matching
 * fieldStatusOf(); `t` and `o` are the aliases of offer_translations and offers.
 */
export const SQL_TRANSLATION_OUTDATED = `EXISTS (SELECT 1 FROM unnest(ARRAY['${TRANSLATABLE_OFFER_FIELDS.join("','")}']) AS f(name)
  WHERE coalesce((t.field_versions ->> f.name)::int, t.source_version) < coalesce((o.field_versions ->> f.name)::int, o.source_version))`;
