// The overview tab of a case: state actions (next step, closing with a reason, reopening), dates,
// extension beyond the programme's maximum duration, handover (team leads), and the case history.
// Every change sends the version it read; a conflict (409) asks to reload instead of overwriting.
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSING_REASONS,
  type CaseDetail,
  type CaseEventList,
  type CaseState,
} from '../../../shared/contracts/cases.ts';
import { ApiError, api } from '../api.ts';
import { SelectField, TextArea, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, formatDateTime } from '../components/ui.tsx';
import type { FieldErrors } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';
import { caseFieldError, formatDay, todayDay, useCaseOptions } from './caseUi.tsx';

interface Props {
  detail: CaseDetail;
  onChanged: () => void;
}

/** Sends a change; maps field errors; a conflict or success reloads the case (and the history). */
function useCaseAction(onDone: () => void) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (method: 'POST' | 'PATCH', path: string, body: unknown): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await api(method, path, body);
      setBusy(false);
      onDone();
      return true;
    } catch (e) {
      setErrors(caseFieldError(e, t));
      setError(e);
      setBusy(false);
      return false;
    }
  };
  return { run, errors, setErrors, error, busy };
}

function ConflictOrError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation('cases');
  if (error instanceof ApiError && error.code === 'conflict') {
    return (
      <Notice kind="warning">
        <p>{t('overview.conflict')}</p>
        <button type="button" className="button secondary" onClick={onReload}>
          {t('overview.reload')}
        </button>
      </Notice>
    );
  }
  return <ErrorNotice error={error} />;
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function CaseOverview({ detail, onChanged }: Props) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const history = useApi<CaseEventList>(casePaths.caseEvents(slug, detail.id));
  const changed = () => {
    onChanged();
    history.reload();
  };
  const open = detail.state !== 'closed';
  return (
    <>
      <div className="case-actions" key={detail.version}>
        {detail.may.write ? (
          <>
            {open ? <NextStep detail={detail} onChanged={changed} /> : <Reopen detail={detail} onChanged={changed} />}
            {open ? <CloseCase detail={detail} onChanged={changed} /> : null}
            {open ? <Dates detail={detail} onChanged={changed} /> : null}
            {detail.may.extend ? <Extension detail={detail} onChanged={changed} /> : null}
          </>
        ) : (
          <Notice kind="info">{t('overview.readOnly')}</Notice>
        )}
        {detail.may.handover ? <Handover detail={detail} onChanged={changed} /> : null}
      </div>
      <History events={history} />
    </>
  );
}

function NextStep({ detail, onChanged }: Props) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const targets = detail.transitions.filter((s) => s !== 'closed' && s !== 'reopened');
  const [to, setTo] = useState<CaseState | ''>(targets[0] ?? '');
  const [reason, setReason] = useState('');
  const action = useCaseAction(() => {
    setReason('');
    onChanged();
  });
  if (!targets.length) return null;
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!to) return;
    void action.run('POST', casePaths.caseTransition(slug, detail.id), { version: detail.version, to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };
  return (
    <Panel id="case-next" title={t('overview.nextStep')}>
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        <SelectField
          label={t('overview.moveTo')}
          value={to}
          onChange={(v) => setTo(v as CaseState)}
          options={targets.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          error={action.errors.to ?? action.errors.extendedUntil}
        />
        <TextArea label={t('overview.noteOptional')} value={reason} onChange={setReason} rows={2} error={action.errors.reason} />
        <button type="submit" className="button primary" disabled={action.busy}>
          {t('overview.move')}
        </button>
      </form>
    </Panel>
  );
}

function CloseCase({ detail, onChanged }: Props) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const [v, setV] = useState({ closingReason: '', closedOn: todayDay(), closingNote: '' });
  const action = useCaseAction(onChanged);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!v.closingReason) {
      action.setErrors({ closingReason: t('overview.closingReasonRequired') });
      return;
    }
    if (v.closingReason === 'other' && !v.closingNote.trim()) {
      action.setErrors({ closingNote: t('overview.closingNoteRequired') });
      return;
    }
    void action.run('POST', casePaths.caseTransition(slug, detail.id), {
      version: detail.version,
      to: 'closed',
      closingReason: v.closingReason,
      closedOn: v.closedOn,
      ...(v.closingNote.trim() ? { closingNote: v.closingNote.trim() } : {}),
    });
  };
  return (
    <Panel id="case-close" title={t('overview.close')}>
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        <SelectField
          label={t('fields.closingReason')}
          value={v.closingReason}
          onChange={(x) => setV({ ...v, closingReason: x })}
          options={[{ value: '', label: t('create.choose') }, ...CLOSING_REASONS.map((r) => ({ value: r, label: t(`closingReasons.${r}`) }))]}
          error={action.errors.closingReason}
          required
        />
        <TextField label={t('fields.closedOn')} type="date" value={v.closedOn} onChange={(x) => setV({ ...v, closedOn: x })} error={action.errors.closedOn} required />
        <TextArea
          label={t('fields.closingNote')}
          value={v.closingNote}
          onChange={(x) => setV({ ...v, closingNote: x })}
          rows={2}
          error={action.errors.closingNote}
          hint={t('overview.closingHint', { months: detail.programme.retentionMonths })}
          required={v.closingReason === 'other'}
        />
        <button type="submit" className="button primary" disabled={action.busy}>
          {t('overview.closeSubmit')}
        </button>
      </form>
    </Panel>
  );
}

