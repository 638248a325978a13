// The panel's frame: the shared header with the links the admin's role allows, who is logged in,
// the language switch and "Log out"; and the guard every page behind the login stands in
// (nobody logged in: the login page, then back; a role below the page's: "not allowed").
import { LanguageSwitch, useI18n } from '@campus/web/i18n/i18n.tsx';
import { AppShell, PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type ReactNode, useState } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { type AdminRole, allows, logOut, useAdmin, useSession } from './admin-api.ts';
import { adminRoutes } from './admin-routes.tsx';

export const ADMIN_APP_NAME = 'A-Cube admin';

export function AdminShell(props: { children: ReactNode }) {
  const { t } = useI18n();
  const { admin, role } = useAdmin();
  const [leaving, setLeaving] = useState(false);
  const nav = adminRoutes
    .filter((route) => route.nav && allows(role, route.role))
    .map((route) => ({ href: route.path, label: t(route.nav as string) }));
  const out = async () => {
    setLeaving(true);
    try {
      await logOut();
    } finally {
      setLeaving(false);
    }
  };
  return (
    <div className="admin">
      <AppShell
        appName={t('shell.appName')}
        homeHref="/admin"
        skipLabel={t('shell.skip')}
        navLabel={t('shell.nav')}
        nav={nav}
        menuLabel={t('shell.menu')}
        tools={
          <>
            <LanguageSwitch label={t('shell.language')} names={{ en: 'English', tr: 'Türkçe' }} />
            {admin && (
              <>
                <span className="admin-who">
                  {t('shell.loggedInAs', { name: admin.name, role: t(`roles.${admin.role}`) })}
                </span>
                <button type="button" className="link-button" onClick={out} disabled={leaving}>
                  {leaving ? t('shell.loggingOut') : t('shell.logOut')}
                </button>
              </>
            )}
          </>
        }
      >
        {props.children}
      </AppShell>
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <Status className="muted">{t('common.loading')}</Status>;
}

/** Whose row a button acts on, for a screen reader (the visible words stay first in its name). */
export function Whose(props: { name: string }) {
  return <span className="visually-hidden"> ({props.name})</span>;
}

/** The login page's address that comes back to `location` afterwards. */
export const loginHref = (location: string) =>
  location === '/admin' ? '/admin/login' : `/admin/login?next=${encodeURIComponent(location)}`;

/** A page behind the login, for `role` and above. */
export function RequireAdmin(props: { role: AdminRole; children: ReactNode }) {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.state === 'unknown') return <Loading />;
  if (session.state === 'out') {
    // After "Log out" the plain login page; else the login page that comes back here.
    const back = loginHref(search ? `${location}?${search}` : location);
    return <Redirect to={session.loggedOut ? '/admin/login' : back} replace />;
  }
  if (!allows(session.admin.role, props.role)) return <NotAllowed role={session.admin.role} />;
  return <>{props.children}</>;
}

export function NotAllowed(props: { role: AdminRole }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('notAllowed.title')} appName={ADMIN_APP_NAME} />
      <p>{t('notAllowed.body', { role: t(`roles.${props.role}`) })}</p>
      <p>
        <Link href="/admin">{t('common.goHome')}</Link>
      </p>
    </>
  );
}

export function AdminNotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('notFound.title')} appName={ADMIN_APP_NAME} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/admin">{t('common.goHome')}</Link>
      </p>
    </>
  );
}
