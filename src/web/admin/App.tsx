// Routing of the back office (under /admin): public auth pages, then the role-based layout per tenant.
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { TWO_FACTOR_EVENT, UNAUTHENTICATED_EVENT } from './api.ts';
import { Layout } from './components/Layout.tsx';
import { ErrorNotice, Forbidden, Loading } from './components/ui.tsx';
import { AccountsPage } from './pages/Accounts.tsx';
import { AuditPage } from './pages/Audit.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordReset.tsx';
import { ImportExportPage } from './pages/ImportExport.tsx';
import { LocationEditPage, LocationListPage } from './pages/Locations.tsx';
import { LoginPage } from './pages/Login.tsx';
import { OfferEditPage } from './pages/OfferEdit.tsx';
import { OfferListPage } from './pages/OfferList.tsx';
import { OutboxPage } from './pages/Outbox.tsx';
import { ProviderEditPage, ProviderListPage } from './pages/Providers.tsx';
import { ReviewQueuePage } from './pages/ReviewQueue.tsx';
import { SecurityPage } from './pages/Security.tsx';
import { SettingsPage } from './pages/Settings.tsx';
import { SynonymsPage } from './pages/Synonyms.tsx';
import { TaxonomyPage } from './pages/Taxonomy.tsx';
import { TenantsPage } from './pages/Tenants.tsx';
import { TranslationOverviewPage } from './pages/TranslationOverview.tsx';
import { FirstStepsPage } from './pages/FirstSteps.tsx';
import { FirstStepsEditPage } from './pages/FirstStepsEdit.tsx';
import { DeclarationRoutes } from './pages/declaration/DeclarationRoutes.tsx';
import { CommitteeRoutes } from './pages/committees/CommitteeRoutes.tsx';
// The network pages are one lazy chunk (the graph another): they do not weigh on the other pages.
const NetworkRoutes = lazy(() => import('./pages/network/NetworkRoutes.tsx'));
// Opened straight at the network overview: its code and data load while the session is checked.
if (/^\/admin\/[^/]+\/network\/graph\/?$/.test(window.location.pathname)) void import('./pages/network/NetworkRoutes.tsx');
import { ReferralPage } from './cases/referrals/ReferralPages.tsx';
// Case management (cases, case page with its tabs, team view) and its setup: lazy chunks.
import { CaseIdleTimeout } from './cases/IdleTimeout.tsx';
const CasesRoutes = lazy(() => import('./cases/CasesRoutes.tsx').then((m) => ({ default: m.CasesRoutes })));
const CaseSetupPage = lazy(() => import('./cases/CaseSetup.tsx').then((m) => ({ default: m.CaseSetupPage })));
const PersonsRoutes = lazy(() => import('./persons/PersonsRoutes.tsx').then((m) => ({ default: m.PersonsRoutes })));
const CaseTasksPage = lazy(() => import('./cases/journal/TasksPage.tsx').then((m) => ({ default: m.CaseTasksPage })));
// Case reports: caseload dashboard (+ team view) and outcome figures.
const CaseDashboardRoutes = lazy(() => import('./cases/reports/ReportsRoutes.tsx').then((m) => ({ default: m.CaseDashboardRoutes })));
const CaseOutcomesPage = lazy(() => import('./cases/reports/ReportsRoutes.tsx').then((m) => ({ default: m.CaseOutcomesPage })));
import { type Capability, SessionProvider, can, useMe, useSession } from './session.tsx';
import { TenantProvider } from './tenant.tsx';

export function App() {
  return (
    <Router base="/admin">
      <SessionProvider>
        <GlobalReactions />
        <Switch>
          <Route path="/login" component={LoginPage} />
          <Route path="/forgot-password" component={ForgotPasswordPage} />
          <Route path="/reset-password" component={ResetPasswordPage} />
          <Route>
            <SignedIn />
          </Route>
        </Switch>
      </SessionProvider>
    </Router>
  );
}

