// Shared presentation pieces: notices, API error messages, badges, paging, page header.
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api.ts';
import { translateMessage } from '../forms.ts';

/** The page's heading; the window title (kept in the browser's history) is `documentTitle` when the heading names a person. */
export function PageHeader({ title, children, documentTitle }: { title: string; children?: ReactNode; documentTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} – Lotse`;
  }, [title, documentTitle]);
  return (
    <div className="page-header">
      <h1 ref={ref} tabIndex={-1} id="page-title">
        {title}
      </h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

export function Notice({ kind = 'info', children, focus }: { kind?: 'info' | 'success' | 'error' | 'warning'; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} tabIndex={focus ? -1 : undefined} className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A clear, translated message for any API error (by code), with the server's detail. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const code = e?.code ?? 'internal';
  const known = t(`errors.${code}`, { defaultValue: '' });
  const title = known || t('errors.internal');
  const detail = e && e.message && !e.message.startsWith('HTTP ') ? translateMessage(e.message, t) : null;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}</strong>
        {detail && detail !== title ? <> {detail}</> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`offerStatus.${status}`, { defaultValue: status })}</span>;
}

export function TranslationBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge tr-${status}`}>{t(`translationStatus.${status}`, { defaultValue: status })}</span>;
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('common.paging')}>
      <p aria-live="polite">{t('common.range', { from, to, total })}</p>
      <div>
        <button type="button" className="button secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('common.previous')}
        </button>
        <span>{t('common.pageOf', { page, pages })}</span>
        <button type="button" className="button secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.forbidden')} />
      <Notice kind="error">{t('errors.forbiddenText')}</Notice>
    </>
  );
}

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back">
      <Link href={href}>← {children}</Link>
    </p>
  );
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Renders any JSON-ish value of a diff readably. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
