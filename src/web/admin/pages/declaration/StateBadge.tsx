import { useTranslation } from 'react-i18next';
import type { SignatureState } from '../../../../shared/contracts/declaration.ts';

export function StateBadge({ state }: { state: SignatureState }) {
  const { t } = useTranslation('declaration');
  return <span className={`badge sig-${state}`}>{t(`states.${state}`)}</span>;
}

/** The localized text of a record, in the interface language, else German, else any. */
export function pick(texts: Record<string, string>, lang: string): string {
  return texts[lang] || texts.de || Object.values(texts)[0] || '';
}
