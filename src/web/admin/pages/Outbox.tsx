// The mail outbox: mails the system sent or queued (visible without SMTP, for development and checks).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxPage as OutboxPageData } from '../../../shared/contracts/mail.ts';
import { paths, query } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader, Pager, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<OutboxPageData>(paths.outbox(slug) + query({ status, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('outbox.title')} />
      <div className="filters">
        <SelectField
          label={t('fields.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[{ value: '', label: t('common.all') }, ...(['outbox', 'sent', 'failed'] as const).map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))]}
        />
      </div>
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {!data.data && !data.error ? <Loading /> : null}
      {data.data ? (
        <>
          {data.data.items.length === 0 ? <p>{t('common.noResults')}</p> : null}
          <ul className="mail-list">
            {data.data.items.map((m) => (
              <li key={m.id} className="card">
                <details>
                  <summary>
                    <strong>{m.subject}</strong> – {m.to} · {t(`outbox.status.${m.status}`)} · {formatDateTime(m.createdAt, i18n.language)}
                  </summary>
                  <pre className="mail-text">{m.text}</pre>
                </details>
              </li>
            ))}
          </ul>
          <Pager page={data.data.page} pageSize={data.data.pageSize} total={data.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
