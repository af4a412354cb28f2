// The audit log (read only): who did what when, filterable by entity, action and period.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage as AuditPageData } from '../../../shared/contracts/audit.ts';
import { paths, query } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader, Pager, formatDateTime, formatValue } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const [filters, setFilters] = useState({ entityType: '', action: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(1);
  const data = useApi<AuditPageData>(paths.audit(slug) + query({ ...applied, page, pageSize: 50 }));
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <search>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
          setPage(1);
        }}
      >
        <TextField label={t('audit.entityType')} value={filters.entityType} onChange={(v) => setFilters((f) => ({ ...f, entityType: v }))} hint={t('audit.entityHint')} />
        <TextField label={t('audit.action')} value={filters.action} onChange={(v) => setFilters((f) => ({ ...f, action: v }))} />
        <TextField label={t('audit.from')} type="date" value={filters.from} onChange={(v) => setFilters((f) => ({ ...f, from: v }))} />
        <TextField label={t('audit.to')} type="date" value={filters.to} onChange={(v) => setFilters((f) => ({ ...f, to: v }))} />
        <button type="submit" className="button secondary">
          {t('common.applyFilters')}
        </button>
      </form>
      </search>
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {!data.data && !data.error ? <Loading /> : null}
      {data.data ? (
        <>
          <div className="table-wrap">
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at, i18n.language)}</td>
                    <td>{e.actorLabel}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.entityType}
                      {e.entityId ? <span className="hint"> {e.entityId.slice(0, 8)}</span> : null}
                    </td>
                    <td className="details">{Object.keys(e.details).length ? formatValue(e.details) : '–'}</td>
                  </tr>
                ))}
                {data.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t('common.noResults')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={data.data.page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
