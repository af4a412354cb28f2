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
export async function setupI18n(options: { lang: string; ns: string | readonly string[]; loaders: LocaleLoaders; fallbackLng?: string }): Promise<i18n> {
  const { lang, loaders } = options;
  const namespaces = typeof options.ns === 'string' ? [options.ns] : [...options.ns];
  const ns = namespaces[0] ?? 'translation';
  const fallbackLng = options.fallbackLng ?? 'de';
  const resources: Resource = {};
  const codes = [...new Set([fallbackLng, lang])];
  const loaded = await Promise.all(codes.flatMap((code) => namespaces.map(async (name) => ({ code, name, res: await loadResource(loaders, code, name) }))));
  for (const { code, name, res } of loaded) if (res) resources[code] = { ...resources[code], [name]: res };
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: resources[lang]?.[ns] ? lang : fallbackLng,
      fallbackLng,
      ns: namespaces,
      defaultNS: ns,
      resources,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else {
    await changeLanguage(lang, namespaces, loaders);
  }
  return i18next;
}

/** Loads a language's resources (every namespace in `ns`; the first is the app's main one) on demand and switches to it. */
export async function changeLanguage(lang: string, ns: string | readonly string[], loaders: LocaleLoaders): Promise<void> {
  const namespaces = typeof ns === 'string' ? [ns] : [...ns];
  const missing = namespaces.filter((name) => !i18next.hasResourceBundle(lang, name));
  const loaded = await Promise.all(missing.map(async (name) => ({ name, res: await loadResource(loaders, lang, name) })));
  for (const { name, res } of loaded) if (res) i18next.addResourceBundle(lang, name, res, true, true);
  const main = namespaces[0] ?? 'translation';
  await i18next.changeLanguage(i18next.hasResourceBundle(lang, main) ? lang : (i18next.options.fallbackLng as string[] | string | undefined)?.toString() ?? 'de');
}
