import { useTranslation } from 'react-i18next';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { useNavigator } from '../context.ts';

/** Imprint and privacy notice, as the tenant wrote them (in the tenant's default language). */
export function TextPage({ kind }: { kind: 'imprint' | 'privacy' }) {
  const { t } = useTranslation();
  const { profile } = useNavigator();
  const title = t(kind === 'imprint' ? 'footer.imprint' : 'footer.privacy');
  useDocumentTitle(title);
  const text = kind === 'imprint' ? profile.imprint : profile.privacy;
  return (
    <div className="page narrow">
      <PageHeading>{title}</PageHeading>
      <div lang={profile.defaultLanguage} className="prose">
        <Paragraphs text={text || '—'} />
      </div>
    </div>
  );
}
