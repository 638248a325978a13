// /admin/contact: contact messages, filtered, sorted and paged in the URL; each opens its
// message (and its reply) on /admin/contact/:id; statuses change from the list too.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { AdminPageProps } from '../admin-routes.tsx';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { CONTACT_STATUSES, type ContactItem } from './rows.ts';
import { StatusCell } from './status-cell.tsx';

const spec = tableSpec(
  [],
  ['created_at', 'updated_at', 'reference', 'name', 'email', 'subject', 'status'],
  '-created_at',
);

export default function ContactPage(_props: AdminPageProps) {
  const { t, dateTime } = useI18n();
  const definition = useMemo<ListDefinition<ContactItem>>(() => {
    const statuses = CONTACT_STATUSES.map((s) => ({ value: s, label: t(`lists.status.${s}`) }));
    return {
      id: 'contact',
      path: '/api/contact',
      spec,
      statuses: CONTACT_STATUSES,
      bulk: 'contact',
      exportEntity: 'contact',
      rowKey: (r) => r.id,
      rowLabel: (r) => r.reference,
      columns: [
        {
          key: 'reference',
          header: t('lists.col.reference'),
          sortable: true,
          fixed: true,
          nowrap: true,
          cell: (r) => <Link href={`/admin/contact/${r.id}`}>{r.reference}</Link>,
        },
        { key: 'subject', header: t('lists.col.subject'), sortable: true, cell: (r) => r.subject },
        { key: 'name', header: t('lists.col.name'), sortable: true, cell: (r) => r.name },
        { key: 'email', header: t('lists.col.email'), sortable: true, cell: (r) => r.email },
        {
          key: 'status',
          header: t('lists.col.status'),
          sortable: true,
          cell: (r) => (
            <StatusCell
              key={`${r.id}:${r.status}`}
              path={`/api/contact/${r.id}/status`}
              current={r.status}
              rowLabel={r.reference}
              statuses={statuses}
            />
          ),
        },
        {
          key: 'created_at',
          header: t('lists.col.received'),
          sortable: true,
          nowrap: true,
          cell: (r) => dateTime(r.created_at),
        },
      ],
    };
  }, [t, dateTime]);
  return <ListPage definition={definition} />;
}
