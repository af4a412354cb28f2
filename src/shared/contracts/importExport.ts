import { z } from 'zod';
import { importReport, offerStatus } from './offerAdmin.ts';

export const importFormat = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof importFormat>;
export const exportFormat = z.enum(['csv', 'xlsx', 'json']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const offerImportQuery = z
  .object({
    /** Defaults to true: a preview that writes nothing. */
    dryRun: z.enum(['true', 'false']).default('true'),
    /** Optional; detected from the content type, the file name and the file's first bytes. */
    format: importFormat.optional(),
  })
  .strict();

export const importIssue = z.object({
  /** The row number as a spreadsheet program shows it; the header is row 1. */
  row: z.number().int(),
  /** The column name as written in the file (or the expected one when it is missing). */
  field: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/**
 * The import report: `updated` counts rows that matched an existing offer by id, `unchanged`
 * how many of those held no difference and were left alone. Warnings never block an import.
 */
export const offerImportReport = importReport.extend({
  unchanged: z.number().int(),
  warnings: z.array(importIssue),
});
export type OfferImportReport = z.infer<typeof offerImportReport>;

export const offerExportQuery = z
  .object({
    format: exportFormat.default('csv'),
    status: offerStatus.optional(),
  })
  .strict();
