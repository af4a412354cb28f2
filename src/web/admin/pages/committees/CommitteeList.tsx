// Committees (Gremien): overview with members and next meeting; a new committee is created here.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { type AdminCommittee, COMMITTEE_KINDS, committeeInput } from '../../../../shared/contracts/committees.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { DataTable } from '../../components/frames.tsx';
import { Loading, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { committeePaths, formatMeetingTime } from './committeesApi.ts';

export function CommitteeListPage() {
  const { t, i18n } = useTranslation('committees');
  const { slug } = useTenant();
  const list = useApi<{ items: AdminCommittee[] }>(committeePaths.committees(slug));
  return (
    <>
      <PageHeader title={t('list.title')}>
        <Link href="/meetings/new" className="button primary">
          {t('meetings.new')}
        </Link>
      </PageHeader>
      <p className="lead">{t('list.intro')}</p>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <DataTable
          caption={t('list.title')}
          columns={[t('fields.name'), t('fields.kind'), t('list.members'), t('list.nextMeeting')]}
          items={list.data.items}
          empty={t('list.empty')}
          row={(c) => (
            <tr>
              <td>
                <Link href={`/${c.id}`}>{c.name}</Link>
                {c.shortName ? <span className="hint"> ({c.shortName})</span> : null}
              </td>
              <td>{t(`kind.${c.kind}`)}</td>
              <td>{c.memberCount}</td>
              <td>{formatMeetingTime(c.nextMeetingAt, i18n.language)}</td>
            </tr>
          )}
        />
      ) : null}
      <NewCommitteeForm />
    </>
  );
}

function NewCommitteeForm() {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [v, setV] = useState({ name: '', shortName: '', kind: 'committee', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(committeeInput, v, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api<{ id: string }>('POST', committeePaths.committees(slug), checked.data);
      navigate(`/${created.id}`);
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="new-committee">
      <h2 id="new-committee">{t('list.newTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        <div className="grid-2">
          <TextField label={t('fields.name')} required value={v.name} onChange={(name) => setV({ ...v, name })} error={errors.name} />
          <TextField label={t('fields.shortName')} value={v.shortName} onChange={(shortName) => setV({ ...v, shortName })} error={errors.shortName} />
        </div>
        <SelectField
          label={t('fields.kind')}
          value={v.kind}
          onChange={(kind) => setV({ ...v, kind })}
          options={COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          error={errors.kind}
        />
        <TextArea label={t('fields.description')} value={v.description} onChange={(description) => setV({ ...v, description })} error={errors.description} rows={3} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? ta('common.saving') : t('list.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
