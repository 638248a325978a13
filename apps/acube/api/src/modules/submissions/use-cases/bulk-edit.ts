// Many records at once, for a bulk operation: a status set on, or a delete of, the ids given, in
// the caller's transaction (the bulk operation's chunk), each record changed audited as a bulk
// change. Ids that match nothing are left out of the answer: the caller counts them as not found.
// Bookings, volunteer applications and contact messages share it, each with its own table.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Tx } from '@campus/platform/db';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** A table's bulk queries: each answers the ids it changed. */
export interface BulkStore<Status extends string> {
  setStatuses(ids: string[], status: Status, at: Date, tx: Tx): Promise<string[]>;
  deleteByIds(ids: string[], tx: Tx): Promise<string[]>;
}

export interface BulkEditContext {
  audit: Pick<AuditLog, 'record'>;
  clock: Pick<Clock, 'now'>;
}

/**
 * The records a list filter matches, for a bulk operation by filter: the filter is checked
 * against the kind's own list filter (a 400 otherwise), then counted or resolved to ids.
 */
export interface BulkMatching {
  count(filter: unknown): Promise<number>;
  /** The ids matched, oldest first, at most `max`. */
  ids(filter: unknown, max: number): Promise<string[]>;
}

/**
 * What a bulk operation may do to a kind of record: the statuses it takes, a status set, a
 * delete, and the records a filter matches.
 */
export interface BulkEditable {
  statuses: readonly string[];
  matching: BulkMatching;
  setStatus(input: { ids: string[]; status: string; who: Actor; tx: Tx }): Promise<string[]>;
  delete(input: { ids: string[]; who: Actor; tx: Tx }): Promise<string[]>;
}

export async function setStatusesInBulk<Status extends string>(
  ctx: BulkEditContext,
  input: { entity: string; store: BulkStore<Status>; ids: string[]; status: Status; who: Actor; tx: Tx },
): Promise<string[]> {
  const done = await input.store.setStatuses(input.ids, input.status, ctx.clock.now(), input.tx);
  await ctx.audit.record(
    input.tx,
    ...done.map((id) => ({
      ...input.who,
      action: `${input.entity}.status_changed`,
      entity: input.entity,
      entityId: id,
      changes: { status: { to: input.status }, bulk: true },
    })),
  );
  return done;
}

export async function deleteInBulk(
  ctx: BulkEditContext,
  input: { entity: string; store: Pick<BulkStore<string>, 'deleteByIds'>; ids: string[]; who: Actor; tx: Tx },
): Promise<string[]> {
  const done = await input.store.deleteByIds(input.ids, input.tx);
  await ctx.audit.record(
    input.tx,
    ...done.map((id) => ({
      ...input.who,
      action: `${input.entity}.deleted`,
      entity: input.entity,
      entityId: id,
      changes: { bulk: true },
    })),
  );
  return done;
}

/**
 * A kind of record as a bulk operation sees it. A status outside `statuses` is refused here too,
 * though the bulk operation checks it first.
 */
export function bulkEditable<Status extends string>(
  ctx: BulkEditContext,
  kind: { entity: string; statuses: readonly Status[]; store: BulkStore<Status>; matching: BulkMatching },
): BulkEditable {
  const isStatus = (s: string): s is Status => (kind.statuses as readonly string[]).includes(s);
  return {
    statuses: kind.statuses,
    matching: kind.matching,
    setStatus: ({ status, ...rest }) => {
      if (!isStatus(status)) throw new Error(`${kind.entity} has no status "${status}"`);
      return setStatusesInBulk(ctx, { entity: kind.entity, store: kind.store, status, ...rest });
    },
    delete: (input) => deleteInBulk(ctx, { entity: kind.entity, store: kind.store, ...input }),
  };
}
