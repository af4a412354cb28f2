// Small shared pieces of the case pages: state and warning badges, day formatting, the options hook.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseOptions, CaseState, CaseWarning } from '../../../shared/contracts/cases.ts';
import { type FieldErrors, apiFieldError } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';
import './cases.css';

/** A calendar day 'YYYY-MM-DD' in the interface language (no time zone shift). */
export function formatDay(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Today in Germany, 'YYYY-MM-DD'. */
export const todayDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export function CaseStateBadge({ state }: { state: CaseState }) {
  const { t } = useTranslation('cases');
  return <span className={`badge case-state case-state-${state}`}>{t(`states.${state}`)}</span>;
}

export function WarningBadges({ warnings }: { warnings: CaseWarning[] }) {
  const { t, i18n } = useTranslation('cases');
  if (!warnings.length) return null;
  return (
    <span className="badges">
      {warnings.map((w) => (
        <span key={w.code} className={`badge case-warning ${w.days < 0 ? 'case-warning-past' : ''}`}>
          {t(`warnings.short.${w.code}`, { date: formatDay(w.on, i18n.language), count: Math.abs(w.days) })}
        </span>
      ))}
    </span>
  );
}

/** Programmes, teams and staff in the signed-in account's scope (filters, forms). */
export function useCaseOptions() {
  const { slug } = useTenant();
  return useApi<CaseOptions>(casePaths.options(slug));
}

/** The field an API error names, without the "body." prefix of schema errors, translated. */
export function caseFieldError(error: unknown, t: TFunction): FieldErrors {
  const errors = apiFieldError(error, t);
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^body\./, ''), v]));
}
