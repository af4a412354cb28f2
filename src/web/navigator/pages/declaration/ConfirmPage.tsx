// The page behind the e-mail link (/erklaerung/bestaetigen#token=…). The token travels in the
// fragment, so it never reaches server logs; confirming needs a click, so mail scanners that open
// links do not confirm on their own.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ConfirmResult } from '../../../../shared/contracts/declaration.ts';
import { ApiError } from '../../api.ts';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { useNavigator } from '../../context.ts';
import { postConfirmation, reasonOf } from './api.ts';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function tokenFromHash(): string | null {
  const value = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  return value && TOKEN.test(value) ? value : null;
}

type State = { kind: 'ready' } | { kind: 'sending' } | { kind: 'done'; result: ConfirmResult } | { kind: 'error'; message: string; resign: boolean; retry: boolean };

export function ConfirmPage() {
  const { t } = useTranslation('civic');
  const { tenant, lang } = useNavigator();
  const [token] = useState(tokenFromHash);
  const [state, setState] = useState<State>({ kind: 'ready' });
  const resultRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('declaration.confirm.title'));

  // The token stays in memory only: out of the address bar and the browser history.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'error') resultRef.current?.focus();
  }, [state.kind]);

  const confirm = async () => {
    if (!token) return;
    setState({ kind: 'sending' });
    try {
      setState({ kind: 'done', result: await postConfirmation(tenant, token) });
    } catch (error) {
      const reason = error instanceof ApiError && error.status === 400 ? reasonOf(error) : undefined;
      if (reason === 'expired') setState({ kind: 'error', message: t('declaration.confirm.expired'), resign: true, retry: false });
      else if (error instanceof ApiError && error.status === 400) setState({ kind: 'error', message: t('declaration.confirm.invalid'), resign: false, retry: false });
      else setState({ kind: 'error', message: t('declaration.confirm.failed'), resign: false, retry: true });
    }
  };

  return (
    <div className="page narrow declaration">
      <PageHeading>{t('declaration.confirm.title')}</PageHeading>
      {!token ? (
        <>
          <p role="alert">{t('declaration.confirm.noToken')}</p>
          <p>
            <Link href="/">{t('declaration.confirm.toDeclaration')}</Link>
          </p>
        </>
      ) : state.kind === 'done' ? (
        <div className="notice" role="status" tabIndex={-1} ref={resultRef}>
          <p>
            <strong>{t('declaration.confirm.doneTitle')}</strong>
          </p>
          <p>{t('declaration.confirm.doneText', { organisation: state.result.organisation, title: state.result.declarationTitle })}</p>
          <p>
            <Link href={`/${state.result.declarationSlug}`}>{t('declaration.confirm.toDeclaration')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>{t('declaration.confirm.intro')}</p>
          {state.kind === 'error' ? (
            <div className="error-box" role="alert" tabIndex={-1} ref={resultRef}>
              <p className="error">{state.message}</p>
              <p>
                {state.resign ? (
                  <a href={`/${tenant}/${lang}/erklaerung#unterzeichnen`}>{t('declaration.confirm.signAgain')}</a>
                ) : (
                  <Link href="/">{t('declaration.confirm.toDeclaration')}</Link>
                )}
              </p>
            </div>
          ) : null}
          {state.kind === 'error' && !state.retry ? null : (
            <button type="button" className="button primary" onClick={() => void confirm()} disabled={state.kind === 'sending'}>
              {state.kind === 'sending' ? t('declaration.confirm.sending') : t('declaration.confirm.button')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
