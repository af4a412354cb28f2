// The public sign form: organisation data, contact (never published), optional logo, consent.
// Anti-spam without third parties: a hidden honeypot field and a proof of work that the browser
// computes (WebCrypto) while the form is being filled in. After sending, an e-mail link confirms.
import { type FormEvent, type ReactNode, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicDeclaration, SignResult } from '../../../../shared/contracts/declaration.ts';
import { LOGO_MAX_BYTES, STATEMENT_MAX } from '../../../../shared/contracts/declarationLimits.ts';
import { ApiError } from '../../api.ts';
import { useNavigator } from '../../context.ts';
import { fetchChallenge, postSignature, reasonOf } from './api.ts';
import { solveProofOfWork } from './proofOfWork.ts';

interface Values {
  organisation: string;
  sector: string;
  website: string;
  contactName: string;
  email: string;
  statement: string;
  consent: boolean;
  honeypot: string;
}

const EMPTY: Values = { organisation: '', sector: '', website: '', contactName: '', email: '', statement: '', consent: false, honeypot: '' };
type Field = keyof Values | 'logo';
type Errors = Partial<Record<Field, string>>;
interface Solution {
  challenge: string;
  nonce: string;
  expiresAt: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

export function SignForm({ declaration }: { declaration: PublicDeclaration }) {
  const { t } = useTranslation('civic');
  const { tenant, lang } = useNavigator();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [logo, setLogo] = useState<{ dataUrl: string; name: string } | null>(null);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'sending'>('idle');
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<SignResult | null>(null);
  const pow = useRef<Promise<Solution> | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // The proof of work starts when someone begins to fill in the form (not for every reader).
  const startPow = useCallback(() => {
    const p = fetchChallenge(tenant, declaration.slug).then(async (c) => ({
      challenge: c.challenge,
      nonce: await solveProofOfWork(c.challenge, c.difficulty),
      expiresAt: Date.parse(c.expiresAt),
    }));
    p.catch(() => undefined);
    pow.current = p;
    return p;
  }, [tenant, declaration.slug]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  const validate = (): Errors => {
    const e: Errors = {};
    if (values.organisation.trim().length < 2) e.organisation = t('declaration.sign.errors.organisation');
    if (!values.sector) e.sector = t('declaration.sign.errors.sector');
    if (values.website.trim() && !WEBSITE.test(values.website.trim())) e.website = t('declaration.sign.errors.website');
    if (values.contactName.trim().length < 2) e.contactName = t('declaration.sign.errors.contactName');
    if (!EMAIL.test(values.email.trim())) e.email = t('declaration.sign.errors.email');
    if (values.statement.length > STATEMENT_MAX) e.statement = t('declaration.sign.errors.statement', { max: STATEMENT_MAX });
    if (!values.consent) e.consent = t('declaration.sign.errors.consent');
    if (errors.logo) e.logo = errors.logo;
    return e;
  };

  const focusFirstError = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.sign-form [aria-invalid="true"]')?.focus());

  const onLogo = (file: File | undefined) => {
    setErrors((e) => ({ ...e, logo: undefined }));
    setLogo(null);
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setErrors((e) => ({ ...e, logo: t('declaration.sign.errors.logoType') }));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors((e) => ({ ...e, logo: t('declaration.sign.errors.logoSize') }));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setLogo({ dataUrl: String(reader.result), name: file.name });
    reader.onerror = () => setErrors((e) => ({ ...e, logo: t('declaration.sign.errors.logoRead') }));
    reader.readAsDataURL(file);
  };

  /** Maps a server answer to a field message or a message for the whole form. */
  const showServerError = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setFormError(t((error as Error).message === 'webcrypto-unavailable' ? 'declaration.sign.errors.noCrypto' : 'declaration.sign.errors.network'));
      return;
    }
    const field = (error.field ?? '').replace(/^body\./, '').split('.')[0] as Field | '';
    if (error.status === 409 && (field === 'organisation' || field === 'email')) {
      setErrors({ [field]: t(`declaration.sign.errors.duplicate_${field}`) });
      focusFirstError();
      return;
    }
    if (error.status === 413 || error.status === 415) {
      setErrors({ logo: t(error.status === 413 ? 'declaration.sign.errors.logoSize' : 'declaration.sign.errors.logoType') });
      focusFirstError();
      return;
    }
    if (error.status === 429) return setFormError(t('declaration.sign.errors.rateLimited'));
    if (error.status === 502) return setFormError(t('declaration.sign.errors.mailFailed'));
    if (error.status === 0) return setFormError(t('declaration.sign.errors.network'));
    if (error.status === 400 && field && field in EMPTY && field !== 'honeypot') {
      setErrors({ [field]: t(`declaration.sign.errors.${field}`, { max: STATEMENT_MAX }) });
      focusFirstError();
      return;
    }
    setFormError(t('declaration.sign.errors.generic'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    if (Object.values(found).some(Boolean)) {
      setErrors(found);
      focusFirstError();
      return;
    }
    setPhase('checking');
    try {
      for (let attempt = 0; ; attempt++) {
        let solution = await (pow.current ?? startPow());
        if (solution.expiresAt - Date.now() < 60_000) solution = await startPow();
        setPhase('sending');
        try {
          const result = await postSignature(tenant, declaration.slug, {
            organisation: values.organisation.trim(),
            sector: values.sector,
            website: values.website.trim(),
            contactName: values.contactName.trim(),
            email: values.email.trim(),
            statement: values.statement.trim(),
            consent: true,
            lang,
            honeypot: values.honeypot,
            ...(logo ? { logo: logo.dataUrl } : {}),
            pow: { challenge: solution.challenge, nonce: solution.nonce },
          });
          pow.current = null;
          setDone(result);
          return;
        } catch (error) {
          // A challenge that expired or was used meanwhile: solve a fresh one, once.
          pow.current = null;
          if (attempt === 0 && error instanceof ApiError && error.field === 'pow' && reasonOf(error) !== 'invalid') {
            setPhase('checking');
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      showServerError(error);
    } finally {
      setPhase('idle');
    }
  };

  useEffect(() => {
    if (formError) alertRef.current?.focus();
  }, [formError]);

  if (done) {
    const until = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(done.expiresAt));
    return (
      <div className="notice sign-done" role="status" tabIndex={-1} ref={doneRef}>
        <p>
          <strong>{t('declaration.sign.doneTitle')}</strong>
        </p>
        <p>{t('declaration.sign.doneText', { email: done.email, until })}</p>
        <p>{t('declaration.sign.doneNext')}</p>
      </div>
    );
  }

  const busy = phase !== 'idle';
  return (
    <form className="sign-form" onSubmit={submit} onFocusCapture={() => pow.current ?? startPow()} noValidate aria-describedby="sign-intro">
      <p id="sign-intro">{t('declaration.sign.intro')}</p>
      <p className="hint">{t('declaration.sign.required')}</p>
      <fieldset>
        <legend>{t('declaration.sign.organisationLegend')}</legend>
        <TextInput label={t('declaration.sign.organisation')} required value={values.organisation} onChange={(v) => set('organisation', v)} error={errors.organisation} autoComplete="organization" maxLength={200} />
        <SelectInput label={t('declaration.sign.sector')} required value={values.sector} onChange={(v) => set('sector', v)} error={errors.sector}>
          <option value="">{t('declaration.sign.chooseSector')}</option>
          {declaration.sectors.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </SelectInput>
        <TextInput label={t('declaration.sign.website')} value={values.website} onChange={(v) => set('website', v)} error={errors.website} hint={t('declaration.sign.websiteHint')} type="url" inputMode="url" autoComplete="url" maxLength={300} />
        <TextAreaInput
          label={t('declaration.sign.statement')}
          value={values.statement}
          onChange={(v) => set('statement', v)}
          error={errors.statement}
          hint={t('declaration.sign.statementHint', { count: STATEMENT_MAX - values.statement.length })}
          maxLength={STATEMENT_MAX}
        />
        <FileInput label={t('declaration.sign.logo')} hint={t('declaration.sign.logoHint')} error={errors.logo} inputRef={fileRef} onChange={onLogo} />
        {logo ? (
          <div className="logo-preview">
            <img src={logo.dataUrl} alt={t('declaration.sign.logoPreview')} width="64" height="64" />
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setLogo(null);
                if (fileRef.current) fileRef.current.value = '';
              }}
            >
              {t('declaration.sign.logoRemove')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('declaration.sign.contactLegend')}</legend>
        <p className="hint">{t('declaration.sign.contactHint')}</p>
        <TextInput label={t('declaration.sign.contactName')} required value={values.contactName} onChange={(v) => set('contactName', v)} error={errors.contactName} autoComplete="name" maxLength={200} />
        <TextInput label={t('declaration.sign.email')} required value={values.email} onChange={(v) => set('email', v)} error={errors.email} type="email" inputMode="email" autoComplete="email" maxLength={254} />
      </fieldset>
      {/* Honeypot: invisible for people (and assistive technology), tempting for bots. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor="declaration-subject">{t('declaration.sign.honeypot')}</label>
        <input id="declaration-subject" name="subject" type="text" tabIndex={-1} autoComplete="off" value={values.honeypot} onChange={(e) => set('honeypot', e.target.value)} />
      </div>
      <ConsentInput checked={values.consent} onChange={(v) => set('consent', v)} error={errors.consent} />
      {formError ? (
        <p className="error" role="alert" tabIndex={-1} ref={alertRef}>
          {formError}
        </p>
      ) : null}
      <p className="sign-status" role="status">
        {phase === 'checking' ? t('declaration.sign.checking') : phase === 'sending' ? t('declaration.sign.sending') : ''}
      </p>
      <button type="submit" className="button primary" disabled={busy} aria-disabled={busy}>
        {t('declaration.sign.submit')}
      </button>
    </form>
  );
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

function useFieldIds(props: FieldProps) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Shell({ id, props, children }: { id: string; props: FieldProps; children: ReactNode }) {
  const { t } = useTranslation('civic');
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required"> ({t('declaration.sign.requiredMark')})</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {children}
      {props.error ? (
        <p className="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function TextInput(props: FieldProps & { value: string; onChange: (v: string) => void; type?: string; autoComplete?: string; inputMode?: 'url' | 'email' | 'text'; maxLength?: number }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <Shell id={id} props={props}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
      />
    </Shell>
  );
}

function TextAreaInput(props: FieldProps & { value: string; onChange: (v: string) => void; maxLength: number }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <Shell id={id} props={props}>
      <textarea
        id={id}
        rows={4}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        maxLength={props.maxLength}
      />
    </Shell>
  );
}

function SelectInput(props: FieldProps & { value: string; onChange: (v: string) => void; children: ReactNode }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <Shell id={id} props={props}>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.children}
      </select>
    </Shell>
  );
}

function FileInput(props: FieldProps & { onChange: (file: File | undefined) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const { id, describedBy } = useFieldIds(props);
  return (
    <Shell id={id} props={props}>
      <input
        id={id}
        ref={props.inputRef}
        type="file"
        accept="image/png,image/jpeg"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange(e.target.files?.[0])}
      />
    </Shell>
  );
}

function ConsentInput({ checked, onChange, error }: { checked: boolean; onChange: (v: boolean) => void; error?: string | undefined }) {
  const { t } = useTranslation('civic');
  const { tenant, lang } = useNavigator();
  const id = useId();
  return (
    <div className="form-field consent">
      <div className="consent-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          required
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>
          <Trans t={t} i18nKey="declaration.sign.consent" components={{ privacy: <Link href={`~/${tenant}/${lang}/privacy`} /> }} />
        </label>
      </div>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
