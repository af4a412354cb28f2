import { z } from 'zod';
import { offerStatus, translationStatus } from './offerAdmin.ts';

const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or uk');

/** GET /admin/translation/provider: whether machine translation is available (the UI says so if not). */
export const translationProvider = z.object({ configured: z.boolean(), name: z.string() });
export type TranslationProvider = z.infer<typeof translationProvider>;

/** The translation states that need work (listed in the overview). */
export const translationWorkStatus = z.enum(['outdated', 'missing', 'machine']);

export const translationOverviewQuery = z
  .object({
    /** The target language whose work list is returned; default: the first non-source language. */
    lang: langCode.optional(),
    /** Only one kind of work; default: all three. */
    status: translationWorkStatus.optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type TranslationOverviewQuery = z.infer<typeof translationOverviewQuery>;

/** Counts over all offers that are not archived. */
export const translationCounts = z.object({
  lang: z.string(),
  current: z.number().int(),
  outdated: z.number().int(),
  machine: z.number().int(),
  missing: z.number().int(),
});
export type TranslationCounts = z.infer<typeof translationCounts>;

export const translationWorkItem = z.object({
  offerId: z.uuid(),
  /** Title in the source language. */
  title: z.string(),
  offerStatus,
  status: translationStatus,
  /** When the translation was last saved; null when missing. */
  translatedAt: z.string().nullable(),
});
export type TranslationWorkItem = z.infer<typeof translationWorkItem>;

export const translationOverview = z.object({
  sourceLanguage: z.string(),
  /** Counts for every target language of the tenant. */
  languages: z.array(translationCounts),
  /** The language the work list below is for (null when the tenant has no target language). */
  lang: z.string().nullable(),
  items: z.array(translationWorkItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TranslationOverview = z.infer<typeof translationOverview>;
