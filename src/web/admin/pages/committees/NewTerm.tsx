// A new legislative term (name, start, end): of the whole council (Places) or a committee's own
// (committee page). The state and submit live in the hook; the fields in `TermFields`.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { termInput } from '../../../../shared/contracts/committees.ts';
import { api } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useTenant } from '../../tenant.tsx';
import { useLocalizeErrors } from './errors.tsx';
import { committeePaths } from './committeesApi.ts';

interface TermValues {
  name: string;
  startDate: string;
  endDate: string;
}

const EMPTY: TermValues = { name: '', startDate: '', endDate: '' };

/** Values, field errors, the last API error and the submit handler of the new-term form. */
export function useNewTerm(committeeId: string | null, onAdded: () => void) {
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(termInput, { ...v, committeeId, endDate: v.endDate || null }, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    try {
      await api('POST', committeePaths.terms(slug), checked.data);
      setV(EMPTY);
      onAdded();
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
  };
  return { v, setV, errors, error, setError, submit };
}

export function TermFields({ v, setV, errors }: { v: TermValues; setV: (v: TermValues) => void; errors: FieldErrors }) {
  const { t } = useTranslation('committees');
  return (
    <div className="grid-3">
      <TextField label={t('fields.termName')} required value={v.name} onChange={(name) => setV({ ...v, name })} error={errors.name} />
      <TextField label={t('fields.startDate')} type="date" required value={v.startDate} onChange={(startDate) => setV({ ...v, startDate })} error={errors.startDate} />
      <TextField label={t('fields.endDate')} type="date" value={v.endDate} onChange={(endDate) => setV({ ...v, endDate })} error={errors.endDate} />
    </div>
  );
}
