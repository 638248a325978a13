// The check-ins, newest first: name, school number, time, status (and how it came about),
// flags. A device that checked in several students is said in words, not by colour alone.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { byNewest, type LiveCheckin } from '../sessions.api.ts';
import type { Student } from './mark-dialog.tsx';

export function CheckedInTable(props: { checkins: LiveCheckin[]; onRemove(student: Student): void }) {
  const { t, has, time } = useI18n();
  const rows = [...props.checkins].sort(byNewest);
  return (
    <DataTable
      caption={t('live.checkedIn.caption')}
      captionHidden
      rows={rows}
      rowKey={(c) => c.student.id}
      rowClassName={(c) => (c.device_flagged ? 'row--flagged' : undefined)}
      empty={t('live.checkedIn.empty')}
      columns={[
        { key: 'name', header: t('live.columns.name'), cell: (c) => c.student.full_name },
        { key: 'number', header: t('live.columns.schoolNumber'), cell: (c) => c.student.school_number },
        {
          key: 'time',
          header: t('live.columns.time'),
          cell: (c) => (
            <time dateTime={c.checked_in_at}>
              {time(c.checked_in_at, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
            </time>
          ),
        },
        {
          key: 'status',
          header: t('live.columns.status'),
          cell: (c) => (
            <>
              <span className={`badge ${c.status === 'late' ? 'badge--warning' : 'badge--success'}`}>
                {t(`live.status.${c.status}`)}
              </span>
              {c.source === 'manual' && <span className="cell-note">{t('live.byHand')}</span>}
              {c.verification !== 'not_required' && (
                <span className="cell-note">
                  {has(`live.verification.${c.verification}`)
                    ? t(`live.verification.${c.verification}`)
                    : c.verification}
                </span>
              )}
            </>
          ),
        },
        {
          key: 'flags',
          header: t('live.columns.flags'),
          cell: (c) =>
            c.device_flagged ? (
              <span className="flag">
                <span aria-hidden="true">⚠ </span>
                {t('live.sameDevice')}
              </span>
            ) : (
              <span className="visually-hidden">{t('live.noFlags')}</span>
            ),
        },
        {
          key: 'actions',
          header: <span className="visually-hidden">{t('live.columns.actions')}</span>,
          cell: (c) => (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => props.onRemove(c.student)}
            >
              {t('live.remove')}
              <span className="visually-hidden">: {c.student.full_name}</span>
            </button>
          ),
        },
      ]}
    />
  );
}
