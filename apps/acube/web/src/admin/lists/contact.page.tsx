// /admin/contact: contact messages, filtered, sorted and paged in the URL; each opens its
// message (and its reply) on /admin/contact/:id; statuses change from the list too.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { submittedColumns } from './columns.tsx';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { CONTACT_STATUSES, type ContactItem } from './rows.ts';

const spec = tableSpec(
  [],
  ['created_at', 'updated_at', 'reference', 'name', 'email', 'subject', 'status'],
  '-created_at',
);

export default function ContactPage(_props: AdminPageProps) {
  const { t } = useI18n();
  const dateTime = useZonedDateTime();
  const definition = useMemo<ListDefinition<ContactItem>>(() => {
    const c = submittedColumns<ContactItem>(
      { t, dateTime },
      {
        page: (r) => `/admin/contact/${r.id}`,
        statusPath: (r) => `/api/contact/${r.id}/status`,
        statuses: CONTACT_STATUSES,
      },
    );
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
        c.reference,
        { key: 'subject', header: t('lists.col.subject'), sortable: true, cell: (r) => r.subject },
        c.name,
        c.email,
        c.status,
        c.received,
      ],
    };
  }, [t, dateTime]);
  return <ListPage definition={definition} />;
}