function Reopen({ detail, onChanged }: Props) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const [reason, setReason] = useState('');
  const action = useCaseAction(onChanged);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (reason.trim().length < 3) {
      action.setErrors({ reason: t('overview.reasonRequired') });
      return;
    }
    void action.run('POST', casePaths.caseTransition(slug, detail.id), { version: detail.version, to: 'reopened', reason: reason.trim() });
  };
  return (
    <Panel id="case-reopen" title={t('overview.reopen')}>
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        {action.errors.extendedUntil ? <Notice kind="warning">{action.errors.extendedUntil}</Notice> : null}
        <TextArea label={t('overview.reopenReason')} value={reason} onChange={setReason} rows={2} error={action.errors.reason} required />
        <button type="submit" className="button primary" disabled={action.busy}>
          {t('overview.reopenSubmit')}
        </button>
      </form>
    </Panel>
  );
}

function Dates({ detail, onChanged }: Props) {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const [v, setV] = useState({ startedOn: detail.startedOn, plannedEndOn: detail.plannedEndOn ?? '' });
  const action = useCaseAction(onChanged);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (v.plannedEndOn && v.plannedEndOn < v.startedOn) {
      action.setErrors({ plannedEndOn: t('overview.endBeforeStart') });
      return;
    }
    void action.run('PATCH', casePaths.case(slug, detail.id), { version: detail.version, startedOn: v.startedOn, plannedEndOn: v.plannedEndOn || null });
  };
  return (
    <Panel id="case-dates" title={t('overview.dates')}>
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        <TextField
          label={t('fields.startedOn')}
          type="date"
          value={v.startedOn}
          onChange={(x) => setV({ ...v, startedOn: x })}
          error={action.errors.startedOn}
          disabled={Boolean(detail.extendedUntil)}
          required
        />
        <TextField
          label={t('fields.plannedEndOn')}
          type="date"
          value={v.plannedEndOn}
          onChange={(x) => setV({ ...v, plannedEndOn: x })}
          error={action.errors.plannedEndOn}
          hint={detail.limitOn ? t('overview.plannedEndLimit', { date: formatDay(detail.limitOn, i18n.language) }) : undefined}
        />
        <button type="submit" className="button secondary" disabled={action.busy}>
          {t('overview.saveDates')}
        </button>
      </form>
    </Panel>
  );
}

