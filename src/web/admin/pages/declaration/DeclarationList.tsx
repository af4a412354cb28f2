// Overview: the tenant's declarations, each with its signatures per state and the way to them.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { type AdminDeclaration, signatureStates } from '../../../../shared/contracts/declaration.ts';
import { ErrorNotice, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { declarationPaths } from './paths.ts';
import { pick } from './StateBadge.tsx';

export function DeclarationListPage() {
  const { t, i18n } = useTranslation('declaration');
  const { slug, profile } = useTenant();
  const [params] = useSearchParams();
  const list = useApi<{ items: AdminDeclaration[] }>(declarationPaths.list(slug));
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href="/new" className="button primary">
          {t('list.new')}
        </Link>
      </PageHeader>
      <p className="lead">{t('list.intro')}</p>
      {params.get('deleted') ? <Notice kind="success">{t('edit.deleted')}</Notice> : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <Notice>{t('list.empty')}</Notice> : null}
      {list.data?.items.map((d) => {
        const title = pick(d.title, i18n.language);
        const publicHref = `/${slug}/${profile.defaultLanguage}/erklaerung/${d.slug}`;
        return (
          <article key={d.id} className="card declaration-card" aria-labelledby={`decl-${d.id}`}>
            <h2 id={`decl-${d.id}`}>{title}</h2>
            <p className="meta">
              <span className={`badge ${d.published ? 'status-published' : 'status-draft'}`}>{d.published ? t('list.published') : t('list.unpublished')}</span>{' '}
              {d.published ? (
                <a href={publicHref}>
                  {t('list.publicPage')}
                  <span className="visually-hidden"> – {title}</span>
                </a>
              ) : (
                <code>{publicHref}</code>
              )}
            </p>
            <h3 className="visually-hidden">{t('list.countsHeading')}</h3>
            <ul className="state-counts">
              {signatureStates.map((s) => (
                <li key={s}>
                  <Link href={`/${d.id}?state=${s}`} className={s === 'awaiting_verification' && d.counts[s] > 0 ? 'attention' : undefined}>
                    <strong>{d.counts[s]}</strong> {t(`states.${s}`)}
                    <span className="visually-hidden"> – {title}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="button-row">
              <Link href={`/${d.id}`} className="button primary small">
                {t('list.signatures')}
                <span className="visually-hidden"> – {title}</span>
              </Link>
              <Link href={`/${d.id}/statistics`} className="button secondary small">
                {t('list.statistics')}
                <span className="visually-hidden"> – {title}</span>
              </Link>
              <Link href={`/${d.id}/edit`} className="button secondary small">
                {t('list.edit')}
                <span className="visually-hidden"> – {title}</span>
              </Link>
            </div>
          </article>
        );
      })}
    </>
  );
}
