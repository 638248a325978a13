// ATTN's frame: the navigation of the logged-in role, the language switch and logout.

import { LanguageSwitch, useI18n } from '@campus/web/i18n/i18n.tsx';
import { AppShell, type NavItem } from '@campus/web/layout/app-shell.tsx';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ADMIN_SCREENS } from '../admin/admin-screens.ts';
import { homeFor, type Me, useLogout, useMe } from '../auth/auth.api.ts';

function navFor(me: Me | null | undefined, t: (key: string) => string): NavItem[] {
  if (me?.role === 'teacher')
    return [
      { href: '/teacher', label: t('nav.courses') },
      { href: '/account', label: t('nav.account') },
    ];
  if (me?.role === 'student')
    return [
      { href: '/student', label: t('nav.checkIn') },
      { href: '/student/history', label: t('nav.history') },
    ];
  if (me?.role === 'admin')
    return [
      ...ADMIN_SCREENS.map((screen) => ({ href: screen.href, label: t(`admin.${screen.key}.title`) })),
      { href: '/account', label: t('nav.account') },
    ];
  return [];
}

export function AttnShell(props: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe().data;
  const logout = useLogout();
  const [, navigate] = useLocation();
  return (
    <AppShell
      appName="ATTN"
      homeHref={homeFor(me?.role)}
      skipLabel={t('shell.skip')}
      navLabel={t('shell.nav')}
      nav={navFor(me, t)}
      menuLabel={t('shell.menu')}
      tools={
        <>
          <LanguageSwitch label={t('shell.language')} names={{ tr: 'Türkçe', en: 'English' }} />
          {me && (
            <>
              <span className="user-name">{me.full_name}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
              >
                {t('shell.logout')}
              </button>
            </>
          )}
        </>
      }
    >
      {props.children}
    </AppShell>
  );
}
