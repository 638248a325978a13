// The way back to the admin's start, above each admin screen's title.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Link } from 'wouter';

export function BackToAdmin() {
  const { t } = useI18n();
  return (
    <p className="admin-back">
      <Link href="/admin">{t('admin.back')}</Link>
    </p>
  );
}
