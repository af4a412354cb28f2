// The person's master data ("Stammdaten") as one form, for recording and for correcting a person.
// Validated with the same zod schemas as the server; errors are linked to their fields and the
// first invalid field gets the focus. Residence details and health notes are stored encrypted.
import { type FormEvent, useMemo, useState } from 'react';
import {
  ACCOMMODATIONS,
  type CasePerson,
  COUNTRY_CODES,
  GENDERS,
  HOUSEHOLD_ROLES,
  PERSON_FIELDS,
  type PersonField,
  RESIDENCE_STATUSES,
  SPECIAL_NATIONALITIES,
  personCreate,
  personUpdate,
} from '../../../shared/contracts/casePersons.ts';
import { LANGUAGES } from '../../../shared/languages.ts';
import { ApiError } from '../api.ts';
import { SelectField, TextArea, TextField } from '../components/fields.tsx';
import { Notice } from '../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../forms.ts';
import { CodePicker, PersonErrorNotice, apiErrors, countryName, languageName, usePersonT, validatePerson } from './personUi.tsx';

const FORM_KEYS = new Set<string>([...PERSON_FIELDS, 'reason']);

export const SCRIPTS = ['Latn', 'Arab', 'Cyrl', 'Grek', 'Ethi', 'Armn', 'Geor', 'Hebr', 'Deva', 'Hans', 'Thai', 'Passport'] as const;

export interface PersonFormValues {
  givenName: string;
  familyName: string;
  otherNames: Array<{ givenName: string; familyName: string; script: string }>;
  birthDate: string;
  gender: string;
  nationalities: string[];
  languages: string[];
  preferredLanguage: string;
  phone: string;
  email: string;
  street: string;
  postcode: string;
  town: string;
  residenceStatus: string;
  residenceExpiresOn: string;
  residenceDetails: string;
  healthNotes: string;
  accommodation: string;
  householdRole: string;
}

