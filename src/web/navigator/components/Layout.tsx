import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useAppStatus } from '../connectivity.ts';
import { isolate, navigation, useNavigator } from '../context.ts';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { profile, lang } = useNavigator();
  const [location] = useLocation();
  const search = useSearch();
  const first = useRef(true);
  const status = useAppStatus();

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every location change.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    navigation.happened = true;
  }, [location]);

  const back = encodeURIComponent(`${location}${search ? `?${search}` : ''}`);
  const currentLanguage = profile.languages.find((l) => l.code === lang);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso)) : '');
  const isCurrent = (path: string) => (location === path ? 'page' : undefined);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="brand">
            {profile.logoUrl && <img src={profile.logoUrl} alt="" className="brand-logo" width="32" height="32" />}
            <span className="brand-text">
              <span className="brand-name">{profile.name}</span>
              <span className="brand-app">{t('app.name')}</span>
            </span>
          </Link>
          <Link href={`/language?back=${back}`} className="language-link">
            <GlobeIcon />
            <span className="visually-hidden">{t('nav.language')}: </span>
            <span lang={lang}>{currentLanguage?.nativeName ?? lang}</span>
          </Link>
        </div>
        <nav aria-label={t('app.mainNav')} className="main-nav">
          <Link href="/" aria-current={isCurrent('/')}>
            {t('nav.search')}
          </Link>
          <Link href="/first-steps" aria-current={isCurrent('/first-steps')}>
            {t('nav.firstSteps')}
          </Link>
          <Link href="/gremien" aria-current={location === '/gremien' || location.startsWith('/gremien/') ? 'page' : undefined}>
            {t('committees.nav', { ns: 'civic' })}
          </Link>
          <Link href="/erklaerung" aria-current={location === '/erklaerung' || location.startsWith('/erklaerung/') ? 'page' : undefined} style={{ overflowWrap: 'normal' }}>
            {t('declaration.nav', { ns: 'civic' })}
          </Link>
        </nav>
      </header>
      {status.offline && (
        <div className="offline-banner" role="status">
          <OfflineIcon />
          <span>{status.directory.generatedAt ? t('offline.notice', { date: date(status.directory.generatedAt) }) : t('offline.noticeNoData')}</span>
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t('footer.label')}>
          <ul className="footer-links">
            <li>
              <Link href="/imprint">{t('footer.imprint')}</Link>
            </li>
            <li>
              <Link href="/privacy">{t('footer.privacy')}</Link>
            </li>
            <li>
              <Link href={`/language?back=${back}`}>{t('nav.language')}</Link>
            </li>
          </ul>
        </nav>
        <p className="offline-state" data-offline-state={status.directory.state}>
          {status.directory.state === 'ready' && t('footer.offlineReady', { count: status.directory.count, date: date(status.directory.generatedAt) })}
          {status.directory.state === 'syncing' && t('footer.offlineSyncing')}
          {status.directory.state === 'failed' && t('footer.offlineFailed')}
        </p>
        <p>{t('footer.poweredBy', { name: isolate(profile.name) })}</p>
      </footer>
    </>
  );
}

function GlobeIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
    </svg>
  );
}

function OfflineIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M1 1l22 22M16.7 11.1A10.9 10.9 0 0 1 19 12.5M5 12.5a10.9 10.9 0 0 1 5.2-2.5M10.7 5.1A16 16 0 0 1 22.6 9M1.4 9a16 16 0 0 1 4.4-2.8M8.5 16.1a6 6 0 0 1 7 0M12 20h.01" />
    </svg>
  );
}

/** The page's h1; takes focus after a navigation so screen readers announce the new page. */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigation.happened) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id}>
      {children}
    </h1>
  );
}

/** Sets the document title as "<page> – <tenant>". */
export function useDocumentTitle(title: string): void {
  const { profile } = useNavigator();
  useEffect(() => {
    document.title = title ? `${title} – ${profile.name}` : profile.name;
  }, [title, profile.name]);
}
