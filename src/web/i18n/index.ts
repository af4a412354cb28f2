// Shared i18next setup for the navigator and the back office. Every app passes its own namespace
// and an import.meta.glob of its locale files, so each language is a separate lazily loaded chunk.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export type LocaleLoaders = Record<string, () => Promise<unknown>>;

/** Finds the loader for `<lang>/<ns>` in a glob such as `./locales/*\/navigator.json`. */
function loaderFor(loaders: LocaleLoaders, lang: string, ns: string): (() => Promise<unknown>) | undefined {
  const suffix = `/${lang}/${ns}.json`;
  const key = Object.keys(loaders).find((k) => k.endsWith(suffix));
  return key ? loaders[key] : undefined;
}

async function loadResource(loaders: LocaleLoaders, lang: string, ns: string): Promise<Record<string, unknown> | undefined> {
  const load = loaderFor(loaders, lang, ns);
  if (!load) return undefined;
  const mod = (await load()) as { default?: Record<string, unknown> } & Record<string, unknown>;
  return (mod.default ?? mod) as Record<string, unknown>;
}

/**
 * Initialises i18next once for `ns` with the language `lang` (German is always loaded as the
 * fallback, because German is the source language of every string).
 */
export async function setupI18n(options: { lang: string; ns: string; loaders: LocaleLoaders; fallbackLng?: string }): Promise<i18n> {
  const { lang, ns, loaders } = options;
  const fallbackLng = options.fallbackLng ?? 'de';
  const resources: Resource = {};
  for (const code of new Set([fallbackLng, lang])) {
    const res = await loadResource(loaders, code, ns);
    if (res) resources[code] = { [ns]: res };
  }
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: resources[lang] ? lang : fallbackLng,
      fallbackLng,
      ns: [ns],
      defaultNS: ns,
      resources,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else {
    await changeLanguage(lang, ns, loaders);
  }
  return i18next;
}

/** Loads a language's resources on demand and switches to it. */
export async function changeLanguage(lang: string, ns: string, loaders: LocaleLoaders): Promise<void> {
  if (!i18next.hasResourceBundle(lang, ns)) {
    const res = await loadResource(loaders, lang, ns);
    if (res) i18next.addResourceBundle(lang, ns, res, true, true);
  }
  await i18next.changeLanguage(i18next.hasResourceBundle(lang, ns) ? lang : (i18next.options.fallbackLng as string[] | string | undefined)?.toString() ?? 'de');
}
