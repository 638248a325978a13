// /admin/sis: whether a SIS is configured and answering, when the sync runs by itself, "run a
// sync now", and the recent runs with their status and counts (the newest in detail). After
// "run now" the runs are asked for every two seconds until the new run has finished.
import './admin.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText } from '../sessions/components/error-text.ts';
import { adminKey, useRunSync, useSisStatus, useSyncRuns } from './admin.api.ts';
import { BackToAdmin } from './components/back-link.tsx';
import { RunDetail, RunsTable } from './components/sync-runs.tsx';

/** How long the page waits for a queued sync to show up finished. */
const WATCH_FOR_MS = 3 * 60_000;

export default function SisSyncPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useQueryClient();
  const status = useSisStatus();
  const run = useRunSync();
  // The newest run's id when "run now" was pressed: watched until a newer run has finished.
  const [waitingAfter, setWaitingAfter] = useState<string | null | undefined>(undefined);
  const runs = useSyncRuns(waitingAfter !== undefined);
  const newest = runs.data?.runs[0];

  useEffect(() => {
    if (waitingAfter === undefined || !newest) return;
    if (newest.id !== waitingAfter && newest.status !== 'running') {
      setWaitingAfter(undefined);
      void client.invalidateQueries({ queryKey: [...adminKey, 'sis', 'status'] });
      void client.invalidateQueries({ queryKey: [...adminKey, 'terms'] });
      void client.invalidateQueries({ queryKey: [...adminKey, 'courses'] });
    }
  }, [waitingAfter, newest, client]);

  // A run that never gets recorded (its job failed: see the jobs screen) stops the watch.
  useEffect(() => {
    if (waitingAfter === undefined) return;
    const timer = setTimeout(() => setWaitingAfter(undefined), WATCH_FOR_MS);
    return () => clearTimeout(timer);
  }, [waitingAfter]);

  const configured = status.data?.configured === true;
  const waiting = waitingAfter !== undefined;

  return (
    <>
      <BackToAdmin />
      <PageTitle title={t('admin.sis.title')} appName="ATTN" />
      {status.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {status.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(status.error, i18n, 'admin')}
        </p>
      )}
      {status.data && (
        <dl className="admin-facts">
          <div>
            <dt>{t('admin.sis.connection')}</dt>
            <dd>
              {configured
                ? t(`admin.sis.breaker.${status.data.breaker_state ?? 'closed'}`)
                : t('admin.sis.notConfigured')}
            </dd>
          </div>
          {status.data.sync_cron && (
            <div>
              <dt>{t('admin.sis.schedule')}</dt>
              <dd>
                <code>{status.data.sync_cron}</code> {t('admin.sis.scheduleUtc')}
              </dd>
            </div>
          )}
        </dl>
      )}

      {configured && (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={run.isPending || waiting}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: () => setWaitingAfter(newest?.id ?? null),
              })
            }
          >
            {waiting ? t('admin.sis.running') : t('admin.sis.runNow')}
          </button>
        </div>
      )}
      <Status className="muted">{waiting ? t('admin.sis.queued') : ''}</Status>
      {run.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(run.error, i18n, 'admin')}
        </p>
      )}

      <section className="admin-section" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('admin.sis.runs')}</h2>
        {runs.isPending && <Status className="muted">{t('common.loading')}</Status>}
        {runs.isError && (
          <p className="notice notice--error" role="alert">
            {errorText(runs.error, i18n, 'admin')}
          </p>
        )}
        {runs.data && runs.data.runs.length === 0 && <p className="empty">{t('admin.sis.noRuns')}</p>}
        {newest && <RunDetail run={newest} />}
        {runs.data && runs.data.runs.length > 0 && <RunsTable runs={runs.data.runs} />}
      </section>
    </>
  );
}
