// Back-office contract of the read-only audit log. Browser-safe.
import { z } from 'zod';
import { pageOf } from './common.ts';

export const auditQuery = z
  .object({
    entityType: z.string().trim().min(1).max(60).optional(),
    entityId: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    actorId: z.string().trim().min(1).max(100).optional(),
    /** ISO date-time or date; inclusive lower bound. */
    from: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    /** ISO date-time or date; exclusive upper bound (a bare date means the end of that day). */
    to: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** For changes: { changes: { field: { before, after } } }. */
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;
