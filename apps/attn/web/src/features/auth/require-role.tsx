// Screens for one role: nobody logged in goes to /login (and comes back after), another role
// is told the page is not theirs. The API decides access anyway; this only spares a dead end.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import type { ReactNode } from 'react';
import { Link, Redirect, useLocation } from 'wouter';
import { homeFor, type Role, useMe } from './auth.api.ts';

export function RequireRole(props: { allow: Role | readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <Status>{t('common.loading')}</Status>;
  if (me.isError) return <p className="notice notice--error">{t('errors.unexpected')}</p>;
  if (!me.data) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} replace />;
  const allowed: readonly Role[] = typeof props.allow === 'string' ? [props.allow] : props.allow;
  if (!allowed.includes(me.data.role))
    return (
      <>
        <PageTitle title={t('auth.notYours')} appName="ATTN" />
        <p>
          <Link href={homeFor(me.data.role)}>{t('common.goHome')}</Link>
        </p>
      </>
    );
  return <>{props.children}</>;
}
