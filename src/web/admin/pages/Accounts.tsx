// Accounts of the tenant: list with search, create, change role/provider, disable.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, createAccountRequest } from '../../../shared/contracts/account.ts';
import type { ProviderPage } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths, query } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, formatDateTime } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';

const ROLES = ['tenant_admin', 'office_editor', 'partner_editor'] as const;

export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const me = useMe();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setDebounced(q), 300);
    return () => clearTimeout(id);
  }, [q]);
  const list = useApi<{ items: Account[] }>(paths.accounts(slug) + query({ q: debounced }));
  const providers = useApi<ProviderPage>(paths.providers(slug) + query({ pageSize: 100 }));
  const providerName = (id: string | null) => providers.data?.items.find((p) => p.id === id)?.name ?? '–';
  const [message, setMessage] = useState<string | null>(null);
  const [rowError, setRowError] = useState<unknown>(null);

  const patch = async (account: Account, body: Partial<Pick<Account, 'role' | 'disabled' | 'providerId'>>) => {
    setRowError(null);
    setMessage(null);
    try {
      await api('PATCH', paths.account(slug, account.id), body);
      setMessage(t('accounts.updated', { name: account.name }));
      list.reload();
    } catch (e) {
      setRowError(e);
    }
  };

  return (
    <>
      <PageHeader title={t('accounts.title')} />
      <CreateAccount providers={providers.data?.items ?? []} onCreated={(a) => { setMessage(t('accounts.created', { name: a.name })); list.reload(); }} />
      <section aria-labelledby="acc-list">
        <h2 id="acc-list">{t('accounts.list')}</h2>
        <search className="filters">
          <TextField label={t('common.search')} type="search" value={q} onChange={setQ} />
        </search>
        {message ? <Notice kind="success">{message}</Notice> : null}
        <ErrorNotice error={rowError} />
        <ErrorNotice error={list.error} onRetry={list.reload} />
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('fields.role')}</th>
                  <th scope="col">{t('fields.provider')}</th>
                  <th scope="col">{t('accounts.twoFactor')}</th>
                  <th scope="col">{t('fields.createdAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id} className={a.disabled ? 'muted' : undefined}>
                    <td>
                      {a.name}
                      {a.disabled ? <span className="badge status-archived">{t('accounts.disabled')}</span> : null}
                    </td>
                    <td>{a.email}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${a.id}`}>
                        {t('accounts.roleOf', { name: a.name })}
                      </label>
                      <select id={`role-${a.id}`} value={a.role} disabled={a.id === me.id} onChange={(e) => void patch(a, { role: e.target.value as Account['role'] })}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{a.role === 'partner_editor' ? providerName(a.providerId) : '–'}</td>
                    <td>{a.twoFactorEnabled ? t('common.yes') : t('common.no')}</td>
                    <td>{formatDateTime(a.createdAt, i18n.language)}</td>
                    <td>
                      {a.id !== me.id ? (
                        <button type="button" className="button secondary small" onClick={() => void patch(a, { disabled: !a.disabled })}>
                          {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                          <span className="visually-hidden"> – {a.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function CreateAccount({ providers, onCreated }: { providers: Array<{ id: string; name: string }>; onCreated: (a: Account) => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [v, setV] = useState({ email: '', name: '', password: '', role: 'office_editor', providerId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body = { email: v.email.trim(), name: v.name, password: v.password, role: v.role, providerId: v.role === 'partner_editor' ? v.providerId || null : null };
    const checked = validate(createAccountRequest, body, t);
    const errs = checked.errors ?? {};
    if (v.role === 'partner_editor' && !v.providerId) errs.providerId = t('accounts.providerRequired');
    if (Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstError(errs);
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api<Account>('POST', paths.accounts(slug), checked.data);
      setV({ email: '', name: '', password: '', role: 'office_editor', providerId: '' });
      onCreated(created);
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };
  return (
    <details className="card">
      <summary>{t('accounts.create')}</summary>
      <form onSubmit={submit} noValidate className="form">
        <ErrorNotice error={error} />
        <div className="grid-2">
          <TextField label={t('fields.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(x) => set('email', x)} error={errors.email} required />
          <TextField label={t('accounts.initialPassword')} type="password" autoComplete="new-password" value={v.password} onChange={(x) => set('password', x)} error={errors.password} hint={t('reset.passwordHint')} required />
          <SelectField label={t('fields.role')} value={v.role} onChange={(x) => set('role', x)} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={errors.role} />
          {v.role === 'partner_editor' ? (
            <SelectField
              label={t('fields.provider')}
              value={v.providerId}
              onChange={(x) => set('providerId', x)}
              options={[{ value: '', label: t('common.choose') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
              error={errors.providerId}
              required
            />
          ) : null}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {t('accounts.createSubmit')}
        </button>
      </form>
    </details>
  );
}
