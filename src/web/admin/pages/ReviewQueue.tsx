// Review queue: partners' pending changes and offers submitted for review; approve, or reject with a comment.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type ReviewItem, reviewDecision } from '../../../shared/contracts/offerAdmin.ts';
import { api, paths, query } from '../api.ts';
import { TextArea } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, Pager, StatusBadge, formatDateTime, formatValue } from '../components/ui.tsx';
import { apiFieldError, type FieldErrors, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { fieldLabel } from './OfferEdit.tsx';

interface ReviewList {
  items: ReviewItem[];
  total: number;
  page: number;
  pageSize: number;
}

export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const list = useApi<ReviewList>(paths.reviewQueue(slug) + query({ page, pageSize: 20 }));
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('review.title')} />
      <p className="lead">{t('review.intro')}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          {list.data.items.length === 0 ? <p>{t('review.empty')}</p> : null}
          {list.data.items.map((item) => (
            <ReviewCard
              key={`${item.offerId}-${item.submittedAt}`}
              item={item}
              onDecided={(message) => {
                setDone(message);
                list.reload();
              }}
            />
          ))}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}

function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    const checked = validate(reviewDecision, { decision, comment: comment.trim() || undefined }, t);
    if (checked.errors) {
      setErrors({ comment: decision === 'reject' && !comment.trim() ? t('review.commentRequired') : (checked.errors.comment ?? '') });
      return;
    }
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await api('POST', paths.offerReview(slug, item.offerId), checked.data);
      onDecided(decision === 'approve' ? t('review.approved', { title: item.title }) : t('review.rejected', { title: item.title }));
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
      setBusy(false);
    }
  };
  const headingId = `review-${item.offerId}`;
  return (
    <article className="card review" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link href={`/offers/${item.offerId}`}>{item.title}</Link>
      </h2>
      <p className="meta">
        <span className="badge pending">{t(`review.kind.${item.kind}`)}</span> <StatusBadge status={item.status} /> {item.providerName} ·{' '}
        {t('review.submittedBy', { name: item.submittedByName, at: formatDateTime(item.submittedAt, i18n.language) })}
      </p>
      {Object.keys(item.changes).length ? (
        <div className="table-wrap">
          <table className="table compact diff">
            <caption>{t('review.changes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.field')}</th>
                <th scope="col">{t('review.live')}</th>
                <th scope="col">{t('review.proposed')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(item.changes).map(([field, [before, after]]) => (
                <tr key={field}>
                  <th scope="row">{fieldLabel(field, t)}</th>
                  <td className="diff-old">
                    <del>{formatValue(before)}</del>
                  </td>
                  <td className="diff-new">
                    <ins>{formatValue(after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorNotice error={error} />
      <TextArea label={t('review.comment')} hint={t('review.commentHint')} value={comment} onChange={setComment} error={errors.comment} rows={2} />
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide('approve')}>
          {t('review.approve')}
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => void decide('reject')}>
          {t('review.reject')}
        </button>
      </div>
    </article>
  );
}
