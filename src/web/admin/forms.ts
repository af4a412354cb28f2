// Client-side validation with the shared zod contracts, and mapping of API errors to fields.
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api.ts';

export type FieldErrors = Record<string, string>;

/** Turns zod issues into translated messages keyed by dotted path ("texts.title", "contacts.0.email"). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (out[key]) continue;
    out[key] = issueMessage(issue, t);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.minValue', { value: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.maxValue', { value: String(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      return translateMessage(issue.message, t);
    case 'invalid_type':
      return t('validation.invalid');
    default:
      return translateMessage(issue.message, t);
  }
}

/** Known English contract and server messages, translated; anything else is shown as it is. */
export function translateMessage(message: string, t: TFunction): string {
  const known = t('apiMessages', { returnObjects: true }) as unknown;
  if (known && typeof known === 'object' && typeof (known as Record<string, unknown>)[message] === 'string') return (known as Record<string, string>)[message]!;
  return message;
}

/** Validates `value` with `schema`; returns the parsed data or the field errors. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, t: TFunction): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  return { data: null, errors: issuesToErrors(result.error.issues, t) };
}

/** The field error an API answer names (`error.field`), if any. */
export function apiFieldError(error: unknown, t: TFunction): FieldErrors {
  if (error instanceof ApiError && error.field) return { [error.field]: translateMessage(error.message, t) };
  return {};
}

/** A small form state: values, per-field errors, the last API error. Typed input is never reset on errors. */
export function useFormState<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!e[key as string]) return e;
      const { [key as string]: _dropped, ...rest } = e;
      return rest;
    });
  }, []);
  return { values, setValues, set, errors, setErrors, apiError, setApiError, busy, setBusy };
}

/** Moves focus to the first invalid field after a failed submit, so keyboard and screen-reader users land on it. */
export function focusFirstError(errors: FieldErrors): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) el.focus();
    else if (errors._form) document.querySelector<HTMLElement>('[role="alert"]')?.focus();
  });
}
