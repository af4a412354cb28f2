// The back office's strings live in src/web/i18n/locales/<lang>/admin.json (German is the source);
// this wires them into the shared i18next setup and remembers the chosen language.
import type { i18n as I18n } from 'i18next';
import { changeLanguage, type LocaleLoaders, setupI18n } from '../i18n/index.ts';

export const ADMIN_LANGUAGES = [
  { code: 'de', label: 'Deutsch' },
  { code: 'en', label: 'English' },
] as const;

/**
 * The back office's namespaces: `admin` (the foundation) first, then one file per domain, e.g.
 * locales/de/cases.json used with useTranslation('cases'). Add a domain's namespace here.
 */
export const ADMIN_NAMESPACES = ['admin', 'cases', 'persons', 'plans', 'referrals', 'journal', 'caseReports', 'privacy', 'actors', 'committees', 'declaration'] as const;

const STORAGE_KEY = 'lotse.admin.lang';
const loaders = import.meta.glob('../i18n/locales/*/*.json') as LocaleLoaders;

function savedLanguage(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    /* storage blocked */
  }
  return 'de';
}

export async function initAdminI18n(): Promise<I18n> {
  const instance = await setupI18n({ lang: savedLanguage(), ns: ADMIN_NAMESPACES, loaders });
  document.documentElement.lang = instance.language;
  return instance;
}

export async function switchLanguage(lang: string): Promise<void> {
  await changeLanguage(lang, ADMIN_NAMESPACES, loaders);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage blocked */
  }
}
