// The signed-in account (GET /api/v1/me), shared with every page, plus role capabilities.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { Me } from '../../shared/contracts/account.ts';
import { ApiError, api, paths } from './api.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me } | { status: 'error'; error: unknown };

interface SessionValue {
  state: SessionState;
  reload: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const reload = useCallback(async (): Promise<Me | null> => {
    try {
      const me = await api<Me>('GET', paths.me, undefined, { quiet: true });
      setState({ status: 'signed-in', me });
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setState({ status: 'anonymous' });
        return null;
      }
      setState({ status: 'error', error: e });
      return null;
    }
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api('POST', paths.auth.signOut, {}, { quiet: true });
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <SessionContext.Provider value={{ state, reload, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}

/** The signed-in account; only call below the signed-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('not signed in');
  return state.me;
}

export type Capability =
  | 'offers'
  | 'review'
  | 'translations'
  | 'providers'
  | 'ownProvider'
  | 'locations'
  | 'taxonomy'
  | 'firstSteps'
  /** the local declaration (Erklärung / Bündnis) and its signatories */
  | 'declaration'
  /** committees (Gremien): meetings, agendas, papers, minutes; OParl */
  | 'committees'
  /** actor network: organisations, contacts, networks and working groups, tasks, graph */
  | 'network'
  | 'importExport'
  | 'accounts'
  | 'settings'
  | 'audit'
  | 'outbox'
  | 'tenants'
  /** case management (integration managers, team leads, integration lead) */
  | 'cases'
  /** teams, programmes and retention periods of case management (tenant admin) */
  | 'caseSetup'
  /** referrals received by the partner's provider */
  | 'referralInbox'
  /** versioned consent texts of case management (integration lead, tenant admin) */
  | 'consentTexts';

const OFFICE: Capability[] = ['offers', 'review', 'translations', 'providers', 'locations', 'taxonomy', 'firstSteps', 'importExport', 'declaration', 'committees', 'network'];
const ADMIN: Capability[] = [...OFFICE, 'accounts', 'settings', 'audit', 'outbox', 'caseSetup', 'consentTexts'];
const CASES: Capability[] = ['cases'];

/** What each role may see in the navigation; the server enforces the same rules. */
export function capabilities(role: Me['role']): Set<Capability> {
  switch (role) {
    case 'super_admin':
      return new Set<Capability>([...ADMIN, 'tenants']);
    case 'tenant_admin':
      return new Set(ADMIN);
    case 'office_editor':
      return new Set(OFFICE);
    case 'partner_editor':
      return new Set<Capability>(['offers', 'ownProvider', 'locations', 'referralInbox']);
    case 'integration_manager':
    case 'team_lead':
    case 'integration_lead':
      return new Set<Capability>(role === 'integration_lead' ? [...CASES, 'consentTexts'] : CASES);
  }
}

export function can(me: Me, capability: Capability): boolean {
  return capabilities(me.role).has(capability);
}
