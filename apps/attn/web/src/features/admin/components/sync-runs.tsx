// The SIS sync's runs: the newest in detail (what it added, changed and removed of each kind,
// and what it skipped), and a table of the recent ones with their status and totals.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import type { SyncRun } from '../admin.api.ts';
import { ScrollBox } from './scroll-box.tsx';

const KINDS = ['terms', 'courses', 'users', 'teachers', 'enrollments'] as const;
const TONE = { ok: 'badge--success', failed: 'badge--error', running: 'badge--warning' } as const;

export function RunStatus(props: { status: SyncRun['status'] }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[props.status]}`}>{t(`admin.sis.status.${props.status}`)}</span>;
}

type Changes = NonNullable<SyncRun['changes']>;

const total = (changes: Changes, what: 'created' | 'updated' | 'removed') =>
  KINDS.reduce((sum, kind) => sum + changes[kind][what], 0);

export function RunDetail(props: { run: SyncRun }) {
  const { t, number, dateTime } = useI18n();
  const { run } = props;
  const changes = run.changes;
  return (
    <div className="card admin-run">
      <h3>
        {t('admin.sis.latest')} <RunStatus status={run.status} />
      </h3>
      <p className="muted">
        {t('admin.sis.startedAt', { at: dateTime(run.started_at) })}
        {run.finished_at && ` · ${t('admin.sis.finishedAt', { at: dateTime(run.finished_at) })}`}
      </p>
      {run.error && <p className="notice notice--error">{run.error}</p>}
      {changes && (
        <>
          <ScrollBox label={t('admin.sis.countsCaption')}>
            <DataTable
              caption={t('admin.sis.countsCaption')}
              columns={[
                {
                  key: 'kind',
                  header: t('admin.sis.columns.kind'),
                  cell: (k) => t(`admin.import.kinds.${k}`),
                },
                {
                  key: 'created',
                  header: t('admin.sis.columns.created'),
                  cell: (k) => number(changes[k].created),
                  numeric: true,
                },
                {
                  key: 'updated',
                  header: t('admin.sis.columns.updated'),
                  cell: (k) => number(changes[k].updated),
                  numeric: true,
                },
                {
                  key: 'removed',
                  header: t('admin.sis.columns.removed'),
                  cell: (k) => number(changes[k].removed),
                  numeric: true,
                },
              ]}
              rows={[...KINDS]}
              rowKey={(k) => k}
              empty=""
            />
          </ScrollBox>
          <p className="muted">
            {t('admin.sis.skipped', {
              invalid: number(changes.skipped.invalid),
              unresolved: number(changes.skipped.unresolved),
              conflicts: number(changes.skipped.conflicts),
            })}
          </p>
        </>
      )}
    </div>
  );
}

export function RunsTable(props: { runs: SyncRun[] }) {
  const { t, number, dateTime } = useI18n();
  return (
    <ScrollBox label={t('admin.sis.runsCaption')}>
      <DataTable
        caption={t('admin.sis.runsCaption')}
        columns={[
          { key: 'started', header: t('admin.sis.columns.started'), cell: (r) => dateTime(r.started_at) },
          {
            key: 'status',
            header: t('admin.sis.columns.status'),
            cell: (r) => <RunStatus status={r.status} />,
          },
          {
            key: 'changes',
            header: t('admin.sis.columns.changes'),
            cell: (r) =>
              r.changes
                ? t('admin.sis.totals', {
                    created: number(total(r.changes, 'created')),
                    updated: number(total(r.changes, 'updated')),
                    removed: number(total(r.changes, 'removed')),
                  })
                : (r.error ?? '—'),
          },
        ]}
        rows={props.runs}
        rowKey={(r) => r.id}
        empty=""
      />
    </ScrollBox>
  );
}
