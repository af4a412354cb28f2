// Case-management setup for the tenant admin: teams (create, rename, archive) and programmes with
// their rules (maximum duration, extension, warning period, plan review, retention period).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseProgramme, type CaseProgrammeList, type CaseTeam, type CaseTeamList, programmeInput, teamInput } from '../../../shared/contracts/cases.ts';
import { api, query } from '../api.ts';
import { Checkbox, TextArea, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';
import { caseFieldError } from './caseUi.tsx';

export function CaseSetupPage() {
  const { t } = useTranslation('cases');
  return (
    <>
      <PageHeader title={t('setup.title')} />
      <p className="lead">{t('setup.intro')}</p>
      <Teams />
      <Programmes />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Teams

function Teams() {
  const { t } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useApi<CaseTeamList>(casePaths.teams(slug) + query({ includeArchived: includeArchived ? 'true' : undefined }));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const checked = validate(teamInput, { name }, tAdmin);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const team = await api<CaseTeam>('POST', casePaths.teams(slug), checked.data);
      setName('');
      setMessage(t('setup.teamCreated', { name: team.name }));
      list.reload();
    } catch (e) {
      setErrors(caseFieldError(e, tAdmin));
      setError(e);
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="setup-teams">
      <h2 id="setup-teams">{t('setup.teams')}</h2>
      <p className="meta">{t('setup.teamsIntro')}</p>
      <form onSubmit={create} noValidate className="card inline-form">
        <ErrorNotice error={error} />
        <TextField label={t('setup.newTeam')} value={name} onChange={setName} error={errors.name} required />
        <button type="submit" className="button primary" disabled={busy}>
          {t('setup.createTeam')}
        </button>
      </form>
      <Checkbox label={t('setup.showArchived')} checked={includeArchived} onChange={setIncludeArchived} />
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('setup.teamName')}</th>
                <th scope="col">{t('setup.members')}</th>
                <th scope="col">{t('setup.openCases')}</th>
                <th scope="col">{t('setup.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((team) => (
                <TeamRow
                  key={`${team.id}-${team.updatedAt}`}
                  team={team}
                  onChanged={(msg) => {
                    setMessage(msg);
                    list.reload();
                  }}
                />
              ))}
              {list.data.items.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t('setup.noTeams')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function TeamRow({ team, onChanged }: { team: CaseTeam; onChanged: (message: string) => void }) {
  const { t } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await fn();
      onChanged(message);
    } catch (e) {
      setErrors(caseFieldError(e, tAdmin));
      setError(e);
      setBusy(false);
    }
  };
  const rename = (ev: FormEvent) => {
    ev.preventDefault();
    void run(() => api('PUT', casePaths.team(slug, team.id), { name }), t('setup.teamRenamed', { name }));
  };
  return (
    <tr className={team.archived ? 'muted' : undefined}>
      <td>
        <form onSubmit={rename} noValidate className="inline-form">
          <TextField label={t('setup.teamNameOf', { name: team.name })} value={name} onChange={setName} error={errors.name} disabled={team.archived} />
          {name !== team.name ? (
            <button type="submit" className="button secondary small" disabled={busy}>
              {t('setup.rename')}
            </button>
          ) : null}
        </form>
        {team.archived ? <span className="badge status-archived">{t('setup.archived')}</span> : null}
        <ErrorNotice error={error} />
      </td>
      <td>{team.members}</td>
      <td>{team.openCases}</td>
      <td>
        <button
          type="button"
          className="button secondary small"
          disabled={busy}
          onClick={() =>
            void run(
              () => api('POST', casePaths.teamArchive(slug, team.id, team.archived ? 'restore' : 'archive')),
              team.archived ? t('setup.teamRestored', { name: team.name }) : t('setup.teamArchived', { name: team.name }),
            )
          }
        >
          {team.archived ? t('setup.restore') : t('setup.archive')}
          <span className="visually-hidden"> – {team.name}</span>
        </button>
      </td>
    </tr>
  );
}

// ---------------------------------------------------------------------------------------------
// Programmes

const EMPTY = {
  code: '',
  name: '',
  description: '',
  maxDurationMonths: '36',
  maxExtensionMonths: '0',
  warnBeforeDays: '60',
  planReviewDays: '180',
  retentionMonths: '36',
  active: true,
};
type ProgrammeForm = typeof EMPTY;

/** The programme's rules as number fields (label `setup.<key>`; no maximum duration = no limit). */
const NUMBER_FIELDS: Array<{ key: 'maxDurationMonths' | 'maxExtensionMonths' | 'warnBeforeDays' | 'planReviewDays' | 'retentionMonths'; hint?: string; required: boolean }> = [
  { key: 'maxDurationMonths', hint: 'maxDurationHint', required: false },
  { key: 'maxExtensionMonths', required: true },
  { key: 'warnBeforeDays', required: true },
  { key: 'planReviewDays', required: true },
  { key: 'retentionMonths', hint: 'retentionHint', required: true },
];

const toForm = (p: CaseProgramme): ProgrammeForm => ({
  code: p.code,
  name: p.name,
  description: p.description,
  maxDurationMonths: p.maxDurationMonths === null ? '' : String(p.maxDurationMonths),
  maxExtensionMonths: String(p.maxExtensionMonths),
  warnBeforeDays: String(p.warnBeforeDays),
  planReviewDays: String(p.planReviewDays),
  retentionMonths: String(p.retentionMonths),
  active: p.active,
});

function Programmes() {
  const { t } = useTranslation('cases');
  const { slug } = useTenant();
  const list = useApi<CaseProgrammeList>(casePaths.programmes(slug));
  const [editing, setEditing] = useState<CaseProgramme | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const months = (n: number | null) => (n === null ? t('setup.noLimit') : t('setup.months', { count: n }));
  return (
    <section aria-labelledby="setup-programmes">
      <h2 id="setup-programmes">{t('setup.programmes')}</h2>
      <p className="meta">{t('setup.programmesIntro')}</p>
      <div className="button-row">
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          {t('setup.newProgramme')}
        </button>
      </div>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {editing ? (
        <ProgrammeEditor
          key={editing === 'new' ? 'new' : editing.id}
          programme={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setMessage(t('setup.programmeSaved', { name: p.name }));
            list.reload();
          }}
        />
      ) : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('setup.code')}</th>
                <th scope="col">{t('setup.name')}</th>
                <th scope="col">{t('setup.maxDuration')}</th>
                <th scope="col">{t('setup.maxExtension')}</th>
                <th scope="col">{t('setup.warnBefore')}</th>
                <th scope="col">{t('setup.planReview')}</th>
                <th scope="col">{t('setup.retention')}</th>
                <th scope="col">{t('setup.openCases')}</th>
                <th scope="col">{t('setup.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'muted'}>
                  <td>{p.code}</td>
                  <td>
                    {p.name}
                    {p.active ? null : <span className="badge status-archived">{t('setup.inactive')}</span>}
                  </td>
                  <td>{months(p.maxDurationMonths)}</td>
                  <td>{p.maxDurationMonths === null ? '–' : months(p.maxExtensionMonths)}</td>
                  <td>{t('setup.days', { count: p.warnBeforeDays })}</td>
                  <td>{t('setup.days', { count: p.planReviewDays })}</td>
                  <td>{months(p.retentionMonths)}</td>
                  <td>{p.openCases}</td>
                  <td>
                    <button type="button" className="button secondary small" onClick={() => setEditing(p)}>
                      {t('setup.edit')}
                      <span className="visually-hidden"> – {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
              {list.data.items.length === 0 ? (
                <tr>
                  <td colSpan={9}>{t('setup.noProgrammes')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ProgrammeEditor({ programme, onCancel, onSaved }: { programme: CaseProgramme | null; onCancel: () => void; onSaved: (p: CaseProgramme) => void }) {
  const { t } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const [v, setV] = useState<ProgrammeForm>(programme ? toForm(programme) : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProgrammeForm>(k: K, value: ProgrammeForm[K]) => setV((x) => ({ ...x, [k]: value }));
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const body = {
      code: v.code.trim().toUpperCase(),
      name: v.name,
      description: v.description,
      maxDurationMonths: v.maxDurationMonths.trim() === '' ? null : num(v.maxDurationMonths),
      maxExtensionMonths: num(v.maxExtensionMonths),
      warnBeforeDays: num(v.warnBeforeDays),
      planReviewDays: num(v.planReviewDays),
      retentionMonths: num(v.retentionMonths),
      active: v.active,
    };
    const checked = validate(programmeInput, body, tAdmin);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const saved = programme
        ? await api<CaseProgramme>('PUT', casePaths.programme(slug, programme.id), checked.data)
        : await api<CaseProgramme>('POST', casePaths.programmes(slug), checked.data);
      onSaved(saved);
    } catch (e) {
      setErrors(caseFieldError(e, tAdmin));
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card form" aria-labelledby="programme-editor">
      <h3 id="programme-editor">{programme ? t('setup.editProgramme', { name: programme.name }) : t('setup.newProgramme')}</h3>
      <ErrorNotice error={error} />
      <div className="grid-2">
        <TextField label={t('setup.code')} value={v.code} onChange={(x) => set('code', x)} error={errors.code} hint={t('setup.codeHint')} required />
        <TextField label={t('setup.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
      </div>
      <TextArea label={t('setup.description')} value={v.description} onChange={(x) => set('description', x)} error={errors.description} rows={2} />
      <div className="grid-3">
        {NUMBER_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={t(`setup.${f.key}`)}
            type="number"
            inputMode="numeric"
            value={v[f.key]}
            onChange={(x) => set(f.key, x)}
            error={errors[f.key]}
            hint={f.hint ? t(`setup.${f.hint}`) : undefined}
            required={f.required}
          />
        ))}
      </div>
      <Checkbox label={t('setup.active')} checked={v.active} onChange={(x) => set('active', x)} hint={t('setup.activeHint')} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t('setup.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('setup.cancel')}
        </button>
      </div>
    </form>
  );
}
