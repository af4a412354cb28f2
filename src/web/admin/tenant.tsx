// The tenant the back office is working in (from the URL), with its public profile: languages and taxonomy.
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTenantProfile } from '../../shared/contracts/tenant.ts';
import { paths } from './api.ts';
import { ErrorNotice, Loading } from './components/ui.tsx';
import { useApi } from './hooks.ts';

interface TenantValue {
  slug: string;
  profile: PublicTenantProfile;
  reloadProfile: () => void;
}

const TenantContext = createContext<TenantValue | null>(null);

export function TenantProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const { data, error, reload } = useApi<PublicTenantProfile>(paths.profile(slug));
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!data || data.slug !== slug) return <Loading />;
  return <TenantContext.Provider value={{ slug, profile: data, reloadProfile: reload }}>{children}</TenantContext.Provider>;
}

export function useTenant(): TenantValue {
  const v = useContext(TenantContext);
  if (!v) throw new Error('TenantProvider missing');
  return v;
}

/** Picks a taxonomy name in the interface language, falling back to the tenant's default. */
export function useLocalName(): (names: Record<string, string>, fallback?: string) => string {
  const { i18n } = useTranslation();
  const { profile } = useTenant();
  return (names, fallback = '') => names[i18n.language] ?? names[profile.defaultLanguage] ?? names.de ?? fallback;
}
