/** Roles of this issue; later domains add theirs here. Browser-safe. */
export const STAFF_ROLES = ['tenant_admin', 'office_editor', 'partner_editor'] as const;
export const ROLES = ['super_admin', ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The signed-in person, as every authorization check sees them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** null for super admins */
  tenantId: string | null;
  /** set for partner editors: the provider whose offers they may edit */
  providerId: string | null;
  twoFactorEnabled: boolean;
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
