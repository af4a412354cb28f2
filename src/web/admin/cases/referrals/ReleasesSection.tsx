// Data releases of a case (Datenweitergabe an Dritte): the record of which data went to whom, why,
// on which day, under which consent — recorded only with valid consent or an override.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type ConsentCheck, RELEASE_FIELDS, type ReleaseField, type ReleaseList, type ReferralProviderList } from '../../../../shared/contracts/caseReferrals.ts';
import { api, query } from '../../api.ts';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { FormError, fieldError, formatDay, isFieldError, todayIso, useErrorText } from './common.tsx';
import { adminLink, referralPaths } from './referralApi.ts';

export function ReleasesSection({ caseId, personId, restricted }: { caseId: string; personId: string; restricted: boolean }) {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const list = useApi<ReleaseList>(referralPaths.releases(slug, caseId));
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="releases-heading">
      <div className="page-header">
        <h2 id="releases-heading">{t('releases.title')}</h2>
        {!restricted && !open ? (
          <div className="page-actions">
            <button type="button" className="button secondary" onClick={() => setOpen(true)}>
              {t('releases.open')}
            </button>
          </div>
        ) : null}
      </div>
      <p className="hint">{t('releases.intro')}</p>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {open ? (
        <ReleaseForm
          caseId={caseId}
          personId={personId}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            list.reload();
          }}
        />
      ) : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('releases.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('releases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('releases.releasedOn')}</th>
                  <th scope="col">{t('releases.recipient')}</th>
                  <th scope="col">{t('releases.purpose')}</th>
                  <th scope="col">{t('releases.fields')}</th>
                  <th scope="col">{t('releases.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDay(r.releasedOn, i18n.language)}</td>
                    <td>{r.recipient.name ?? '–'}</td>
                    <td>{r.purpose}</td>
                    <td>{r.fields.map((f) => t(`releaseField.${f}`)).join(', ')}</td>
                    <td>{r.consentId ? t('releases.byConsent') : t('releases.byOverride', { reason: r.overrideReason ?? '' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

function ReleaseForm({ caseId, personId, onCancel, onDone }: { caseId: string; personId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation('referrals');
  const { slug } = useTenant();
  const text = useErrorText();
  const headingId = useId();
  const [type, setType] = useState<'provider' | 'external'>('external');
  const [providerId, setProviderId] = useState('');
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [fields, setFields] = useState<ReleaseField[]>([]);
  const [releasedOn, setReleasedOn] = useState(todayIso());
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const providers = useApi<ReferralProviderList>(referralPaths.providers(slug) + query({ pageSize: 50 }));

  const [check, setCheck] = useState<ConsentCheck | null>(null);
  const recipientKey = type === 'provider' ? providerId : name.trim();
  useEffect(() => {
    setCheck(null);
    if (!recipientKey) return;
    const controller = new AbortController();
    const body = type === 'provider' ? { purpose: 'data_release', providerId: recipientKey } : { purpose: 'data_release', externalName: recipientKey };
    const timer = setTimeout(() => {
      api<ConsentCheck>('POST', referralPaths.consentCheck(slug, caseId), body, { signal: controller.signal })
        .then(setCheck)
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [recipientKey, type, slug, caseId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', referralPaths.releases(slug, caseId), {
        recipient: type === 'provider' ? { type, providerId } : { type, name },
        purpose,
        fields,
        releasedOn,
        ...(override ? { override: { reason } } : {}),
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldNames = ['recipient', 'purpose', 'fields', 'releasedOn', 'override.reason'];
  return (
    <form className="card" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('releases.formTitle')}</h3>
      <FormError error={isFieldError(error, fieldNames) ? null : error} />
      <div className="grid-2">
        <SelectField
          label={t('releases.recipientType')}
          value={type}
          onChange={(v) => setType(v as 'provider' | 'external')}
          options={[
            { value: 'external', label: t('recipientType.external') },
            { value: 'provider', label: t('recipientType.provider') },
          ]}
        />
        {type === 'provider' ? (
          <SelectField
            label={t('releases.provider')}
            value={providerId}
            onChange={setProviderId}
            required
            error={fieldError(error, 'recipient', text)}
            options={[{ value: '', label: t('admin:common.choose') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : (
          <TextField label={t('releases.recipientName')} value={name} onChange={setName} required error={fieldError(error, 'recipient', text)} />
        )}
      </div>
      {check ? (
        check.valid ? (
          <Notice kind="success">{t('releases.consentValid')}</Notice>
        ) : (
          <Notice kind="warning">
            <p>{t('releases.consentMissing')}</p>
            <p>
              <Link href={adminLink(slug, `/persons/${personId}/consents`)}>{t('consentCheck.record')}</Link>
            </p>
          </Notice>
        )
      ) : null}
      <TextField label={t('releases.purpose')} hint={t('releases.purposeHint')} value={purpose} onChange={setPurpose} required error={fieldError(error, 'purpose', text)} />
      <CheckboxGroup
        legend={t('releases.fields')}
        options={RELEASE_FIELDS.map((f) => ({ value: f, label: t(`releaseField.${f}`) }))}
        selected={fields}
        onChange={(v) => setFields(v as ReleaseField[])}
        error={fieldError(error, 'fields', text)}
      />
      <TextField label={t('releases.releasedOn')} type="date" value={releasedOn} onChange={setReleasedOn} required error={fieldError(error, 'releasedOn', text)} />
      {check && !check.valid && check.canOverride ? (
        <>
          <Checkbox label={t('releases.override')} checked={override} onChange={setOverride} hint={t('override.intro')} />
          {override ? <TextArea label={t('override.reason')} value={reason} onChange={setReason} rows={2} required error={fieldError(error, 'override.reason', text)} /> : null}
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('releases.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin:common.cancel')}
        </button>
      </div>
    </form>
  );
}
