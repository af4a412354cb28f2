// Case tab "Vermittlungen": the case's referrals with state, shared data, the provider's feedback and
// history; a new referral to an offer of the directory or an external service, with the consent
// status shown inline (override only for accounts with the permission); data releases.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  type ConsentCheck,
  DEFAULT_SHARE_FIELDS,
  type Referral,
  type ReferralList,
  type ReferralOffer,
  type ReferralOfferPage,
  SHARE_FIELDS,
  type ShareField,
} from '../../../../shared/contracts/caseReferrals.ts';
import { ApiError, api, query } from '../../api.ts';
import { CheckboxGroup, TextArea, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice, formatDateTime } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { FormError, ReferralStateBadge, SharedData, fieldError, formatDay, isFieldError, useErrorText } from './common.tsx';
import { ReleasesSection } from './ReleasesSection.tsx';
import { adminLink, referralPaths } from './referralApi.ts';

export default function ReferralsTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const list = useApi<ReferralList>(referralPaths.caseReferrals(slug, caseId));
  const [creating, setCreating] = useState(false);
  const [sent, setSent] = useState<Referral | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  return (
    <div className="stack">
      <section aria-labelledby="referrals-heading">
        <div className="page-header">
          <h2 id="referrals-heading">{t('tab.title')}</h2>
          {list.data && !list.data.restricted && !creating ? (
            <div className="page-actions">
              <button
                ref={newButton}
                type="button"
                className="button"
                onClick={() => {
                  setSent(null);
                  setCreating(true);
                }}
              >
                {t('new.open')}
              </button>
            </div>
          ) : null}
        </div>
        <ErrorNotice error={list.error} onRetry={list.reload} />
        {list.loading && !list.data ? <Loading /> : null}
        {list.data?.restricted ? <Notice kind="warning">{t('tab.restricted')}</Notice> : null}
        {sent ? (
          <Notice kind="success" focus>
            {t('new.sent', { number: sent.number })}
          </Notice>
        ) : null}
        {creating && list.data ? (
          <NewReferralForm
            caseId={caseId}
            personId={list.data.personId}
            onCancel={() => {
              setCreating(false);
              requestAnimationFrame(() => newButton.current?.focus());
            }}
            onSent={(referral) => {
              setCreating(false);
              setSent(referral);
              list.reload();
            }}
          />
        ) : null}
        {list.data ? (
          list.data.items.length === 0 ? (
            <p>{t('tab.empty')}</p>
          ) : (
            <ul className="history" aria-label={t('tab.listLabel')}>
              {list.data.items.map((r) => (
                <li key={r.id}>
                  <ReferralCard referral={r} caseId={caseId} onChanged={list.reload} />
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>
      {list.data ? <ReleasesSection caseId={caseId} personId={list.data.personId} restricted={list.data.restricted} /> : null}
    </div>
  );
}

function ReferralCard({ referral: r, caseId, onChanged }: { referral: Referral; caseId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation('referrals');
  const headingId = useId();
  const target = r.offer ? r.offer.title : (r.external?.name ?? '');
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {target} <ReferralStateBadge state={r.state} />
      </h3>
      <ul className="summary-list">
        <li>
          {t('card.number')}: {r.number}
        </li>
        {r.provider ? (
          <li>
            {t('card.provider')}: {r.provider.name}
          </li>
        ) : (
          <li>
            {t('card.external')}
            {r.external?.contact ? `: ${r.external.contact}` : ''}
          </li>
        )}
        <li>
          {t('card.sent', { at: formatDateTime(r.sentAt, i18n.language), by: r.sentByLabel })}
        </li>
      </ul>
      {r.overrideReason ? <Notice kind="warning">{t('card.override', { reason: r.overrideReason })}</Notice> : null}
      {r.state === 'rejected' && r.reason ? (
        <p>
          <strong>{t('card.rejectedReason')}</strong> {r.reason}
        </p>
      ) : null}
      {r.state === 'revoked' && r.reason ? (
        <p>
          <strong>{t('card.revokedReason')}</strong> {r.reason}
        </p>
      ) : null}
      {r.feedback ? (
        <div>
          <h4>{t('card.feedback')}</h4>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.feedback}</p>
        </div>
      ) : null}
      <details>
        <summary>{t('card.sharedData', { count: r.sharedFields.length })}</summary>
        <SharedData shared={r.shared} />
      </details>
      <details>
        <summary>{t('card.history')}</summary>
        <ol>
          {r.history.map((h) => (
            <li key={`${h.toState}-${h.at}`}>
              <time dateTime={h.at}>{formatDateTime(h.at, i18n.language)}</time> — {t(`historyStep.${h.toState}`)} ({t(`side.${h.side}`)}: {h.actorLabel})
              {h.reason ? ` – ${h.reason}` : ''}
            </li>
          ))}
        </ol>
      </details>
      {r.state === 'sent' || r.state === 'accepted' ? <RevokeForm caseId={caseId} referral={r} onDone={onChanged} /> : null}
    </article>
  );
}

function RevokeForm({ caseId, referral, onDone }: { caseId: string; referral: Referral; onDone: () => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <p className="button-row">
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('revoke.open')}
          <span className="visually-hidden"> – {referral.number}</span>
        </button>
      </p>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(new ApiError(400, { error: { code: 'validation_failed', message: 'required', field: 'reason' } }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', referralPaths.revoke(slug, caseId, referral.id), { reason });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError error={isFieldError(error, ['reason']) ? null : error} />
      <TextField label={t('revoke.reason')} value={reason} onChange={setReason} required error={fieldError(error, 'reason', text)} />
      <div className="form-actions">
        <button type="submit" className="button danger" disabled={busy}>
          {t('revoke.submit')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('admin:common.cancel')}
        </button>
      </div>
    </form>
  );
}

type TargetKind = 'offer' | 'external';

function NewReferralForm({ caseId, personId, onCancel, onSent }: { caseId: string; personId: string; onCancel: () => void; onSent: (r: Referral) => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const headingId = useId();
  const [kind, setKind] = useState<TargetKind>('offer');
  const [offer, setOffer] = useState<ReferralOffer | null>(null);
  const [externalName, setExternalName] = useState('');
  const [externalContact, setExternalContact] = useState('');
  const [fields, setFields] = useState<ShareField[]>([...DEFAULT_SHARE_FIELDS]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);

  // The consent status for the chosen recipient, checked as soon as it is known.
  const [check, setCheck] = useState<ConsentCheck | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const externalTrimmed = externalName.trim();
  const checkBody = kind === 'offer' ? (offer ? { purpose: 'referral', offerId: offer.id } : null) : externalTrimmed ? { purpose: 'referral', externalName: externalTrimmed } : null;
  const checkKey = checkBody ? JSON.stringify(checkBody) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: checkKey stands for checkBody
  useEffect(() => {
    setCheck(null);
    setCheckError(null);
    if (!checkBody) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<ConsentCheck>('POST', referralPaths.consentCheck(slug, caseId), checkBody, { signal: controller.signal })
        .then(setCheck)
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') setCheckError(e);
        });
    }, kind === 'external' ? 400 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [checkKey, slug, caseId]);

  const send = async (override?: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        ...(kind === 'offer' ? { offerId: offer?.id } : { external: { name: externalName, contact: externalContact } }),
        sharedFields: fields,
        note,
        ...(override ? { override } : {}),
      };
      const created = await api<Referral>('POST', referralPaths.caseReferrals(slug, caseId), body);
      setOverrideOpen(false);
      onSent(created);
    } catch (err) {
      setError(err);
      if (overrideOpen && !(err instanceof ApiError && err.field === 'override.reason')) setOverrideOpen(false);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'offer' && !offer) {
      setError(new ApiError(400, { error: { code: 'validation_failed', message: 'required', field: 'offerId' } }));
      return;
    }
    if (kind === 'external' && !externalTrimmed) {
      setError(new ApiError(400, { error: { code: 'validation_failed', message: 'required', field: 'external.name' } }));
      return;
    }
    if (check && !check.valid && check.canOverride) {
      setOverrideOpen(true);
      return;
    }
    void send();
  };

  const noConsent = check !== null && !check.valid;
  const blocked = noConsent && !check.canOverride;
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId}>{t('new.title')}</h3>
      <FormError error={isFieldError(error, ['offerId', 'external.name', 'external.contact', 'sharedFields', 'note']) ? null : error} />
      <fieldset className="group">
        <legend>{t('new.targetKind')}</legend>
        {(['offer', 'external'] as const).map((k) => (
          <div className="check" key={k}>
            <input
              type="radio"
              id={`${headingId}-${k}`}
              name={`${headingId}-kind`}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setError(null);
              }}
            />
            <label htmlFor={`${headingId}-${k}`}>{t(`new.kind.${k}`)}</label>
          </div>
        ))}
      </fieldset>

      {kind === 'offer' ? (
        <OfferPicker picked={offer} onPick={setOffer} error={fieldError(error, 'offerId', text)} />
      ) : (
        <div className="grid-2">
          <TextField label={t('new.externalName')} value={externalName} onChange={setExternalName} required error={fieldError(error, 'external.name', text)} />
          <TextField
            label={t('new.externalContact')}
            hint={t('new.externalContactHint')}
            value={externalContact}
            onChange={setExternalContact}
            error={fieldError(error, 'external.contact', text)}
          />
        </div>
      )}

      <ConsentStatus check={check} error={checkError} personId={personId} />

      <CheckboxGroup
        legend={t('new.sharedFields')}
        hint={t('new.sharedFieldsHint')}
        options={SHARE_FIELDS.map((f) => ({ value: f, label: t(`shareField.${f}`) }))}
        selected={fields}
        onChange={(v) => setFields(v as ShareField[])}
        error={fieldError(error, 'sharedFields', text)}
      />
      <TextArea label={t('new.note')} hint={t('new.noteHint')} value={note} onChange={setNote} rows={3} error={fieldError(error, 'note', text)} />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || blocked}>
          {busy ? t('admin:common.pleaseWait') : t('new.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin:common.cancel')}
        </button>
      </div>
      {overrideOpen ? <OverrideDialog busy={busy} error={error} onCancel={() => setOverrideOpen(false)} onConfirm={(reason) => void send({ reason })} /> : null}
    </form>
  );
}

