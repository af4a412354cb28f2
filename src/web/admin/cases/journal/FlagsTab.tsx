// Case tab "Hinweise": flags with their reasons (safeguarding, health, deadline, interpreter
// needed …); set a flag, resolve it with a note; resolved flags stay visible below.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseFlag, type CaseFlagList, FLAG_KINDS } from '../../../../shared/contracts/caseJournal.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea } from '../../components/fields.tsx';
import { ErrorNotice, Loading } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { ChangeNotice, FormError, formatDateTime, journalPaths, useChangeNotice, useJournalErrors } from './journalUi.tsx';

export default function FlagsTab({ caseId, onChanged }: CaseTabProps) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const list = useApi<CaseFlagList>(journalPaths.flags(slug, caseId));
  const notice = useChangeNotice(list.reload);
  // the case header shows the active flags: it reloads, too
  const done = (text: string) => {
    notice.done(text);
    onChanged();
  };
  const active = list.data?.items.filter((f) => f.active) ?? [];
  const resolved = list.data?.items.filter((f) => !f.active) ?? [];
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('flags.title')}</h2>
      <ChangeNotice message={notice.message} />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          {active.length === 0 ? <p>{t('flags.none')}</p> : null}
          <ul className="journal-list" aria-label={t('flags.activeLabel')}>
            {active.map((f) => (
              <li key={f.id}>
                <FlagCard caseId={caseId} flag={f} onResolved={() => done(t('flags.resolved'))} />
              </li>
            ))}
          </ul>
          {resolved.length ? (
            <details>
              <summary>{t('flags.resolvedList', { count: resolved.length })}</summary>
              <ul className="journal-list">
                {resolved.map((f) => (
                  <li key={f.id}>
                    <FlagCard caseId={caseId} flag={f} onResolved={() => undefined} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      <NewFlagForm caseId={caseId} onCreated={() => done(t('flags.created'))} />
    </section>
  );
}

function FlagCard({ caseId, flag, onResolved }: { caseId: string; flag: CaseFlag; onResolved: () => void }) {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const { fieldErrors } = useJournalErrors();
  const headingId = useId();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const lang = i18n.language;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!note.trim()) {
      setErrors({ resolutionNote: t('errors.fields.resolutionNote') });
      focusFirstError({ resolutionNote: 'x' });
      return;
    }
    try {
      await api('POST', journalPaths.flagResolve(slug, caseId, flag.id), { resolutionNote: note });
      onResolved();
    } catch (e) {
      const fe = fieldErrors(e, ['resolutionNote']);
      setErrors(fe);
      focusFirstError(fe);
    }
  };
  return (
    <article className={`card flag-card flag-${flag.kind} ${flag.active ? '' : 'resolved'}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`flagKinds.${flag.kind}`)}</h3>
      <p className="entry-body">{flag.reason}</p>
      <p className="journal-meta">{t('flags.setBy', { name: flag.setByName, at: formatDateTime(flag.setAt, lang) })}</p>
      {!flag.active ? (
        <p className="journal-meta">
          {t('flags.resolvedBy', { name: flag.resolvedByName ?? '–', at: formatDateTime(flag.resolvedAt, lang) })}
          {flag.resolutionNote ? ` – ${flag.resolutionNote}` : ''}
        </p>
      ) : resolving ? (
        <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
          <FormError message={errors._form} />
          <TextArea label={t('fields.resolutionNote')} value={note} onChange={setNote} error={errors.resolutionNote} rows={2} />
          <div className="button-row">
            <button type="submit" className="button primary small">
              {t('flags.resolve')}
            </button>
            <button type="button" className="button secondary small" onClick={() => setResolving(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button secondary small" onClick={() => setResolving(true)}>
            {t('flags.resolveOpen')}
            <span className="visually-hidden"> – {t(`flagKinds.${flag.kind}`)}</span>
          </button>
        </div>
      )}
    </article>
  );
}

function NewFlagForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const { fieldErrors } = useJournalErrors();
  const headingId = useId();
  const [kind, setKind] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: FieldErrors = {};
    if (!kind) found.kind = t('errors.fields.kind');
    if (!reason.trim()) found.reason = t('errors.fields.reason');
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    try {
      await api('POST', journalPaths.flags(slug, caseId), { kind, reason });
      setKind('');
      setReason('');
      setErrors({});
      onCreated();
    } catch (e) {
      const fe = fieldErrors(e, ['kind', 'reason']);
      setErrors(fe);
      focusFirstError(fe);
    }
  };
  return (
    <form className="card journal-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('flags.newTitle')}</h3>
      <FormError message={errors._form} />
      <SelectField
        label={t('fields.flagKind')}
        value={kind}
        onChange={setKind}
        error={errors.kind}
        required
        options={[{ value: '', label: t('entries.choose') }, ...FLAG_KINDS.map((k) => ({ value: k, label: t(`flagKinds.${k}`) }))]}
      />
      <TextArea label={t('fields.flagReason')} value={reason} onChange={setReason} error={errors.reason} rows={3} required hint={t('flags.reasonHint')} />
      <div className="button-row">
        <button type="submit" className="button primary">
          {t('flags.set')}
        </button>
      </div>
    </form>
  );
}
