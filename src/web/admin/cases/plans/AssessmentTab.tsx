// Case tab "Erstgespräch/Bedarfsanalyse": the assessment per field of action (situation, needs,
// resources), each field saved on its own with optimistic locking; texts are encrypted at rest.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentEntry, type AssessmentResponse, assessmentInput, type FieldOfActionOption } from '../../../../shared/contracts/casePlans.ts';
import { api } from '../../api.ts';
import { TextArea } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { FormError, formatDateTime, isConflict, planPaths, useFieldName, usePlanErrors } from './plansUi.tsx';

export default function AssessmentTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('plans');
  const { slug } = useTenant();
  const data = useApi<AssessmentResponse>(planPaths.assessment(slug, caseId));
  if (data.error && !data.data) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { fieldsOfAction, entries, lockedBecause } = data.data;
  const core = fieldsOfAction.slice(0, 8);
  const more = fieldsOfAction.slice(8);
  const entryOf = (key: string) => entries.find((e) => e.fieldOfAction === key) ?? null;
  const card = (f: FieldOfActionOption) => (
    <AssessmentField
      key={f.key}
      caseId={caseId}
      field={f}
      fields={fieldsOfAction}
      entry={entryOf(f.key)}
      locked={lockedBecause !== null}
      onSaved={(saved) => data.setData({ ...data.data!, entries: [...entries.filter((e) => e.fieldOfAction !== saved.fieldOfAction), saved] })}
      onReload={data.reload}
    />
  );
  return (
    <section aria-labelledby="assessment-heading" className="plans">
      <h2 id="assessment-heading">{t('assessment.title')}</h2>
      <p className="hint">{t('assessment.intro')}</p>
      {lockedBecause ? <Notice kind="warning">{t(`locked.${lockedBecause}`)}</Notice> : null}
      <p>{t('assessment.filled', { count: entries.length, total: fieldsOfAction.length })}</p>
      <div className="assessment-fields">{core.map(card)}</div>
      {more.length ? (
        <details className="assessment-more" open={more.some((f) => entryOf(f.key))}>
          <summary>{t('assessment.moreFields', { count: more.length })}</summary>
          <div className="assessment-fields">{more.map(card)}</div>
        </details>
      ) : null}
    </section>
  );
}

function AssessmentField(props: {
  caseId: string;
  field: FieldOfActionOption;
  fields: FieldOfActionOption[];
  entry: AssessmentEntry | null;
  locked: boolean;
  onSaved: (entry: AssessmentEntry) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation(['plans', 'admin']);
  const { slug } = useTenant();
  const headingId = useId();
  const fieldName = useFieldName(props.fields);
  const { fieldErrors } = usePlanErrors();
  const initial = { situation: props.entry?.situation ?? '', needs: props.entry?.needs ?? '', resources: props.entry?.resources ?? '' };
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [version, setVersion] = useState(props.entry?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(props.entry !== null);
  const dirty = values.situation !== saved.situation || values.needs !== saved.needs || values.resources !== saved.resources;

  const set = (key: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setMessage(null);
    setErrors((e) => {
      const { [key]: _dropped, ...rest } = e;
      return rest;
    });
  };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setMessage(null);
    setConflict(false);
    const checked = validate(assessmentInput, { ...values, version }, t);
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const entry = await api<AssessmentEntry>('PUT', planPaths.assessmentField(slug, props.caseId, props.field.key), checked.data);
      setVersion(entry.version);
      setSaved(values);
      setErrors({});
      setMessage(t('assessment.saved'));
      props.onSaved(entry);
    } catch (error) {
      setConflict(isConflict(error));
      const errs = fieldErrors(error, (f) => f in values);
      setErrors(errs);
      focusFirstError(errs);
    } finally {
      setBusy(false);
    }
  };
  const filled = props.entry !== null;
  return (
    <details className="card assessment-field" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <span className="field-swatch" style={{ background: props.field.color }} aria-hidden="true" />
        <span id={headingId} className="assessment-name">
          {fieldName(props.field.key)}
        </span>{' '}
        <span className={`badge ${filled ? 'status-published' : 'status-draft'}`}>{filled ? t('assessment.recorded') : t('assessment.empty')}</span>
      </summary>
      <form onSubmit={submit} aria-labelledby={headingId} noValidate>
        {props.entry ? (
          <p className="meta">{t('assessment.lastChange', { who: props.entry.updatedBy, when: formatDateTime(props.entry.updatedAt, i18n.language) })}</p>
        ) : null}
        <FormError message={errors._form} onReload={conflict ? props.onReload : undefined} reloadLabel={t('conflict.reload')} />
        <TextArea label={t('assessment.situation')} hint={t('assessment.situationHint')} value={values.situation} onChange={(v) => set('situation', v)} error={errors.situation} rows={3} disabled={props.locked} />
        <TextArea label={t('assessment.needs')} hint={t('assessment.needsHint')} value={values.needs} onChange={(v) => set('needs', v)} error={errors.needs} rows={3} disabled={props.locked} />
        <TextArea label={t('assessment.resources')} hint={t('assessment.resourcesHint')} value={values.resources} onChange={(v) => set('resources', v)} error={errors.resources} rows={3} disabled={props.locked} />
        {message ? <Notice kind="success">{message}</Notice> : null}
        {props.locked ? null : (
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || !dirty}>
              {busy ? t('common.saving', { ns: 'admin' }) : t('assessment.save', { field: fieldName(props.field.key) })}
            </button>
          </div>
        )}
      </form>
    </details>
  );
}
