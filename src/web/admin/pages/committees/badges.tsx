// Small status badges of the committees area.
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '../../../../shared/contracts/committees.ts';

export function StateBadge({ state }: { state: MeetingState }) {
  const { t } = useTranslation('committees');
  return <span className={`badge meeting-state meeting-state-${state}`}>{t(`state.${state}`)}</span>;
}

export function PublishedBadge({ published }: { published: boolean }) {
  const { t } = useTranslation('committees');
  return <span className={`badge ${published ? 'status-published' : 'status-draft'}`}>{published ? t('publish.published') : t('publish.internal')}</span>;
}

export function PublicBadge({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation('committees');
  return <span className={`badge ${isPublic ? 'status-published' : 'badge-internal'}`}>{isPublic ? t('agenda.public') : t('agenda.nonPublic')}</span>;
}
