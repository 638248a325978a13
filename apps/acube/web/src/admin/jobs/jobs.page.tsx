// /admin/jobs (superadmins): the background queues with their counts (waiting, running, failed,
// parked after their last retry), and for each queue with failures its failed jobs, each to run
// again or (parked ones) to cancel. Through the platform's job admin routes, /api/admin/jobs.
import type { JobsFailedList, JobsQueueList } from '@campus/platform/jobs';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type Column, DataTable } from '@campus/web/table/data-table.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { adminApi } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading, Whose } from '../admin-shell.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';

type Queue = JobsQueueList['items'][number];
type FailedJob = JobsFailedList['items'][number];

const queuesKey = ['admin', 'jobs'] as const;
const jobPath = (queue: string, id: string, what: 'retry' | 'cancel') =>
  `/api/admin/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(id)}/${what}`;

export default function JobsPage() {
  const { t, number } = useI18n();
  const [said, setSaid] = useState('');
  const queues = useQuery({
    queryKey: queuesKey,
    queryFn: ({ signal }) => adminApi<JobsQueueList>('/api/admin/jobs', { signal }),
    // The counts move by themselves: asked again every few seconds while the page is open.
    refetchInterval: 5000,
  });
  const count = (n: number) => number(n);
  const columns: Column<Queue>[] = [
    { key: 'name', header: t('jobs.queue'), cell: (q) => <code>{q.name}</code> },
    { key: 'queued', header: t('jobs.queued'), cell: (q) => count(q.queued), numeric: true },
    { key: 'active', header: t('jobs.active'), cell: (q) => count(q.active), numeric: true },
    { key: 'failed', header: t('jobs.failed'), cell: (q) => count(q.failed), numeric: true },
    { key: 'dead', header: t('jobs.dead'), cell: (q) => count(q.dead), numeric: true },
    { key: 'total', header: t('jobs.total'), cell: (q) => count(q.total), numeric: true },
  ];
  const failing = (queues.data?.items ?? []).filter((q) => q.failed + q.dead > 0);
  return (
    <>
      <PageTitle title={t('jobs.title')} appName={ADMIN_APP_NAME} />
      <p>{t('jobs.intro')}</p>
      {said && <Status className="notice notice--success">{said}</Status>}
      {queues.isPending ? (
        <Loading />
      ) : queues.isError ? (
        <p className="notice notice--error">{requestErrorText(queues.error, t)}</p>
      ) : (
        <>
          <DataTable
            caption={t('jobs.caption')}
            columns={columns}
            rows={queues.data.items}
            rowKey={(q) => q.name}
            empty={t('jobs.noQueues')}
          />
          <h2>{t('jobs.failedTitle')}</h2>
          {failing.length === 0 ? (
            <p className="empty">{t('jobs.noneFailed')}</p>
          ) : (
            failing.map((q) => <FailedJobs key={q.name} queue={q.name} onDone={setSaid} />)
          )}
        </>
      )}
    </>
  );
}

function FailedJobs(props: { queue: string; onDone(message: string): void }) {
  const { t } = useI18n();
  // In the organisation's zone, as the audit log shows its times, not the browser's.
  const dateTime = useZonedDateTime();
  const client = useQueryClient();
  const key = ['admin', 'jobs', props.queue, 'failed'];
  const failed = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      adminApi<JobsFailedList>(`/api/admin/jobs/${encodeURIComponent(props.queue)}/failed`, { signal }),
    refetchInterval: 5000,
  });
  const act = useMutation({
    mutationFn: (input: { job: FailedJob; what: 'retry' | 'cancel' }) =>
      adminApi<unknown>(jobPath(props.queue, input.job.id, input.what), { method: 'POST' }),
    onSuccess: (_answer, input) => {
      props.onDone(
        t(input.what === 'retry' ? 'jobs.retried' : 'jobs.cancelled', { id: input.job.id.slice(0, 8) }),
      );
      void client.invalidateQueries({ queryKey: queuesKey });
    },
  });
  const busy = (job: FailedJob) => act.isPending && act.variables?.job.id === job.id;
  const columns: Column<FailedJob>[] = [
    { key: 'id', header: t('jobs.job'), cell: (j) => <code title={j.id}>{j.id.slice(0, 8)}</code> },
    { key: 'created', header: t('jobs.created'), cell: (j) => dateTime(j.created_at) },
    {
      key: 'state',
      header: t('jobs.state'),
      cell: (j) => <span className="badge badge--error">{t(`jobs.states.${j.state}`)}</span>,
    },
    { key: 'retries', header: t('jobs.retries'), cell: (j) => j.retry_count, numeric: true },
    { key: 'error', header: t('jobs.error'), cell: (j) => j.error ?? '' },
    {
      key: 'actions',
      header: t('jobs.actions'),
      cell: (j) => (
        <div className="actions actions--tight">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy(j)}
            onClick={() => act.mutate({ job: j, what: 'retry' })}
          >
            {t('jobs.retry')}
            <Whose name={j.id.slice(0, 8)} />
          </button>
          {j.state === 'dead' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy(j)}
              onClick={() => act.mutate({ job: j, what: 'cancel' })}
            >
              {t('jobs.cancel')}
              <Whose name={j.id.slice(0, 8)} />
            </button>
          )}
        </div>
      ),
    },
  ];
  return (
    <section aria-labelledby={`failed-${props.queue}`}>
      <h3 id={`failed-${props.queue}`}>
        <code>{props.queue}</code>
      </h3>
      {act.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(act.error, t)}
        </p>
      )}
      {failed.isPending ? (
        <Loading />
      ) : failed.isError ? (
        <p className="notice notice--error">{requestErrorText(failed.error, t)}</p>
      ) : (
        <DataTable
          caption={t('jobs.failedCaption', { queue: props.queue })}
          captionHidden
          columns={columns}
          rows={failed.data.items}
          rowKey={(j) => j.id}
          empty={t('jobs.noneFailed')}
        />
      )}
    </section>
  );
}
