// Two-factor login: set up (password → otpauth URI + QR + backup codes → confirm with a code) or switch off.
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { ApiError, api, paths } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { encodeQr, qrSvgPath } from '../components/qrcode.ts';
import { ErrorNotice, Notice, PageHeader } from '../components/ui.tsx';
import { focusFirstError } from '../forms.ts';
import { useMe, useSession } from '../session.tsx';

function QrCode({ text, label }: { text: string; label: string }) {
  const qr = useMemo(() => {
    const m = encodeQr(text);
    return m ? qrSvgPath(m) : null;
  }, [text]);
  if (!qr) return null;
  return (
    <svg className="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}

function secretOf(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { reload } = useSession();
  const required = new URLSearchParams(useSearch()).get('required') === '1' || (me.twoFactorRequired && !me.twoFactorEnabled);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  const [fieldError, setFieldError] = useState<{ password?: string; code?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const wrongPassword = (e: unknown) => e instanceof ApiError && (e.status === 400 || e.status === 401);

  const start = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!password) {
      setFieldError({ password: t('validation.required') });
      return focusFirstError({ password: 'x' });
    }
    setBusy(true);
    setError(null);
    setFieldError({});
    try {
      const res = await api<{ totpURI: string; backupCodes: string[] }>('POST', paths.auth.enable2fa, { password }, { quiet: true });
      setSetup(res);
      setPassword('');
    } catch (e) {
      if (wrongPassword(e)) {
        setFieldError({ password: t('security.wrongPassword') });
        focusFirstError({ password: 'x' });
      } else setError(e);
    }
    setBusy(false);
  };

  const confirm = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldError({ code: t('login.codeFormat') });
      return focusFirstError({ code: 'x' });
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', paths.auth.verifyTotp, { code: code.trim() }, { quiet: true });
      setSetup(null);
      setCode('');
      setSuccess(t('security.enabled'));
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) {
        setFieldError({ code: t('login.badCode') });
        focusFirstError({ code: 'x' });
      } else setError(e);
    }
    setBusy(false);
  };

  const disable = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!password) {
      setFieldError({ password: t('validation.required') });
      return focusFirstError({ password: 'x' });
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', paths.auth.disable2fa, { password }, { quiet: true });
      setPassword('');
      setSuccess(t('security.disabled'));
      await reload();
    } catch (e) {
      if (wrongPassword(e)) {
        setFieldError({ password: t('security.wrongPassword') });
        focusFirstError({ password: 'x' });
      } else setError(e);
    }
    setBusy(false);
  };

  return (
    <>
      <PageHeader title={t('security.title')} />
      {required && !me.twoFactorEnabled ? <Notice kind="warning">{t('security.requiredNotice')}</Notice> : null}
      {success ? <Notice kind="success">{success}</Notice> : null}
      <ErrorNotice error={error} />
      <section className="card narrow">
        <h2>{t('security.twoFactor')}</h2>
        <p>
          {t('security.status')}: <strong>{me.twoFactorEnabled ? t('security.on') : t('security.off')}</strong>
        </p>
        {!me.twoFactorEnabled && !setup ? (
          <form onSubmit={start} noValidate>
            <p>{t('security.intro')}</p>
            <TextField label={t('fields.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fieldError.password} required />
            <button type="submit" className="button primary" disabled={busy}>
              {t('security.start')}
            </button>
          </form>
        ) : null}
        {setup ? (
          <div className="twofa-setup">
            <ol className="steps">
              <li>
                <p>{t('security.scan')}</p>
                <QrCode text={setup.totpURI} label={t('security.qrLabel')} />
                <p>{t('security.manual')}</p>
                <dl className="kv">
                  <dt>{t('security.secret')}</dt>
                  <dd>
                    <code className="secret">{secretOf(setup.totpURI)}</code>
                  </dd>
                  <dt>{t('security.uri')}</dt>
                  <dd>
                    <code className="break">{setup.totpURI}</code>
                  </dd>
                </dl>
              </li>
              <li>
                <p>{t('security.backupIntro')}</p>
                <ul className="backup-codes">
                  {setup.backupCodes.map((c) => (
                    <li key={c}>
                      <code>{c}</code>
                    </li>
                  ))}
                </ul>
              </li>
              <li>
                <form onSubmit={confirm} noValidate>
                  <TextField label={t('fields.totpCode')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} error={fieldError.code} required />
                  <button type="submit" className="button primary" disabled={busy}>
                    {t('security.confirm')}
                  </button>
                </form>
              </li>
            </ol>
          </div>
        ) : null}
        {me.twoFactorEnabled ? (
          <form onSubmit={disable} noValidate>
            <p>{me.twoFactorRequired ? t('security.requiredCannotDisable') : t('security.disableIntro')}</p>
            <TextField label={t('fields.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fieldError.password} required />
            <button type="submit" className="button danger" disabled={busy || me.twoFactorRequired}>
              {t('security.disable')}
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}
