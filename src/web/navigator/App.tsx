// Root of the navigator: URLs are /{tenant}/{lang}/…; the language in the URL wins over the one
// remembered on the device. Loads the tenant profile and the interface language, then routes.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useBrowserLocation } from 'wouter/use-browser-location';
import type { PublicTenantProfile } from '../../shared/contracts/tenant.ts';
import { setupI18n } from '../i18n/index.ts';
import { ApiError, fetchProfile, syncDirectory } from './api.ts';
import { contrastWithWhite, NavigatorContext, type NavigatorContextValue, navigation, rememberLanguage, storedLanguage, TENANT_STORAGE_KEY } from './context.ts';
import { Layout } from './components/Layout.tsx';
import { LanguageChooser } from './pages/LanguagePage.tsx';
import { Routes } from './Routes.tsx';

// `navigator` is the main namespace; `civic` holds the public committee and declaration pages.
const localeLoaders = import.meta.glob(['../i18n/locales/*/navigator.json', '../i18n/locales/*/civic.json']);
const NAVIGATOR_NAMESPACES = ['navigator', 'civic'] as const;
const DEFAULT_BRAND = '#1d4f7a';

type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

export function App() {
  const [path, navigate] = useBrowserLocation();
  const segments = path.split('/').filter(Boolean);
  const tenant = segments[0] ?? '';
  const langSegment = segments[1] ?? '';
  const [profile, setProfile] = useState<Load<PublicTenantProfile>>({ state: 'loading' });
  const [uiLang, setUiLang] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (tenant) return;
    try {
      const last = localStorage.getItem(TENANT_STORAGE_KEY);
      if (last) navigate(`/${last}/`, { replace: true });
    } catch {
      /* no storage */
    }
  }, [tenant, navigate]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request.
  useEffect(() => {
    if (!tenant) return;
    const ctrl = new AbortController();
    setProfile({ state: 'loading' });
    fetchProfile(tenant, undefined, ctrl.signal).then(
      (value) => setProfile({ state: 'ready', value }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setProfile({ state: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [tenant, attempt]);

  const languages = profile.state === 'ready' ? profile.value.languages : [];
  const langValid = languages.some((l) => l.code === langSegment);
  const lang = langValid ? langSegment : null;
  const stored = tenant ? storedLanguage(tenant) : null;
  const redirectLang = !lang && stored && languages.some((l) => l.code === stored) ? stored : null;

  // A link without language (/musterstadt/offer/x) gets the remembered language inserted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: segments derive from path.
  useEffect(() => {
    if (profile.state !== 'ready' || lang || !redirectLang) return;
    navigate(`/${tenant}/${redirectLang}/${segments.slice(1).join('/')}${window.location.search}`, { replace: true });
  }, [profile.state, lang, redirectLang, tenant, path]);

  // The interface language: the chosen one, else the tenant's default (for the chooser).
  // While the profile loads, the language in the URL is fetched in parallel (if it has strings).
  const urlCandidate = Object.keys(localeLoaders).some((k) => k.endsWith(`/${langSegment}/navigator.json`)) ? langSegment : null;
  const wantedUi = lang ?? (profile.state === 'ready' ? profile.value.defaultLanguage : (urlCandidate ?? 'de'));
  useEffect(() => {
    let cancelled = false;
    setupI18n({ lang: wantedUi, ns: NAVIGATOR_NAMESPACES, loaders: localeLoaders }).then(() => {
      if (!cancelled) setUiLang(wantedUi);
    });
    return () => {
      cancelled = true;
    };
  }, [wantedUi]);

  const dir = languages.find((l) => l.code === wantedUi)?.dir ?? (wantedUi === 'ar' || wantedUi === 'fa' ? 'rtl' : 'ltr');
  useEffect(() => {
    document.documentElement.lang = wantedUi;
    document.documentElement.dir = dir;
  }, [wantedUi, dir]);

  useEffect(() => {
    if (!lang || profile.state !== 'ready') return;
    rememberLanguage(tenant, lang);
    void syncDirectory(tenant, lang);
  }, [tenant, lang, profile.state]);

  const brand = profile.state === 'ready' ? profile.value.primaryColor : DEFAULT_BRAND;
  useEffect(() => {
    // The tenant colour is used for white text only where the contrast holds (≥ 4.5:1).
    const usable = contrastWithWhite(brand) >= 4.5 ? brand : DEFAULT_BRAND;
    document.documentElement.style.setProperty('--brand', usable);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', usable);
  }, [brand]);

  useEffect(() => {
    navigation.happened = false;
  }, []);

  const ctx = useMemo<NavigatorContextValue | null>(
    () => (profile.state === 'ready' && lang ? { tenant, lang, dir, profile: profile.value } : null),
    [profile, tenant, lang, dir],
  );

  if (!tenant) return <Landing ready={uiLang !== null} />;
  if (uiLang === null || profile.state === 'loading' || (!lang && redirectLang)) return <p className="boot">…</p>;
  if (profile.state === 'error') return <ProfileError error={profile.error} retry={() => setAttempt((n) => n + 1)} />;
  if (!ctx) {
    const next = `/${segments.slice(1).join('/')}${window.location.search}`;
    return <LanguageChooser tenant={tenant} profile={profile.value} currentLang={null} next={next} firstVisit />;
  }
  return (
    <NavigatorContext.Provider value={ctx}>
      <Router base={`/${tenant}/${lang}`}>
        <Layout>
          <Routes />
        </Layout>
      </Router>
    </NavigatorContext.Provider>
  );
}

function Landing({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  if (!ready) return <p className="boot">…</p>;
  return (
    <main id="main" className="page narrow">
      <h1>{t('app.name')}</h1>
      <p>{t('notFound.landing')}</p>
    </main>
  );
}

function ProfileError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  const unknownTenant = error instanceof ApiError && error.status === 404;
  return (
    <main id="main" className="page narrow">
      <h1>{unknownTenant ? t('notFound.title') : t('app.name')}</h1>
      <p role="alert">{unknownTenant ? t('notFound.tenant') : t('app.error')}</p>
      {!unknownTenant && (
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
    </main>
  );
}
