import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '../roles.ts';

export const staffRole = z.enum(STAFF_ROLES);

export const me = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
  providerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  consentOverride: z.boolean(),
  /** minutes of inactivity after which case views sign out (null: no case access) */
  caseIdleTimeoutMinutes: z.number().int().nullable(),
  twoFactorEnabled: z.boolean(),
  twoFactorRequired: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const account = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: staffRole,
  providerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  consentOverride: z.boolean(),
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof account>;

export const createAccountRequest = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(12, 'at least 12 characters').max(200),
    role: staffRole,
    providerId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
    consentOverride: z.boolean().optional(),
  })
  .strict();

export const updateAccountRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: staffRole,
    providerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    consentOverride: z.boolean(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
