// The partner inbox (/admin/:tenant/referral-inbox): referrals sent to the partner's provider — the
// list without personal data, the detail with only the shared snapshot; accept, reject with a
// reason, complete with feedback for the integration manager.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { type InboxPage, type InboxReferral, REFERRAL_STATES } from '../../../../shared/contracts/caseReferrals.ts';
import { api, query } from '../../api.ts';
import { SelectField, TextArea } from '../../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader, Pager, formatDateTime } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { FormError, ReferralStateBadge, SharedData, fieldError, isFieldError, useErrorText } from './common.tsx';
import { referralPaths } from './referralApi.ts';

export function ReferralInboxPage() {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<InboxPage>(referralPaths.inbox(slug) + query({ state, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <p className="lead">{t('inbox.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('inbox.filterState')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[{ value: '', label: t('admin:common.all') }, ...REFERRAL_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))]}
        />
      </div>
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.data ? (
        data.data.items.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('inbox.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('card.number')}</th>
                    <th scope="col">{t('inbox.offer')}</th>
                    <th scope="col">{t('inbox.state')}</th>
                    <th scope="col">{t('inbox.sentAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link href={`/referral-inbox/${r.id}`}>{r.number}</Link>
                      </td>
                      <td>{r.offerTitle ?? '–'}</td>
                      <td>
                        <ReferralStateBadge state={r.state} />
                      </td>
                      <td>{formatDateTime(r.sentAt, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={data.data.page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />
          </>
        )
      ) : null}
    </>
  );
}

export function ReferralInboxDetailPage() {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const { id } = useParams<{ id: string }>();
  const data = useApi<InboxReferral>(referralPaths.inboxItem(slug, id));
  const [notice, setNotice] = useState<string | null>(null);
  const r = data.data;
  return (
    <>
      <BackLink href="/referral-inbox">{t('inbox.back')}</BackLink>
      <PageHeader title={r ? t('inbox.detailTitle', { number: r.number }) : t('inbox.title')} />
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {data.loading && !r ? <Loading /> : null}
      {notice ? (
        <Notice kind="success" focus>
          {notice}
        </Notice>
      ) : null}
      {r ? (
        <div className="stack">
          <section className="card" aria-labelledby="inbox-referral">
            <h2 id="inbox-referral">
              {r.offer?.title ?? t('inbox.noOffer')} <ReferralStateBadge state={r.state} />
            </h2>
            <ul className="summary-list">
              <li>{t('inbox.sentBy', { who: r.sentByName || '–', at: formatDateTime(r.sentAt, i18n.language) })}</li>
              {r.acceptedAt ? <li>{t('inbox.acceptedAt', { at: formatDateTime(r.acceptedAt, i18n.language) })}</li> : null}
              {r.rejectedAt ? <li>{t('inbox.rejectedAt', { at: formatDateTime(r.rejectedAt, i18n.language) })}</li> : null}
              {r.completedAt ? <li>{t('inbox.completedAt', { at: formatDateTime(r.completedAt, i18n.language) })}</li> : null}
              {r.revokedAt ? <li>{t('inbox.revokedAt', { at: formatDateTime(r.revokedAt, i18n.language) })}</li> : null}
            </ul>
            <h3>{t('inbox.shared')}</h3>
            {r.shared ? <SharedData shared={r.shared} /> : <Notice kind="info">{t('inbox.sharedWithdrawn')}</Notice>}
            <p className="hint">{t('inbox.sharedHint')}</p>
            {r.reason ? (
              <p>
                <strong>{r.state === 'revoked' ? t('card.revokedReason') : t('card.rejectedReason')}</strong> {r.reason}
              </p>
            ) : null}
            {r.feedback ? (
              <>
                <h3>{t('card.feedback')}</h3>
                <p style={{ whiteSpace: 'pre-wrap' }}>{r.feedback}</p>
              </>
            ) : null}
          </section>
          <Decisions
            referral={r}
            onDone={(updated, message) => {
              data.setData(updated);
              setNotice(message);
            }}
          />
        </div>
      ) : null}
    </>
  );
}

function Decisions({ referral: r, onDone }: { referral: InboxReferral; onDone: (r: InboxReferral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const [mode, setMode] = useState<'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (verb: 'accept' | 'reject' | 'complete', body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<InboxReferral>('POST', referralPaths.inboxDecision(slug, r.id, verb), body);
      setMode(null);
      onDone(updated, t(`inbox.done.${verb}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (r.state === 'sent') {
    return (
      <section className="card" aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t('inbox.decide')}</h2>
        <FormError error={isFieldError(error, ['reason']) ? null : error} />
        {mode === 'reject' ? (
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void decide('reject', { reason });
            }}
            noValidate
          >
            <TextArea label={t('inbox.rejectReason')} hint={t('inbox.rejectHint')} value={reason} onChange={setReason} rows={3} required error={fieldError(error, 'reason', text)} />
            <div className="form-actions">
              <button type="submit" className="button danger" disabled={busy}>
                {t('inbox.reject')}
              </button>
              <button type="button" className="button secondary" onClick={() => setMode(null)}>
                {t('admin:common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void decide('accept')}>
              {t('inbox.accept')}
            </button>
            <button type="button" className="button secondary" onClick={() => setMode('reject')}>
              {t('inbox.reject')}
            </button>
          </div>
        )}
      </section>
    );
  }
  if (r.state === 'accepted') {
    return (
      <form
        className="card"
        aria-labelledby="complete-heading"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void decide('complete', { feedback });
        }}
        noValidate
      >
        <h2 id="complete-heading">{t('inbox.complete')}</h2>
        <FormError error={isFieldError(error, ['feedback']) ? null : error} />
        <TextArea label={t('inbox.feedback')} hint={t('inbox.feedbackHint')} value={feedback} onChange={setFeedback} rows={4} required error={fieldError(error, 'feedback', text)} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('inbox.completeSubmit')}
          </button>
        </div>
      </form>
    );
  }
  return null;
}
