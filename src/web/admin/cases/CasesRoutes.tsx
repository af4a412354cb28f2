// The nested routes of case management under /admin/:tenant/cases. (The idle timeout of case views,
// IdleTimeout.tsx, is mounted once for every page of a case role in App.tsx.)
import { Route, Switch } from 'wouter';
import { CaseListPage } from './CaseList.tsx';
import { CaseNewPage } from './CaseNew.tsx';
import { CasePage } from './CasePage.tsx';
import { TeamViewPage } from './TeamView.tsx';

export function CasesRoutes() {
  return (
    <Switch>
      <Route path="/" component={CaseListPage} />
      <Route path="/new" component={CaseNewPage} />
      <Route path="/team" component={TeamViewPage} />
      <Route path="/:id/:tab?" component={CasePage} />
    </Switch>
  );
}
