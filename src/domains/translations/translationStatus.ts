import type { TranslationStatus } from '../../shared/contracts/offerAdmin.ts';

/** What the status of one language of an offer depends on. */
export interface TranslationFacts {
  sourceVersion: number;
  machine: boolean;
}

/**
 * The state of one language of an offer: the source language is the source; a translation made for
 * an older source version is outdated (whether human or machine); an up-to-date machine translation
 * is marked as such until a person saves it.
 */
export function translationStatusOf(
  lang: string,
  sourceLanguage: string,
  offerSourceVersion: number,
  row: TranslationFacts | undefined,
): TranslationStatus {
  if (lang === sourceLanguage) return 'source';
  if (!row) return 'missing';
  if (row.sourceVersion < offerSourceVersion) return 'outdated';
  return row.machine ? 'machine' : 'current';
}

/** Counts of every state over the given languages (all keys present, as the list contract requires). */
export function countTranslationStates(
  languages: readonly string[],
  sourceLanguage: string,
  offerSourceVersion: number,
  rows: ReadonlyMap<string, TranslationFacts>,
): Record<TranslationStatus, number> {
  const counts: Record<TranslationStatus, number> = { source: 0, current: 0, outdated: 0, machine: 0, missing: 0 };
  for (const lang of languages) counts[translationStatusOf(lang, sourceLanguage, offerSourceVersion, rows.get(lang))]++;
  return counts;
}
