// Back office of the declaration (/admin/{tenant}/declaration…): overview, editor, signatures,
// one signature, statistics. Mounted as a nested route by App.tsx.
import { Route, Switch } from 'wouter';
import { DeclarationEditPage } from './DeclarationEdit.tsx';
import { DeclarationListPage } from './DeclarationList.tsx';
import { SignatureDetailPage } from './SignatureDetail.tsx';
import { SignaturesPage } from './Signatures.tsx';
import { StatisticsPage } from './Statistics.tsx';
import './declaration.css';

export function DeclarationRoutes() {
  return (
    <Switch>
      <Route path="/" component={DeclarationListPage} />
      <Route path="/new">
        <DeclarationEditPage />
      </Route>
      <Route path="/:id/edit">{(p) => <DeclarationEditPage id={p.id} />}</Route>
      <Route path="/:id/statistics">{(p) => <StatisticsPage id={p.id} />}</Route>
      <Route path="/:id/signatures/:signatureId">{(p) => <SignatureDetailPage id={p.id} signatureId={p.signatureId} />}</Route>
      <Route path="/:id">{(p) => <SignaturesPage id={p.id} />}</Route>
    </Switch>
  );
}
