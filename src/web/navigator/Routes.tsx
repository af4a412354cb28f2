import { Route, Switch } from 'wouter';
import { FirstStepsPage } from './pages/FirstStepsPage.tsx';
import { LanguagePage } from './pages/LanguagePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfferPage } from './pages/OfferPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { TextPage } from './pages/TextPage.tsx';

export function Routes() {
  return (
    <Switch>
      <Route path="/" component={SearchPage} />
      <Route path="/offer/:id">{(params) => <OfferPage id={params.id} />}</Route>
      <Route path="/first-steps" component={FirstStepsPage} />
      <Route path="/language" component={LanguagePage} />
      <Route path="/imprint">{() => <TextPage kind="imprint" />}</Route>
      <Route path="/privacy">{() => <TextPage kind="privacy" />}</Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
