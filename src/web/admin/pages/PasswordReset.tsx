// Forgotten password: request a mail, then set a new password from the mail's link (?token=…).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { ApiError, api, paths } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { Notice } from '../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../forms.ts';
import { AuthFrame } from './Login.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  document.title = `${t('reset.requestTitle')} – Lotse`;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(t('validation.email'));
      return focusFirstError({ email: 'x' });
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', paths.auth.requestReset, { email: email.trim(), redirectTo: `${window.location.origin}/admin/reset-password` }, { quiet: true });
      setSent(true);
    } catch (e) {
      setFailure(e instanceof ApiError && e.status === 429 ? t('errors.rate_limited') : t('errors.internal'));
    }
    setBusy(false);
  };

  return (
    <AuthFrame title={t('reset.requestTitle')}>
      {sent ? (
        <Notice kind="success">{t('reset.sent')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="lead">{t('reset.requestIntro')}</p>
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          <TextField label={t('fields.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={error} required />
          <button type="submit" className="button primary wide" disabled={busy}>
            {t('reset.send')}
          </button>
        </form>
      )}
      <p className="auth-links">
        <Link href="/login">{t('reset.toLogin')}</Link>
      </p>
    </AuthFrame>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const token = search.get('token');
  const linkError = search.get('error');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  document.title = `${t('reset.title')} – Lotse`;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const errs: FieldErrors = {};
    if (password.length < 12) errs.password = t('validation.minLength', { count: 12 });
    if (repeat !== password) errs.repeat = t('reset.mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) return focusFirstError(errs);
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', paths.auth.resetPassword, { newPassword: password, token }, { quiet: true });
      setDone(true);
    } catch (e) {
      setFailure(e instanceof ApiError && e.status === 429 ? t('errors.rate_limited') : t('reset.failed'));
    }
    setBusy(false);
  };

  if (!token || linkError) {
    return (
      <AuthFrame title={t('reset.title')}>
        <Notice kind="error">{t('reset.invalidLink')}</Notice>
        <p className="auth-links">
          <Link href="/forgot-password">{t('reset.requestAgain')}</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('reset.title')}>
      {done ? (
        <>
          <Notice kind="success">{t('reset.done')}</Notice>
          <p className="auth-links">
            <Link href="/login">{t('reset.toLogin')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          <TextField
            label={t('reset.newPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            hint={t('reset.passwordHint')}
            required
          />
          <TextField label={t('reset.repeat')} type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors.repeat} required />
          <button type="submit" className="button primary wide" disabled={busy}>
            {t('reset.save')}
          </button>
        </form>
      )}
    </AuthFrame>
  );
}
