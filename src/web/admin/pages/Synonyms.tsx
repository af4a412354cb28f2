// Search synonyms: groups of terms that find each other (e.g. "Kita, Kindergarten, Kindertagesstätte").
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminSynonymGroup, synonymInput } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';

const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function SynonymsPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const list = useApi<{ items: AdminSynonymGroup[] }>(paths.synonyms(slug));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = (msg: string) => {
    setMessage(msg);
    list.reload();
  };
  const remove = async (g: AdminSynonymGroup) => {
    if (!window.confirm(t('synonyms.confirmDelete', { terms: g.terms.join(', ') }))) return;
    try {
      await api('DELETE', paths.synonym(slug, g.id));
      done(t('taxonomy.deleted'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader title={t('synonyms.title')} />
      <p className="lead">{t('synonyms.intro')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={error} />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      <SynonymForm group={null} onDone={done} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <ul className="synonyms">
          {list.data.items.map((g) => (
            <li key={g.id} className="card">
              <SynonymForm key={g.updatedAt} group={g} onDone={done} onDelete={() => void remove(g)} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function SynonymForm({ group, onDone, onDelete }: { group: AdminSynonymGroup | null; onDone: (msg: string) => void; onDelete?: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [text, setText] = useState(group?.terms.join(', ') ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const checked = validate(synonymInput, { terms: split(text) }, t);
    if (checked.errors) {
      setErrors({ terms: Object.values(checked.errors)[0] ?? '' });
      return;
    }
    setErrors({});
    try {
      if (group) await api('PUT', paths.synonym(slug, group.id), checked.data);
      else {
        await api('POST', paths.synonyms(slug), checked.data);
        setText('');
      }
      onDone(t('common.savedOk'));
    } catch (e) {
      const fe = apiFieldError(e, t);
      setErrors(fe.terms || Object.keys(fe).length ? { terms: Object.values(fe)[0] ?? '' } : {});
      setError(e);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <ErrorNotice error={error} />
      <TextField label={group ? t('synonyms.terms') : t('synonyms.newGroup')} value={text} onChange={setText} error={errors.terms} hint={t('synonyms.hint')} />
      <div className="button-row">
        <button type="submit" className="button primary small">
          {group ? t('common.save') : t('synonyms.add')}
        </button>
        {onDelete ? (
          <button type="button" className="button danger small" onClick={onDelete}>
            {t('common.delete')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
