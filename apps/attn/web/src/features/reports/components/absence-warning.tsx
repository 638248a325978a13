// On the student's home screen: the courses where they are near or over the absence limit,
// said in words, with what is left and where to read more.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Link } from 'wouter';
import { useOwnAbsences } from '../teacher-reports.api.ts';

export function AbsenceWarning() {
  const { t } = useI18n();
  const absences = useOwnAbsences();
  const shown = absences.data?.items.filter((i) => i.limit_status !== 'ok') ?? [];
  if (shown.length === 0) return null;
  const over = shown.some((i) => i.limit_status === 'over');
  return (
    <section
      className={`notice ${over ? 'notice--error' : 'notice--warning'}`}
      aria-labelledby="absence-warning-title"
    >
      <h2 id="absence-warning-title">{t('absenceWarning.title')}</h2>
      <ul>
        {shown.map((i) => (
          <li key={i.course.id}>
            <strong>{i.course.code}</strong>{' '}
            {i.limit_status === 'over'
              ? t('absenceWarning.over', { count: i.absent, allowed: i.allowed_absences, percent: i.percent })
              : t('absenceWarning.near', { count: i.absences_left, absent: i.absent, percent: i.percent })}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/student/history">{t('absenceWarning.more')}</Link>
      </p>
    </section>
  );
}
