import { Route, Switch } from 'wouter';
import { FirstStepsPage } from './pages/FirstStepsPage.tsx';
import { LanguagePage } from './pages/LanguagePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfferPage } from './pages/OfferPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { TextPage } from './pages/TextPage.tsx';
import { lazy as lazyDeclaration, Suspense as DeclarationSuspense } from 'react';

// The declaration pages are a lazy chunk (sign form, proof of work).
const DeclarationRoutes = lazyDeclaration(() => import('./pages/declaration/DeclarationRoutes.tsx'));
// The committee pages (Gremien) are a lazy chunk as well.
const CommitteeRoutes = lazyDeclaration(() => import('./pages/committees/CommitteeRoutes.tsx'));

export function Routes() {
  return (
    <Switch>
      <Route path="/" component={SearchPage} />
      <Route path="/offer/:id">{(params) => <OfferPage id={params.id} />}</Route>
      <Route path="/first-steps" component={FirstStepsPage} />
      <Route path="/language" component={LanguagePage} />
      <Route path="/imprint">{() => <TextPage kind="imprint" />}</Route>
      <Route path="/privacy">{() => <TextPage kind="privacy" />}</Route>
      <Route path="/gremien" nest>
        <DeclarationSuspense fallback={<p className="page" role="status">…</p>}>
          <CommitteeRoutes />
        </DeclarationSuspense>
      </Route>
      <Route path="/erklaerung" nest>
        <DeclarationSuspense fallback={<p className="page" role="status">…</p>}>
          <DeclarationRoutes />
        </DeclarationSuspense>
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