export function formValuesOf(p: CasePerson | null): PersonFormValues {
  return {
    givenName: p?.givenName ?? '',
    familyName: p?.familyName ?? '',
    otherNames: p?.otherNames.map((n) => ({ ...n })) ?? [],
    birthDate: p?.birthDate ?? '',
    gender: p?.gender ?? '',
    nationalities: p?.nationalities ?? [],
    languages: p?.languages ?? [],
    preferredLanguage: p?.preferredLanguage ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    street: p?.street ?? '',
    postcode: p?.postcode ?? '',
    town: p?.town ?? '',
    residenceStatus: p?.residenceStatus ?? '',
    residenceExpiresOn: p?.residenceExpiresOn ?? '',
    residenceDetails: p?.residenceDetails ?? '',
    healthNotes: p?.healthNotes ?? '',
    accommodation: p?.accommodation ?? '',
    householdRole: p?.householdRole ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The request body of the form's values (empty → null). */
export function bodyOf(v: PersonFormValues, householdId: string | null): Record<PersonField, unknown> {
  return {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    otherNames: v.otherNames.filter((n) => n.givenName.trim() || n.familyName.trim()).map((n) => ({ ...n, givenName: n.givenName.trim(), familyName: n.familyName.trim() })),
    birthDate: orNull(v.birthDate),
    gender: orNull(v.gender),
    nationalities: v.nationalities,
    languages: v.languages,
    preferredLanguage: orNull(v.preferredLanguage),
    phone: orNull(v.phone),
    email: orNull(v.email),
    street: orNull(v.street),
    postcode: orNull(v.postcode),
    town: orNull(v.town),
    residenceStatus: orNull(v.residenceStatus),
    residenceExpiresOn: orNull(v.residenceExpiresOn),
    residenceDetails: orNull(v.residenceDetails),
    healthNotes: orNull(v.healthNotes),
    accommodation: orNull(v.accommodation),
    householdId,
    householdRole: householdId ? orNull(v.householdRole) ?? 'other' : null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function PersonForm(props: {
  /** the record being corrected; null when recording a new person */
  person: CasePerson | null;
  /** a new person joins this household (from the household tab) */
  householdId?: string | null;
  disabled?: boolean;
  submitLabel: string;
  /** create: the full body; edit: the changed fields + version + reason. Rejects with ApiError. */
  onSave: (body: Record<string, unknown>) => Promise<void>;
  /** the edit form's conflict (409): the parent offers to reload */
  onConflict?: () => void;
}) {
  const { t, i18n } = usePersonT();
  const lang = i18n.language;
  const [v, setV] = useState<PersonFormValues>(() => formValuesOf(props.person));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const householdId = props.person ? props.person.householdId : (props.householdId ?? null);
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => {
    setV((x) => ({ ...x, [key]: value }));
    setErrors((e) => (e[key] ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  };
  const setOther = (i: number, key: 'givenName' | 'familyName' | 'script', value: string) =>
    set(
      'otherNames',
      v.otherNames.map((n, j) => (j === i ? { ...n, [key]: value } : n)),
    );

  const countries = useMemo(
    () =>
      [...COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang, t) })).sort((a, b) => a.label.localeCompare(b.label, lang)), ...SPECIAL_NATIONALITIES.map((c) => ({ value: c, label: t(`nationality.${c}`) }))],
    [lang, t],
  );
  const languages = useMemo(() => LANGUAGES.map((l) => ({ value: l.code, label: languageName(l.code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)), [lang]);
  const enumOptions = (key: string, values: readonly string[]) => [{ value: '', label: t('form.none') }, ...values.map((x) => ({ value: x, label: t(`${key}.${x}`) }))];

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (props.disabled) return;
    setError(null);
    const full = bodyOf(v, householdId);
    let body: Record<string, unknown>;
    if (props.person) {
      const before = bodyOf(formValuesOf(props.person), householdId);
      const changed = PERSON_FIELDS.filter((f) => f !== 'householdId' && !same(full[f], before[f]));
      body = { ...Object.fromEntries(changed.map((f) => [f, full[f]])), version: props.person.version, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      if (!changed.length) {
        setErrors({ _form: t('form.nothingChanged') });
        return;
      }
    } else {
      body = { ...full };
    }
    const checked = validatePerson(props.person ? personUpdate : personCreate, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      await props.onSave(body);
      if (props.person) setReason('');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && props.onConflict) {
        props.onConflict();
        return;
      }
      const fieldErrors = apiErrors(e, t);
      const onForm = Object.keys(fieldErrors).some((k) => FORM_KEYS.has(k.split('.')[0] ?? ''));
      setErrors(onForm ? fieldErrors : {});
      setError(e);
      if (onForm) focusFirstError(fieldErrors);
    } finally {
      setBusy(false);
    }
  };

  const disabled = props.disabled || busy;
  const encryptedHint = t('form.encryptedHint');
  return (
    <form onSubmit={submit} noValidate className="form person-form">
      {errors._form ? <Notice kind="info">{errors._form}</Notice> : null}
      {error && !Object.keys(errors).length ? <PersonErrorNotice error={error} /> : null}
      {error && Object.keys(errors).length ? <Notice kind="error">{t('common.fixFields', { ns: 'admin' })}</Notice> : null}

      <fieldset className="card" disabled={disabled}>
        <legend>{t('form.names')}</legend>
        <div className="grid-2">
          <TextField label={t('fields.givenName')} value={v.givenName} onChange={(x) => set('givenName', x)} error={errors.givenName} required autoComplete="off" />
          <TextField label={t('fields.familyName')} value={v.familyName} onChange={(x) => set('familyName', x)} error={errors.familyName} required autoComplete="off" />
        </div>
        <fieldset className="group">
          <legend>{t('fields.otherNames')}</legend>
          <p className="hint">{t('form.otherNamesHint')}</p>
          {v.otherNames.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <fieldset className="grid-3 other-name" key={i}>
              <legend className="visually-hidden">{t('form.otherName', { n: i + 1 })}</legend>
              <TextField label={t('fields.givenName')} value={n.givenName} onChange={(x) => setOther(i, 'givenName', x)} error={errors[`otherNames.${i}.givenName`]} dir="auto" />
              <TextField label={t('fields.familyName')} value={n.familyName} onChange={(x) => setOther(i, 'familyName', x)} error={errors[`otherNames.${i}.familyName`]} dir="auto" />
              <div className="other-name-script">
                <SelectField
                  label={t('fields.script')}
                  value={n.script}
                  onChange={(x) => setOther(i, 'script', x)}
                  options={[{ value: '', label: t('form.none') }, ...SCRIPTS.map((s) => ({ value: s, label: t(`script.${s}`) }))]}
                />
                <button type="button" className="button secondary" onClick={() => set('otherNames', v.otherNames.filter((_, j) => j !== i))}>
                  {t('form.removeOtherName', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <button type="button" className="button secondary" disabled={v.otherNames.length >= 20} onClick={() => set('otherNames', [...v.otherNames, { givenName: '', familyName: '', script: '' }])}>
            {t('form.addOtherName')}
          </button>
        </fieldset>
      </fieldset>

      <fieldset className="card" disabled={disabled}>
        <legend>{t('form.personal')}</legend>
        <div className="grid-3">
          <TextField label={t('fields.birthDate')} type="date" value={v.birthDate} onChange={(x) => set('birthDate', x)} error={errors.birthDate} />
          <SelectField label={t('fields.gender')} value={v.gender} onChange={(x) => set('gender', x)} options={enumOptions('gender', GENDERS)} error={errors.gender} />
          <SelectField
            label={t('fields.preferredLanguage')}
            hint={t('form.preferredLanguageHint')}
            value={v.preferredLanguage}
            onChange={(x) => set('preferredLanguage', x)}
            options={[{ value: '', label: t('form.none') }, ...languages]}
            error={errors.preferredLanguage}
          />
        </div>
        <div className="grid-2">
          <CodePicker
            legend={t('fields.nationalities')}
            addLabel={t('form.addNationality')}
            options={countries}
            selected={v.nationalities}
            onChange={(x) => set('nationalities', x)}
            max={5}
            error={errors.nationalities ?? Object.entries(errors).find(([k]) => k.startsWith('nationalities.'))?.[1]}
            disabled={disabled}
          />
          <CodePicker
            legend={t('fields.languages')}
            addLabel={t('form.addLanguage')}
            options={languages}
            selected={v.languages}
            onChange={(x) => set('languages', x)}
            max={20}
            error={errors.languages}
            disabled={disabled}
          />
        </div>
      </fieldset>

      <fieldset className="card" disabled={disabled}>
        <legend>{t('form.contact')}</legend>
        <div className="grid-2">
          <TextField label={t('fields.phone')} type="tel" value={v.phone} onChange={(x) => set('phone', x)} error={errors.phone} autoComplete="off" />
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(x) => set('email', x)} error={errors.email} autoComplete="off" />
        </div>
        <div className="grid-3">
          <TextField label={t('fields.street')} value={v.street} onChange={(x) => set('street', x)} error={errors.street} autoComplete="off" />
          <TextField label={t('fields.postcode')} inputMode="numeric" value={v.postcode} onChange={(x) => set('postcode', x)} error={errors.postcode} autoComplete="off" />
          <TextField label={t('fields.town')} value={v.town} onChange={(x) => set('town', x)} error={errors.town} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="card" disabled={disabled}>
        <legend>{t('form.residence')}</legend>
        <div className="grid-2">
          <SelectField label={t('fields.residenceStatus')} value={v.residenceStatus} onChange={(x) => set('residenceStatus', x)} options={enumOptions('residenceStatus', RESIDENCE_STATUSES)} error={errors.residenceStatus} />
          <TextField label={t('fields.residenceExpiresOn')} type="date" value={v.residenceExpiresOn} onChange={(x) => set('residenceExpiresOn', x)} error={errors.residenceExpiresOn} />
        </div>
        <TextArea label={t('fields.residenceDetails')} hint={encryptedHint} value={v.residenceDetails} onChange={(x) => set('residenceDetails', x)} error={errors.residenceDetails} rows={3} />
      </fieldset>

      <fieldset className="card" disabled={disabled}>
        <legend>{t('form.living')}</legend>
        <SelectField label={t('fields.accommodation')} value={v.accommodation} onChange={(x) => set('accommodation', x)} options={enumOptions('accommodation', ACCOMMODATIONS)} error={errors.accommodation} />
        {householdId ? (
          <SelectField
            label={t('fields.householdRole')}
            value={v.householdRole || 'other'}
            onChange={(x) => set('householdRole', x)}
            options={HOUSEHOLD_ROLES.map((r) => ({ value: r, label: t(`householdRole.${r}`) }))}
            error={errors.householdRole ?? errors.householdId}
          />
        ) : null}
        <TextArea label={t('fields.healthNotes')} hint={encryptedHint} value={v.healthNotes} onChange={(x) => set('healthNotes', x)} error={errors.healthNotes} rows={3} />
      </fieldset>

      {props.person ? (
        <fieldset className="card" disabled={disabled}>
          <legend>{t('form.correction')}</legend>
          <TextField label={t('fields.reason')} hint={t('form.reasonHint')} value={reason} onChange={setReason} error={errors.reason} />
        </fieldset>
      ) : null}

      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={disabled}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
