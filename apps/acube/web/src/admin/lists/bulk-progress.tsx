// A background bulk operation as it runs: its id is in the URL (?operation=), so the same bar
// comes back after a reload; the bar follows each answer of the operation's progress route
// and, once it ends, gives way to the outcome (done, missing, failed, the report to download).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { isFinished, operationQuery } from './lists.api.ts';

/** The id of the report's file in its download URL (/api/admin/bulk/export/files/<id>). */
const fileIdOf = (url: string) => url.split('/').pop() ?? '';

export function BulkProgress(props: { id: string; onClose(): void }) {
  const { t, number } = useI18n();
  const client = useQueryClient();
  const { data: op, error } = useQuery(operationQuery(props.id));
  const finished = op ? isFinished(op) : false;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!finished) return;
    // The records changed: the lists show them anew.
    void client.invalidateQueries({ queryKey: ['admin-list'] });
    heading.current?.focus();
  }, [finished, client]);

  if (error) {
    return (
      <section className="notice notice--error bulk-progress" aria-labelledby="bulk-progress-title">
        <h2 id="bulk-progress-title">{t('lists.bulk.progressTitle')}</h2>
        <p>{t('lists.bulk.operationUnknown')}</p>
        <button type="button" className="button button--secondary" onClick={props.onClose}>
          {t('lists.bulk.close')}
        </button>
      </section>
    );
  }
  if (!op) return <p role="status">{t('common.loading')}</p>;
  const { done, total } = op.progress;
  return (
    <section
      className={`notice bulk-progress${finished ? (op.status === 'failed' ? ' notice--error' : ' notice--success') : ''}`}
      aria-labelledby="bulk-progress-title"
    >
      <h2 id="bulk-progress-title" ref={heading} tabIndex={-1}>
        {finished
          ? op.status === 'failed'
            ? t('lists.bulk.failedTitle')
            : t('lists.bulk.doneTitle')
          : t('lists.bulk.progressTitle')}
      </h2>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('lists.bulk.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('lists.bulk.progressText', { done: number(done), total: number(total) })}
      >
        <div className="progress__bar" style={{ width: `${total > 0 ? (100 * done) / total : 0}%` }} />
      </div>
      <p aria-hidden="true">{t('lists.bulk.progressText', { done: number(done), total: number(total) })}</p>
      {finished && (
        <>
          <ul className="bulk-progress__outcome">
            <li>{t('lists.bulk.outcomeDone', { count: op.done, n: number(op.done) })}</li>
            <li>{t('lists.bulk.outcomeMissing', { count: op.missing, n: number(op.missing) })}</li>
            <li>{t('lists.bulk.outcomeFailed', { count: op.failed, n: number(op.failed) })}</li>
            {op.not_attempted > 0 && (
              <li>
                {t('lists.bulk.outcomeNotAttempted', {
                  count: op.not_attempted,
                  n: number(op.not_attempted),
                })}
              </li>
            )}
          </ul>
          {op.error && <p>{op.error}</p>}
          <p className="actions">
            {op.report_url && (
              <Link href={`/admin/downloads/${fileIdOf(op.report_url)}`}>{t('lists.bulk.report')}</Link>
            )}
            <button type="button" className="button button--secondary" onClick={props.onClose}>
              {t('lists.bulk.close')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
