// Papers (Vorlagen): newest first, searchable by reference and title.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PaperPage } from '../../../../shared/contracts/committees.ts';
import { query } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { DataTable, PagedList, useDebouncedSearch } from '../../components/frames.tsx';
import { PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice } from './errors.tsx';
import { PublishedBadge } from './badges.tsx';
import { committeePaths, formatDate } from './committeesApi.ts';

export function PaperListPage() {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const { q, setQ, debounced } = useDebouncedSearch(setPage);
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
      <PagedList list={list} onPage={setPage} ErrorView={ErrorNotice}>
        {(data) => (
          <DataTable
            columns={[t('fields.reference'), t('fields.paperName'), t('fields.paperType'), t('fields.date'), t('fields.published')]}
            items={data.items}
            empty={ta('common.noResults')}
            row={(p) => (
              <tr>
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
            )}
          />
        )}
      </PagedList>
    </>
  );
}
