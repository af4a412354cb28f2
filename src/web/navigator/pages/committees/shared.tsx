// Pieces of the public committee pages: loading states, dates in Berlin time, file links.
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { COMMITTEE_FILE_TYPES, type PublicFile } from '../../../../shared/contracts/committees.ts';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { cachedFormat } from '../../context.ts';
import { CommitteeApiError } from './api.ts';

export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** Loads once per key; aborts when the key changes. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key and the attempt decide when to load.
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ state: 'loading' });
    load(ctrl.signal).then(
      (value) => setState({ state: 'ready', value }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ state: 'error', error });
      },
    );
    return () => ctrl.abort();
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/** Loading, not found or failed: the page says which. */
export function LoadState({ load, retry }: { load: Load<unknown>; retry: () => void }) {
  const { t } = useTranslation('civic');
  useDocumentTitle(load.state === 'error' && load.error instanceof CommitteeApiError && load.error.status === 404 ? t('committees.notFound') : t('committees.title'));
  if (load.state === 'loading') {
    return (
      <div className="page narrow">
        <p role="status">{t('committees.loading')}</p>
      </div>
    );
  }
  if (load.state === 'error' && load.error instanceof CommitteeApiError && (load.error.status === 404 || load.error.status === 400)) {
    return (
      <div className="page narrow">
        <PageHeading>{t('committees.notFound')}</PageHeading>
        <p>{t('committees.notFoundText')}</p>
        <p>
          <Link href="/">{t('committees.backToList')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <PageHeading>{t('committees.title')}</PageHeading>
      <p role="alert">{t('committees.loadError')}</p>
      <button type="button" className="button" onClick={retry}>
        {t('committees.retry')}
      </button>
    </div>
  );
}

/** Meetings are local events: always shown in Berlin time. */
export function meetingTime(iso: string, lang: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }): string {
  const key = `committee:${lang}:${JSON.stringify(options)}`;
  try {
    return cachedFormat(key, () => new Intl.DateTimeFormat(lang, { ...options, timeZone: 'Europe/Berlin' })).format(new Date(iso));
  } catch {
    return iso;
  }
}

export function calendarDate(date: string, lang: string): string {
  try {
    return cachedFormat(`committee-date:${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

function size(bytes: number, lang: string): string {
  const nf = cachedFormat(`committee-size:${lang}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }));
  return bytes < 1024 * 1024 ? `${nf.format(Math.max(1, bytes / 1024))} KB` : `${nf.format(bytes / 1024 / 1024)} MB`;
}

export function FileList({ files, label }: { files: PublicFile[]; label: string }) {
  const { t, i18n } = useTranslation('civic');
  if (!files.length) return null;
  return (
    <ul className="committee-files" aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.accessUrl}>
            {f.name}
            <span className="visually-hidden"> ({t(`committees.fileRole.${f.role}`)})</span>
          </a>{' '}
          <span className="hint">
            {t(`committees.fileRole.${f.role}`)} · {(COMMITTEE_FILE_TYPES[f.mimeType as keyof typeof COMMITTEE_FILE_TYPES] ?? 'file').toUpperCase()}, {size(f.size, i18n.language)} ·{' '}
            <a href={f.downloadUrl}>
              {t('committees.download')}
              <span className="visually-hidden"> – {f.name}</span>
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Back({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link href={href}>{children}</Link>
    </p>
  );
}
