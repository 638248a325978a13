// The admin panel's pages: one entry a page, each its own chunk, with the least role that may
// open it. The shell links only the pages the admin's role allows (in this order); a direct URL
// beyond the role shows "not allowed" (the API refuses anyway: this only spares a dead end).
// A page is `export default function XPage(props: AdminPageProps)`. The browser tests open every
// entry (e2e/admin-accessibility.e2e.test.ts), so a page added here is checked there too.
import type { ComponentType } from 'react';
import type { AdminRole } from './admin-api.ts';

/** What a page is given: the route's :params (also at hand through wouter's useParams). */
export interface AdminPageProps {
  params: Record<string, string | undefined>;
}

type PageModule = { default: ComponentType<AdminPageProps> };

export interface AdminRoute {
  /** A wouter pattern under /admin, with :params ('/admin/bookings/:id'). */
  path: string;
  load: () => Promise<PageModule>;
  /** The least role that may open it: a superadmin may open every page a staff member may. */
  role: AdminRole;
  /** The admin catalogue's key for the shell's link to it; none for detail and form pages. */
  nav?: string;
}

/** The pages behind the login. */
export const adminRoutes: AdminRoute[] = [
  { path: '/admin', load: () => import('./pages/dashboard.page.tsx'), role: 'staff', nav: 'nav.dashboard' },
  { path: '/admin/downloads/:fileId', load: () => import('./pages/download.page.tsx'), role: 'staff' },
  {
    path: '/admin/bookings',
    load: () => import('./lists/bookings.page.tsx'),
    role: 'staff',
    nav: 'nav.bookings',
  },
  { path: '/admin/events', load: () => import('./lists/events.page.tsx'), role: 'staff', nav: 'nav.events' },
  // (the new-event page before :id, which would take "new" for an id)
  { path: '/admin/events/new', load: () => import('./events/new-event.page.tsx'), role: 'staff' },
  { path: '/admin/events/:id', load: () => import('./events/event.page.tsx'), role: 'staff' },
  {
    path: '/admin/registrations',
    load: () => import('./lists/registrations.page.tsx'),
    role: 'staff',
    nav: 'nav.registrations',
  },
  {
    path: '/admin/volunteers',
    load: () => import('./lists/volunteers.page.tsx'),
    role: 'staff',
    nav: 'nav.volunteers',
  },
  { path: '/admin/bookings/:id', load: () => import('./bookings/booking.page.tsx'), role: 'staff' },
  { path: '/admin/volunteers/:id', load: () => import('./lists/volunteer.page.tsx'), role: 'staff' },
  {
    path: '/admin/contact',
    load: () => import('./lists/contact.page.tsx'),
    role: 'staff',
    nav: 'nav.contact',
  },
  { path: '/admin/contact/:id', load: () => import('./contact/contact-message.page.tsx'), role: 'staff' },
  { path: '/admin/audit', load: () => import('./audit/audit.page.tsx'), role: 'staff', nav: 'nav.audit' },
  {
    path: '/admin/exports',
    load: () => import('./exports/exports.page.tsx'),
    role: 'staff',
    nav: 'nav.exports',
  },
  {
    path: '/admin/admins',
    load: () => import('./admins/admins.page.tsx'),
    role: 'superadmin',
    nav: 'nav.admins',
  },
  { path: '/admin/jobs', load: () => import('./jobs/jobs.page.tsx'), role: 'superadmin', nav: 'nav.jobs' },
  {
    path: '/admin/privacy',
    load: () => import('./privacy/privacy.page.tsx'),
    role: 'superadmin',
    nav: 'nav.privacy',
  },
  {
    path: '/admin/account',
    load: () => import('./account/account-security.page.tsx'),
    role: 'staff',
    nav: 'nav.account',
  },
];

/** The pages for someone not logged in: the login, and the mailed links' password pages. */
export const adminPublicRoutes: { path: string; load: () => Promise<PageModule> }[] = [
  { path: '/admin/login', load: () => import('./pages/login.page.tsx') },
  { path: '/admin/set-password', load: () => import('./pages/set-password.page.tsx') },
  { path: '/admin/reset-password', load: () => import('./pages/reset-password.page.tsx') },
];
