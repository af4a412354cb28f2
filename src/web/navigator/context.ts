// What every page needs: the tenant slug, the chosen language and the tenant's public profile.
import { createContext, useContext } from 'react';
import type { PublicTenantProfile } from '../../shared/contracts/tenant.ts';

export interface NavigatorContextValue {
  tenant: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  profile: PublicTenantProfile;
}

export const NavigatorContext = createContext<NavigatorContextValue | null>(null);

export function useNavigator(): NavigatorContextValue {
  const value = useContext(NavigatorContext);
  if (!value) throw new Error('NavigatorContext missing');
  return value;
}

/** A taxonomy name in the chosen language, else the tenant's default language. */
export function localName(entry: { name: string; names: Record<string, string> }, lang: string, fallback: string): string {
  return entry.names[lang] || entry.names[fallback] || entry.name;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The name of a language in the interface language ("Arabisch"), for filters and notices. */
export function languageName(code: string, uiLang: string): string {
  if (!displayNames.has(uiLang)) {
    try {
      displayNames.set(uiLang, new Intl.DisplayNames([uiLang], { type: 'language' }));
    } catch {
      displayNames.set(uiLang, null);
    }
  }
  try {
    return displayNames.get(uiLang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whether a navigation happened since the page loaded (then headings take focus). */
export const navigation = { happened: false };

export const LANG_STORAGE_KEY = 'lotse.lang';
export const TENANT_STORAGE_KEY = 'lotse.tenant';

export function storedLanguage(tenant: string): string | null {
  try {
    return localStorage.getItem(`${LANG_STORAGE_KEY}.${tenant}`) ?? localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(tenant: string, lang: string): void {
  try {
    localStorage.setItem(`${LANG_STORAGE_KEY}.${tenant}`, lang);
    localStorage.setItem(LANG_STORAGE_KEY, lang);
    localStorage.setItem(TENANT_STORAGE_KEY, tenant);
  } catch {
    /* storage disabled: the URL still carries the language */
  }
}

/** WCAG contrast ratio of a hex colour against white. */
export function contrastWithWhite(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 1;
  const n = Number.parseInt(m[1]!, 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return 1.05 / (l + 0.05);
}

/** "Deutsch, Türkisch und Arabisch" in the interface language (Arabic commas in Arabic). */
export function formatList(items: string[], uiLang: string): string {
  try {
    return cachedFormat(`list:${uiLang}`, () => new Intl.ListFormat(uiLang, { style: 'long', type: 'conjunction' })).format(items);
  } catch {
    return items.join(', ');
  }
}

const formats = new Map<string, unknown>();

/** Intl formatters are costly to create (locale data); one per language and kind is kept. */
export function cachedFormat<T>(key: string, create: () => T): T {
  let f = formats.get(key) as T | undefined;
  if (f === undefined) {
    f = create();
    formats.set(key, f);
  }
  return f;
}

/**
 * Isolates user content inside a translated sentence (FSI … PDI, like <bdi>), so a German
 * provider name does not scramble the word order of an Arabic or Farsi sentence.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
