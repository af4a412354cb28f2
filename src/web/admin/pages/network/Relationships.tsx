// A list of typed relationships over time, seen from one organisation or contact, with "ended
// on …" and delete (for entries made by mistake).
import { useState } from 'react';
import { Link } from 'wouter';
import type { Relationship } from '../../../../shared/contracts/actors.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ui.tsx';
import { useTenant } from '../../tenant.tsx';
import { formatDay, networkPaths, todayBerlin, useNetworkT } from './common.tsx';

export function RelationshipList(props: { relationships: Relationship[]; perspective: { type: 'organisation' | 'contact'; id: string }; onChanged: () => void }) {
  const { t, ta, lang } = useNetworkT();
  const { slug } = useTenant();
  const [error, setError] = useState<unknown>(null);
  if (!props.relationships.length) return <p>{t('relationships.none')}</p>;
  const end = async (r: Relationship) => {
    setError(null);
    try {
      await api('PUT', networkPaths.relationship(slug, r.id), { startsOn: r.startsOn, endsOn: todayBerlin(), note: r.note });
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (r: Relationship) => {
    if (!window.confirm(t('relationships.confirmDelete'))) return;
    setError(null);
    try {
      await api('DELETE', networkPaths.relationship(slug, r.id));
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const other = (r: Relationship) => {
    const outgoing = r.from.type === props.perspective.type && r.from.id === props.perspective.id;
    const party = outgoing ? { ...r.to, type: 'organisation' as const } : r.from;
    const href = party.type === 'organisation' ? `/organisations/${party.id}` : `/contacts/${party.id}`;
    return { outgoing, party, href };
  };
  return (
    <>
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('relationships.kind')}</th>
              <th scope="col">{t('relationships.otherParty')}</th>
              <th scope="col">{t('relationships.period')}</th>
              <th scope="col">{ta('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.relationships.map((r) => {
              const o = other(r);
              return (
                <tr key={r.id} className={r.current ? undefined : 'muted'}>
                  <td>{o.outgoing ? t(`relationshipKind.${r.kind}`) : t(`relationshipKindInverse.${r.kind}`)}</td>
                  <td>
                    <Link href={o.href}>{o.party.name}</Link>
                  </td>
                  <td>
                    {formatDay(r.startsOn, lang)} – {r.endsOn ? formatDay(r.endsOn, lang) : t('relationships.open')}
                    {r.current ? null : <span className="badge">{t('relationships.ended')}</span>}
                  </td>
                  <td className="actions">
                    {r.current && !r.endsOn ? (
                      <button type="button" className="button small secondary" onClick={() => void end(r)}>
                        {t('relationships.endToday')}
                        <span className="visually-hidden"> – {o.party.name}</span>
                      </button>
                    ) : null}
                    <button type="button" className="button small danger" onClick={() => void remove(r)}>
                      {ta('common.delete')}
                      <span className="visually-hidden"> – {o.party.name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
