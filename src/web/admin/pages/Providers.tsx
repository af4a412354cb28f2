// Providers (Träger): list with search and paging; create and edit; archive and restore. Partners edit only their own.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { type AdminProviderDetail, type ProviderPage, providerCreate, providerUpdate } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths, query } from '../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader, Pager, formatDateTime } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';

export function ProviderListPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sort, setSort] = useState('name');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const id = setTimeout(() => {
      setDebounced(q);
      setPage(1);
    }, 300);
    return () => clearTimeout(id);
  }, [q]);
  const list = useApi<ProviderPage>(paths.providers(slug) + query({ q: debounced, includeArchived: String(includeArchived), sort, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('providers.title')}>
        <Link href="/providers/new" className="button primary">
          {t('providers.new')}
        </Link>
      </PageHeader>
      <search className="filters">
        <TextField label={t('common.search')} type="search" value={q} onChange={setQ} />
        <SelectField
          label={t('common.sort')}
          value={sort}
          onChange={setSort}
          options={[
            { value: 'name', label: t('providers.sortName') },
            { value: 'updated', label: t('offers.sortUpdated') },
          ]}
        />
        <Checkbox label={t('common.includeArchived')} checked={includeArchived} onChange={(v) => { setIncludeArchived(v); setPage(1); }} />
      </search>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.town')}</th>
                  <th scope="col">{t('providers.trusted')}</th>
                  <th scope="col">{t('fields.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id} className={p.archived ? 'muted' : undefined}>
                    <td>
                      <Link href={`/providers/${p.id}`}>{p.name}</Link>
                      {p.archived ? <span className="badge status-archived">{t('common.archived')}</span> : null}
                    </td>
                    <td>{p.town ?? '–'}</td>
                    <td>{p.trusted ? t('common.yes') : t('common.no')}</td>
                    <td>{formatDateTime(p.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t('common.noResults')}</td>
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

export function ProviderEditPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const me = useMe();
  const data = useApi<AdminProviderDetail>(id ? paths.provider(slug, id) : null);
  const partner = me.role === 'partner_editor';
  const back = partner ? null : <BackLink href="/providers">{t('providers.backToList')}</BackLink>;
  if (!id) {
    return (
      <>
        {back}
        <PageHeader title={t('providers.newTitle')} />
        <ProviderForm provider={null} onSaved={() => undefined} />
      </>
    );
  }
  if (data.error && !data.data) {
    return (
      <>
        {back}
        <ErrorNotice error={data.error} onRetry={data.reload} />
      </>
    );
  }
  if (!data.data) return <Loading />;
  return (
    <>
      {back}
      <PageHeader title={data.data.name} />
      <p className="meta">
        {t('providers.counts', { offers: data.data.counts.offers, locations: data.data.counts.locations })} ·{' '}
        <Link href={`/locations?providerId=${data.data.id}`}>{t('nav.locations')}</Link>
      </p>
      <ProviderForm key={data.data.updatedAt} provider={data.data} onSaved={data.setData} />
    </>
  );
}

function ProviderForm({ provider, onSaved }: { provider: AdminProviderDetail | null; onSaved: (p: AdminProviderDetail) => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const me = useMe();
  const [, navigate] = useLocation();
  const partner = me.role === 'partner_editor';
  const [v, setV] = useState({
    name: provider?.name ?? '',
    description: provider?.description ?? '',
    website: provider?.website ?? '',
    email: provider?.email ?? '',
    phone: provider?.phone ?? '',
    street: provider?.street ?? '',
    postcode: provider?.postcode ?? '',
    town: provider?.town ?? '',
    trusted: provider?.trusted ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(null);
  };
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body = {
      name: v.name,
      description: v.description,
      website: orNull(v.website),
      email: orNull(v.email),
      phone: orNull(v.phone),
      street: orNull(v.street),
      postcode: orNull(v.postcode),
      town: orNull(v.town),
      ...(partner ? {} : { trusted: v.trusted }),
    };
    const checked = validate(provider ? providerUpdate : providerCreate, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (provider) {
        const updated = await api<AdminProviderDetail>('PUT', paths.provider(slug, provider.id), checked.data);
        onSaved({ ...provider, ...updated, counts: updated.counts ?? provider.counts });
        setSaved(t('common.savedOk'));
      } else {
        const created = await api<{ id: string }>('POST', paths.providers(slug), checked.data);
        navigate(`/providers/${created.id}`);
      }
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };

  const archive = async (verb: 'archive' | 'restore') => {
    if (!provider) return;
    setError(null);
    try {
      const updated = await api<AdminProviderDetail>('POST', paths.providerArchive(slug, provider.id, verb));
      onSaved({ ...provider, ...updated, counts: updated.counts ?? provider.counts });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      {saved ? <Notice kind="success" focus>{saved}</Notice> : null}
      <ErrorNotice error={error} />
      <fieldset className="card">
        <legend>{t('providers.details')}</legend>
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
        <TextArea label={t('fields.description')} value={v.description} onChange={(x) => set('description', x)} error={errors.description} rows={5} />
        <div className="grid-3">
          <TextField label={t('fields.website')} type="url" value={v.website} onChange={(x) => set('website', x)} error={errors.website} hint={t('hints.url')} />
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(x) => set('email', x)} error={errors.email} />
          <TextField label={t('fields.phone')} type="tel" value={v.phone} onChange={(x) => set('phone', x)} error={errors.phone} />
        </div>
        <div className="grid-3">
          <TextField label={t('fields.street')} value={v.street} onChange={(x) => set('street', x)} error={errors.street} />
          <TextField label={t('fields.postcode')} inputMode="numeric" value={v.postcode} onChange={(x) => set('postcode', x)} error={errors.postcode} />
          <TextField label={t('fields.town')} value={v.town} onChange={(x) => set('town', x)} error={errors.town} />
        </div>
        {partner ? null : <Checkbox label={t('providers.trusted')} hint={t('providers.trustedHint')} checked={v.trusted} onChange={(x) => set('trusted', x)} />}
      </fieldset>
      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {provider ? t('common.save') : t('providers.create')}
        </button>
        {provider && !partner ? (
          provider.archived ? (
            <button type="button" className="button secondary" onClick={() => void archive('restore')}>
              {t('common.restore')}
            </button>
          ) : (
            <button type="button" className="button danger" onClick={() => void archive('archive')}>
              {t('common.archive')}
            </button>
          )
        ) : null}
        {provider?.archived ? <span className="badge status-archived">{t('common.archived')}</span> : null}
      </div>
    </form>
  );
}
