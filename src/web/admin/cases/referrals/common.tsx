// Small pieces shared by the referral, consent and inbox views.
import { useTranslation } from 'react-i18next';
import type { ConsentStatus, ReferralState, SharedSnapshot } from '../../../../shared/contracts/caseReferrals.ts';
import { languageInfo } from '../../../../shared/languages.ts';
import { ApiError } from '../../api.ts';

const STATE_CLASS: Record<ReferralState, string> = {
  sent: 'status-in_review',
  accepted: 'status-published',
  done: 'status-published',
  rejected: 'status-archived',
  revoked: 'status-archived',
};

export function ReferralStateBadge({ state }: { state: ReferralState }) {
  const { t } = useTranslation('referrals');
  return <span className={`badge ${STATE_CLASS[state]}`}>{t(`state.${state}`)}</span>;
}

const CONSENT_CLASS: Record<ConsentStatus, string> = {
  valid: 'status-published',
  not_yet_valid: 'status-in_review',
  expired: 'status-archived',
  withdrawn: 'status-archived',
};

export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation('referrals');
  return <span className={`badge ${CONSENT_CLASS[status]}`}>{t(`consentStatus.${status}`)}</span>;
}

export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '–';
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Today in the office's time zone, YYYY-MM-DD (default of date fields). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function languageLabel(code: string, lang: string): string {
  const info = languageInfo(code);
  if (!info) return code;
  return lang === 'de' ? info.germanName : info.nativeName;
}

/** The shared values of a referral as a definition list (what the partner sees). */
export function SharedData({ shared }: { shared: SharedSnapshot }) {
  const { t, i18n } = useTranslation('referrals');
  const rows: Array<[string, string]> = [];
  const name = [shared.givenName, shared.familyName ?? shared.familyInitial].filter(Boolean).join(' ');
  if (name) rows.push([t('shared.name'), name]);
  if (shared.birthYear !== undefined) rows.push([t('shareField.birthYear'), String(shared.birthYear)]);
  if (shared.languages) rows.push([t('shareField.languages'), shared.languages.map((l) => languageLabel(l, i18n.language)).join(', ') || '–']);
  if (shared.phone) rows.push([t('shareField.phone'), shared.phone]);
  if (shared.email) rows.push([t('shareField.email'), shared.email]);
  if (shared.note) rows.push([t('shareField.note'), shared.note]);
  if (rows.length === 0) return <p className="hint">{t('shared.nothing')}</p>;
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A clear sentence for an API error of these features, in the interface language: known codes and
 * fields have their own text (the server's messages are English); anything else falls back to the
 * back office's general error texts.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('referrals');
  return (error: unknown) => {
    if (!(error instanceof ApiError)) return t('admin:errors.internal');
    const field = (error.field ?? '').replace(/^body\./, '');
    const byField = field ? t(`errors.fields.${field.replace(/\.\d+$/, '').replaceAll('.', '_')}`, { defaultValue: '' }) : '';
    const byCode = t(`errors.codes.${error.code}`, { defaultValue: '' });
    if (error.code === 'validation_failed' && byField) return byField;
    if (error.code === 'forbidden' && (field === 'override' || field === 'restricted')) return t(`errors.fields.${field}`);
    if (byCode) return byCode;
    return t(`admin:errors.${error.code}`, { defaultValue: error.message });
  };
}

/** The error of one form field (when the API named it). */
export function fieldError(error: unknown, field: string, text: (e: unknown) => string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const f = error.field.replace(/^body\./, '');
  return f === field || f.startsWith(`${field}.`) ? text(error) : undefined;
}

/** Whether an API error is shown inline at one of these fields (so the form-level notice leaves it out). */
export function isFieldError(error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError) || !error.field) return false;
  const f = error.field.replace(/^body\./, '');
  return fields.some((x) => f === x || f.startsWith(`${x}.`));
}

/** A form-level error notice in the interface language. */
export function FormError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{text(error)}</p>
    </div>
  );
}
