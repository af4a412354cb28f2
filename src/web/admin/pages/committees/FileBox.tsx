// Files of a paper, meeting or agenda item: list with download and delete, upload with role.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminFile, COMMITTEE_FILE_TYPES, type FileRole } from '../../../../shared/contracts/committees.ts';
import { api, query } from '../../api.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice } from './errors.tsx';
import { committeePaths, formatSize } from './committeesApi.ts';

const ACCEPT = '.pdf,.odt,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg';

export function FileBox(props: {
  /** Heading text; the box is a labelled region. */
  title: string;
  parent: { paperId: string } | { meetingId: string } | { agendaItemId: string };
  roles: FileRole[];
  files: AdminFile[];
  onChanged: () => void;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<FileRole>(props.roles[0]!);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const Heading = `h${props.headingLevel ?? 3}` as 'h3';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      await api('POST', committeePaths.files(slug) + query({ ...props.parent, role, name: name.trim() || undefined }), form);
      if (input.current) input.current.value = '';
      setName('');
      props.onChanged();
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  const remove = async (f: AdminFile) => {
    if (!window.confirm(t('files.confirmDelete', { name: f.name }))) return;
    try {
      await api('DELETE', committeePaths.file(slug, f.id));
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="file-box" aria-labelledby={headingId}>
      <Heading id={headingId}>{props.title}</Heading>
      <ErrorNotice error={error} />
      {props.files.length ? (
        <ul className="plain-list">
          {props.files.map((f) => (
            <li key={f.id}>
              <a href={committeePaths.fileContent(slug, f.id)} download={f.fileName}>
                {f.name}
              </a>{' '}
              <span className="hint">
                ({t(`fileRole.${f.role}`)}, {COMMITTEE_FILE_TYPES[f.mimeType as keyof typeof COMMITTEE_FILE_TYPES]?.toUpperCase() ?? f.mimeType}, {formatSize(f.size, i18n.language)})
              </span>{' '}
              <button type="button" className="button danger small" onClick={() => void remove(f)}>
                {ta('common.delete')}
                <span className="visually-hidden"> – {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('files.none')}</p>
      )}
      <form onSubmit={submit} noValidate className="upload-form">
        <div className="field">
          <label htmlFor={inputId}>{t('files.choose')}</label>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-invalid={missing ? true : undefined}
            aria-describedby={`${inputId}-hint${missing ? ` ${inputId}-error` : ''}`}
            onChange={() => setMissing(false)}
          />
          <p className="hint" id={`${inputId}-hint`}>
            {t('files.hint')}
          </p>
          {missing ? (
            <p className="field-error" id={`${inputId}-error`}>
              {t('files.missing')}
            </p>
          ) : null}
        </div>
        {props.roles.length > 1 ? (
          <SelectField label={t('files.role')} value={role} onChange={(r) => setRole(r as FileRole)} options={props.roles.map((r) => ({ value: r, label: t(`fileRole.${r}`) }))} />
        ) : null}
        <TextField label={t('files.name')} value={name} onChange={setName} hint={t('files.nameHint')} />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? ta('common.pleaseWait') : t('files.upload')}
        </button>
      </form>
    </section>
  );
}
