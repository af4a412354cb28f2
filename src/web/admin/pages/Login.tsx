// Sign-in with e-mail and password, then (if enabled) the one-time code of the authenticator app.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, api, paths } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { LanguageSwitch } from '../components/Layout.tsx';
import { Notice } from '../components/ui.tsx';
import { focusFirstError, type FieldErrors } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useSession } from '../session.tsx';

interface SignInMethods {
  password: true;
  oidc: { enabled: boolean; name: string };
}

export function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="brand">
          <span className="logo" aria-hidden="true">
            L
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-card">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}

function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const { reload } = useSession();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const methods = useApi<SignInMethods>(paths.auth.methods);
  const sso = methods.data?.oidc.enabled ? methods.data.oidc.name : null;
  document.title = `${t('login.title')} – Lotse`;

  const finish = async () => {
    const me = await reload();
    if (me) navigate(safeNext(search));
  };

  const explain = (e: unknown): string => {
    if (e instanceof ApiError) {
      if (e.status === 429) return t('errors.rate_limited');
      if (e.status === 401 || (step === 'code' && e.status < 500)) return step === 'code' ? t('login.badCode') : t('login.badCredentials');
      if (e.status === 403) return `${t('login.refused')} ${e.message}`;
      if (e.status === 0) return t('errors.network');
    }
    return t('errors.internal');
  };

  const submitPassword = async (ev: FormEvent) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    if (!email.trim()) errs.email = t('validation.required');
    if (!password) errs.password = t('validation.required');
    setErrors(errs);
    setMessage(null);
    if (Object.keys(errs).length) return focusFirstError(errs);
    setBusy(true);
    try {
      const res = await api<{ twoFactorRedirect?: boolean }>('POST', paths.auth.signIn, { email: email.trim(), password }, { quiet: true });
      if (res?.twoFactorRedirect) {
        setStep('code');
        setBusy(false);
        requestAnimationFrame(() => document.getElementById('page-title')?.focus());
        return;
      }
      await finish();
    } catch (e) {
      setMessage(explain(e));
    }
    setBusy(false);
  };

  /** Single sign-on: the server answers with the identity provider's address; the browser goes there. */
  const startSso = async () => {
    if (!sso) return;
    setMessage(null);
    setBusy(true);
    try {
      const res = await api<{ url?: string }>('POST', paths.auth.signInSocial, { provider: 'oidc', callbackURL: '/admin/' }, { quiet: true });
      if (res?.url) {
        window.location.assign(res.url);
        return;
      }
      setMessage(t('login.ssoFailed', { name: sso }));
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 429 ? t('errors.rate_limited') : t('login.ssoFailed', { name: sso }));
    }
    setBusy(false);
  };

  const submitCode = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setErrors({ code: t('login.codeFormat') });
      return focusFirstError({ code: 'x' });
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      await api('POST', paths.auth.verifyTotp, { code: code.trim() }, { quiet: true });
      await finish();
    } catch (e) {
      setMessage(explain(e));
    }
    setBusy(false);
  };

  return (
    <AuthFrame title={step === 'password' ? t('login.title') : t('login.codeTitle')}>
      {message ? <Notice kind="error">{message}</Notice> : null}
      {step === 'password' ? (
        <form onSubmit={submitPassword} noValidate>
          <p className="lead">{t('login.intro')}</p>
          {sso ? (
            <>
              <button type="button" className="button primary wide" disabled={busy} onClick={() => void startSso()}>
                {t('login.sso', { name: sso })}
              </button>
              <p className="auth-or">{t('login.ssoOr')}</p>
            </>
          ) : null}
          <TextField label={t('fields.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.email} required />
          <TextField label={t('fields.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} required />
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? t('common.pleaseWait') : t('login.submit')}
          </button>
          <p className="auth-links">
            <Link href="/forgot-password">{t('login.forgot')}</Link>
          </p>
        </form>
      ) : (
        <form onSubmit={submitCode} noValidate>
          <p className="lead">{t('login.codeIntro')}</p>
          <TextField label={t('fields.totpCode')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} error={errors.code} required />
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? t('common.pleaseWait') : t('login.verify')}
          </button>
          <p className="auth-links">
            <button type="button" className="linklike" onClick={() => setStep('password')}>
              {t('login.back')}
            </button>
          </p>
        </form>
      )}
    </AuthFrame>
  );
}
