// Installation administration (super admin): all tenants, open one, create a tenant with its first admin.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { z } from 'zod';
import { createTenantRequest, type tenantSummary } from '../../../shared/contracts/tenant.ts';
import { LANGUAGES } from '../../../shared/languages.ts';
import { api, paths } from '../api.ts';
import { CheckboxGroup, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, formatDateTime } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';

type TenantSummary = z.infer<typeof tenantSummary>;

export function TenantsPage() {
  const { t, i18n } = useTranslation();
  const list = useApi<{ items: TenantSummary[] }>(paths.tenants);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('tenants.title')} />
      {created ? <Notice kind="success">{created}</Notice> : null}
      <CreateTenant
        onCreated={(tenant) => {
          setCreated(t('tenants.created', { name: tenant.name }));
          list.reload();
        }}
      />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('tenants.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('tenants.slug')}</th>
                <th scope="col">{t('settings.languages')}</th>
                <th scope="col">{t('fields.createdAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tenant) => (
                <tr key={tenant.id} className={tenant.archived ? 'muted' : undefined}>
                  <td>{tenant.name}</td>
                  <td>
                    <code>{tenant.slug}</code>
                  </td>
                  <td>{tenant.languages.join(', ')}</td>
                  <td>{formatDateTime(tenant.createdAt, i18n.language)}</td>
                  <td>
                    {tenant.archived ? (
                      t('tenants.archived')
                    ) : (
                      <Link href={`/${tenant.slug}/offers`}>
                        {t('tenants.open')}
                        <span className="visually-hidden"> – {tenant.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function CreateTenant({ onCreated }: { onCreated: (t: TenantSummary) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ slug: '', name: '', languages: ['de', 'en'], adminEmail: '', adminName: '', adminPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body = { slug: v.slug.trim(), name: v.name.trim(), languages: v.languages, admin: { email: v.adminEmail.trim(), name: v.adminName.trim(), password: v.adminPassword } };
    const checked = validate(createTenantRequest, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api<TenantSummary>('POST', paths.tenants, checked.data);
      setV({ slug: '', name: '', languages: ['de', 'en'], adminEmail: '', adminName: '', adminPassword: '' });
      onCreated(created);
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };
  return (
    <details className="card">
      <summary>{t('tenants.create')}</summary>
      <form onSubmit={submit} noValidate className="form">
        <ErrorNotice error={error} />
        <div className="grid-2">
          <TextField label={t('fields.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
          <TextField label={t('tenants.slug')} value={v.slug} onChange={(x) => set('slug', x.toLowerCase())} error={errors.slug} hint={t('tenants.slugHint')} required />
        </div>
        <CheckboxGroup
          legend={t('settings.languages')}
          options={LANGUAGES.map((l) => ({ value: l.code, label: t(`languages.${l.code}`, { defaultValue: `${l.germanName} (${l.nativeName})` }) }))}
          selected={v.languages}
          onChange={(x) => set('languages', x)}
          error={errors.languages}
        />
        <fieldset className="group">
          <legend>{t('tenants.firstAdmin')}</legend>
          <div className="grid-3">
            <TextField label={t('fields.name')} value={v.adminName} onChange={(x) => set('adminName', x)} error={errors['admin.name']} required />
            <TextField label={t('fields.email')} type="email" value={v.adminEmail} onChange={(x) => set('adminEmail', x)} error={errors['admin.email']} required />
            <TextField label={t('accounts.initialPassword')} type="password" autoComplete="new-password" value={v.adminPassword} onChange={(x) => set('adminPassword', x)} error={errors['admin.password']} hint={t('reset.passwordHint')} required />
          </div>
        </fieldset>
        <button type="submit" className="button primary" disabled={busy}>
          {t('tenants.createSubmit')}
        </button>
      </form>
    </details>
  );
}
