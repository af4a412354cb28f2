// The signatures of one declaration: filter by state, sector and text; verify directly from the
// list; open a signature; export CSV/XLSX.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { type AdminDeclaration, type AdminSignature, type AdminSignaturePage, signatureStates } from '../../../../shared/contracts/declaration.ts';
import { api, query } from '../../api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { DataTable, PagedList } from '../../components/frames.tsx';
import { BackLink, ErrorNotice, formatDateTime, Notice, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { declarationPaths } from './paths.ts';
import { pick, StateBadge } from './StateBadge.tsx';

export function SignaturesPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('declaration');
  const { slug } = useTenant();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const sector = params.get('sector') ?? '';
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? 'newest';
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);
  const [message, setMessage] = useState<string | null>(params.get('erased') ? t('decision.erased') : null);
  const [actionError, setActionError] = useState<unknown>(null);
  const declaration = useApi<AdminDeclaration>(declarationPaths.one(slug, id));
  const list = useApi<AdminSignaturePage>(declarationPaths.signatures(slug, id) + query({ state, sector, q, sort, page, pageSize: 25 }));

  const update = (patch: Record<string, string>) => {
    const next = { state, sector, q, sort, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([k, v]) => v && !(k === 'sort' && v === 'newest'))), { replace: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() });
  };

  const verify = async (s: AdminSignature) => {
    setActionError(null);
    setMessage(null);
    try {
      await api('POST', declarationPaths.decide(slug, id, s.id, 'verify'));
      setMessage(t('decision.verifiedNamed', { organisation: s.organisation }));
      list.reload();
      declaration.reload();
    } catch (error) {
      setActionError(error);
    }
  };

  if (declaration.error) return <ErrorNotice error={declaration.error} onRetry={declaration.reload} />;
  const d = declaration.data;
  const title = d ? pick(d.title, i18n.language) : '';
  const sectorName = (key: string) => {
    const s = d?.sectors.find((x) => x.key === key);
    return s ? pick(s.names, i18n.language) : key;
  };
  const exportHref = (format: 'csv' | 'xlsx') => declarationPaths.export(slug, id) + query({ format, state });

  return (
    <>
      <BackLink href="/">{t('backToList')}</BackLink>
      <PageHeader title={d ? t('signatures.title', { title }) : t('signatures.titleShort')}>
        <Link href={`/${id}/statistics`} className="button secondary">
          {t('list.statistics')}
        </Link>
        <Link href={`/${id}/edit`} className="button secondary">
          {t('list.edit')}
        </Link>
      </PageHeader>
      <search className="filters" aria-label={t('signatures.filters')}>
        <SelectField
          label={t('signatures.state')}
          value={state}
          onChange={(v) => update({ state: v })}
          options={[
            { value: '', label: d ? t('signatures.allStates', { count: Object.values(d.counts).reduce((a, b) => a + b, 0) }) : t('signatures.all') },
            ...signatureStates.map((s) => ({ value: s, label: d ? `${t(`states.${s}`)} (${d.counts[s]})` : t(`states.${s}`) })),
          ]}
        />
        <SelectField
          label={t('signatures.sector')}
          value={sector}
          onChange={(v) => update({ sector: v })}
          options={[{ value: '', label: t('signatures.all') }, ...(d?.sectors ?? []).map((s) => ({ value: s.key, label: pick(s.names, i18n.language) }))]}
        />
        <SelectField
          label={t('signatures.sort')}
          value={sort}
          onChange={(v) => update({ sort: v })}
          options={(['newest', 'oldest', 'name'] as const).map((v) => ({ value: v, label: t(`signatures.sortBy.${v}`) }))}
        />
        <form onSubmit={onSearch} className="inline-search">
          <TextField label={t('signatures.search')} type="search" value={search} onChange={setSearch} hint={t('signatures.searchHint')} />
          <button type="submit" className="button secondary">
            {t('signatures.apply')}
          </button>
        </form>
      </search>
      <div className="button-row export-row">
        <a className="button secondary small" href={exportHref('csv')} download>
          {t('signatures.exportCsv')}
        </a>
        <a className="button secondary small" href={exportHref('xlsx')} download>
          {t('signatures.exportXlsx')}
        </a>
        <span className="hint">{t('signatures.exportHint')}</span>
      </div>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={actionError} />
      <PagedList list={list} onPage={(p) => update({ page: String(p) })}>
        {(data) => (
          <>
            <p className="result-count" role="status">
              {t('signatures.count', { count: data.total })}
            </p>
            <DataTable
              caption={t('signatures.caption', { title })}
              columns={[t('fields.organisation'), t('fields.sector'), t('fields.state'), t('fields.contact'), t('fields.createdAt'), t('signatures.actions')]}
              items={data.items}
              empty={t('signatures.none')}
              row={(s) => (
                <tr>
                  <td>
                    <Link href={`/${id}/signatures/${s.id}`}>{s.organisation}</Link>
                  </td>
                  <td>{sectorName(s.sector)}</td>
                  <td>
                    <StateBadge state={s.state} />
                    {s.linkExpired ? <span className="hint"> {t('signatures.linkExpired')}</span> : null}
                  </td>
                  <td>
                    {s.contactName}
                    <br />
                    <a href={`mailto:${s.email}`}>{s.email}</a>
                  </td>
                  <td>{formatDateTime(s.createdAt, i18n.language)}</td>
                  <td className="actions">
                    {s.state === 'awaiting_verification' ? (
                      <button type="button" className="button primary small" onClick={() => void verify(s)}>
                        {t('decision.verify')}
                        <span className="visually-hidden"> – {s.organisation}</span>
                      </button>
                    ) : null}
                    <Link href={`/${id}/signatures/${s.id}`} className="button secondary small">
                      {t('signatures.open')}
                      <span className="visually-hidden"> – {s.organisation}</span>
                    </Link>
                  </td>
                </tr>
              )}
            />
          </>
        )}
      </PagedList>
    </>
  );
}
