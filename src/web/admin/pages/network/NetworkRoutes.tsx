// The network pages under /:tenant/network (loaded as one lazy chunk; the graph as another).
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../../components/ui.tsx';
import { ContactEditPage, ContactListPage } from './Contacts.tsx';
import { GroupEditPage, GroupListPage } from './Groups.tsx';
import { MeetingPage } from './Meeting.tsx';
import { OrganisationEditPage, OrganisationListPage } from './Organisations.tsx';
import { ActorSearchPage } from './Search.tsx';
import { TaskListPage } from './Tasks.tsx';
import { graphUrl, parseGraphFilters, prefetchGraph } from './graphData.ts';

const loadGraphPage = () => import('./NetworkGraph.tsx');
const NetworkGraphPage = lazy(loadGraphPage);

// Arriving straight at the overview: its data and code load while the rest of the page renders.
const direct = /^\/admin\/([^/]+)\/network\/graph\/?$/.exec(window.location.pathname);
if (direct) {
  void loadGraphPage();
  prefetchGraph(graphUrl(decodeURIComponent(direct[1]!), parseGraphFilters(window.location.search)));
}

export default function NetworkRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/groups" />
      </Route>
      <Route path="/groups" component={GroupListPage} />
      <Route path="/groups/new" component={GroupEditPage} />
      <Route path="/groups/:id" component={GroupEditPage} />
      <Route path="/meetings/:id" component={MeetingPage} />
      <Route path="/organisations" component={OrganisationListPage} />
      <Route path="/organisations/new" component={OrganisationEditPage} />
      <Route path="/organisations/:id" component={OrganisationEditPage} />
      <Route path="/contacts" component={ContactListPage} />
      <Route path="/contacts/new" component={ContactEditPage} />
      <Route path="/contacts/:id" component={ContactEditPage} />
      <Route path="/tasks" component={TaskListPage} />
      <Route path="/search" component={ActorSearchPage} />
      <Route path="/graph">
        <Suspense fallback={<Loading />}>
          <NetworkGraphPage />
        </Suspense>
      </Route>
    </Switch>
  );
}