/** 401 anywhere → back to the login (remembering where we were); 2FA required → the setup page. */
function GlobalReactions() {
  const [location, navigate] = useLocation();
  const { reload } = useSession();
  useEffect(() => {
    const onUnauthenticated = () => {
      void reload();
      if (location !== '/login') navigate(`/login?next=${encodeURIComponent(location)}`);
    };
    const onTwoFactor = () => navigate('/security?required=1');
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    window.addEventListener(TWO_FACTOR_EVENT, onTwoFactor);
    return () => {
      window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
      window.removeEventListener(TWO_FACTOR_EVENT, onTwoFactor);
    };
  }, [location, navigate, reload]);
  return null;
}

function SignedIn() {
  const { state, reload } = useSession();
  const [location] = useLocation();
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <main className="center-page">
        <Loading />
      </main>
    );
  }
  if (state.status === 'anonymous') return <Redirect to={`/login${location !== '/' ? `?next=${encodeURIComponent(location)}` : ''}`} />;
  if (state.status === 'error') {
    return (
      <main className="center-page">
        <h1>{t('app.name')}</h1>
        <ErrorNotice error={state.error} onRetry={() => void reload()} />
      </main>
    );
  }
  const me = state.me;
  if (me.twoFactorRequired && !me.twoFactorEnabled && !location.startsWith('/security')) return <Redirect to="/security?required=1" />;
  return (
    <Layout>
      <Switch>
        <Route path="/">{me.tenant ? <Redirect to={`/${me.tenant.slug}/${homeOf(me)}`} /> : <Redirect to="/tenants" />}</Route>
        <Route path="/security" component={SecurityPage} />
        <Route path="/tenants">{me.role === 'super_admin' ? <TenantsPage /> : <Forbidden />}</Route>
        <Route path="/:tenant" nest>
          {(params) => (
            <TenantGate slug={params.tenant}>
              {/* case roles: idle timeout of case views (renders nothing for other roles) */}
              <CaseIdleTimeout />
              <TenantRoutes />
            </TenantGate>
          )}
        </Route>
      </Switch>
    </Layout>
  );
}

/** Staff work in their own tenant only; super admins may open any. */
function TenantGate({ slug, children }: { slug: string; children: ReactNode }) {
  const me = useMe();
  if (me.role !== 'super_admin' && me.tenant?.slug !== slug) return <Forbidden />;
  return (
    <TenantProvider key={slug} slug={slug}>
      {children}
    </TenantProvider>
  );
}

/** The first page after sign-in: case roles start at their caseload dashboard, everybody else in the offers. */
function homeOf(me: ReturnType<typeof useMe>): string {
  return can(me, 'cases') ? 'cases/dashboard' : 'offers';
}

function Guard({ need, children }: { need: Capability; children: ReactNode }) {
  const me = useMe();
  if (!can(me, need)) return <Forbidden />;
  return <>{children}</>;
}

