// Accounts of the tenant: list with search, create, change role/provider/team, consent override, disable.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, createAccountRequest } from '../../../shared/contracts/account.ts';
import type { CaseTeamList } from '../../../shared/contracts/cases.ts';
import type { ProviderPage } from '../../../shared/contracts/directoryAdmin.ts';
import { isCaseRole } from '../../../shared/roles.ts';
import { casePaths } from '../cases/caseApi.ts';
import { ApiError, api, paths, query } from '../api.ts';
import { Checkbox, SelectField, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, formatDateTime } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';

const ROLES = ['tenant_admin', 'office_editor', 'partner_editor', 'integration_manager', 'team_lead', 'integration_lead'] as const;
/** Case roles that work in a team (their data scope); the integration lead sees the whole office. */
const needsTeam = (role: string) => role === 'integration_manager' || role === 'team_lead';

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
  const { t: tc } = useTranslation('cases');
  const teams = useApi<CaseTeamList>(casePaths.teams(slug));
  const activeTeams = teams.data?.items.filter((x) => !x.archived) ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const [rowError, setRowError] = useState<unknown>(null);

  const patch = async (account: Account, body: Partial<Pick<Account, 'role' | 'disabled' | 'providerId' | 'teamId' | 'consentOverride'>>) => {
    setRowError(null);
    setMessage(null);
    if (body.role && needsTeam(body.role) && !account.teamId && !body.teamId) {
      setRowError(new ApiError(400, { error: { code: 'validation_failed', message: tc('accounts.teamFirst', { name: account.name }), field: 'teamId' } }));
      return;
    }
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
      <CreateAccount providers={providers.data?.items ?? []} teams={activeTeams} onCreated={(a) => { setMessage(t('accounts.created', { name: a.name })); list.reload(); }} />
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
                  <th scope="col">
                    {t('fields.provider')} / {tc('fields.team')}
                  </th>
                  <th scope="col">{tc('accounts.consentOverride')}</th>
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
                    <td>
                      {a.role === 'partner_editor' ? providerName(a.providerId) : null}
                      {isCaseRole(a.role) ? (
                        <>
                          <label className="visually-hidden" htmlFor={`team-${a.id}`}>
                            {tc('accounts.teamOf', { name: a.name })}
                          </label>
                          <select id={`team-${a.id}`} value={a.teamId ?? ''} onChange={(e) => void patch(a, { teamId: e.target.value || null })}>
                            <option value="">{tc('accounts.noTeam')}</option>
                            {(teams.data?.items ?? [])
                              .filter((x) => !x.archived || x.id === a.teamId)
                              .map((x) => (
                                <option key={x.id} value={x.id}>
                                  {x.name}
                                </option>
                              ))}
                          </select>
                        </>
                      ) : null}
                      {a.role !== 'partner_editor' && !isCaseRole(a.role) ? '–' : null}
                    </td>
                    <td>
                      {isCaseRole(a.role) ? (
                        <Checkbox
                          label={<span className="visually-hidden">{tc('accounts.consentOverrideOf', { name: a.name })}</span>}
                          checked={a.consentOverride}
                          onChange={(v) => void patch(a, { consentOverride: v })}
                        />
                      ) : (
                        '–'
                      )}
                    </td>
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

function CreateAccount({
  providers,
  teams,
  onCreated,
}: {
  providers: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string }>;
  onCreated: (a: Account) => void;
}) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const { slug } = useTenant();
  const [v, setV] = useState({ email: '', name: '', password: '', role: 'office_editor', providerId: '', teamId: '', consentOverride: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const caseRole = isCaseRole(v.role);
    const body = {
      email: v.email.trim(),
      name: v.name,
      password: v.password,
      role: v.role,
      providerId: v.role === 'partner_editor' ? v.providerId || null : null,
      ...(caseRole ? { teamId: v.teamId || null, consentOverride: v.consentOverride } : {}),
    };
    const checked = validate(createAccountRequest, body, t);
    const errs = checked.errors ?? {};
    if (v.role === 'partner_editor' && !v.providerId) errs.providerId = t('accounts.providerRequired');
    if (needsTeam(v.role) && !v.teamId) errs.teamId = tc('accounts.teamRequired');
    if (Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstError(errs);
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api<Account>('POST', paths.accounts(slug), checked.data);
      setV({ email: '', name: '', password: '', role: 'office_editor', providerId: '', teamId: '', consentOverride: false });
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
          {isCaseRole(v.role) ? (
            <SelectField
              label={tc('fields.team')}
              value={v.teamId}
              onChange={(x) => set('teamId', x)}
              options={[{ value: '', label: needsTeam(v.role) ? t('common.choose') : tc('accounts.noTeam') }, ...teams.map((x) => ({ value: x.id, label: x.name }))]}
              error={errors.teamId}
              hint={teams.length === 0 ? tc('accounts.noTeamsYet') : tc('accounts.teamHint')}
              required={needsTeam(v.role)}
            />
          ) : null}
        </div>
        {isCaseRole(v.role) ? (
          <>
            <Checkbox label={tc('accounts.consentOverride')} checked={v.consentOverride} onChange={(x) => set('consentOverride', x)} hint={tc('accounts.consentOverrideHint')} />
            <Notice kind="info">{tc('accounts.twoFactorNote')}</Notice>
          </>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {t('accounts.createSubmit')}
        </button>
      </form>
    </details>
  );
}
