// The columns the lists of submitted records share (bookings, volunteer applications, contact
// messages): the reference linking to the record's page, the name and address, the status
// changed from the row, and when it was received. Each list adds its own between them.
import type { GridColumn } from '@campus/web/table/data-grid.tsx';
import { Link } from 'wouter';
import { StatusCell } from './status-cell.tsx';

interface Submitted {
  id: string;
  reference: string;
  name: string;
  email: string;
  status: string;
  created_at: string;
}

export function submittedColumns<T extends Submitted>(
  words: { t(key: string): string; dateTime(iso: string): string },
  record: {
    /** The record's own page. */
    page(row: T): string;
    /** The route that takes { status } with PATCH. */
    statusPath(row: T): string;
    statuses: readonly string[];
  },
): Record<'reference' | 'name' | 'email' | 'status' | 'received', GridColumn<T>> {
  const { t, dateTime } = words;
  const statuses = record.statuses.map((s) => ({ value: s, label: t(`lists.status.${s}`) }));
  return {
    reference: {
      key: 'reference',
      header: t('lists.col.reference'),
      sortable: true,
      fixed: true,
      nowrap: true,
      cell: (r) => <Link href={record.page(r)}>{r.reference}</Link>,
    },
    name: { key: 'name', header: t('lists.col.name'), sortable: true, cell: (r) => r.name },
    email: { key: 'email', header: t('lists.col.email'), sortable: true, cell: (r) => r.email },
    status: {
      key: 'status',
      header: t('lists.col.status'),
      sortable: true,
      cell: (r) => (
        <StatusCell
          key={`${r.id}:${r.status}`}
          path={record.statusPath(r)}
          current={r.status}
          rowLabel={r.reference}
          statuses={statuses}
        />
      ),
    },
    received: {
      key: 'created_at',
      header: t('lists.col.received'),
      sortable: true,
      nowrap: true,
      cell: (r) => dateTime(r.created_at),
    },
  };
}
