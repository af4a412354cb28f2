// Shared pieces of the assessment and plan tabs: server paths, error texts in the interface
// language, field-of-action names, day formatting.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOfActionOption } from '../../../../shared/contracts/casePlans.ts';
import { ApiError } from '../../api.ts';
import type { FieldErrors } from '../../forms.ts';
import './plans.css';

const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/cases`;

export const planPaths = {
  assessment: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/assessment`,
  assessmentField: (slug: string, caseId: string, field: string) => `${v1(slug)}/${caseId}/assessment/${encodeURIComponent(field)}`,
  plans: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/plans`,
  plan: (slug: string, caseId: string, planId: string) => `${v1(slug)}/${caseId}/plans/${planId}`,
  agree: (slug: string, caseId: string, planId: string) => `${v1(slug)}/${caseId}/plans/${planId}/agree`,
  progress: (slug: string, caseId: string, planId: string, goalId: string) => `${v1(slug)}/${caseId}/plans/${planId}/goals/${goalId}/progress`,
  pdf: (slug: string, caseId: string, planId: string, lang: string) => `${v1(slug)}/${caseId}/plans/${planId}/pdf?lang=${encodeURIComponent(lang)}`,
};

/** The field an API error names, without the "body."/"querystring." prefix of schema errors. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  return error.field.replace(/^(body|querystring|params)\./, '');
}

/** Whether an API error is the optimistic-locking conflict (someone else saved first). */
export const isConflict = (error: unknown): boolean => error instanceof ApiError && error.code === 'conflict';

/**
 * Error texts in the interface language: known fields and codes of plans have their own sentence
 * (the server speaks English); anything else falls back to the general error texts.
 */
export function usePlanErrors() {
  const { t } = useTranslation('plans');
  const { t: ta } = useTranslation();
  const text = useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return ta('errors.internal');
      const field = errorField(error);
      if (field === 'restricted') return t('errors.restricted');
      if (error.code === 'conflict') return t('errors.conflict');
      if (field === 'state') return t('errors.closed');
      if (error.code === 'invalid_state_transition') return t('errors.frozen');
      if (field && error.code === 'validation_failed') {
        const last = field.split('.').pop() ?? field;
        const known = t(`errors.fields.${last}`, { defaultValue: '' });
        if (known) return `${known} (${error.message})`;
      }
      const general = ta(`errors.${error.code}`, { defaultValue: '' });
      return general ? `${general} ${error.message}` : error.message;
    },
    [t, ta],
  );
  /** The error for the form: on its field when the form has it, else form-level. */
  const fieldErrors = useCallback(
    (error: unknown, hasField: (field: string) => boolean): FieldErrors => {
      const field = errorField(error);
      if (field && hasField(field) && !isConflict(error)) return { [field]: text(error) };
      return { _form: text(error) };
    },
    [text],
  );
  return { text, fieldErrors };
}

/** A field of action's name in the interface language (German, then the key, as fallbacks). */
export function useFieldName(fields: FieldOfActionOption[]): (key: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (key: string) => {
      const f = fields.find((x) => x.key === key);
      return f?.names[i18n.language] || f?.names.de || key;
    },
    [fields, i18n.language],
  );
}

/** A calendar day 'YYYY-MM-DD' in the interface language. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '–';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Today in Germany, 'YYYY-MM-DD'. */
export const todayDay = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A form-level error, announced. */
export function FormError({ message, onReload, reloadLabel }: { message: string | undefined; onReload?: (() => void) | undefined; reloadLabel?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{message}</p>
      {onReload ? (
        <button type="button" className="button secondary" onClick={onReload}>
          {reloadLabel}
        </button>
      ) : null}
    </div>
  );
}
