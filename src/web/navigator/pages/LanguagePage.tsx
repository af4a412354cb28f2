import { type MouseEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import type { PublicTenantProfile } from '../../../shared/contracts/tenant.ts';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';
import { languageName, rememberLanguage, useNavigator } from '../context.ts';

/** The language chooser shown on the first visit and reachable from every page. */
export function LanguageChooser(props: { tenant: string; profile: PublicTenantProfile; currentLang: string | null; next: string; firstVisit?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = props.next.startsWith('/') && !props.next.startsWith('//') ? props.next : '/';
  const go = (e: MouseEvent<HTMLAnchorElement>, code: string) => {
    e.preventDefault();
    rememberLanguage(props.tenant, code);
    navigate(e.currentTarget.getAttribute('href')!);
  };
  const list = (
    <ul className="language-list">
      {props.profile.languages.map((l) => {
        const translated = languageName(l.code, i18n.language);
        return (
          <li key={l.code}>
            <a
              href={`/${props.tenant}/${l.code}${next}`}
              hrefLang={l.code}
              lang={l.code}
              dir={l.dir}
              aria-current={props.currentLang === l.code ? 'true' : undefined}
              onClick={(e) => go(e, l.code)}
            >
              <span className="language-native">{l.nativeName}</span>
              {translated !== l.nativeName && (
                <span className="language-translated" lang={i18n.language} dir={i18n.dir()}>
                  {translated}
                </span>
              )}
              {props.currentLang === l.code && (
                <span className="language-current" lang={i18n.language}>
                  {t('language.current')}
                </span>
              )}
            </a>
          </li>
        );
      })}
    </ul>
  );
  if (!props.firstVisit) return list;
  return (
    <>
      <header className="site-header">
        <div className="header-inner">
          <span className="brand">
            <span className="brand-text">
              <span className="brand-name">{props.profile.name}</span>
              <span className="brand-app">{t('app.name')}</span>
            </span>
          </span>
        </div>
      </header>
      <main id="main" className="page narrow">
        <FirstVisitTitle name={props.profile.name} />
        <h1>{t('language.title')}</h1>
        <p>{t('language.intro')}</p>
        {list}
      </main>
    </>
  );
}

function FirstVisitTitle({ name }: { name: string }) {
  const { t } = useTranslation();
  const title = `${t('language.title')} – ${name}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

export function LanguagePage() {
  const { t } = useTranslation();
  const { tenant, profile, lang } = useNavigator();
  const back = new URLSearchParams(useSearch()).get('back') ?? '/';
  useDocumentTitle(t('language.title'));
  return (
    <div className="page narrow">
      <PageHeading>{t('language.title')}</PageHeading>
      <p>{t('language.intro')}</p>
      <LanguageChooser tenant={tenant} profile={profile} currentLang={lang} next={back.startsWith('/language') ? '/' : back} />
    </div>
  );
}
