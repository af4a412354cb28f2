// Tabs of the case page and the person page. Each feature registers its tab here with one entry
// (lazy-loaded component, label key in the `cases` namespace); the pages render them in this order.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface CaseTabProps {
  caseId: string;
  /** re-load the case header after a change (state, version) */
  onChanged: () => void;
}

export interface PersonTabProps {
  personId: string;
  onChanged: () => void;
}

export interface TabEntry<P> {
  /** URL segment, e.g. "plan" → /cases/:id/plan */
  id: string;
  /** i18n key with its namespace, e.g. `plans:tabs.plan` */
  labelKey: string;
  component: LazyExoticComponent<ComponentType<P>>;
}

export const caseTabs: TabEntry<CaseTabProps>[] = [
  { id: 'assessment', labelKey: 'plans:tabs.assessment', component: lazy(() => import('./plans/AssessmentTab.tsx')) },
  { id: 'plan', labelKey: 'plans:tabs.plan', component: lazy(() => import('./plans/PlanTab.tsx')) },
  { id: 'referrals', labelKey: 'referrals:tabs.case', component: lazy(() => import('./referrals/ReferralsTab.tsx')) },
  { id: 'journal', labelKey: 'journal:tabs.journal', component: lazy(() => import('./journal/JournalTab.tsx')) },
  { id: 'tasks', labelKey: 'journal:tabs.tasks', component: lazy(() => import('./journal/TasksTab.tsx')) },
  { id: 'documents', labelKey: 'journal:tabs.documents', component: lazy(() => import('./journal/DocumentsTab.tsx')) },
  { id: 'flags', labelKey: 'journal:tabs.flags', component: lazy(() => import('./journal/FlagsTab.tsx')) },
  // Keep the access log last.
  { id: 'access-log', labelKey: 'privacy:tabs.accessLog', component: lazy(() => import('./privacy/CaseAccessLogTab.tsx')) },
];

export const personTabs: TabEntry<PersonTabProps>[] = [
  { id: 'consents', labelKey: 'referrals:tabs.person', component: lazy(() => import('./referrals/ConsentsTab.tsx')) },
  // Keep data protection last.
  { id: 'privacy', labelKey: 'privacy:tabs.privacy', component: lazy(() => import('./privacy/PersonPrivacyTab.tsx')) },
];

/** Use for entries: `component: lazyTab(() => import('./plan/PlanTab.tsx'))`. */
export const lazyTab = lazy;
