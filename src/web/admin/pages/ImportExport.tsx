// Offer import (always a dry run first; import only when it is clean, all rows or none) and exports.
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferImportReport } from '../../../shared/contracts/importExport.ts';
import { ApiError, api, paths, query } from '../api.ts';
import { ErrorNotice, Notice, PageHeader } from '../components/ui.tsx';
import { useTenant } from '../tenant.tsx';

export function ImportExportPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<OfferImportReport | null>(null);
  const [result, setResult] = useState<OfferImportReport | null>(null);
  const [failed, setFailed] = useState<{ error: unknown; report: OfferImportReport | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.target.files?.[0] ?? null);
    setReport(null);
    setResult(null);
    setFailed(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailed(null);
    setResult(null);
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const res = await api<OfferImportReport>('POST', paths.offerImport(slug) + query({ dryRun: String(dryRun) }), body);
      if (dryRun) setReport(res);
      else {
        setResult(res);
        setReport(null);
      }
    } catch (e) {
      const details = e instanceof ApiError && e.code === 'import_invalid' ? (e.details as OfferImportReport | undefined) : undefined;
      setFailed({ error: e, report: details && Array.isArray(details.errors) ? details : null });
      if (dryRun) setReport(null);
    }
    setBusy(false);
  };

  const clean = report !== null && report.errors.length === 0;
  return (
    <>
      <PageHeader title={t('importExport.title')} />
      <section className="card" aria-labelledby="import-h">
        <h2 id="import-h">{t('importExport.importTitle')}</h2>
        <p>{t('importExport.importIntro')}</p>
        <div className="field">
          <label htmlFor={inputId}>{t('importExport.file')}</label>
          <input id={inputId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} aria-describedby={`${inputId}-hint`} />
          <p className="hint" id={`${inputId}-hint`}>
            {t('importExport.fileHint')}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button secondary" disabled={!file || busy} onClick={() => void send(true)}>
            {t('importExport.dryRun')}
          </button>
          <button type="button" className="button primary" disabled={!clean || busy} aria-describedby="import-why" onClick={() => void send(false)}>
            {t('importExport.import')}
          </button>
        </div>
        <p className="hint" id="import-why">
          {clean ? t('importExport.readyHint') : t('importExport.needsDryRun')}
        </p>
        {busy ? (
          <p role="status" className="loading">
            {t('common.pleaseWait')}
          </p>
        ) : null}
        {report ? <ImportReportView report={report} heading={t('importExport.dryRunResult')} /> : null}
        {result ? (
          <Notice kind="success" focus>
            {t('importExport.imported', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </Notice>
        ) : null}
        {failed ? (
          <>
            <div className="notice notice-error" role="alert" data-testid="import-failed">
              <p>
                <strong>{t('importExport.nothingWritten')}</strong>
              </p>
            </div>
            {failed.report ? <ImportReportView report={failed.report} heading={t('importExport.errorsTitle')} /> : <ErrorNotice error={failed.error} />}
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="export-h">
        <h2 id="export-h">{t('importExport.exportTitle')}</h2>
        <p>{t('importExport.exportIntro')}</p>
        <div className="button-row">
          {(['csv', 'xlsx', 'json'] as const).map((format) => (
            <a key={format} className="button secondary" href={paths.offerExport(slug) + query({ format })} download>
              {t('importExport.export', { format: format.toUpperCase() })}
            </a>
          ))}
        </div>
      </section>
    </>
  );
}

function ImportReportView({ report, heading }: { report: OfferImportReport; heading: string }) {
  const { t } = useTranslation();
  return (
    <div className="import-report" data-testid="import-report">
      <h3>{heading}</h3>
      <ul className="summary-list">
        <li>{t('importExport.rows', { count: report.rows })}</li>
        <li>{t('importExport.wouldCreate', { count: report.created })}</li>
        <li>{t('importExport.wouldUpdate', { count: report.updated })}</li>
        <li>{t('importExport.unchanged', { count: report.unchanged })}</li>
      </ul>
      {report.errors.length === 0 ? (
        <Notice kind="success">{t('importExport.clean')}</Notice>
      ) : (
        <>
          <Notice kind="error">{t('importExport.hasErrors', { count: report.errors.length })}</Notice>
          <IssueTable issues={report.errors} caption={t('importExport.errorsCaption')} testId="import-errors" />
        </>
      )}
      {report.warnings.length ? <IssueTable issues={report.warnings} caption={t('importExport.warningsCaption')} testId="import-warnings" /> : null}
    </div>
  );
}

function IssueTable({ issues, caption, testId }: { issues: OfferImportReport['errors']; caption: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('importExport.row')}
            </th>
            <th scope="col">{t('importExport.field')}</th>
            <th scope="col">{t('importExport.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i) => (
            <tr key={`${i.row}-${i.field}-${i.message}`}>
              <td className="num">{i.row}</td>
              <td>
                <code>{i.field}</code>
              </td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
