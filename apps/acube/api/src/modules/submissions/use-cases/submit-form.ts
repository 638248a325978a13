// One public form submission, as bookings, volunteers and contact all take it: a repeat of the
// same content within ten minutes answers with the first row and changes nothing; otherwise the
// row is stored, audited and its acknowledgement queued in one transaction (a rollback sends
// nothing), unless the address has had its mails from the public forms today (the mail cap:
// the row is stored and the answer the same, only the mail is not sent). Logs carry the event
// and the id, never what the person wrote.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db, Tx } from '@campus/platform/db';
import type { Mailer, MailTemplate } from '@campus/platform/mail';
import type { PublicFormMail } from '../../abuse/index.ts';
import { dedupeKey, newReference, repeatWindowStart } from '../submission.ts';

export interface SubmittedRow {
  id: string;
  reference: string;
  status: string;
}

/** The columns every submission table has, filled in here. */
export interface SubmissionStamp {
  reference: string;
  dedupeKey: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The two queries the flow needs from the feature's repository. */
export interface SubmissionStore<Row extends SubmittedRow, Values> {
  getRecentByDedupeKey(key: string, since: Date, tx?: Db | Tx): Promise<Row | undefined>;
  insert(values: Values & SubmissionStamp, tx?: Db | Tx): Promise<Row>;
}

export interface SubmitFormContext {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  mail: Pick<Mailer, 'send'>;
  log: { info(fields: object, msg: string): void };
}

export interface Acknowledgement<V> {
  template: MailTemplate<V>;
  to: string;
  values: V;
}

export interface SubmitFormInput<Row extends SubmittedRow, Values, V> {
  /** The audit entity, also the prefix of the log and audit events. */
  entity: string;
  referencePrefix: string;
  /** The address first, then the content, in the order that makes the dedupe key. */
  sameIf: [email: string, ...content: (string | undefined)[]];
  values: Values;
  store: SubmissionStore<Row, Values>;
  acknowledge: (row: Row) => Acknowledgement<V>;
  who: Pick<AuditEntry, 'ip' | 'requestId'>;
  /** More of the audit entry's change summary than the status (never free text). */
  auditChanges?: Record<string, unknown>;
}

/** The stored row and whether it is new (false: a repeat of a recent one). */
export async function submitForm<Row extends SubmittedRow, Values, V>(
  ctx: SubmitFormContext & PublicFormMail,
  input: SubmitFormInput<Row, Values, V>,
): Promise<{ row: Row; created: boolean }> {
  const key = dedupeKey(...input.sameIf);
  const first = await input.store.getRecentByDedupeKey(key, repeatWindowStart(ctx.clock.nowMs()));
  if (first) {
    ctx.log.info({ event: `${input.entity}.duplicate`, id: first.id }, 'repeated submission');
    return { row: first, created: false };
  }
  const row = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const stamp = {
      reference: newReference(input.referencePrefix),
      dedupeKey: key,
      createdAt: now,
      updatedAt: now,
    };
    const inserted = await input.store.insert({ ...input.values, ...stamp }, tx);
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: null,
      action: `${input.entity}.created`,
      entity: input.entity,
      entityId: inserted.id,
      changes: { status: inserted.status, ...input.auditChanges },
    });
    const ack = input.acknowledge(inserted);
    const about = { entity: input.entity, id: inserted.id, template: ack.template.name };
    if (await ctx.mailCap.allow(ack.to, about, ctx.log, tx)) {
      await ctx.mail.send(ack.template, ack.to, ack.values, { tx });
    }
    return inserted;
  });
  ctx.log.info({ event: `${input.entity}.created`, id: row.id }, 'public submission');
  return { row, created: true };
}
