// The team view for team leads (their team) and the integration lead (any team): each manager's
// caseload, links to their cases, and the handover of all cases of a manager who leaves.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { BulkHandoverResult, Caseload, CaseStaffMember } from '../../../shared/contracts/cases.ts';
import { api, query } from '../api.ts';
import { Checkbox, SelectField, TextArea } from '../components/fields.tsx';
import { BackLink, ErrorNotice, Forbidden, Loading, Notice, PageHeader } from '../components/ui.tsx';
import type { FieldErrors } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';
import { caseFieldError, useCaseOptions } from './caseUi.tsx';

export function TeamViewPage() {
  const { t } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const me = useMe();
  const options = useCaseOptions();
  const [params, setParams] = useSearchParams();
  const teamId = me.role === 'integration_lead' ? (params.get('teamId') ?? '') : '';
  const allowed = me.role === 'team_lead' || me.role === 'integration_lead';
  const load = useApi<Caseload>(allowed ? casePaths.caseload(slug) + query({ teamId }) : null);
  const [leaving, setLeaving] = useState<CaseStaffMember | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!allowed) return <Forbidden />;
  const teamName = options.data?.teams.find((x) => x.id === (teamId || me.teamId))?.name;
  return (
    <>
      <BackLink href="/">{t('list.back')}</BackLink>
      <PageHeader title={teamName ? t('team.titleOf', { team: teamName }) : t('team.title')} />
      {me.role === 'integration_lead' ? (
        <search className="filters">
          <SelectField
            label={t('fields.team')}
            value={teamId}
            onChange={(v) => setParams(v ? { teamId: v } : {}, { replace: true })}
            options={[{ value: '', label: t('team.allTeams') }, ...(options.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          />
        </search>
      ) : null}
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={load.error} onRetry={load.reload} />
      {!load.data && !load.error ? <Loading /> : null}
      {load.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('team.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.manager')}</th>
                <th scope="col">{t('team.open')}</th>
                <th scope="col">{t('team.attention')}</th>
                <th scope="col">{t('team.closed')}</th>
                <th scope="col">{t('team.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.items.map((m) => (
                <tr key={m.id} className={m.disabled ? 'muted' : undefined}>
                  <td>
                    {m.name}
                    <span className="meta"> · {tAdmin(`roles.${m.role}`, { defaultValue: m.role })}</span>
                    {m.disabled ? <span className="badge status-archived">{t('list.disabled')}</span> : null}
                  </td>
                  <td>{m.open}</td>
                  <td>{m.attention ? <span className="badge case-warning">{m.attention}</span> : 0}</td>
                  <td>{m.closed}</td>
                  <td>
                    <div className="button-row">
                      <Link href={`/?${new URLSearchParams({ ownerId: m.id, state: 'all' }).toString()}`} className="button secondary small">
                        {t('team.showCases')}
                        <span className="visually-hidden"> – {m.name}</span>
                      </Link>
                      {m.open + m.closed > 0 ? (
                        <button type="button" className="button secondary small" onClick={() => setLeaving(m)}>
                          {t('team.handOverAll')}
                          <span className="visually-hidden"> – {m.name}</span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
              {load.data.items.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('team.empty')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
      {leaving ? (
        <BulkHandoverForm
          key={leaving.id}
          from={leaving}
          staff={options.data?.staff ?? []}
          onCancel={() => setLeaving(null)}
          onDone={(result) => {
            setLeaving(null);
            setMessage(t('handover.bulkDone', { count: result.moved, name: leaving.name }));
            load.reload();
          }}
        />
      ) : null}
    </>
  );
}

function BulkHandoverForm({
  from,
  staff,
  onCancel,
  onDone,
}: {
  from: CaseStaffMember;
  staff: CaseStaffMember[];
  onCancel: () => void;
  onDone: (result: BulkHandoverResult) => void;
}) {
  const { t } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [includeClosed, setIncludeClosed] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = staff.filter((s) => !s.disabled && s.id !== from.id);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    if (!to) {
      setErrors({ toOwnerId: t('handover.chooseManager') });
      return;
    }
    const target = candidates.find((s) => s.id === to)!;
    if (!window.confirm(t('handover.confirmBulk', { from: from.name, to: target.name }))) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<BulkHandoverResult>('POST', casePaths.bulkHandover(slug), {
        fromOwnerId: from.id,
        toOwnerId: to,
        includeClosed,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone(result);
    } catch (e) {
      setErrors(caseFieldError(e, tAdmin));
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="bulk-handover">
      <h2 id="bulk-handover">{t('handover.bulkTitle', { name: from.name })}</h2>
      <p>{t('handover.bulkIntro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        <SelectField
          label={t('handover.to')}
          value={to}
          onChange={setTo}
          options={[{ value: '', label: t('create.choose') }, ...candidates.map((s) => ({ value: s.id, label: s.name }))]}
          error={errors.toOwnerId}
          required
        />
        <Checkbox label={t('handover.includeClosed')} checked={includeClosed} onChange={setIncludeClosed} />
        <TextArea label={t('handover.reason')} value={reason} onChange={setReason} rows={2} error={errors.reason} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {t('handover.bulkSubmit')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('handover.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
