// Case tab "Dokumente": upload (type, expiry date, reminder), list with expiry badges, download
// (the server logs every download), correction of type/expiry, deletion.
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDocument, type CaseDocumentList, DOCUMENT_MIME_TYPES, DOCUMENT_TYPES } from '../../../../shared/contracts/caseJournal.ts';
import { api } from '../../api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { ChangeNotice, ExpiryBadge, FormError, formatDateTime, formatDay, formatSize, journalPaths, useChangeNotice, useJournalErrors } from './journalUi.tsx';

const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.odt', '.docx', ...Object.keys(DOCUMENT_MIME_TYPES)].join(',');

export default function DocumentsTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const list = useApi<CaseDocumentList>(journalPaths.documents(slug, caseId));
  const { message, done } = useChangeNotice(list.reload);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documents.title')}</h2>
      <ChangeNotice message={message} />
      <UploadForm caseId={caseId} onUploaded={() => done(t('documents.uploaded'))} />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('documents.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('documents.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.docType')}</th>
                  <th scope="col">{t('fields.filename')}</th>
                  <th scope="col">{t('documents.uploadedAt')}</th>
                  <th scope="col">{t('fields.expiresOn')}</th>
                  <th scope="col">{t('documents.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <DocumentRow key={d.id} caseId={caseId} doc={d} onChanged={done} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

function DocumentRow({ caseId, doc, onChanged }: { caseId: string; doc: CaseDocument; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const { text } = useJournalErrors();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language;
  const remove = async () => {
    if (!window.confirm(t('documents.confirmDelete', { name: doc.filename }))) return;
    setError(null);
    try {
      await api('DELETE', journalPaths.document(slug, caseId, doc.id));
      onChanged(t('documents.deleted'));
    } catch (e) {
      setError(text(e));
    }
  };
  return (
    <>
      <tr>
        <td>{t(`docTypes.${doc.docType}`)}</td>
        <td>
          {doc.filename}
          <span className="meta"> ({DOCUMENT_MIME_TYPES[doc.mimeType].toUpperCase()}, {formatSize(doc.sizeBytes, lang)})</span>
        </td>
        <td>
          {formatDateTime(doc.createdAt, lang)}
          <span className="meta"> – {doc.uploadedByName}</span>
        </td>
        <td>
          {formatDay(doc.expiresOn, lang)} <ExpiryBadge doc={doc} />
        </td>
        <td className="actions">
          <a className="button secondary small" href={journalPaths.documentContent(slug, caseId, doc.id)} download>
            {t('documents.download')}
            <span className="visually-hidden"> – {doc.filename}</span>
          </a>{' '}
          <button type="button" className="button secondary small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {t('documents.edit')}
            <span className="visually-hidden"> – {doc.filename}</span>
          </button>{' '}
          <button type="button" className="button danger small" onClick={() => void remove()}>
            {t('documents.delete')}
            <span className="visually-hidden"> – {doc.filename}</span>
          </button>
          <FormError message={error ?? undefined} />
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={5}>
            <DocumentEditForm
              caseId={caseId}
              doc={doc}
              onDone={() => {
                setEditing(false);
                onChanged(t('documents.saved'));
              }}
              onCancel={() => setEditing(false)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function UploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const { fieldErrors } = useJournalErrors();
  const headingId = useId();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [docType, setDocType] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [remind, setRemind] = useState('30');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: FieldErrors = {};
    if (!file) found.file = t('errors.fields.file');
    if (!docType) found.docType = t('errors.fields.docType');
    if (remind && (!/^\d+$/.test(remind) || Number(remind) > 365)) found.remindBeforeDays = t('errors.fields.remindBeforeDays');
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    const body = new FormData();
    body.append('docType', docType);
    if (expiresOn) body.append('expiresOn', expiresOn);
    if (remind) body.append('remindBeforeDays', remind);
    body.append('file', file!, file!.name);
    setBusy(true);
    try {
      await api('POST', journalPaths.documents(slug, caseId), body);
      setFile(null);
      setDocType('');
      setExpiresOn('');
      if (fileInput.current) fileInput.current.value = '';
      setErrors({});
      onUploaded();
    } catch (e) {
      const fe = fieldErrors(e, ['file', 'docType', 'expiresOn', 'remindBeforeDays']);
      setErrors(fe);
      focusFirstError(fe);
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${fileId}-hint`, errors.file ? `${fileId}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="card journal-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('documents.uploadTitle')}</h3>
      <FormError message={errors._form} />
      <div className="field">
        <label htmlFor={fileId}>
          {t('fields.file')}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          accept={ACCEPT}
          required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors(({ file: _gone, ...rest }) => rest);
          }}
        />
        <p className="hint" id={`${fileId}-hint`}>
          {t('documents.fileHint')}
        </p>
        {errors.file ? (
          <p className="field-error" id={`${fileId}-error`}>
            {errors.file}
          </p>
        ) : null}
      </div>
      <div className="form-grid">
        <SelectField
          label={t('fields.docType')}
          value={docType}
          onChange={setDocType}
          error={errors.docType}
          required
          options={[{ value: '', label: t('entries.choose') }, ...DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`docTypes.${d}`) }))]}
        />
        <TextField label={t('fields.expiresOn')} type="date" value={expiresOn} onChange={setExpiresOn} error={errors.expiresOn} />
        <TextField
          label={t('fields.remindBeforeDays')}
          type="number"
          inputMode="numeric"
          value={remind}
          onChange={setRemind}
          error={errors.remindBeforeDays}
          hint={t('documents.remindHint')}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('documents.uploading') : t('documents.upload')}
        </button>
      </div>
    </form>
  );
}

function DocumentEditForm({ caseId, doc, onDone, onCancel }: { caseId: string; doc: CaseDocument; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const { fieldErrors } = useJournalErrors();
  const [docType, setDocType] = useState<string>(doc.docType);
  const [expiresOn, setExpiresOn] = useState(doc.expiresOn ?? '');
  const [remind, setRemind] = useState(String(doc.remindBeforeDays));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!/^\d+$/.test(remind) || Number(remind) > 365) {
      setErrors({ remindBeforeDays: t('errors.fields.remindBeforeDays') });
      return;
    }
    try {
      await api('PATCH', journalPaths.document(slug, caseId, doc.id), {
        version: doc.version,
        docType,
        expiresOn: expiresOn || null,
        remindBeforeDays: Number(remind),
      });
      onDone();
    } catch (e) {
      const fe = fieldErrors(e, ['docType', 'expiresOn', 'remindBeforeDays']);
      setErrors(fe);
      focusFirstError(fe);
    }
  };
  return (
    <form className="inline-form journal-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('documents.editTitle', { name: doc.filename })}>
      <FormError message={errors._form} />
      <div className="form-grid">
        <SelectField
          label={t('fields.docType')}
          value={docType}
          onChange={setDocType}
          error={errors.docType}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`docTypes.${d}`) }))}
        />
        <TextField label={t('fields.expiresOn')} type="date" value={expiresOn} onChange={setExpiresOn} error={errors.expiresOn} />
        <TextField label={t('fields.remindBeforeDays')} type="number" inputMode="numeric" value={remind} onChange={setRemind} error={errors.remindBeforeDays} />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary small">
          {t('common.save')}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
