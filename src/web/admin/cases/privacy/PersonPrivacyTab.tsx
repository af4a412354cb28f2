// Person tab "Datenschutz": when the data will be erased, the Art. 15/20 export (JSON, PDF), "who
// saw my data", and — for team leads and the integration lead — erasure on request (Art. 17).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { PersonTabProps } from '../registry.ts';
import { ApiError, api } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';

interface RetentionInfo {
  cases: Array<{ caseId: string; reference: string; state: string; closedOn: string | null; retentionDueOn: string | null; programme: string; retentionMonths: number }>;
  orphanMonths: number;
}

export default function PersonPrivacyTab({ personId }: PersonTabProps) {
  const { t } = useTranslation('privacy');
  const { slug } = useTenant();
  const base = `/api/v1/${encodeURIComponent(slug)}/persons/${personId}`;
  const retention = useApi<RetentionInfo>(`${base}/retention`);
  const me = useMe();
  const mayErase = me.role === 'team_lead' || me.role === 'integration_lead';

  return (
    <div className="stack">
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('retention.title')}</h2>
        <ErrorNotice error={retention.error} onRetry={retention.reload} />
        {retention.loading ? <Loading /> : null}
        {retention.data ? (
          retention.data.cases.length ? (
            <ul>
              {retention.data.cases.map((c) => (
                <li key={c.caseId}>
                  {c.reference} ({c.programme}):{' '}
                  {c.retentionDueOn
                    ? t('retention.due', { date: c.retentionDueOn, months: c.retentionMonths })
                    : t('retention.open', { months: c.retentionMonths })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('retention.noCase', { months: retention.data.orphanMonths })}</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('export.title')}</h2>
        <p className="hint">{t('export.intro')}</p>
        <p className="button-row">
          <a className="button secondary" href={`${base}/export?format=json`} download>
            {t('export.json')}
          </a>{' '}
          <a className="button secondary" href={`${base}/export?format=pdf`} download>
            {t('export.pdf')}
          </a>
        </p>
      </section>

      <AccessLogTable path={`${base}/access-log`} />

      {mayErase ? <EraseSection base={base} /> : null}
    </div>
  );
}

function EraseSection({ base }: { base: string }) {
  const { t } = useTranslation('privacy');
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [reason, setReason] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ persons: number; cases: number } | null>(null);
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('erase.confirmDialog'))) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await api<{ persons: number; cases: number }>('POST', `${base}/erase`, { reason, confirmFamilyName: confirmName }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Notice kind="success" focus>
        <p>{t('erase.done', { cases: done.cases })}</p>
        <button type="button" className="button" onClick={() => navigate(`~/admin/${encodeURIComponent(slug)}/persons`)}>
          {t('erase.back')}
        </button>
      </Notice>
    );
  }
  return (
    <section aria-labelledby="erase-heading" className="danger-zone">
      <h2 id="erase-heading">{t('erase.title')}</h2>
      <p>{t('erase.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={error && !(error instanceof ApiError && error.field) ? error : null} />
        <TextField label={t('erase.reason')} hint={t('erase.reasonHint')} value={reason} onChange={setReason} required error={fieldError('reason')} />
        <TextField
          label={t('erase.confirmName')}
          hint={t('erase.confirmNameHint')}
          value={confirmName}
          onChange={setConfirmName}
          required
          autoComplete="off"
          error={fieldError('confirmFamilyName')}
        />
        <button type="submit" className="button danger" disabled={busy}>
          {busy ? t('erase.busy') : t('erase.submit')}
        </button>
      </form>
    </section>
  );
}
