// The latest check-ins across courses, with how their verification went.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { useRecentCheckins } from '../reports.api.ts';
import { AttendanceStatus } from './course-attendance.tsx';

export function RecentCheckins() {
  const { t, dateTime } = useI18n();
  const recent = useRecentCheckins(10);
  if (!recent.data) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('history.recent')}</h2>
      <DataTable
        caption={t('history.recentCaption')}
        captionHidden
        columns={[
          { key: 'when', header: t('history.columns.when'), cell: (r) => dateTime(r.checked_in_at) },
          { key: 'course', header: t('history.columns.course'), cell: (r) => r.course.code },
          {
            key: 'status',
            header: t('history.columns.status'),
            cell: (r) => (
              <AttendanceStatus attendance={r.status} verification={r.verification} source={r.source} />
            ),
          },
        ]}
        rows={recent.data.items}
        rowKey={(r) => r.id}
        empty={t('history.noCheckins')}
      />
    </section>
  );
}