function Extension({ detail, onChanged }: Props) {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const [v, setV] = useState({ extendedUntil: detail.extendedUntil ?? detail.maxExtendedUntil ?? '', reason: detail.extensionReason ?? '' });
  const action = useCaseAction(onChanged);
  const day = (iso: string | null) => formatDay(iso, i18n.language);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (v.reason.trim().length < 3) {
      action.setErrors({ reason: t('overview.reasonRequired') });
      return;
    }
    void action.run('POST', casePaths.caseExtension(slug, detail.id), { version: detail.version, extendedUntil: v.extendedUntil, reason: v.reason.trim() });
  };
  return (
    <Panel id="case-extension" title={t('overview.extension')}>
      <p className="meta">
        {t('overview.extensionRule', {
          regularEnd: day(detail.regularEndOn),
          months: detail.programme.maxExtensionMonths,
          maxDate: day(detail.maxExtendedUntil),
        })}
      </p>
      {detail.extendedUntil ? <p>{t('overview.extendedSoFar', { date: day(detail.extendedUntil) })}</p> : null}
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        <TextField label={t('fields.extendedUntil')} type="date" value={v.extendedUntil} onChange={(x) => setV({ ...v, extendedUntil: x })} error={action.errors.extendedUntil} required />
        <TextArea label={t('fields.extensionReason')} value={v.reason} onChange={(x) => setV({ ...v, reason: x })} rows={2} error={action.errors.reason} required />
        <button type="submit" className="button secondary" disabled={action.busy}>
          {t('overview.extend')}
        </button>
      </form>
    </Panel>
  );
}

function Handover({ detail, onChanged }: Props) {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const options = useCaseOptions();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const action = useCaseAction(() => {
    setTo('');
    setReason('');
    onChanged();
  });
  const candidates = (options.data?.staff ?? []).filter((s) => !s.disabled && s.id !== detail.owner?.id);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!to) {
      action.setErrors({ toOwnerId: t('handover.chooseManager') });
      return;
    }
    void action.run('POST', casePaths.caseHandover(slug, detail.id), { version: detail.version, toOwnerId: to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };
  return (
    <Panel id="case-handover" title={t('handover.title')}>
      <form onSubmit={submit} noValidate>
        <ConflictOrError error={action.error} onReload={onChanged} />
        <SelectField
          label={t('handover.to')}
          value={to}
          onChange={setTo}
          options={[{ value: '', label: t('create.choose') }, ...candidates.map((s) => ({ value: s.id, label: s.name }))]}
          error={action.errors.toOwnerId}
          required
        />
        <TextArea label={t('handover.reason')} value={reason} onChange={setReason} rows={2} error={action.errors.reason} />
        <button type="submit" className="button secondary" disabled={action.busy}>
          {t('handover.submit')}
        </button>
      </form>
    </Panel>
  );
}

function History({ events }: { events: ReturnType<typeof useApi<CaseEventList>> }) {
  const { t, i18n } = useTranslation('cases');
  const day = (v: unknown) => (typeof v === 'string' ? formatDay(v, i18n.language) : '–');
  const describe = (e: CaseEventList['items'][number]): string => {
    const d = e.details as Record<string, unknown>;
    switch (e.kind) {
      case 'created':
        return t('history.created', { reference: String(d.reference ?? '') });
      case 'state':
        if (e.toState === 'closed') return t('history.closed', { reason: t(`closingReasons.${String(d.closingReason)}`), date: day(d.closedOn) });
        return t('history.state', { from: t(`states.${e.fromState}`), to: t(`states.${e.toState}`) });
      case 'extension':
        return t('history.extension', { date: day(d.to) });
      case 'handover':
        return d.bulk ? t('history.handoverBulk') : t('history.handover');
      case 'dates':
        return t('history.dates', {
          fields: Object.keys(d)
            .map((k) => t(`fields.${k}`))
            .join(', '),
        });
      default:
        return e.kind;
    }
  };
  return (
    <section aria-labelledby="case-history">
      <h2 id="case-history">{t('history.title')}</h2>
      <ErrorNotice error={events.error} onRetry={events.reload} />
      {!events.data && !events.error ? <Loading /> : null}
      {events.data ? (
        <ol className="history case-history">
          {[...events.data.items].reverse().map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time> · {e.actorLabel}
              <br />
              <strong>{describe(e)}</strong>
              {e.reason ? <span> – {e.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
