// A staff member moves a volunteer application or a contact message to another status: read,
// changed and audited with from and to in one transaction. Unlike a booking, setting the same
// status again is recorded too (as it always was).
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db, Tx } from '@campus/platform/db';
import { notFound } from '@campus/platform/errors';

export interface StatusStore<Row extends { status: string }, Status extends string> {
  getById(id: string, tx?: Db | Tx): Promise<Row | undefined>;
  setStatus(id: string, status: Status, at: Date, tx?: Db | Tx): Promise<Row | undefined>;
}

export interface ChangeSubmissionStatusContext {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
}

export interface ChangeSubmissionStatusInput<Row extends { status: string }, Status extends string> {
  entity: string;
  /** How a 404 names the thing. */
  label: string;
  store: StatusStore<Row, Status>;
  id: string;
  status: Status;
  who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
}

export async function changeSubmissionStatus<Row extends { status: string }, Status extends string>(
  ctx: ChangeSubmissionStatusContext,
  input: ChangeSubmissionStatusInput<Row, Status>,
): Promise<Row> {
  return ctx.db.transaction(async (tx) => {
    const before = await input.store.getById(input.id, tx);
    if (!before) throw notFound(input.label);
    const after = await input.store.setStatus(input.id, input.status, ctx.clock.now(), tx);
    await ctx.audit.record(tx, {
      ...input.who,
      action: `${input.entity}.status_changed`,
      entity: input.entity,
      entityId: input.id,
      changes: { status: { from: before.status, to: input.status } },
    });
    return after ?? before;
  });
}
