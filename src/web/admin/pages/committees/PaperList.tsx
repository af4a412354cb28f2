// Papers (Vorlagen): newest first, searchable by reference and title.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PaperPage } from '../../../../shared/contracts/committees.ts';
import { query } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { Loading, PageHeader, Pager } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice } from './errors.tsx';
import { PublishedBadge } from './badges.tsx';
import { committeePaths, formatDate } from './committeesApi.ts';

export function PaperListPage() {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(q);
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [q]);
  const list = useApi<PaperPage>(committeePaths.papers(slug) + query({ q: debounced, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('papers.title')}>
        <Link href="/papers/new" className="button primary">
          {t('papers.new')}
        </Link>
      </PageHeader>
      <search className="filters" aria-label={ta('common.filters')}>
        <TextField label={t('papers.search')} type="search" value={q} onChange={setQ} />
      </search>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.reference')}</th>
                  <th scope="col">{t('fields.paperName')}</th>
                  <th scope="col">{t('fields.paperType')}</th>
                  <th scope="col">{t('fields.date')}</th>
                  <th scope="col">{t('fields.published')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/papers/${p.id}`}>{p.reference}</Link>
                    </td>
                    <td>{p.name}</td>
                    <td>{p.paperType}</td>
                    <td>{formatDate(p.date, i18n.language)}</td>
                    <td>
                      <PublishedBadge published={p.published} />
                    </td>
                  </tr>
                ))}
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{ta('common.noResults')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
