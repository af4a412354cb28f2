/**
 * Staff roles (browser-safe; contracts, server and back office share them).
 * - tenant_admin, office_editor: the integration office (offers, directory, networks, committees,
 *   accounts, programmes); no access to case data.
 * - partner_editor: a provider's account (own offers; referrals sent to its provider, minimal data).
 * - integration_manager, team_lead, integration_lead: case management with the data scope
 *   own cases / team / whole office.
 */
export const CASE_ROLES = ['integration_manager', 'team_lead', 'integration_lead'] as const;
export const STAFF_ROLES = ['tenant_admin', 'office_editor', 'partner_editor', ...CASE_ROLES] as const;
export const ROLES = ['super_admin', ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type CaseRole = (typeof CASE_ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isCaseRole = (role: string): role is CaseRole => (CASE_ROLES as readonly string[]).includes(role);
