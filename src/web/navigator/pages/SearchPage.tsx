import { type FormEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { OfflineError, type SearchOutcome, searchOffers } from '../api.ts';
import { FilterPanel } from '../components/FilterPanel.tsx';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';
import { OfferCardView } from '../components/OfferCardView.tsx';
import { SortControls } from '../components/SortControls.tsx';
import { isolate, useNavigator } from '../context.ts';
import { PAGE_SIZE, parseSearchState, resolveNear, type SearchState, searchStateToQuery } from '../searchState.ts';

const OfferMap = lazy(() => import('../components/OfferMap.tsx'));

type Results = { state: 'loading'; previous: SearchOutcome | null } | { state: 'ready'; value: SearchOutcome } | { state: 'error'; offline: boolean };

export function SearchPage() {
  const { t } = useTranslation();
  const { tenant, lang, profile } = useNavigator();
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = useMemo(() => parseSearchState(search), [search]);
  const point = useMemo(() => resolveNear(state.near, profile.areas), [state.near, profile.areas]);
  const [draft, setDraft] = useState(state.q);
  const [results, setResults] = useState<Results>({ state: 'loading', previous: null });
  const [mapResults, setMapResults] = useState<SearchOutcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const lastValue = useRef<SearchOutcome | null>(null);
  useDocumentTitle(state.q ? `${state.q} – ${t('search.title')}` : t('search.title'));

  useEffect(() => setDraft(state.q), [state.q]);

  const update = (patch: Partial<SearchState>, replace = false) => {
    const next = { ...state, page: 1, ...patch };
    navigate(`/${searchStateToQuery(next)}`, { replace });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` and `attempt` are the triggers; state and point derive from them.
  useEffect(() => {
    const ctrl = new AbortController();
    setResults({ state: 'loading', previous: lastValue.current });
    searchOffers(tenant, lang, state, point, { signal: ctrl.signal }).then(
      (value) => {
        lastValue.current = value;
        setResults({ state: 'ready', value });
      },
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setResults({ state: 'error', offline: err instanceof OfflineError });
      },
    );
    return () => ctrl.abort();
  }, [tenant, lang, search, attempt]);

  // The map shows up to 100 results at once, fetched only while the map view is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on the URL, not on derived objects.
  useEffect(() => {
    if (state.view !== 'map') return;
    const ctrl = new AbortController();
    searchOffers(tenant, lang, { ...state, page: 1 }, point, { pageSize: 100, signal: ctrl.signal }).then(setMapResults, () => setMapResults(null));
    return () => ctrl.abort();
  }, [tenant, lang, search]);

  const shown = results.state === 'ready' ? results.value : results.state === 'loading' ? results.previous : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: draft.trim() });
  };
  const pages = shown ? Math.max(1, Math.ceil(shown.total / PAGE_SIZE)) : 1;

  return (
    <div className="page search-page">
      <div className="search-intro">
        <PageHeading>{t('search.title')}</PageHeading>
        <p>{t('search.intro', { name: isolate(profile.name) })}</p>
        <search>
        <form className="search-form" onSubmit={onSubmit}>
          <label htmlFor="q">{t('search.label')}</label>
          <p id="q-hint" className="hint">
            {t('search.hint')}
          </p>
          <div className="search-row">
            <input id="q" name="q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="q-hint" maxLength={200} autoComplete="off" enterKeyHint="search" />
            <button type="submit" className="button primary">
              {t('search.submit')}
            </button>
          </div>
        </form>
        </search>
      </div>
      <div className="search-layout">
        <FilterPanel state={state} facets={shown?.facets ?? null} onChange={update} />
        <section className="results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('search.resultsHeading')}
          </h2>
          <SortControls state={state} onChange={update} point={point} />
          <div className="results-head">
            <p className="result-count" aria-live="polite" aria-atomic="true" data-testid="result-count">
              {shown ? t('search.results', { count: shown.total }) : results.state === 'error' ? '' : t('app.loading')}
            </p>
            <fieldset className="view-toggle">
              <legend className="visually-hidden">{t('view.label')}</legend>
              {(['list', 'map'] as const).map((v) => (
                <label key={v} className={state.view === v ? 'checked' : undefined}>
                  <input type="radio" name="view" value={v} checked={state.view === v} onChange={() => update({ view: v, page: state.page }, true)} />
                  {t(`view.${v}`)}
                </label>
              ))}
            </fieldset>
          </div>
          {shown && shown.expandedTerms.length > 0 && <p className="hint">{t('search.expanded', { terms: isolate(shown.expandedTerms.join(', ')) })}</p>}
          {results.state === 'error' && (
            <div className="notice" role="alert">
              <p>{results.offline ? t('offline.noticeNoData') : t('app.error')}</p>
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {state.view === 'map' && (
            <Suspense fallback={<p className="map-placeholder">{t('map.loading')}</p>}>
              <OfferMap offers={mapResults?.items ?? shown?.items ?? []} map={profile.map} point={point} />
            </Suspense>
          )}
          {shown && shown.total === 0 && <p className="notice">{t('search.noResults')}</p>}
          {shown && shown.items.length > 0 && (
            <ol className="result-list" aria-busy={results.state === 'loading'}>
              {shown.items.map((offer) => (
                <li key={offer.id}>
                  <OfferCardView offer={offer} />
                </li>
              ))}
            </ol>
          )}
          {shown && pages > 1 && (
            <nav className="pagination" aria-label={t('pagination.label')}>
              {state.page > 1 && (
                <Link className="button" href={`/${searchStateToQuery({ ...state, page: state.page - 1 })}`}>
                  {t('pagination.prev')}
                </Link>
              )}
              <span>{t('pagination.status', { page: state.page, pages })}</span>
              {state.page < pages && (
                <Link className="button" href={`/${searchStateToQuery({ ...state, page: state.page + 1 })}`}>
                  {t('pagination.next')}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
