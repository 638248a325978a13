// The admin's start: a card for each task (terms and courses, the roster import, the SIS sync,
// the background jobs) and the API documentation for what has no screen.
import './admin.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { ADMIN_SCREENS } from './admin-screens.ts';

export default function AdminHomePage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('admin.title')} appName="ATTN" />
      <p>{t('admin.intro')}</p>
      <ul className="cards" aria-label={t('admin.tasks')}>
        {ADMIN_SCREENS.map((screen) => (
          <li key={screen.href} className="card admin-card">
            <h2>
              <Link href={screen.href}>{t(`admin.${screen.key}.title`)}</Link>
            </h2>
            <p>{t(`admin.${screen.key}.summary`)}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/docs">{t('admin.docs')}</a>
      </p>
    </>
  );
}
