import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { APP_NAME } from './acube-shell.tsx';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('notFound.title')} appName={APP_NAME} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('common.goHome')}</Link>
      </p>
    </>
  );
}
