// Entry points of the referral pages for the router (lazy: partners and leads load them on demand).
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/ui.tsx';

const Inbox = lazy(() => import('./ReferralInbox.tsx').then((m) => ({ default: m.ReferralInboxPage })));
const InboxDetail = lazy(() => import('./ReferralInbox.tsx').then((m) => ({ default: m.ReferralInboxDetailPage })));
const ConsentTexts = lazy(() => import('./ConsentTextsPage.tsx').then((m) => ({ default: m.ConsentTextsPage })));

export function ReferralPage({ page }: { page: 'inbox' | 'inboxDetail' | 'consentTexts' }) {
  const Page = page === 'inbox' ? Inbox : page === 'inboxDetail' ? InboxDetail : ConsentTexts;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
