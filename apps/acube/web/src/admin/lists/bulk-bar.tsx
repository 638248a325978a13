// What can be done with the selection: set a status, or (superadmins only; staff never see it)
// delete. Before anything runs the admin confirms the number of records: for "all matching" the
// API counts the filter first, and if the filter matches another number by the time it runs
// (409 COUNT_CHANGED) the dialog says so with the new count and asks again. Up to 100 records
// are done at once; more start a background operation, whose id the page puts in the URL.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type Selection, selectedCount } from '@campus/web/table/selection.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import {
  type BulkAnswer,
  type BulkEntity,
  type BulkTarget,
  bulkDelete,
  bulkStatus,
  changedCount,
  countMatching,
} from './lists.api.ts';

type Action = { kind: 'status'; status: string } | { kind: 'delete' };

interface Pending {
  action: Action;
  target: BulkTarget;
  count: number;
  /** The filter matched another number when the admin last confirmed. */
  changedFrom?: number;
}

export function BulkBar(props: {
  entity: BulkEntity;
  /** The records' name, plural, for the dialog ("volunteer applications"). */
  noun: (count: number) => string;
  selection: Selection;
  filters: Record<string, string>;
  total: number;
  statuses: readonly { value: string; label: string }[];
  canDelete: boolean;
  onCleared(): void;
  onOperation(id: string): void;
}) {
  const { t, number } = useI18n();
  const client = useQueryClient();
  const statusId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const count = selectedCount(props.selection, props.total);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) d.showModal();
    if (!pending && d.open) d.close();
  }, [pending]);

  const failure = (err: unknown) =>
    err instanceof ApiError && err.status === 403
      ? t('errors.forbidden')
      : err instanceof ApiError && err.status === 0
        ? t('errors.network')
        : t('errors.unexpected');

  /** Counts what the action will touch, then asks to confirm that number. */
  const prepare = async (action: Action) => {
    setMessage(null);
    if (props.selection.kind === 'rows') {
      setPending({ action, target: { ids: [...props.selection.ids] }, count: props.selection.ids.size });
      return;
    }
    setBusy(true);
    try {
      const n = await countMatching(props.entity, props.filters);
      setPending({ action, target: { filter: props.filters, expected_count: n }, count: n });
    } catch (err) {
      setMessage({ kind: 'error', text: failure(err) });
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const answer: BulkAnswer =
        pending.action.kind === 'delete'
          ? await bulkDelete(props.entity, pending.target)
          : await bulkStatus(props.entity, pending.target, pending.action.status);
      setPending(null);
      props.onCleared();
      if (answer.processing === 'background' && answer.operation_id) {
        props.onOperation(answer.operation_id);
      } else {
        const done = answer.done ?? 0;
        const missing = answer.missing?.length ?? 0;
        setMessage({
          kind: 'success',
          text: [
            t(pending.action.kind === 'delete' ? 'lists.bulk.deleted' : 'lists.bulk.updated', {
              count: done,
              n: number(done),
            }),
            missing > 0 ? t('lists.bulk.missing', { count: missing, n: number(missing) }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        });
      }
      await client.invalidateQueries({ queryKey: ['admin-list'] });
    } catch (err) {
      const now = changedCount(err);
      if (now !== null && 'filter' in pending.target) {
        setPending({
          ...pending,
          target: { ...pending.target, expected_count: now },
          count: now,
          changedFrom: pending.count,
        });
      } else {
        setPending(null);
        setMessage({ kind: 'error', text: failure(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  const statusLabel = (value: string) => props.statuses.find((s) => s.value === value)?.label ?? value;
  const question = pending
    ? pending.action.kind === 'delete'
      ? t('lists.bulk.confirmDelete', { n: number(pending.count), noun: props.noun(pending.count) })
      : t('lists.bulk.confirmStatus', {
          n: number(pending.count),
          noun: props.noun(pending.count),
          status: statusLabel(pending.action.status),
        })
    : '';

  return (
    <>
      {count > 0 && (
        <section className="bulk-bar" aria-label={t('lists.bulk.title')}>
          <form
            className="bulk-bar__form"
            onSubmit={(e) => {
              e.preventDefault();
              if (status) void prepare({ kind: 'status', status });
            }}
          >
            <label htmlFor={statusId}>{t('lists.bulk.newStatus')}</label>
            <select
              id={statusId}
              className="input input--inline"
              value={status}
              required
              onChange={(e) => setStatus(e.currentTarget.value)}
            >
              <option value="">{t('lists.bulk.chooseStatus')}</option>
              {props.statuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {t('lists.bulk.setStatus', { count, n: number(count) })}
            </button>
          </form>
          {props.canDelete && (
            <button
              type="button"
              className="button button--danger"
              aria-disabled={busy || undefined}
              onClick={() => void prepare({ kind: 'delete' })}
            >
              {t('lists.bulk.delete', { count, n: number(count) })}
            </button>
          )}
        </section>
      )}
      <div aria-live="polite">
        {message && (
          <p
            className={`notice notice--${message.kind}`}
            role={message.kind === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        )}
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="bulk-confirm-title"
        aria-describedby="bulk-confirm-question"
        onClose={() => setPending(null)}
      >
        {pending && (
          <>
            <h2 id="bulk-confirm-title">{t('lists.bulk.confirmTitle')}</h2>
            {pending.changedFrom !== undefined && (
              <p className="notice notice--warning" role="alert">
                {t('lists.bulk.countChanged', {
                  before: number(pending.changedFrom),
                  now: number(pending.count),
                })}
              </p>
            )}
            <p id="bulk-confirm-question">{question}</p>
            {pending.count > 100 && <p className="muted">{t('lists.bulk.background')}</p>}
            <div className="actions">
              <button
                type="button"
                className={`button${pending.action.kind === 'delete' ? ' button--danger' : ''}`}
                aria-disabled={busy || pending.count === 0 || undefined}
                onClick={() => {
                  if (!busy && pending.count > 0) void run();
                }}
              >
                {pending.action.kind === 'delete'
                  ? t('lists.bulk.yesDelete', { n: number(pending.count) })
                  : t('lists.bulk.yesStatus', { n: number(pending.count) })}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                {t('lists.bulk.cancel')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
