// The public declaration pages under /{tenant}/{lang}/erklaerung (a lazy chunk of the navigator):
// the declaration with its signatories and the sign form, and the e-mail confirmation page.
import { Route, Switch } from 'wouter';
import { ConfirmPage } from './ConfirmPage.tsx';
import { DeclarationPage } from './DeclarationPage.tsx';
import './declaration.css';

export default function DeclarationRoutes() {
  return (
    <Switch>
      <Route path="/bestaetigen" component={ConfirmPage} />
      <Route path="/:slug">{(params) => <DeclarationPage slug={params.slug} />}</Route>
      <Route path="/">
        <DeclarationPage />
      </Route>
    </Switch>
  );
}
