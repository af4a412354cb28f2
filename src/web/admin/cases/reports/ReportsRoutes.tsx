// Case reports in the back office (lazy chunk): the dashboard under /cases/dashboard (with the team
// view at /cases/dashboard/team) and the outcome figures at /cases/outcomes. Routed in App.tsx
// before the nested /cases routes; the idle timeout of case views applies here as well.
import { Route, Switch } from 'wouter';
import { CaseIdleTimeout } from '../IdleTimeout.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { OutcomesPage } from './OutcomesPage.tsx';
import { TeamOverviewPage } from './TeamOverviewPage.tsx';

export function CaseDashboardRoutes() {
  return (
    <>
      <CaseIdleTimeout />
      <Switch>
        <Route path="/" component={DashboardPage} />
        <Route path="/team" component={TeamOverviewPage} />
      </Switch>
    </>
  );
}

export function CaseOutcomesPage() {
  return (
    <>
      <CaseIdleTimeout />
      <OutcomesPage />
    </>
  );
}
