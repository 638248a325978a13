// A-Cube's frame on every public page: "Exit this page" first, then the shared header (name,
// navigation, languages), the page, and the urgent-help text at the foot.
import { LanguageSwitch, useI18n } from '@campus/web/i18n/i18n.tsx';
import { AppShell } from '@campus/web/layout/app-shell.tsx';
import type { ReactNode } from 'react';
import { QuickExit } from '../site/components/quick-exit.tsx';
import { UrgentHelp } from '../site/components/urgent-help.tsx';
import { FALLBACK_EXIT_URL, useSite } from '../site/site.api.ts';

export const APP_NAME = 'A-Cube';

export function AcubeShell(props: { children: ReactNode }) {
  const { t } = useI18n();
  const site = useSite().data;
  return (
    <>
      <QuickExit
        url={site?.quick_exit_url ?? FALLBACK_EXIT_URL}
        label={t('exit.button')}
        hint={t('exit.hint')}
      />
      <AppShell
        appName={APP_NAME}
        homeHref="/"
        skipLabel={t('shell.skip')}
        navLabel={t('shell.nav')}
        nav={[
          { href: '/book', label: t('nav.book') },
          { href: '/events', label: t('nav.events') },
          { href: '/volunteer', label: t('nav.volunteer') },
          { href: '/contact', label: t('nav.contact') },
        ]}
        tools={<LanguageSwitch label={t('shell.language')} names={{ en: 'English', tr: 'Türkçe' }} />}
      >
        {props.children}
      </AppShell>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <UrgentHelp />
        </div>
      </footer>
    </>
  );
}
