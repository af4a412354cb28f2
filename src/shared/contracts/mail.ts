// Back-office contract of the mail outbox (the visible development outbox without SMTP). Browser-safe.
import { z } from 'zod';
import { pageOf } from './common.ts';

export const mailStatus = z.enum(['outbox', 'sent', 'failed']);

export const outboxQuery = z
  .object({
    status: mailStatus.optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const outboxItem = z.object({
  id: z.uuid(),
  /** null for system mails (installation-wide, e.g. to super admins). */
  tenantId: z.uuid().nullable(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: mailStatus,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

export const outboxPage = pageOf(outboxItem);
export type OutboxPage = z.infer<typeof outboxPage>;