function ConsentStatus({ check, error, personId }: { check: ConsentCheck | null; error: unknown; personId: string }) {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  if (error) return <Notice kind="error">{text(error)}</Notice>;
  if (!check) return null;
  if (check.restricted) return <Notice kind="warning">{t('tab.restricted')}</Notice>;
  if (check.valid && check.consent) {
    return (
      <Notice kind="success">
        {t('consentCheck.valid', {
          version: check.consent.textVersion,
          given: formatDay(check.consent.givenOn, i18n.language),
          until: check.consent.expiresOn ? formatDay(check.consent.expiresOn, i18n.language) : t('consentCheck.untilWithdrawn'),
        })}
      </Notice>
    );
  }
  return (
    <Notice kind="warning">
      <p>{t('consentCheck.missing')}</p>
      <p>
        <Link href={adminLink(slug, `/persons/${personId}/consents`)}>{t('consentCheck.record')}</Link>
      </p>
      <p>{check.canOverride ? t('consentCheck.overridePossible') : t('consentCheck.noOverride')}</p>
    </Notice>
  );
}

/** The override dialog: only for accounts with the permission; a reason is required and logged. */
function OverrideDialog({ busy, error, onCancel, onConfirm }: { busy: boolean; error: unknown; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation('referrals');
  const text = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel} className="card">
      <h3 id={titleId}>{t('override.title')}</h3>
      <p>{t('override.intro')}</p>
      <TextArea
        label={t('override.reason')}
        hint={t('override.reasonHint')}
        value={reason}
        onChange={(v) => {
          setReason(v);
          setMissing(false);
        }}
        rows={3}
        required
        error={missing ? t('errors.fields.override_reason') : fieldError(error, 'override.reason', text)}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => {
            if (!reason.trim()) {
              setMissing(true);
              return;
            }
            onConfirm(reason.trim());
          }}
        >
          {t('override.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin:common.cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** Search the directory's published offers; shows provider and locations. */
function OfferPicker({ picked, onPick, error }: { picked: ReferralOffer | null; onPick: (o: ReferralOffer | null) => void; error?: string | undefined }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const id = useId();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (q.trim() === term) return;
    const timer = setTimeout(() => setTerm(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q, term]);
  const results = useApi<ReferralOfferPage>(!picked && term.length >= 2 ? referralPaths.offers(slug) + query({ q: term, pageSize: 10 }) : null);

  if (picked) {
    return (
      <div className="offer-picker">
        <h4>{t('new.chosenOffer')}</h4>
        <OfferSummary offer={picked} />
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            onPick(null);
            requestAnimationFrame(() => input.current?.focus());
          }}
        >
          {t('new.changeOffer')}
        </button>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  }
  return (
    <div className="offer-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>
          {t('new.searchOffer')}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          ref={input}
          id={`${id}-q`}
          type="search"
          value={q}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setTerm(q.trim());
            }
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('new.searchOfferHint')}
        </p>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      {term.length >= 2 ? (
        <div className="offer-results" aria-live="polite">
          {results.loading ? <Loading /> : null}
          <ErrorNotice error={results.error} onRetry={results.reload} />
          {results.data && !results.loading ? (
            results.data.items.length === 0 ? (
              <p>{t('new.noOffers', { term })}</p>
            ) : (
              <ul aria-label={t('new.offerResults')}>
                {results.data.items.map((o) => (
                  <li key={o.id}>
                    <OfferSummary offer={o} />
                    <button type="button" className="button secondary small" onClick={() => onPick(o)}>
                      {t('new.pickOffer')}
                      <span className="visually-hidden"> – {o.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function OfferSummary({ offer }: { offer: ReferralOffer }) {
  const { t } = useTranslation('referrals');
  return (
    <span>
      <strong>{offer.title}</strong>
      <br />
      <span className="hint">
        {offer.provider.name}
        {offer.locations.length ? ` · ${offer.locations.map((l) => [l.name, l.town].filter(Boolean).join(', ')).join('; ')}` : ` · ${t('new.noLocation')}`}
      </span>
    </span>
  );
}
