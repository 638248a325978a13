// /admin/jobs: every queue with its counts (failed and dead-lettered first: on a phone they are
// the ones in view; then waiting, running, all), and
// for each queue with failed or dead-lettered jobs, those jobs with their error: "run again",
// and for a dead-lettered one "cancel". The platform's job admin routes answer all of it.
import './admin.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { useState } from 'react';
import { errorText } from '../sessions/components/error-text.ts';
import { type JobQueue, useJobAction, useJobQueues } from './admin.api.ts';
import { BackToAdmin } from './components/back-link.tsx';
import { FailedJobs } from './components/failed-jobs.tsx';
import { ScrollBox } from './components/scroll-box.tsx';

function QueuesTable(props: { queues: JobQueue[] }) {
  const { t, number } = useI18n();
  const n = (value: number) => number(value);
  return (
    <ScrollBox label={t('admin.jobs.queuesCaption')}>
      <DataTable
        caption={t('admin.jobs.queuesCaption')}
        captionHidden
        columns={[
          { key: 'name', header: t('admin.jobs.columns.queue'), cell: (q) => <code>{q.name}</code> },
          {
            key: 'failed',
            header: t('admin.jobs.columns.failed'),
            cell: (q) => (q.failed > 0 ? <strong>{n(q.failed)}</strong> : n(q.failed)),
            numeric: true,
          },
          {
            key: 'dead',
            header: t('admin.jobs.columns.dead'),
            cell: (q) => (q.dead > 0 ? <strong>{n(q.dead)}</strong> : n(q.dead)),
            numeric: true,
          },
          { key: 'queued', header: t('admin.jobs.columns.queued'), cell: (q) => n(q.queued), numeric: true },
          { key: 'active', header: t('admin.jobs.columns.active'), cell: (q) => n(q.active), numeric: true },
          { key: 'total', header: t('admin.jobs.columns.total'), cell: (q) => n(q.total), numeric: true },
        ]}
        rows={props.queues}
        rowKey={(q) => q.name}
        empty={t('admin.jobs.noQueues')}
      />
    </ScrollBox>
  );
}

export default function JobsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const queues = useJobQueues();
  const action = useJobAction();
  const [done, setDone] = useState('');
  const troubled = (queues.data?.items ?? []).filter((q) => q.failed + q.dead > 0);

  return (
    <>
      <BackToAdmin />
      <PageTitle title={t('admin.jobs.title')} appName="ATTN" />
      <p>{t('admin.jobs.intro')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={queues.isFetching}
          onClick={() => void queues.refetch()}
        >
          {t('admin.jobs.refresh')}
        </button>
      </div>
      {queues.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {queues.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(queues.error, i18n, 'admin')}
        </p>
      )}
      {queues.data && (
        <section className="admin-section" aria-labelledby="queues-title">
          <h2 id="queues-title">{t('admin.jobs.queues')}</h2>
          <QueuesTable queues={queues.data.items} />
        </section>
      )}
      <Status className="muted">{done}</Status>
      {action.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(action.error, i18n, 'admin')}
        </p>
      )}
      {queues.data && (
        <section className="admin-section" aria-labelledby="failed-title">
          <h2 id="failed-title">{t('admin.jobs.failedTitle')}</h2>
          {troubled.length === 0 && <p className="empty">{t('admin.jobs.noFailed')}</p>}
          {troubled.map((q) => (
            <FailedJobs
              key={q.name}
              queue={q.name}
              busy={action.isPending}
              onAction={(id, kind) =>
                action.mutate(
                  { queue: q.name, id, action: kind },
                  { onSuccess: () => setDone(t(`admin.jobs.${kind}Done`, { queue: q.name })) },
                )
              }
            />
          ))}
        </section>
      )}
    </>
  );
}
