// The admin's start. Terms, courses, roster imports and SIS sync have their screens in the next
// part of the front end; until then an admin works through the API and its documentation.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';

export default function AdminHomePage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('admin.title')} appName="ATTN" />
      <p>{t('admin.body')}</p>
      <p>
        <a href="/docs">{t('admin.docs')}</a>
      </p>
    </>
  );
}
