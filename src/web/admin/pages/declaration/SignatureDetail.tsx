// One signature: its course, the contact (internal), the office's decision (verify / reject with
// reason / withdraw / erase) and the correction of the public data.
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type AdminDeclaration, type AdminSignature, LOGO_MAX_BYTES, STATEMENT_MAX } from '../../../../shared/contracts/declaration.ts';
import { api } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { BackLink, ErrorNotice, formatDateTime, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { declarationPaths, formField } from './paths.ts';
import { pick, StateBadge } from './StateBadge.tsx';

export function SignatureDetailPage({ id, signatureId }: { id: string; signatureId: string }) {
  const { slug } = useTenant();
  const declaration = useApi<AdminDeclaration>(declarationPaths.one(slug, id));
  const signature = useApi<AdminSignature>(declarationPaths.signature(slug, id, signatureId));
  const error = declaration.error ?? signature.error;
  if (error) return <ErrorNotice error={error} onRetry={() => {
          declaration.reload();
          signature.reload();
        }} />;
  if (!declaration.data || !signature.data) return <Loading />;
  return <Detail declaration={declaration.data} signature={signature.data} onChange={signature.setData} />;
}

function Detail({ declaration, signature: s, onChange }: { declaration: AdminDeclaration; signature: AdminSignature; onChange: (s: AdminSignature) => void }) {
  const { t, i18n } = useTranslation('declaration');
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [withdrawReason, setWithdrawReason] = useState('');
  const sectorName = (key: string) => {
    const sector = declaration.sectors.find((x) => x.key === key);
    return sector ? pick(sector.names, i18n.language) : key;
  };
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);

  const decide = async (decision: 'verify' | 'reject' | 'withdraw') => {
    setError(null);
    setMessage(null);
    if (decision === 'reject' && reason.trim().length < 3) {
      setReasonError(t('decision.reasonRequired'));
      focusFirstError({ reason: 'x' });
      return;
    }
    try {
      const body = decision === 'reject' ? { reason: reason.trim() } : decision === 'withdraw' ? { reason: withdrawReason.trim() } : undefined;
      const updated = await api<AdminSignature>('POST', declarationPaths.decide(slug, declaration.id, s.id, decision), body);
      onChange(updated);
      setReason('');
      setReasonError(undefined);
      setWithdrawReason('');
      setMessage(t(`decision.done.${decision}`));
    } catch (e) {
      setError(e);
    }
  };

  const erase = async () => {
    if (!window.confirm(t('decision.confirmErase', { organisation: s.organisation }))) return;
    setError(null);
    try {
      await api('DELETE', declarationPaths.signature(slug, declaration.id, s.id));
      navigate(`/${declaration.id}?erased=1`);
    } catch (e) {
      setError(e);
    }
  };

  const canVerify = s.state === 'awaiting_verification' || s.state === 'rejected';
  const canReject = s.state === 'awaiting_verification' || s.state === 'verified';
  const canWithdraw = s.state === 'awaiting_verification' || s.state === 'verified';
  const canErase = s.state === 'unconfirmed' || s.state === 'rejected' || s.state === 'withdrawn';

  return (
    <>
      <BackLink href={`/${declaration.id}`}>{t('detail.back', { title: pick(declaration.title, i18n.language) })}</BackLink>
      <PageHeader title={s.organisation} />
      {message ? (
        <Notice kind="success" focus>
          {message}
        </Notice>
      ) : null}
      <ErrorNotice error={error} />
      <div className="detail-grid">
        <section className="card" aria-labelledby="sig-course">
          <h2 id="sig-course">{t('detail.course')}</h2>
          <dl className="kv">
            <dt>{t('fields.state')}</dt>
            <dd>
              <StateBadge state={s.state} />
              {s.linkExpired ? <span className="hint"> {t('signatures.linkExpired')}</span> : null}
            </dd>
            <dt>{t('fields.createdAt')}</dt>
            <dd>{when(s.createdAt)}</dd>
            <dt>{t('fields.consentAt')}</dt>
            <dd>{when(s.consentAt)}</dd>
            <dt>{t('fields.confirmedAt')}</dt>
            <dd>{when(s.confirmedAt)}</dd>
            <dt>{t('fields.verifiedAt')}</dt>
            <dd>{when(s.verifiedAt)}</dd>
            {s.rejectedAt ? (
              <>
                <dt>{t('fields.rejectedAt')}</dt>
                <dd>
                  {when(s.rejectedAt)} – {s.rejectionReason}
                </dd>
              </>
            ) : null}
            {s.withdrawnAt ? (
              <>
                <dt>{t('fields.withdrawnAt')}</dt>
                <dd>
                  {when(s.withdrawnAt)}
                  {s.withdrawalReason ? ` – ${s.withdrawalReason}` : ''}
                </dd>
              </>
            ) : null}
            {s.decidedBy ? (
              <>
                <dt>{t('fields.decidedBy')}</dt>
                <dd>{s.decidedBy}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="sig-contact">
          <h2 id="sig-contact">{t('detail.contact')}</h2>
          <p className="hint">{t('detail.contactHint')}</p>
          <dl className="kv">
            <dt>{t('fields.contactName')}</dt>
            <dd>{s.contactName}</dd>
            <dt>{t('fields.email')}</dt>
            <dd>
              <a href={`mailto:${s.email}`}>{s.email}</a>
            </dd>
            <dt>{t('fields.lang')}</dt>
            <dd>{s.lang}</dd>
          </dl>
        </section>
      </div>
      <section className="card" aria-labelledby="sig-decision">
        <h2 id="sig-decision">{t('decision.heading')}</h2>
        {s.state === 'unconfirmed' ? <p>{t('decision.unconfirmedHint')}</p> : null}
        {canVerify ? (
          <div className="decision">
            <p className="hint">{t('decision.verifyHint')}</p>
            <button type="button" className="button primary" onClick={() => void decide('verify')}>
              {t('decision.verify')}
            </button>
          </div>
        ) : null}
        {canReject ? (
          <div className="decision">
            <TextArea label={t('decision.reason')} required rows={2} value={reason} onChange={(v) => {
                setReason(v);
                setReasonError(undefined);
              }} error={reasonError} hint={t('decision.reasonHint')} />
            <button type="button" className="button danger" onClick={() => void decide('reject')}>
              {t('decision.reject')}
            </button>
          </div>
        ) : null}
        {canWithdraw ? (
          <div className="decision">
            <TextArea label={t('decision.withdrawReason')} rows={2} value={withdrawReason} onChange={setWithdrawReason} hint={t('decision.withdrawHint')} />
            <button type="button" className="button secondary" onClick={() => void decide('withdraw')}>
              {t('decision.withdraw')}
            </button>
          </div>
        ) : null}
        {canErase ? (
          <div className="decision">
            <p className="hint">{t('decision.eraseHint')}</p>
            <button type="button" className="button danger" onClick={() => void erase()}>
              {t('decision.erase')}
            </button>
          </div>
        ) : null}
      </section>
      <PublicDataForm declaration={declaration} signature={s} onSaved={(u) => {
          onChange(u);
          setMessage(t('detail.saved'));
        }} sectorName={sectorName} />
    </>
  );
}

function PublicDataForm({
  declaration,
  signature: s,
  onSaved,
  sectorName,
}: {
  declaration: AdminDeclaration;
  signature: AdminSignature;
  onSaved: (s: AdminSignature) => void;
  sectorName: (key: string) => string;
}) {
  const { t } = useTranslation('declaration');
  const { t: tAdmin } = useTranslation('admin');
  const { slug } = useTenant();
  const [values, setValues] = useState({ organisation: s.organisation, sector: s.sector, website: s.website ?? '', statement: s.statement });
  const [removeLogo, setRemoveLogo] = useState(false);
  const [newLogo, setNewLogo] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const set = (key: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const onFile = (file: File | undefined) => {
    setErrors((e) => ({ ...e, logo: '' }));
    setNewLogo(null);
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') return setErrors((e) => ({ ...e, logo: t('detail.logoType') }));
    if (file.size > LOGO_MAX_BYTES) return setErrors((e) => ({ ...e, logo: t('detail.logoSize') }));
    const reader = new FileReader();
    reader.onload = () => setNewLogo(String(reader.result));
    reader.readAsDataURL(file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found: FieldErrors = {};
    if (values.organisation.trim().length < 2) found.organisation = tAdmin('validation.minLength', { count: 2 });
    if (values.statement.length > STATEMENT_MAX) found.statement = tAdmin('validation.maxLength', { count: STATEMENT_MAX });
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    setBusy(true);
    try {
      const body = { ...values, ...(newLogo ? { logo: newLogo } : removeLogo ? { logo: null } : {}) };
      const updated = await api<AdminSignature>('PUT', declarationPaths.signature(slug, declaration.id, s.id), body);
      setNewLogo(null);
      setRemoveLogo(false);
      if (fileRef.current) fileRef.current.value = '';
      onSaved(updated);
    } catch (err) {
      setError(err);
      const fieldErrors = apiFieldError(err, tAdmin);
      const mapped = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [formField(k), v]));
      setErrors(mapped);
      focusFirstError(mapped);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="sig-public">
      <h2 id="sig-public">{t('detail.publicData')}</h2>
      <p className="hint">{t('detail.publicHint')}</p>
      <ErrorNotice error={error} />
      <TextField label={t('fields.organisation')} required value={values.organisation} onChange={(v) => set('organisation', v)} error={errors.organisation || undefined} />
      <SelectField
        label={t('fields.sector')}
        required
        value={values.sector}
        onChange={(v) => set('sector', v)}
        error={errors.sector || undefined}
        options={declaration.sectors.map((x) => ({ value: x.key, label: sectorName(x.key) }))}
      />
      <TextField label={t('fields.website')} type="url" value={values.website} onChange={(v) => set('website', v)} error={errors.website || undefined} />
      <TextArea label={t('fields.statement')} rows={4} value={values.statement} onChange={(v) => set('statement', v)} error={errors.statement || undefined} hint={t('detail.statementHint', { max: STATEMENT_MAX })} />
      <fieldset className="group">
        <legend>{t('fields.logo')}</legend>
        {s.logoUrl ? <img src={s.logoUrl} alt={t('detail.logoAlt', { organisation: s.organisation })} className="logo-thumb" width="96" height="96" /> : <p>{t('detail.noLogo')}</p>}
        {s.logoUrl ? <Checkbox label={t('detail.removeLogo')} checked={removeLogo} onChange={setRemoveLogo} /> : null}
        <div className="field">
          <label htmlFor="sig-logo-file">{t('detail.replaceLogo')}</label>
          <input
            id="sig-logo-file"
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg"
            aria-invalid={errors.logo ? true : undefined}
            aria-describedby={errors.logo ? 'sig-logo-error sig-logo-hint' : 'sig-logo-hint'}
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          <p className="hint" id="sig-logo-hint">
            {t('detail.logoHint')}
          </p>
          {errors.logo ? (
            <p className="field-error" id="sig-logo-error">
              {errors.logo}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('detail.save')}
        </button>
      </div>
    </form>
  );
}
