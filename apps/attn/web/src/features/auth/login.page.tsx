// /login: school number and password; afterwards the page the person asked for (?next=, same
// site only) or their role's home.

import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { Redirect, useLocation, useSearch } from 'wouter';
import { homeFor, useMe } from './auth.api.ts';
import { LoginForm } from './login-form.tsx';

/** Only a path of this site: never an absolute or protocol-relative URL. */
export function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export default function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  if (me.data) return <Redirect to={next ?? homeFor(me.data.role)} replace />;
  return (
    <div className="narrow">
      <PageTitle title={t('auth.title')} appName="ATTN" />
      <p>{t('auth.intro')}</p>
      <LoginForm onLoggedIn={(user) => navigate(next ?? homeFor(user.role), { replace: true })} />
    </div>
  );
}
