// /admin: what waits for the admin now, each figure a link to the list it counts (the jobs'
// figures link to the jobs page for a superadmin, who alone may open it).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { Dashboard } from '../../../../api/src/modules/dashboard/index.ts';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { adminApi, allows, useAdmin } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';

const figures: { key: keyof Dashboard; href: string; superadmin?: boolean; alert?: boolean }[] = [
  { key: 'bookings_new', href: '/admin/bookings?status=pending' },
  { key: 'messages_new', href: '/admin/contact?status=new' },
  { key: 'applications_new', href: '/admin/volunteers?status=new' },
  { key: 'jobs_running', href: '/admin/jobs', superadmin: true },
  { key: 'jobs_failed', href: '/admin/jobs', superadmin: true, alert: true },
];

export default function DashboardPage() {
  const { t, number } = useI18n();
  const { role } = useAdmin();
  const dashboard = useQuery({
    queryKey: ['admin', 'dashboard'],
    queryFn: () => adminApi<Dashboard>('/api/admin/dashboard'),
  });
  return (
    <>
      <PageTitle title={t('dashboard.title')} appName={ADMIN_APP_NAME} />
      <p>{t('dashboard.intro')}</p>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <p className="notice notice--error">{requestErrorText(dashboard.error, t)}</p>
      ) : (
        <ul className="stats">
          {figures.map((figure) => {
            const value = dashboard.data[figure.key];
            const label = t(`dashboard.${figure.key}`);
            const linked = !figure.superadmin || allows(role, 'superadmin');
            return (
              <li key={figure.key} className={`stat${figure.alert && value > 0 ? ' stat--alert' : ''}`}>
                <span className="stat__value">{number(value)}</span>
                {linked ? <Link href={figure.href}>{label}</Link> : <span>{label}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
