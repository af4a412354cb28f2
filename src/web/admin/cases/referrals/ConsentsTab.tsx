// Person tab "Einwilligungen": the consent register (purpose, recipient, text version, dates,
// status), recording a consent with the office's current text, and the withdrawal as a dated event.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_PURPOSES,
  type Consent,
  type ConsentList,
  type ConsentPurpose,
  type ConsentTextList,
  PURPOSE_ALLOWS_ANY_PROVIDER,
  type ReferralProviderList,
} from '../../../../shared/contracts/caseReferrals.ts';
import { api, query } from '../../api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { PersonTabProps } from '../registry.ts';
import { ConsentStatusBadge, FormError, fieldError, formatDay, isFieldError, todayIso, useErrorText } from './common.tsx';
import { referralPaths } from './referralApi.ts';

export default function ConsentsTab({ personId }: PersonTabProps) {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const list = useApi<ConsentList>(referralPaths.consents(slug, personId));
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section aria-labelledby="consents-heading">
      <div className="page-header">
        <h2 id="consents-heading">{t('consents.title')}</h2>
        {!open ? (
          <div className="page-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setOpen(true);
              }}
            >
              {t('consents.record')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="hint">{t('consents.intro')}</p>
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      {open ? (
        <ConsentForm
          personId={personId}
          onCancel={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            setSaved(t('consents.saved'));
            list.reload();
          }}
        />
      ) : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('consents.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('consents.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consents.purpose')}</th>
                  <th scope="col">{t('consents.recipient')}</th>
                  <th scope="col">{t('consents.textVersion')}</th>
                  <th scope="col">{t('consents.givenOn')}</th>
                  <th scope="col">{t('consents.expiresOn')}</th>
                  <th scope="col">{t('consents.status')}</th>
                  <th scope="col">{t('admin:common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <ConsentRow
                    key={c.id}
                    consent={c}
                    personId={personId}
                    lang={i18n.language}
                    onWithdrawn={() => {
                      setSaved(t('consents.withdrawn'));
                      list.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

function recipientLabel(c: Consent, t: (k: string) => string): string {
  if (c.recipient.type === 'any_provider') return t('recipientType.any_provider');
  return c.recipient.name ?? '–';
}

function ConsentRow({ consent: c, personId, lang, onWithdrawn }: { consent: Consent; personId: string; lang: string; onWithdrawn: () => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayIso());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const withdraw = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', referralPaths.withdraw(slug, personId, c.id), { withdrawnOn: day });
      setOpen(false);
      onWithdrawn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <td>
        {t(`purpose.${c.purpose}`)}
        {c.caseId ? <span className="hint"> ({t('consents.boundToCase')})</span> : null}
      </td>
      <td>{recipientLabel(c, t)}</td>
      <td>{t('consents.version', { version: c.textVersion })}</td>
      <td>{formatDay(c.givenOn, lang)}</td>
      <td>{c.expiresOn ? formatDay(c.expiresOn, lang) : t('consentCheck.untilWithdrawn')}</td>
      <td>
        <ConsentStatusBadge status={c.status} />
        {c.withdrawnOn ? <div className="hint">{t('consents.withdrawnOn', { date: formatDay(c.withdrawnOn, lang) })}</div> : null}
        <div className="hint">{t('consents.recordedBy', { who: c.recordedByLabel })}</div>
      </td>
      <td className="actions">
        {c.withdrawnOn ? null : open ? (
          <form className="inline-form" onSubmit={(e) => void withdraw(e)} noValidate>
            <FormError error={isFieldError(error, ['withdrawnOn']) ? null : error} />
            <TextField label={t('consents.withdrawDate')} type="date" value={day} onChange={setDay} required error={fieldError(error, 'withdrawnOn', text)} />
            <div className="form-actions">
              <button type="submit" className="button danger small" disabled={busy}>
                {t('consents.withdrawConfirm')}
              </button>
              <button type="button" className="button secondary small" onClick={() => setOpen(false)}>
                {t('admin:common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
            {t('consents.withdraw')}
            <span className="visually-hidden">
              {' '}
              – {t(`purpose.${c.purpose}`)}, {recipientLabel(c, t)}
            </span>
          </button>
        )}
      </td>
    </tr>
  );
}

type RecipientKind = 'provider' | 'external' | 'any_provider';

function ConsentForm({ personId, onCancel, onSaved }: { personId: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const headingId = useId();
  const [purpose, setPurpose] = useState<ConsentPurpose>('referral');
  const [kind, setKind] = useState<RecipientKind>('any_provider');
  const [providerQ, setProviderQ] = useState('');
  const [providerId, setProviderId] = useState('');
  const [name, setName] = useState('');
  const [textId, setTextId] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso());
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const texts = useApi<ConsentTextList>(referralPaths.consentTexts(slug) + query({ purpose }));
  const providers = useApi<ReferralProviderList>(kind === 'provider' ? referralPaths.providers(slug) + query({ q: providerQ.trim(), pageSize: 30 }) : null);
  const allowsAny = PURPOSE_ALLOWS_ANY_PROVIDER[purpose];
  const effectiveKind: RecipientKind = kind === 'any_provider' && !allowsAny ? 'provider' : kind;
  const versions = texts.data?.items ?? [];
  const chosenText = versions.find((v) => v.id === textId) ?? versions.find((v) => v.current) ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const recipient = effectiveKind === 'provider' ? { type: 'provider', providerId } : effectiveKind === 'external' ? { type: 'external', name } : { type: 'any_provider' };
      await api('POST', referralPaths.consents(slug, personId), {
        purpose,
        recipient,
        ...(chosenText ? { textId: chosenText.id } : {}),
        givenOn,
        expiresOn: expiresOn || null,
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('consents.formTitle')}</h3>
      <FormError error={isFieldError(error, ['purpose', 'recipient', 'textId', 'givenOn', 'expiresOn']) ? null : error} />
      <div className="grid-2">
        <SelectField
          label={t('consents.purpose')}
          value={purpose}
          onChange={(v) => {
            setPurpose(v as ConsentPurpose);
            setTextId('');
          }}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
          error={fieldError(error, 'purpose', text)}
        />
        <SelectField
          label={t('consents.recipientType')}
          value={effectiveKind}
          onChange={(v) => setKind(v as RecipientKind)}
          options={(['provider', 'external', 'any_provider'] as const)
            .filter((k) => k !== 'any_provider' || allowsAny)
            .map((k) => ({ value: k, label: t(`recipientType.${k}`) }))}
          error={isFieldError(error, ['recipient.type']) ? fieldError(error, 'recipient.type', text) : undefined}
        />
      </div>
      {effectiveKind === 'provider' ? (
        <div className="grid-2">
          <TextField label={t('consents.providerSearch')} type="search" value={providerQ} onChange={setProviderQ} />
          <SelectField
            label={t('consents.provider')}
            value={providerId}
            onChange={setProviderId}
            required
            error={fieldError(error, 'recipient.providerId', text)}
            options={[{ value: '', label: t('admin:common.choose') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.town ? `${p.name} (${p.town})` : p.name }))]}
          />
        </div>
      ) : null}
      {effectiveKind === 'external' ? (
        <TextField label={t('consents.recipientName')} value={name} onChange={setName} required error={fieldError(error, 'recipient.name', text)} />
      ) : null}

      {texts.error ? <ErrorNotice error={texts.error} onRetry={texts.reload} /> : null}
      {texts.data && versions.length === 0 ? (
        <Notice kind="warning">{t('consents.noText')}</Notice>
      ) : (
        <>
          <SelectField
            label={t('consents.textVersion')}
            value={chosenText?.id ?? ''}
            onChange={setTextId}
            error={fieldError(error, 'textId', text)}
            options={versions.map((v) => ({ value: v.id, label: v.current ? t('consents.versionCurrent', { version: v.version }) : t('consents.version', { version: v.version }) }))}
          />
          {chosenText ? (
            <details>
              <summary>{t('consents.showText')}</summary>
              <p style={{ whiteSpace: 'pre-wrap' }} lang="de">
                {chosenText.body}
              </p>
              {Object.entries(chosenText.translations).map(([lang, body]) => (
                <p key={lang} lang={lang} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  <strong>{lang.toUpperCase()}:</strong> {body}
                </p>
              ))}
            </details>
          ) : null}
        </>
      )}
      {fieldError(error, 'textId', text) && versions.length === 0 ? <p className="field-error">{fieldError(error, 'textId', text)}</p> : null}
      <div className="grid-2">
        <TextField label={t('consents.givenOn')} type="date" value={givenOn} onChange={setGivenOn} required error={fieldError(error, 'givenOn', text)} />
        <TextField
          label={t('consents.expiresOn')}
          hint={t('consents.expiresOnHint')}
          type="date"
          value={expiresOn}
          onChange={setExpiresOn}
          error={fieldError(error, 'expiresOn', text)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('consents.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin:common.cancel')}
        </button>
      </div>
    </form>
  );
}
