// The frame around every signed-in page: skip link, header with language switch and account, role-based navigation.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ADMIN_LANGUAGES, switchLanguage } from '../i18n.ts';
import { type Capability, can, useMe, useSession } from '../session.tsx';

const RESERVED = new Set(['security', 'tenants', 'login', 'forgot-password', 'reset-password']);

interface NavItem {
  href: string;
  label: string;
  need: Capability;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [location, navigate] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const first = location.split('/')[1] ?? '';
  const slug = first && !RESERVED.has(first) ? first : (me.tenant?.slug ?? null);

  // Move focus to the new page's heading after client-side navigation, as a full page load would.
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on location change only
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const id = requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    return () => cancelAnimationFrame(id);
  }, [location]);

  const items: NavItem[] = [];
  if (slug) {
    items.push({ href: `/${slug}/cases/dashboard`, label: t('caseReports:nav.dashboard'), need: 'cases' });
    items.push({ href: `/${slug}/cases`, label: t('cases:nav.cases'), need: 'cases' });
    items.push({ href: `/${slug}/cases/tasks`, label: t('journal:nav.tasks'), need: 'cases' });
    items.push({ href: `/${slug}/persons`, label: t('persons:nav'), need: 'cases' });
    if (me.role === 'team_lead' || me.role === 'integration_lead') items.push({ href: `/${slug}/cases/dashboard/team`, label: t('caseReports:nav.team'), need: 'cases' });
    items.push({ href: `/${slug}/cases/outcomes`, label: t('caseReports:nav.outcomes'), need: 'cases' });
    items.push({ href: `/${slug}/offers`, label: me.role === 'partner_editor' ? t('nav.myOffers') : t('nav.offers'), need: 'offers' });
    items.push({ href: `/${slug}/review`, label: t('nav.review'), need: 'review' });
    items.push({ href: `/${slug}/translations`, label: t('nav.translations'), need: 'translations' });
    if (me.role === 'partner_editor' && me.providerId) items.push({ href: `/${slug}/providers/${me.providerId}`, label: t('nav.myProvider'), need: 'ownProvider' });
    items.push({ href: `/${slug}/providers`, label: t('nav.providers'), need: 'providers' });
    items.push({ href: `/${slug}/locations`, label: t('nav.locations'), need: 'locations' });
    items.push({ href: `/${slug}/taxonomy`, label: t('nav.taxonomy'), need: 'taxonomy' });
    items.push({ href: `/${slug}/synonyms`, label: t('nav.synonyms'), need: 'taxonomy' });
    items.push({ href: `/${slug}/first-steps`, label: t('nav.firstSteps'), need: 'firstSteps' });
    items.push({ href: `/${slug}/referral-inbox`, label: t('referrals:nav.inbox'), need: 'referralInbox' });
    items.push({ href: `/${slug}/consent-texts`, label: t('referrals:nav.consentTexts'), need: 'consentTexts' });
    items.push({ href: `/${slug}/committees`, label: t('committees:nav'), need: 'committees' });
    items.push({ href: `/${slug}/declaration`, label: t('declaration:nav'), need: 'declaration' });
    for (const [path, key] of [['groups', 'groups'], ['organisations', 'organisations'], ['contacts', 'contacts'], ['tasks', 'tasks'], ['search', 'search'], ['graph', 'graph']] as const) {
      items.push({ href: `/${slug}/network/${path}`, label: t(`actors:nav.${key}`), need: 'network' });
    }
    items.push({ href: `/${slug}/import-export`, label: t('nav.importExport'), need: 'importExport' });
    items.push({ href: `/${slug}/accounts`, label: t('nav.accounts'), need: 'accounts' });
    items.push({ href: `/${slug}/case-setup`, label: t('cases:nav.setup'), need: 'caseSetup' });
    items.push({ href: `/${slug}/settings`, label: t('nav.settings'), need: 'settings' });
    items.push({ href: `/${slug}/audit`, label: t('nav.audit'), need: 'audit' });
    items.push({ href: `/${slug}/outbox`, label: t('nav.outbox'), need: 'outbox' });
  }
  if (me.role === 'super_admin') items.push({ href: '/tenants', label: t('nav.tenants'), need: 'tenants' });
  const visible = items.filter((i) => can(me, i.need));
  const isCurrent = (href: string) => location === href || (location.startsWith(`${href}/`) && !visible.some((o) => o.href !== href && o.href.startsWith(href) && location.startsWith(o.href)));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            L
          </span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tenant">{slug ? (me.tenant?.slug === slug ? me.tenant.name : slug) : t('app.installation')}</span>
          </span>
        </div>
        <button type="button" className="button secondary menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
          {t('nav.menu')}
        </button>
        <div className="topbar-tools">
          <LanguageSwitch />
          <span className="who">
            <span className="who-name">{me.name}</span>
            <span className="who-role">{t(`roles.${me.role}`)}</span>
          </span>
          <Link href="/security" className="button secondary">
            {t('nav.security')}
          </Link>
          <button
            type="button"
            className="button secondary"
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav id="main-nav" className={`sidenav ${menuOpen ? 'open' : ''}`} aria-label={t('nav.main')}>
          <ul>
            {visible.map((i) => (
              <li key={i.href}>
                <Link href={i.href} aria-current={isCurrent(i.href) ? 'page' : undefined}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('nav.language')}</legend>
      {ADMIN_LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          className={i18n.language === l.code ? 'active' : ''}
          aria-pressed={i18n.language === l.code}
          onClick={() => void switchLanguage(l.code)}
        >
          {l.code.toUpperCase()}
          <span className="visually-hidden"> – {l.label}</span>
        </button>
      ))}
    </fieldset>
  );
}
