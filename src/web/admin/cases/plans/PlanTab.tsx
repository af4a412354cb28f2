// Case tab "Integrationsplan": the current draft (goals with steps, responsible, deadline, status,
// outcome), the agreement (Zielvereinbarung) with a confirmation, progress on the agreed goals,
// re-planning into a new version, the version history with read-only earlier agreements, and the
// goal agreement PDF in German and the person's language. Concurrent edits answer 409: the typed
// input stays, a reload button fetches the other person's version.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_OUTCOMES,
  GOAL_STATUSES,
  type Goal,
  type Plan,
  type PlanOverview,
  planUpdateInput,
  RESPONSIBLES,
} from '../../../../shared/contracts/casePlans.ts';
import { LANGUAGES } from '../../../../shared/languages.ts';
import { api } from '../../api.ts';
import { Checkbox, SelectField, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { FormError, formatDay, isConflict, planPaths, todayDay, useFieldName, usePlanErrors } from './plansUi.tsx';

type Fields = PlanOverview['fieldsOfAction'];

export default function PlanTab({ caseId, onChanged }: CaseTabProps) {
  const { t } = useTranslation('plans');
  const { slug } = useTenant();
  const overview = useApi<PlanOverview>(planPaths.plans(slug, caseId));
  const [viewing, setViewing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // a new generation re-loads the current plan (its id stays the same when a draft is agreed)
  const [generation, setGeneration] = useState(0);
  const { text } = usePlanErrors();

  if (overview.error && !overview.data) return <ErrorNotice error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  const current = o.draftPlanId ?? o.agreedPlanId;
  const agreedVersion = o.plans.find((p) => p.id === o.agreedPlanId)?.version;
  const refresh = (note?: string) => {
    setMessage(note ?? null);
    setGeneration((g) => g + 1);
    overview.reload();
    onChanged();
  };
  const start = async () => {
    setBusy(true);
    setStartError(null);
    try {
      await api<Plan>('POST', planPaths.plans(slug, caseId), {});
      refresh(o.agreedPlanId ? t('plan.replanned') : t('plan.started'));
    } catch (error) {
      setStartError(text(error));
      if (isConflict(error)) overview.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-heading" className="plans">
      <h2 id="plan-heading">{t('plan.title')}</h2>
      {o.lockedBecause ? <Notice kind="warning">{t(`locked.${o.lockedBecause}`)}</Notice> : null}
      {message ? (
        <Notice kind="success" focus>
          {message}
        </Notice>
      ) : null}
      <FormError message={startError ?? undefined} />
      {!current ? (
        <div className="card">
          <p>{t('plan.none')}</p>
          {o.lockedBecause ? null : (
            <button type="button" className="button" onClick={() => void start()} disabled={busy}>
              {t('plan.start')}
            </button>
          )}
        </div>
      ) : (
        <CurrentPlan
          key={`${current}-${generation}`}
          caseId={caseId}
          planId={current}
          overview={o}
          onChanged={refresh}
          onReplan={o.draftPlanId || o.lockedBecause ? null : () => void start()}
          replanBusy={busy}
        />
      )}
      {o.draftPlanId && o.agreedPlanId ? <p className="hint">{t('plan.agreementStillValid', { version: agreedVersion })}</p> : null}
      <VersionHistory overview={o} caseId={caseId} viewing={viewing} onView={setViewing} />
    </section>
  );
}

/** The newest version: the draft editor, or the agreement with its progress. */
function CurrentPlan(props: { caseId: string; planId: string; overview: PlanOverview; onChanged: (note?: string) => void; onReplan: (() => void) | null; replanBusy: boolean }) {
  const { t } = useTranslation('plans');
  const { slug } = useTenant();
  const plan = useApi<Plan>(planPaths.plan(slug, props.caseId, props.planId));
  const [note, setNote] = useState<string | null>(null);
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || plan.data.id !== props.planId) return <Loading />;
  const p = plan.data;
  const update = (fresh: Plan, message: string) => {
    plan.setData(fresh);
    setNote(message);
  };
  return (
    <div className="plan-current">
      <PlanHeader plan={p} overview={props.overview} caseId={props.caseId} />
      {p.editable === 'full' ? (
        // re-mounted with every saved version: the goals get their ids, the form the server's state
        <DraftEditor
          key={`${p.id}-${p.lockVersion}`}
          plan={p}
          caseId={props.caseId}
          fields={props.overview.fieldsOfAction}
          caseStartedOn={props.overview.caseStartedOn}
          savedNote={note}
          onTouched={() => setNote(null)}
          onSaved={(fresh) => update(fresh, t('draft.saved'))}
          onReload={plan.reload}
          onChanged={props.onChanged}
        />
      ) : (
        <>
          {note ? (
            <Notice kind="success" focus>
              {note}
            </Notice>
          ) : null}
          <GoalList plan={p} fields={props.overview.fieldsOfAction} caseId={props.caseId} onProgress={(fresh) => update(fresh, t('progress.saved'))} onReload={plan.reload} />
          {props.onReplan ? (
            <div className="form-actions">
              <button type="button" className="button secondary" onClick={props.onReplan} disabled={props.replanBusy}>
                {t('plan.replan')}
              </button>
              <p className="hint">{t('plan.replanHint')}</p>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

function PlanHeader({ plan, overview, caseId }: { plan: Plan; overview: PlanOverview; caseId: string }) {
  const { t, i18n } = useTranslation('plans');
  const { slug } = useTenant();
  const language = (code: string) => LANGUAGES.find((l) => l.code === code)?.[i18n.language === 'de' ? 'germanName' : 'nativeName'] ?? code;
  return (
    <div className="plan-header card">
      <h3>
        {t('plan.version', { version: plan.version })} <span className={`badge plan-status-${plan.status}`}>{t(`status.${plan.status}`)}</span>
      </h3>
      <dl className="kv">
        <div>
          <dt>{t('plan.startsOn')}</dt>
          <dd>{formatDay(plan.startsOn, i18n.language)}</dd>
        </div>
        {plan.agreedOn ? (
          <div>
            <dt>{t('plan.agreedOn')}</dt>
            <dd>{t('plan.agreedOnBy', { date: formatDay(plan.agreedOn, i18n.language), who: plan.agreedBy ?? '–' })}</dd>
          </div>
        ) : null}
        {plan.reviewDueOn ? (
          <div>
            <dt>{t('plan.reviewDueOn')}</dt>
            <dd>{formatDay(plan.reviewDueOn, i18n.language)}</dd>
          </div>
        ) : null}
        {plan.supersededOn ? (
          <div>
            <dt>{t('plan.supersededOn')}</dt>
            <dd>{formatDay(plan.supersededOn, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="button-row">
        {overview.pdfLanguages.map((lang) => (
          <a key={lang} className="button secondary" href={planPaths.pdf(slug, caseId, plan.id, lang)} download>
            {lang === 'de' ? t('pdf.german') : t('pdf.bilingual', { language: language(lang) })}
          </a>
        ))}
      </p>
    </div>
  );
}

// ---- draft editor --------------------------------------------------------------------------------

interface StepForm {
  key: number;
  text: string;
  responsible: (typeof RESPONSIBLES)[number];
  done: boolean;
}
interface GoalForm {
  key: number;
  id: string | null;
  fieldOfAction: string;
  title: string;
  steps: StepForm[];
  responsible: (typeof RESPONSIBLES)[number];
  responsibleName: string;
  deadline: string;
  status: (typeof GOAL_STATUSES)[number];
  outcome: string;
  outcomeOn: string;
}

let keys = 0;
const nextKey = () => ++keys;
const goalForm = (g: Goal): GoalForm => ({
  key: nextKey(),
  id: g.id,
  fieldOfAction: g.fieldOfAction,
  title: g.title,
  steps: g.steps.map((s) => ({ key: nextKey(), ...s })),
  responsible: g.responsible,
  responsibleName: g.responsibleName ?? '',
  deadline: g.deadline ?? '',
  status: g.status,
  outcome: g.outcome ?? '',
  outcomeOn: g.outcomeOn ?? '',
});
const emptyGoal = (fieldOfAction: string): GoalForm => ({
  key: nextKey(),
  id: null,
  fieldOfAction,
  title: '',
  steps: [],
  responsible: 'person',
  responsibleName: '',
  deadline: '',
  status: 'open',
  outcome: '',
  outcomeOn: '',
});

function bodyOf(lockVersion: number, startsOn: string, goals: GoalForm[]) {
  return {
    lockVersion,
    startsOn,
    goals: goals.map((g) => ({
      ...(g.id ? { id: g.id } : {}),
      fieldOfAction: g.fieldOfAction,
      title: g.title,
      steps: g.steps.map((s) => ({ text: s.text, responsible: s.responsible, done: s.done })),
      responsible: g.responsible,
      responsibleName: g.responsibleName.trim() || null,
      deadline: g.deadline || null,
      status: g.status,
      outcome: (g.outcome || null) as (typeof GOAL_OUTCOMES)[number] | null,
      outcomeOn: g.outcomeOn || null,
    })),
  };
}

function DraftEditor(props: {
  plan: Plan;
  caseId: string;
  fields: Fields;
  caseStartedOn: string;
  savedNote: string | null;
  onTouched: () => void;
  onSaved: (plan: Plan) => void;
  onReload: () => void;
  onChanged: (note?: string) => void;
}) {
  const { t } = useTranslation(['plans', 'admin']);
  const { slug } = useTenant();
  const { fieldErrors, text } = usePlanErrors();
  const fieldName = useFieldName(props.fields);
  const [startsOn, setStartsOn] = useState(props.plan.startsOn);
  const [goals, setGoals] = useState<GoalForm[]>(() => props.plan.goals.map(goalForm));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [newField, setNewField] = useState(props.fields[0]?.key ?? 'language');
  const [confirming, setConfirming] = useState(false);

  const touch = (key?: string) => {
    setDirty(true);
    props.onTouched();
    if (key)
      setErrors((e) => {
        const { [key]: _dropped, ...rest } = e;
        return rest;
      });
  };
  const setGoal = (index: number, change: Partial<GoalForm>, key?: string) => {
    setGoals((gs) => gs.map((g, i) => (i === index ? { ...g, ...change } : g)));
    touch(key ? `goals.${index}.${key}` : undefined);
  };
  const setStep = (gi: number, si: number, change: Partial<StepForm>) => {
    setGoals((gs) => gs.map((g, i) => (i === gi ? { ...g, steps: g.steps.map((s, j) => (j === si ? { ...s, ...change } : s)) } : g)));
    touch(`goals.${gi}.steps.${si}.text`);
  };
  const addGoal = () => {
    setGoals((gs) => [...gs, emptyGoal(newField)]);
    setAnnounce(t('draft.goalAdded', { n: goals.length + 1, field: fieldName(newField) }));
    touch();
  };
  const removeGoal = (index: number) => {
    setGoals((gs) => gs.filter((_, i) => i !== index));
    // errors of later goals would point at the wrong goal now
    setErrors({});
    setAnnounce(t('draft.goalRemoved', { n: index + 1 }));
    touch();
  };

  const save = async (ev?: FormEvent) => {
    ev?.preventDefault();
    setConflict(false);
    const checked = validate(planUpdateInput, bodyOf(props.plan.lockVersion, startsOn, goals), t);
    if (checked.errors) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return false;
    }
    setBusy(true);
    try {
      const fresh = await api<Plan>('PUT', planPaths.plan(slug, props.caseId, props.plan.id), checked.data);
      setErrors({});
      setDirty(false);
      props.onSaved(fresh);
      return true;
    } catch (error) {
      setConflict(isConflict(error));
      const errs = fieldErrors(error, (f) => f === 'startsOn' || f.startsWith('goals.'));
      setErrors(errs);
      focusFirstError(errs);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    if (!window.confirm(t('draft.confirmDiscard'))) return;
    try {
      await api('DELETE', `${planPaths.plan(slug, props.caseId, props.plan.id)}?lockVersion=${props.plan.lockVersion}`);
      props.onChanged(t('draft.discarded'));
    } catch (error) {
      setConflict(isConflict(error));
      setErrors({ _form: text(error) });
    }
  };

  const goalError = (i: number, key: string) => errors[`goals.${i}.${key}`];
  const responsibleOptions = RESPONSIBLES.map((r) => ({ value: r, label: t(`responsible.${r}`) }));

  return (
    <>
      <form className="plan-editor" onSubmit={(e) => void save(e)} noValidate aria-labelledby="draft-heading">
        <h3 id="draft-heading" className="visually-hidden">
          {t('draft.title')}
        </h3>
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
        <FormError message={errors._form} onReload={conflict ? props.onReload : undefined} reloadLabel={t('conflict.reloadLosing')} />
        {errors.goals && !errors._form ? <FormError message={errors.goals} /> : null}
        <TextField
          label={t('draft.startsOn')}
          type="date"
          value={startsOn}
          onChange={(v) => {
            setStartsOn(v);
            touch('startsOn');
          }}
          error={errors.startsOn}
          hint={t('draft.startsOnHint', { date: props.caseStartedOn })}
          required
        />
        {goals.length === 0 ? <p>{t('draft.noGoals')}</p> : null}
        <ol className="goal-list">
          {goals.map((g, i) => (
            <li key={g.key}>
              <fieldset className="card goal-card">
                <legend>{t('draft.goalLegend', { n: i + 1, field: fieldName(g.fieldOfAction) })}</legend>
                <div className="grid-2">
                  <SelectField
                    label={t('goal.fieldOfAction')}
                    value={g.fieldOfAction}
                    onChange={(v) => setGoal(i, { fieldOfAction: v }, 'fieldOfAction')}
                    options={props.fields.map((f) => ({ value: f.key, label: fieldName(f.key) }))}
                    error={goalError(i, 'fieldOfAction')}
                    required
                  />
                  <TextField label={t('goal.title')} value={g.title} onChange={(v) => setGoal(i, { title: v }, 'title')} error={goalError(i, 'title')} required />
                  <SelectField label={t('goal.responsible')} value={g.responsible} onChange={(v) => setGoal(i, { responsible: v as GoalForm['responsible'] }, 'responsible')} options={responsibleOptions} />
                  <TextField
                    label={t('goal.responsibleName')}
                    hint={t('goal.responsibleNameHint')}
                    value={g.responsibleName}
                    onChange={(v) => setGoal(i, { responsibleName: v }, 'responsibleName')}
                    error={goalError(i, 'responsibleName')}
                  />
                  <TextField label={t('goal.deadline')} type="date" value={g.deadline} onChange={(v) => setGoal(i, { deadline: v }, 'deadline')} error={goalError(i, 'deadline')} hint={t('goal.deadlineHint')} />
                  <SelectField
                    label={t('goal.status')}
                    value={g.status}
                    onChange={(v) => setGoal(i, { status: v as GoalForm['status'] }, 'status')}
                    options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
                  />
                  <SelectField
                    label={t('goal.outcome')}
                    value={g.outcome}
                    onChange={(v) => setGoal(i, { outcome: v }, 'outcome')}
                    options={[{ value: '', label: t('outcome.none') }, ...GOAL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
                    error={goalError(i, 'outcome')}
                  />
                  <TextField
                    label={t('goal.outcomeOn')}
                    type="date"
                    value={g.outcomeOn}
                    onChange={(v) => setGoal(i, { outcomeOn: v }, 'outcomeOn')}
                    error={goalError(i, 'outcomeOn')}
                    hint={t('goal.outcomeOnHint')}
                  />
                </div>
                <fieldset className="step-list">
                  <legend>{t('goal.steps')}</legend>
                  {g.steps.length === 0 ? <p className="hint">{t('goal.noSteps')}</p> : null}
                  {g.steps.map((s, si) => (
                    <div key={s.key} className="step-row">
                      <TextField
                        label={t('step.text', { n: si + 1 })}
                        value={s.text}
                        onChange={(v) => setStep(i, si, { text: v })}
                        error={goalError(i, `steps.${si}.text`)}
                        required
                      />
                      <SelectField label={t('step.responsible', { n: si + 1 })} value={s.responsible} onChange={(v) => setStep(i, si, { responsible: v as StepForm['responsible'] })} options={responsibleOptions} />
                      <Checkbox label={t('step.done', { n: si + 1 })} checked={s.done} onChange={(done) => setStep(i, si, { done })} />
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => {
                          setGoal(i, { steps: g.steps.filter((_, j) => j !== si) });
                          setAnnounce(t('step.removed', { n: si + 1 }));
                        }}
                      >
                        {t('step.remove', { n: si + 1 })}
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => {
                      setGoal(i, { steps: [...g.steps, { key: nextKey(), text: '', responsible: 'person', done: false }] });
                      setAnnounce(t('step.added', { n: g.steps.length + 1 }));
                    }}
                  >
                    {t('step.add')}
                  </button>
                </fieldset>
                <div className="form-actions">
                  <button type="button" className="button secondary danger" onClick={() => removeGoal(i)}>
                    {t('draft.removeGoal', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="inline-form add-goal">
          <SelectField
            label={t('draft.newGoalField')}
            value={newField}
            onChange={setNewField}
            options={props.fields.map((f) => ({ value: f.key, label: fieldName(f.key) }))}
          />
          <button type="button" className="button secondary" onClick={addGoal}>
            {t('draft.addGoal')}
          </button>
        </div>
        {props.savedNote ? (
          <Notice kind="success" focus>
            {props.savedNote}
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving', { ns: 'admin' }) : t('draft.save')}
          </button>
          <button type="button" className="button secondary" disabled={busy || dirty || props.plan.goals.length === 0} onClick={() => setConfirming(true)} aria-describedby="agree-hint">
            {t('agree.button')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void discard()}>
            {t('draft.discard')}
          </button>
        </div>
        <p className="hint" id="agree-hint">
          {dirty ? t('agree.saveFirst') : props.plan.goals.length === 0 ? t('agree.needsGoals') : t('agree.hint')}
        </p>
      </form>
      {confirming ? (
        <AgreeConfirm
          plan={props.plan}
          caseId={props.caseId}
          onCancel={() => setConfirming(false)}
          onAgreed={() => {
            setConfirming(false);
            props.onChanged(t('agree.done', { version: props.plan.version }));
          }}
          onReload={props.onReload}
        />
      ) : null}
    </>
  );
}

/** The confirmation of the agreement: the day it was agreed (signed), then freeze. */
function AgreeConfirm(props: { plan: Plan; caseId: string; onCancel: () => void; onAgreed: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation(['plans', 'admin']);
  const { slug } = useTenant();
  const { fieldErrors } = usePlanErrors();
  const [agreedOn, setAgreedOn] = useState(todayDay());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const agree = async () => {
    setBusy(true);
    setConflict(false);
    try {
      await api<Plan>('POST', planPaths.agree(slug, props.caseId, props.plan.id), { lockVersion: props.plan.lockVersion, agreedOn });
      props.onAgreed();
    } catch (error) {
      setConflict(isConflict(error));
      const errs = fieldErrors(error, (f) => f === 'agreedOn');
      setErrors(errs);
      focusFirstError(errs);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="card agree-confirm" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h4 id={titleId}>{t('agree.confirmTitle', { version: props.plan.version })}</h4>
      <p>{t('agree.confirmText', { count: props.plan.goals.length, start: formatDay(props.plan.startsOn, i18n.language) })}</p>
      <FormError message={errors._form} onReload={conflict ? props.onReload : undefined} reloadLabel={t('conflict.reload')} />
      <TextField label={t('agree.agreedOn')} type="date" value={agreedOn} onChange={setAgreedOn} error={errors.agreedOn} hint={t('agree.agreedOnHint')} required />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void agree()}>
          {t('agree.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('common.cancel', { ns: 'admin' })}
        </button>
      </div>
    </fieldset>
  );
}

// ---- agreed goals and progress -------------------------------------------------------------------

/** The goals of a plan grouped by field of action; with progress forms when the plan takes progress. */
function GoalList(props: { plan: Plan; fields: Fields; caseId: string; onProgress?: (plan: Plan) => void; onReload?: () => void }) {
  const { t } = useTranslation('plans');
  const fieldName = useFieldName(props.fields);
  const order = [...props.fields.map((f) => f.key), ...props.plan.goals.map((g) => g.fieldOfAction)];
  const groups = [...new Set(order)].filter((k) => props.plan.goals.some((g) => g.fieldOfAction === k));
  if (!props.plan.goals.length) return <p>{t('draft.noGoals')}</p>;
  return (
    <div className="goal-groups">
      {groups.map((key) => (
        <section key={key} aria-label={fieldName(key)}>
          <h4>{fieldName(key)}</h4>
          <ul className="goal-list">
            {props.plan.goals
              .filter((g) => g.fieldOfAction === key)
              .map((g) => (
                <li key={g.id}>
                  <GoalView goal={g} plan={props.plan} caseId={props.caseId} onProgress={props.plan.editable === 'progress' ? props.onProgress : undefined} onReload={props.onReload} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function GoalView(props: { goal: Goal; plan: Plan; caseId: string; onProgress?: ((plan: Plan) => void) | undefined; onReload?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation('plans');
  const g = props.goal;
  const [editing, setEditing] = useState(false);
  return (
    <article className="card goal-card">
      <h5>{g.title}</h5>
      <dl className="kv">
        <div>
          <dt>{t('goal.responsible')}</dt>
          <dd>
            {t(`responsible.${g.responsible}`)}
            {g.responsibleName ? ` – ${g.responsibleName}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('goal.deadline')}</dt>
          <dd>{formatDay(g.deadline, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('goal.status')}</dt>
          <dd>
            <span className={`badge goal-status-${g.status}`}>{t(`goalStatus.${g.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('goal.outcome')}</dt>
          <dd>{g.outcome ? t('outcome.withDate', { outcome: t(`outcome.${g.outcome}`), date: formatDay(g.outcomeOn, i18n.language) }) : t('outcome.none')}</dd>
        </div>
      </dl>
      {g.steps.length ? (
        <ul className="step-view" aria-label={t('goal.steps')}>
          {g.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
            <li key={i} className={s.done ? 'done' : ''}>
              <span className="visually-hidden">{s.done ? t('step.isDone') : t('step.isOpen')}: </span>
              <span aria-hidden="true">{s.done ? '☑' : '☐'} </span>
              {s.text} <span className="meta">({t(`responsible.${s.responsible}`)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {props.onProgress ? (
        editing ? (
          <ProgressForm
            goal={g}
            plan={props.plan}
            caseId={props.caseId}
            onDone={(fresh) => {
              setEditing(false);
              props.onProgress?.(fresh);
            }}
            onCancel={() => setEditing(false)}
            onReload={props.onReload}
          />
        ) : (
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('progress.record', { goal: g.title })}
          </button>
        )
      ) : null}
    </article>
  );
}

function ProgressForm(props: { goal: Goal; plan: Plan; caseId: string; onDone: (plan: Plan) => void; onCancel: () => void; onReload?: (() => void) | undefined }) {
  const { t } = useTranslation(['plans', 'admin']);
  const { slug } = useTenant();
  const { fieldErrors } = usePlanErrors();
  const g = props.goal;
  const [status, setStatus] = useState(g.status);
  const [stepsDone, setStepsDone] = useState(g.steps.map((s) => s.done));
  const [outcome, setOutcome] = useState<string>(g.outcome ?? '');
  const [outcomeOn, setOutcomeOn] = useState(g.outcomeOn ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const local: FieldErrors = {};
    if (outcome && !outcomeOn) local.outcomeOn = t('errors.fields.outcomeOn');
    if (!outcome && outcomeOn) local.outcome = t('errors.fields.outcome');
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    setBusy(true);
    setConflict(false);
    try {
      const fresh = await api<Plan>('PUT', planPaths.progress(slug, props.caseId, props.plan.id, g.id), {
        lockVersion: props.plan.lockVersion,
        status,
        stepsDone,
        outcome: outcome || null,
        outcomeOn: outcomeOn || null,
      });
      props.onDone(fresh);
    } catch (error) {
      setConflict(isConflict(error));
      const errs = fieldErrors(error, (f) => ['status', 'stepsDone', 'outcome', 'outcomeOn'].includes(f));
      setErrors(errs);
      focusFirstError(errs);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="progress-form" onSubmit={(e) => void submit(e)} aria-labelledby={titleId} noValidate>
      <h6 id={titleId}>{t('progress.title', { goal: g.title })}</h6>
      <FormError message={errors._form} onReload={conflict ? props.onReload : undefined} reloadLabel={t('conflict.reload')} />
      {g.steps.length ? (
        <fieldset className="group">
          <legend>{t('goal.steps')}</legend>
          {g.steps.map((s, i) => (
            <Checkbox
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
              key={i}
              label={s.text}
              checked={stepsDone[i] ?? false}
              onChange={(done) => setStepsDone((d) => d.map((x, j) => (j === i ? done : x)))}
              error={i === 0 ? errors.stepsDone : undefined}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="grid-3">
        <SelectField label={t('goal.status')} value={status} onChange={(v) => setStatus(v as Goal['status'])} options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))} />
        <SelectField
          label={t('goal.outcome')}
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            if (v && !outcomeOn) setOutcomeOn(todayDay());
          }}
          options={[{ value: '', label: t('outcome.none') }, ...GOAL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
          error={errors.outcome}
        />
        <TextField label={t('goal.outcomeOn')} type="date" value={outcomeOn} onChange={setOutcomeOn} error={errors.outcomeOn} hint={t('goal.outcomeOnHint')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving', { ns: 'admin' }) : t('progress.save')}
        </button>
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('common.cancel', { ns: 'admin' })}
        </button>
      </div>
    </form>
  );
}

// ---- version history -----------------------------------------------------------------------------

function VersionHistory(props: { overview: PlanOverview; caseId: string; viewing: string | null; onView: (id: string | null) => void }) {
  const { t, i18n } = useTranslation('plans');
  const { overview: o } = props;
  if (o.plans.length === 0) return null;
  return (
    <section aria-labelledby="plan-history" className="plan-history">
      <h3 id="plan-history">{t('history.title')}</h3>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('history.status')}</th>
              <th scope="col">{t('plan.startsOn')}</th>
              <th scope="col">{t('plan.agreedOn')}</th>
              <th scope="col">{t('plan.reviewDueOn')}</th>
              <th scope="col">{t('history.goals')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {o.plans.map((p) => (
              <tr key={p.id}>
                <td>{p.version}</td>
                <td>
                  <span className={`badge plan-status-${p.status}`}>{t(`status.${p.status}`)}</span>
                </td>
                <td>{formatDay(p.startsOn, i18n.language)}</td>
                <td>{formatDay(p.agreedOn, i18n.language)}</td>
                <td>{formatDay(p.reviewDueOn, i18n.language)}</td>
                <td>{p.goalCount}</td>
                <td>
                  {p.status === 'superseded' ? (
                    <button type="button" className="button secondary" aria-expanded={props.viewing === p.id} onClick={() => props.onView(props.viewing === p.id ? null : p.id)}>
                      {props.viewing === p.id ? t('history.hide', { version: p.version }) : t('history.view', { version: p.version })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.viewing ? <ReadOnlyPlan caseId={props.caseId} planId={props.viewing} overview={o} /> : null}
    </section>
  );
}

function ReadOnlyPlan(props: { caseId: string; planId: string; overview: PlanOverview }) {
  const { t } = useTranslation('plans');
  const { slug } = useTenant();
  const plan = useApi<Plan>(planPaths.plan(slug, props.caseId, props.planId));
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || plan.data.id !== props.planId) return <Loading />;
  return (
    <section className="plan-readonly" aria-label={t('history.readOnly', { version: plan.data.version })}>
      <Notice kind="info">{t('history.readOnlyNote')}</Notice>
      <PlanHeader plan={plan.data} overview={props.overview} caseId={props.caseId} />
      <GoalList plan={plan.data} fields={props.overview.fieldsOfAction} caseId={props.caseId} />
    </section>
  );
}
