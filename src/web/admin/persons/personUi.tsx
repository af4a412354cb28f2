// Shared pieces of the persons pages: translations, formatting, the code picker (nationalities,
// languages), the duplicate warning and error mapping.
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DuplicateResult, OtherNameInput } from '../../../shared/contracts/casePersons.ts';
import { LANGUAGES } from '../../../shared/languages.ts';
import { ApiError } from '../api.ts';
import type { z } from 'zod';
import { type FieldErrors, translateMessage, validate } from '../forms.ts';
import './persons.css';

/** Persons strings first, then the back office's common ones (validation, buttons, errors). */
export const usePersonT = () => useTranslation(['persons', 'admin']);

const locale = (lang: string) => (lang === 'de' ? 'de-DE' : 'en-GB');

export function formatDay(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
}

export function countryName(code: string, lang: string, t: TFunction): string {
  if (code === 'stateless' || code === 'unclear') return t(`nationality.${code}`);
  try {
    return new Intl.DisplayNames([locale(lang)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([locale(lang)], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    /* unknown to the browser */
  }
  const known = LANGUAGES.find((l) => l.code === code);
  return known ? (lang === 'de' ? known.germanName : known.nativeName) : code;
}

export const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`.trim();

export const otherNameText = (n: OtherNameInput | { givenName: string; familyName: string; script: string }) =>
  `${fullName(n)}${n.script ? ` (${n.script})` : ''}`;

/** A contract or server message in the interface language (persons' own first, then the common ones). */
export function personMessage(message: string, t: TFunction): string {
  const own = t('serverMessages', { ns: 'persons', returnObjects: true }) as unknown;
  if (own && typeof own === 'object' && typeof (own as Record<string, unknown>)[message] === 'string') return (own as Record<string, string>)[message]!;
  return translateMessage(message, t);
}

/** Field errors of a failed request, keyed like the form's fields ("birthDate", "otherNames.0.familyName"). */
export function apiErrors(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError) || !error.field) return {};
  const key = error.field.replace(/^(body|params|query)\./, '');
  return { [key]: personMessage(error.message.replace(/^[\w.]+: /, ''), t) };
}

/** Client-side validation with the shared schema; messages in the interface language. */
export function validatePerson<S extends z.ZodType>(schema: S, value: unknown, t: TFunction): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = validate(schema, value, t);
  if (!result.errors) return result;
  return { data: null, errors: Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [k, personMessage(m, t)])) };
}

/**
 * A list of codes (nationalities, languages) as removable chips, plus a select to add one —
 * accessible as one group with a legend.
 */
export function CodePicker(props: {
  legend: string;
  addLabel: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (values: string[]) => void;
  max?: number;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = usePersonT();
  const id = useId();
  const [pick, setPick] = useState('');
  const labelOf = (v: string) => props.options.find((o) => o.value === v)?.label ?? v;
  const full = props.max !== undefined && props.selected.length >= props.max;
  return (
    <fieldset className="group code-picker" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.selected.length ? (
        <ul className="chips" aria-label={props.legend}>
          {props.selected.map((v) => (
            <li key={v}>
              <span>{labelOf(v)}</span>
              <button
                type="button"
                className="linklike"
                disabled={props.disabled}
                aria-label={t('picker.remove', { name: labelOf(v) })}
                onClick={() => props.onChange(props.selected.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">{t('picker.none')}</p>
      )}
      <div className="inline-add">
        <label htmlFor={`${id}-add`} className="visually-hidden">
          {props.addLabel}
        </label>
        <select id={`${id}-add`} value={pick} disabled={props.disabled || full} onChange={(e) => setPick(e.target.value)}>
          <option value="">{props.addLabel}</option>
          {props.options
            .filter((o) => !props.selected.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button secondary"
          disabled={!pick || props.disabled || full}
          onClick={() => {
            if (pick && !props.selected.includes(pick)) props.onChange([...props.selected, pick]);
            setPick('');
          }}
        >
          {t('picker.add')}
        </button>
      </div>
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The warning before a second record is created: likely duplicates the user may open, and hints at
 * records managed elsewhere (team only). `onConfirm` records the person anyway.
 */
export function DuplicateWarning(props: {
  result: DuplicateResult;
  onConfirm?: () => void;
  onCancel?: () => void;
  busy?: boolean;
  confirmLabel?: string;
  /** link target of a candidate (relative to the /persons router) */
  hrefOf?: (id: string) => string;
}) {
  const { t, i18n } = usePersonT();
  const { candidates, hints } = props.result;
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="notice notice-warning duplicate-warning" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId}>{t('duplicates.title')}</h2>
      <p>{t('duplicates.intro')}</p>
      {candidates.length ? (
        <ul className="duplicate-list">
          {candidates.map((c) => (
            <li key={c.person.id}>
              <Link href={props.hrefOf ? props.hrefOf(c.person.id) : `/${c.person.id}`}>
                {fullName(c.person)}
                <span className="visually-hidden"> – {t('duplicates.open')}</span>
              </Link>
              {c.person.birthDate ? <span className="meta"> · {t('fields.bornOn', { date: formatDay(c.person.birthDate, i18n.language) })}</span> : null}
              {c.person.otherNames.length ? <span className="meta"> · {c.person.otherNames.map(otherNameText).join(', ')}</span> : null}{' '}
              <span className={`badge dup-${c.level}`}>{t(`duplicates.level.${c.level}`)}</span>
              <span className="meta"> {c.reasons.map((r) => t(`duplicates.reason.${r}`)).join(' · ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {hints.length ? (
        <ul className="duplicate-hints">
          {hints.map((h) => (
            <li key={`${h.teamName ?? ''}-${h.level}`}>
              {h.teamName ? t('duplicates.hint', { team: h.teamName }) : t('duplicates.hintNoTeam')}{' '}
              <span className={`badge dup-${h.level}`}>{t(`duplicates.level.${h.level}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {props.onConfirm || props.onCancel ? (
        <div className="button-row">
          {props.onCancel ? (
            <button type="button" className="button secondary" onClick={props.onCancel}>
              {t('duplicates.back')}
            </button>
          ) : null}
          {props.onConfirm ? (
            <button type="button" className="button primary" disabled={props.busy} onClick={props.onConfirm}>
              {props.confirmLabel ?? t('duplicates.confirm')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A history or merge value, readable: names, lists, enums, booleans. */
export function formatFieldValue(field: string, value: unknown, t: TFunction, lang: string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
  switch (field) {
    case 'birthDate':
    case 'residenceExpiresOn':
      return formatDay(String(value), lang);
    case 'nationalities':
      return (value as string[]).map((c) => countryName(c, lang, t)).join(', ');
    case 'languages':
      return (value as string[]).map((c) => languageName(c, lang)).join(', ');
    case 'preferredLanguage':
      return languageName(String(value), lang);
    case 'gender':
    case 'residenceStatus':
    case 'accommodation':
    case 'householdRole':
      return t(`${field}.${String(value)}`, { defaultValue: String(value) });
    case 'otherNames':
      return (value as Array<{ givenName: string; familyName: string; script: string }>).map(otherNameText).join('; ');
    case 'restricted':
      return value ? t('restriction.on') : t('restriction.off');
    case 'householdId':
    case 'mergedIntoId':
    case 'mergedFrom':
      return t('history.record');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** Like the back office's ErrorNotice, with the persons' server messages translated. */
export function PersonErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = usePersonT();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const title = t(`errors.${e?.code ?? 'internal'}`, { ns: 'admin', defaultValue: '' }) || t('errors.internal', { ns: 'admin' });
  const detail = e?.message && !e.message.startsWith('HTTP ') ? personMessage(e.message.replace(/^[\w.]+: /, ''), t) : null;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}</strong>
        {detail && detail !== title ? <> {detail}</> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry', { ns: 'admin' })}
        </button>
      ) : null}
    </div>
  );
}
