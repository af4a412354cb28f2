// Record a person. Before the record is created, the duplicate check runs (names in every
// spelling, phonetics, birth date); likely duplicates are shown with a link to open them, records
// of other teams only as a hint. The user records the person anyway only by confirming.
import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import type { CasePerson, DuplicateResult } from '../../../shared/contracts/casePersons.ts';
import { ApiError, api } from '../api.ts';
import { BackLink, PageHeader } from '../components/ui.tsx';
import { useTenant } from '../tenant.tsx';
import { PersonForm } from './PersonForm.tsx';
import { UUID, personPaths } from './personsApi.ts';
import { DuplicateWarning, PersonErrorNotice, usePersonT } from './personUi.tsx';

export function PersonNewPage() {
  const { t } = usePersonT();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const household = params.get('household');
  const householdId = household && UUID.test(household) ? household : null;
  const [pending, setPending] = useState<{ body: Record<string, unknown>; result: DuplicateResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async (body: Record<string, unknown>, confirmed: boolean) => {
    const created = await api<CasePerson>('POST', personPaths.persons(slug), { ...body, confirmedNotDuplicate: confirmed });
    navigate(`/${created.id}`);
  };

  const onSave = async (body: Record<string, unknown>) => {
    setPending(null);
    const check = await api<DuplicateResult>('POST', personPaths.duplicates(slug), {
      givenName: body.givenName,
      familyName: body.familyName,
      otherNames: body.otherNames,
      birthDate: body.birthDate,
    });
    if (check.candidates.length || check.hints.length) {
      setPending({ body, result: check });
      return;
    }
    try {
      await create(body, false);
    } catch (e) {
      // Someone recorded the same person in the meantime.
      if (e instanceof ApiError && e.code === 'duplicate' && e.details) {
        setPending({ body, result: e.details as DuplicateResult });
        return;
      }
      throw e;
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await create(pending.body, true);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink href="/">{t('list.back')}</BackLink>
      <PageHeader title={t('new.title')} />
      <p className="lead">{t('new.intro')}</p>
      {pending ? (
        <DuplicateWarning result={pending.result} busy={busy} onConfirm={() => void confirm()} onCancel={() => setPending(null)} confirmLabel={t('duplicates.createAnyway')} />
      ) : null}
      <PersonErrorNotice error={error} />
      <PersonForm person={null} householdId={householdId} submitLabel={t('new.submit')} onSave={onSave} disabled={busy} />
    </>
  );
}
