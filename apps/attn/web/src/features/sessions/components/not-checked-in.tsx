// The roster's students who have not checked in, each with "Mark present" (which opens the
// dialog with the reason). Filterable by name or number, Turkish-aware.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { matchesSearch } from '@campus/web/i18n/text.ts';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { SearchBox, useSearchParam } from '../../courses/components/search-box.tsx';
import type { Student } from './mark-dialog.tsx';

export function NotCheckedIn(props: { students: Student[]; onMark(student: Student): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useSearchParam();
  const rows = props.students
    .filter((s) => !query || matchesSearch(`${s.full_name} ${s.school_number}`, query))
    .sort((a, b) => a.full_name.localeCompare(b.full_name, 'tr', { numeric: true }));
  return (
    <>
      {props.students.length > 5 && (
        <SearchBox label={t('live.missing.filter')} value={query} onChange={setQuery} />
      )}
      <DataTable
        caption={t('live.missing.caption')}
        captionHidden
        rows={rows}
        rowKey={(s) => s.id}
        empty={query ? t('live.missing.noMatch') : t('live.missing.empty')}
        columns={[
          {
            key: 'name',
            header: t('live.columns.student'),
            cell: (s) => (
              <>
                {s.full_name}
                <span className="cell-note">{s.school_number}</span>
              </>
            ),
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('live.columns.actions')}</span>,
            cell: (s) => (
              <button type="button" className="button button--small" onClick={() => props.onMark(s)}>
                {t('live.markPresent')}
                <span className="visually-hidden">: {s.full_name}</span>
              </button>
            ),
          },
        ]}
      />
    </>
  );
}
