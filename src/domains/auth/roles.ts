import type { Role } from '../../shared/roles.ts';

export { CASE_ROLES, type CaseRole, isCaseRole, isRole, ROLES, type Role, STAFF_ROLES, type StaffRole } from '../../shared/roles.ts';

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
  /** the case-management team (integration managers and team leads) */
  teamId: string | null;
  /** may release case data or send referrals without valid consent (with a reason; logged) */
  consentOverride: boolean;
  twoFactorEnabled: boolean;
  /** the better-auth session id (idle timeout of case views); null outside a session */
  sessionId: string | null;
}
