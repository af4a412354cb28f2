// The committees area of the back office (/admin/{tenant}/committees/…): committees, meetings,
// papers, persons, places and terms. Mounted by App.tsx as a nested route.
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import './committees.css';
import { CommitteeDetailPage } from './CommitteeDetail.tsx';
import { CommitteeListPage } from './CommitteeList.tsx';
import { MeetingEditPage } from './MeetingEdit.tsx';
import { MeetingListPage } from './MeetingList.tsx';
import { PaperEditPage } from './PaperEdit.tsx';
import { PaperListPage } from './PaperList.tsx';
import { PersonsPage } from './Persons.tsx';
import { PlacesPage } from './Places.tsx';

export function CommitteeRoutes() {
  return (
    <>
      <SubNav />
      <Switch>
        <Route path="/" component={CommitteeListPage} />
        <Route path="/meetings" component={MeetingListPage} />
        <Route path="/meetings/new" component={MeetingEditPage} />
        <Route path="/meetings/:id" component={MeetingEditPage} />
        <Route path="/papers" component={PaperListPage} />
        <Route path="/papers/new" component={PaperEditPage} />
        <Route path="/papers/:id" component={PaperEditPage} />
        <Route path="/persons" component={PersonsPage} />
        <Route path="/places" component={PlacesPage} />
        <Route path="/:id" component={CommitteeDetailPage} />
      </Switch>
    </>
  );
}

function SubNav() {
  const { t } = useTranslation('committees');
  const [location] = useLocation();
  const items = [
    { href: '/', label: t('subnav.committees') },
    { href: '/meetings', label: t('subnav.meetings') },
    { href: '/papers', label: t('subnav.papers') },
    { href: '/persons', label: t('subnav.persons') },
    { href: '/places', label: t('subnav.places') },
  ];
  const current = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`));
  return (
    <nav className="committee-subnav" aria-label={t('subnav.label')}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href} aria-current={current(i.href) ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
