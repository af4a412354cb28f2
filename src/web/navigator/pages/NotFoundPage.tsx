import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/">{t('nav.search')}</Link>
      </p>
    </div>
  );
}
