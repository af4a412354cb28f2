// German (and English) texts for the committee contracts' and server's English messages, for field
// errors and error notices of the committees area.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorNotice as BaseErrorNotice } from '../../components/ui.tsx';
import type { FieldErrors } from '../../forms.ts';

export function translateCommitteeMessage(message: string, t: TFunction): string {
  const known = t('apiMessages', { returnObjects: true }) as unknown;
  if (known && typeof known === 'object' && typeof (known as Record<string, unknown>)[message] === 'string') return (known as Record<string, string>)[message]!;
  const duplicate = /^A paper with the reference "(.*)" already exists$/.exec(message);
  if (duplicate) return t('apiMessagesDynamic.duplicateReference', { reference: duplicate[1] });
  return message;
}

/** Field errors with the committee messages translated. */
export function useLocalizeErrors(): (errors: FieldErrors) => FieldErrors {
  const { t } = useTranslation('committees');
  return useCallback((errors) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translateCommitteeMessage(v, t)])), [t]);
}

/** The back office's error notice, with the committee messages translated. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('committees');
  const translated =
    error instanceof ApiError ? new ApiError(error.status, { error: { code: error.code, message: translateCommitteeMessage(error.message, t), ...(error.field ? { field: error.field } : {}) } }) : error;
  return <BaseErrorNotice error={translated} {...(onRetry ? { onRetry } : {})} />;
}
