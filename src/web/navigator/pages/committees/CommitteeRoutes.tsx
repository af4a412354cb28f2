// Public committee pages under /{tenant}/{lang}/gremien (a lazy chunk of the navigator).
import { Route, Switch } from 'wouter';
import './committees.css';
import { CommitteePage, CommitteesPage } from './CommitteesPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { PaperPage } from './PaperPage.tsx';

export default function CommitteeRoutes() {
  return (
    <Switch>
      <Route path="/" component={CommitteesPage} />
      <Route path="/sitzungen/:id">{(params) => <MeetingPage id={params.id} />}</Route>
      <Route path="/vorlagen/:id">{(params) => <PaperPage id={params.id} />}</Route>
      <Route path="/:id">{(params) => <CommitteePage id={params.id} />}</Route>
    </Switch>
  );
}
