// Idle timeout of case views (client side; the server enforces the same limit on every case request):
// after `me.caseIdleTimeoutMinutes` without keyboard, pointer or touch activity the account is signed
// out and sent to the login. One minute before, a warning offers to continue. While the person is
// active, a keep-alive request tells the server (at most once a minute), so both clocks agree.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api } from '../api.ts';
import { useMe, useSession } from '../session.tsx';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;
const WARN_BEFORE_MS = 60_000;
const KEEP_ALIVE_EVERY_MS = 60_000;

export function CaseIdleTimeout() {
  const me = useMe();
  const minutes = me.caseIdleTimeoutMinutes;
  if (!minutes) return null;
  return <IdleTimer timeoutMs={minutes * 60_000} />;
}

function IdleTimer({ timeoutMs }: { timeoutMs: number }) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const { signOut } = useSession();
  const [location, navigate] = useLocation();
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const [remaining, setRemaining] = useState<number | null>(null);
  const warningRef = useRef<HTMLButtonElement>(null);
  const warned = remaining !== null;
  const warnedRef = useRef(false);
  warnedRef.current = warned;

  const ping = useCallback(() => {
    lastPing.current = Date.now();
    api('POST', casePaths.keepAlive(slug)).catch(() => {
      /* a 401 is announced by api() and leads to the login */
    });
  }, [slug]);

  const stayActive = useCallback(() => {
    lastActivity.current = Date.now();
    setRemaining(null);
    ping();
  }, [ping]);

  // Activity resets the clock (not while the warning is shown: then only the button counts).
  useEffect(() => {
    const onActivity = () => {
      if (warnedRef.current) return;
      lastActivity.current = Date.now();
      if (Date.now() - lastPing.current > KEEP_ALIVE_EVERY_MS) ping();
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity);
    };
  }, [ping]);

  useEffect(() => {
    const id = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= timeoutMs) {
        window.clearInterval(id);
        void signOut().finally(() => navigate(`~/admin/login?next=${encodeURIComponent(`/${slug}/cases`)}&idle=1`));
        return;
      }
      setRemaining(idle >= timeoutMs - WARN_BEFORE_MS ? Math.ceil((timeoutMs - idle) / 1000) : null);
    }, 1000);
    return () => window.clearInterval(id);
  }, [timeoutMs, signOut, navigate, slug]);

  // Navigating between case pages is activity too (the server saw a request).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on location change only
  useEffect(() => {
    lastActivity.current = Date.now();
    lastPing.current = Date.now();
  }, [location]);

  useEffect(() => {
    if (warned) warningRef.current?.focus();
  }, [warned]);

  if (remaining === null) return null;
  return (
    <div className="idle-dialog" role="alertdialog" aria-modal="false" aria-labelledby="idle-title" aria-describedby="idle-text">
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-text">
        {t('idle.text', { count: remaining })}
      </p>
      <button ref={warningRef} type="button" className="button primary" onClick={stayActive}>
        {t('idle.stay')}
      </button>
    </div>
  );
}