function TenantRoutes() {
  const me = useMe();
  return (
    <Switch>
      <Route path="/">
        <Redirect to={`/${homeOf(me)}`} />
      </Route>
      <Route path="/offers">
        <Guard need="offers">
          <OfferListPage />
        </Guard>
      </Route>
      <Route path="/offers/new">
        <Guard need="offers">
          <OfferEditPage />
        </Guard>
      </Route>
      <Route path="/offers/:id">
        <Guard need="offers">
          <OfferEditPage />
        </Guard>
      </Route>
      <Route path="/review">
        <Guard need="review">
          <ReviewQueuePage />
        </Guard>
      </Route>
      <Route path="/translations">
        <Guard need="translations">
          <TranslationOverviewPage />
        </Guard>
      </Route>
      <Route path="/providers">
        <Guard need="providers">
          <ProviderListPage />
        </Guard>
      </Route>
      <Route path="/providers/new">
        <Guard need="providers">
          <ProviderEditPage />
        </Guard>
      </Route>
      <Route path="/providers/:id">
        <Guard need={me.role === 'partner_editor' ? 'ownProvider' : 'providers'}>
          <ProviderEditPage />
        </Guard>
      </Route>
      <Route path="/locations">
        <Guard need="locations">
          <LocationListPage />
        </Guard>
      </Route>
      <Route path="/locations/new">
        <Guard need="locations">
          <LocationEditPage />
        </Guard>
      </Route>
      <Route path="/locations/:id">
        <Guard need="locations">
          <LocationEditPage />
        </Guard>
      </Route>
      <Route path="/taxonomy">
        <Guard need="taxonomy">
          <TaxonomyPage />
        </Guard>
      </Route>
      <Route path="/synonyms">
        <Guard need="taxonomy">
          <SynonymsPage />
        </Guard>
      </Route>
      <Route path="/first-steps">
        <Guard need="firstSteps">
          <FirstStepsPage />
        </Guard>
      </Route>
      <Route path="/first-steps/new">
        <Guard need="firstSteps">
          <FirstStepsEditPage />
        </Guard>
      </Route>
      <Route path="/first-steps/:id">
        <Guard need="firstSteps">
          <FirstStepsEditPage />
        </Guard>
      </Route>
      <Route path="/committees" nest>
        <Guard need="committees">
          <CommitteeRoutes />
        </Guard>
      </Route>
      <Route path="/network" nest>
        <Guard need="network">
          <Suspense fallback={<Loading />}>
            <NetworkRoutes />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/declaration" nest>
        <Guard need="declaration">
          <DeclarationRoutes />
        </Guard>
      </Route>
      <Route path="/import-export">
        <Guard need="importExport">
          <ImportExportPage />
        </Guard>
      </Route>
      <Route path="/accounts">
        <Guard need="accounts">
          <AccountsPage />
        </Guard>
      </Route>
      <Route path="/settings">
        <Guard need="settings">
          <SettingsPage />
        </Guard>
      </Route>
      <Route path="/audit">
        <Guard need="audit">
          <AuditPage />
        </Guard>
      </Route>
      <Route path="/outbox">
        <Guard need="outbox">
          <OutboxPage />
        </Guard>
      </Route>
      {/* case reports: dashboard (landing page of case roles), team view, outcome figures — before the nested /cases routes */}
      <Route path="/cases/dashboard" nest>
        <Guard need="cases">
          <Suspense fallback={<Loading />}>
            <CaseDashboardRoutes />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/cases/outcomes">
        <Guard need="cases">
          <Suspense fallback={<Loading />}>
            <CaseOutcomesPage />
          </Suspense>
        </Guard>
      </Route>
      {/* journal: my tasks / overdue / appointments / expiring documents — before the nested /cases routes */}
      <Route path="/cases/tasks">
        <Guard need="cases">
          <Suspense fallback={<Loading />}>
            <CaseTasksPage />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/cases" nest>
        <Guard need="cases">
          <Suspense fallback={<Loading />}>
            <CasesRoutes />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/persons" nest>
        <Guard need="cases">
          <Suspense fallback={<Loading />}>
            <PersonsRoutes />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/case-setup">
        <Guard need="caseSetup">
          <Suspense fallback={<Loading />}>
            <CaseSetupPage />
          </Suspense>
        </Guard>
      </Route>
      <Route path="/referral-inbox">
        <Guard need="referralInbox">
          <ReferralPage page="inbox" />
        </Guard>
      </Route>
      <Route path="/referral-inbox/:id">
        <Guard need="referralInbox">
          <ReferralPage page="inboxDetail" />
        </Guard>
      </Route>
      <Route path="/consent-texts">
        <Guard need="consentTexts">
          <ReferralPage page="consentTexts" />
        </Guard>
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('errors.not_found')}</h1>
      <p>{t('errors.pageMissing')}</p>
    </>
  );
}
