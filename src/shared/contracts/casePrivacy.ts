import { z } from 'zod';

/** Data-protection views of case management: access log, Art. 15/20 export, Art. 17 erasure. */

export const accessLogEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorLabel: z.string(),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  purpose: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogQuery = z
  .object({
    /** keyset paging: the `next` cursor of the previous page */
    before: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const accessLogPage = z.object({
  items: z.array(accessLogEntry),
  /** pass as `before` for the next page; null on the last page */
  nextBefore: z.string().nullable(),
});

export const exportQuery = z.object({ format: z.enum(['json', 'pdf']).default('json') }).strict();

export const eraseRequest = z
  .object({
    /** why the data is erased now (e.g. "Antrag nach Art. 17 DSGVO vom 12.11.2026") */
    reason: z.string().trim().min(5).max(500),
    /** the family name typed again, as a safeguard against erasing the wrong person */
    confirmFamilyName: z.string().trim().min(1).max(200),
  })
  .strict();

export const eraseResult = z.object({ persons: z.number().int(), cases: z.number().int() });

export const retentionInfo = z.object({
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      reference: z.string(),
      state: z.string(),
      closedOn: z.string().nullable(),
      retentionDueOn: z.string().nullable(),
      programme: z.string(),
      retentionMonths: z.number().int(),
    }),
  ),
  /** when the person record itself goes: after their last case, or — without cases — after this many months unchanged */
  orphanMonths: z.number().int(),
});
