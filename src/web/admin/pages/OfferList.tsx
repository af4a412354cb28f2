// Offers: search, filters (status, provider, field of action, waiting for review), sorting and paging.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { AdminOfferList } from '../../../shared/contracts/offerAdmin.ts';
import type { ProviderPage } from '../../../shared/contracts/directoryAdmin.ts';
import { paths, query } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader, Pager, StatusBadge, TranslationBadge, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useLocalName, useTenant } from '../tenant.tsx';

const STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;

export function OfferListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const partner = me.role === 'partner_editor';
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const status = params.get('status') ?? '';
  const providerId = params.get('providerId') ?? '';
  const field = params.get('field') ?? '';
  const pendingReview = params.get('pendingReview') ?? '';
  const sort = params.get('sort') ?? 'updated';
  const page = Number(params.get('page') ?? '1') || 1;

  const update = (changes: Record<string, string>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  // Search as you type, a moment after the last key stroke.
  useEffect(() => {
    const current = params.get('q') ?? '';
    if (q === current) return;
    const id = setTimeout(() => update({ q }), 300);
    return () => clearTimeout(id);
  });

  const list = useApi<AdminOfferList>(
    paths.offers(slug) + query({ q: params.get('q') ?? '', status, providerId, field, pendingReview, sort, page, pageSize: 25 }),
  );
  const providers = useApi<ProviderPage>(partner ? null : paths.providers(slug) + query({ pageSize: 100, sort: 'name' }));

  return (
    <>
      <PageHeader title={partner ? t('offers.myTitle') : t('offers.title')}>
        <Link href="/offers/new" className="button primary">
          {t('offers.new')}
        </Link>
      </PageHeader>
      <search className="filters" aria-label={t('common.filters')}>
        <TextField label={t('common.search')} type="search" value={q} onChange={setQ} />
        <SelectField
          label={t('fields.status')}
          value={status}
          onChange={(v) => update({ status: v })}
          options={[{ value: '', label: t('common.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`offerStatus.${s}`) }))]}
        />
        {!partner ? (
          <SelectField
            label={t('fields.provider')}
            value={providerId}
            onChange={(v) => update({ providerId: v })}
            options={[{ value: '', label: t('common.all') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : null}
        <SelectField
          label={t('fields.fieldOfAction')}
          value={field}
          onChange={(v) => update({ field: v })}
          options={[{ value: '', label: t('common.all') }, ...profile.fieldsOfAction.map((f) => ({ value: f.id, label: localName(f.names, f.name) }))]}
        />
        {!partner ? (
          <SelectField
            label={t('offers.review')}
            value={pendingReview}
            onChange={(v) => update({ pendingReview: v })}
            options={[
              { value: '', label: t('common.all') },
              { value: 'true', label: t('offers.pendingOnly') },
            ]}
          />
        ) : null}
        <SelectField
          label={t('common.sort')}
          value={sort}
          onChange={(v) => update({ sort: v })}
          options={[
            { value: 'updated', label: t('offers.sortUpdated') },
            { value: 'title', label: t('offers.sortTitle') },
            { value: 'status', label: t('offers.sortStatus') },
          ]}
        />
      </search>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <p className="result-count" role="status" data-testid="offer-total">
            {t('offers.count', { count: list.data.total })}
          </p>
          <div className="table-wrap">
            <table className="table" aria-busy={list.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('fields.title')}</th>
                  {!partner ? <th scope="col">{t('fields.provider')}</th> : null}
                  <th scope="col">{t('fields.status')}</th>
                  <th scope="col">{t('offers.translations')}</th>
                  <th scope="col">{t('fields.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/offers/${o.id}`}>{o.title}</Link>
                      {o.hasPendingChange ? <span className="badge pending">{t('offers.pendingChange')}</span> : null}
                    </td>
                    {!partner ? <td>{o.providerName}</td> : null}
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td>
                      <span className="badges">
                        {(['outdated', 'machine', 'missing'] as const).map((s) =>
                          (o.translations[s] ?? 0) > 0 ? (
                            <span key={s} className="badge-count">
                              <TranslationBadge status={s} /> {o.translations[s]}
                            </span>
                          ) : null,
                        )}
                        {(['outdated', 'machine', 'missing'] as const).every((s) => !(o.translations[s] ?? 0)) ? <TranslationBadge status="current" /> : null}
                      </span>
                    </td>
                    <td>{formatDateTime(o.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t('common.noResults')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}
