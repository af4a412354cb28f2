// The nested routes of persons under /admin/:tenant/persons, with the idle timeout of case views.
import { Route, Switch } from 'wouter';
import { CaseIdleTimeout } from '../cases/IdleTimeout.tsx';
import { MergePage } from './MergePage.tsx';
import { PersonListPage } from './PersonList.tsx';
import { PersonNewPage } from './PersonNew.tsx';
import { PersonPage } from './PersonPage.tsx';

export function PersonsRoutes() {
  return (
    <>
      <CaseIdleTimeout />
      <Switch>
        <Route path="/" component={PersonListPage} />
        <Route path="/new" component={PersonNewPage} />
        <Route path="/:id/merge" component={MergePage} />
        <Route path="/:id/:tab?" component={PersonPage} />
      </Switch>
    </>
  );
}
