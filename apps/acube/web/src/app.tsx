// The routes. Every navigation inside the site replaces the history entry instead of adding
// one (see useReplacingLocation): after "Exit this page", Back does not bring the site back.
// Each page is its own chunk, so the booking form loads nothing of the events pages. The admin
// panel under /admin is its own app (src/admin/admin-app.tsx): its own chunks, words and normal
// history, so Back works there.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Router, Switch, useSearch } from 'wouter';
import { navigate, useBrowserLocation } from 'wouter/use-browser-location';
import { AcubeShell } from './features/shell/acube-shell.tsx';

const pages = {
  home: () => import('./features/site/home.page.tsx'),
  book: () => import('./features/bookings/book.page.tsx'),
  manageBooking: () => import('./features/bookings/manage-booking.page.tsx'),
  events: () => import('./features/events/events.page.tsx'),
  event: () => import('./features/events/event.page.tsx'),
  manageRegistration: () => import('./features/events/manage-registration.page.tsx'),
  volunteer: () => import('./features/volunteers/volunteer.page.tsx'),
  contact: () => import('./features/contact/contact.page.tsx'),
  notFound: () => import('./features/shell/not-found.page.tsx'),
  admin: () => import('./admin/admin-app.tsx'),
};

const HomePage = lazy(pages.home);
const BookPage = lazy(pages.book);
const ManageBookingPage = lazy(pages.manageBooking);
const EventsPage = lazy(pages.events);
const EventPage = lazy(pages.event);
const ManageRegistrationPage = lazy(pages.manageRegistration);
const VolunteerPage = lazy(pages.volunteer);
const ContactPage = lazy(pages.contact);
const NotFoundPage = lazy(pages.notFound);
const AdminApp = lazy(pages.admin);

/** The admin panel's addresses: /admin and everything under it. */
const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** Starts loading the chunk of the page a cold start opens, alongside the language. */
export function preloadRoute(path: string): void {
  const load: Record<string, () => Promise<unknown>> = {
    '/': pages.home,
    '/book': pages.book,
    '/booking': pages.manageBooking,
    '/events': pages.events,
    '/registration': pages.manageRegistration,
    '/volunteer': pages.volunteer,
    '/contact': pages.contact,
  };
  if (isAdminPath(path)) return void pages.admin();
  const page = load[path] ?? (path.startsWith('/events/') ? pages.event : undefined);
  if (page) void page();
}

/** The browser's location, where going somewhere replaces the current entry. */
function useReplacingLocation(): [string, typeof navigate] {
  const [location] = useBrowserLocation();
  return [location, (to, opts) => navigate(to, { ...opts, replace: true })];
}

function Loading() {
  const { t } = useI18n();
  return <Status className="muted">{t('common.loading')}</Status>;
}

const shell = (page: ReactNode) => (
  <AcubeShell>
    <Suspense fallback={<Loading />}>{page}</Suspense>
  </AcubeShell>
);

/** A mailed link carries its token in the query; without one there is nothing to show. */
function WithToken(props: { otherwise: string; children(token: string): ReactNode }) {
  const token = new URLSearchParams(useSearch()).get('token');
  if (!token) return <Redirect to={props.otherwise} replace />;
  return props.children(token);
}

export function App() {
  const [location] = useBrowserLocation();
  if (isAdminPath(location))
    return (
      <Suspense fallback={<Loading />}>
        <AdminApp />
      </Suspense>
    );
  return (
    <Router hook={useReplacingLocation}>
      <Switch>
        <Route path="/">{shell(<HomePage />)}</Route>
        <Route path="/book">{shell(<BookPage />)}</Route>
        <Route path="/booking">
          {shell(<WithToken otherwise="/book">{(token) => <ManageBookingPage token={token} />}</WithToken>)}
        </Route>
        <Route path="/events">{shell(<EventsPage />)}</Route>
        <Route path="/events/:id">{(params) => shell(<EventPage id={params.id} />)}</Route>
        <Route path="/registration">
          {shell(
            <WithToken otherwise="/events">{(token) => <ManageRegistrationPage token={token} />}</WithToken>,
          )}
        </Route>
        <Route path="/volunteer">{shell(<VolunteerPage />)}</Route>
        <Route path="/contact">{shell(<ContactPage />)}</Route>
        <Route>{shell(<NotFoundPage />)}</Route>
      </Switch>
    </Router>
  );
}
