// The shared submission flow without a database: what counts as a repeat, and that a new
// submission is stored, audited and acknowledged in one transaction with only ids logged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '@campus/platform/db';
import { defineTemplate, html } from '@campus/platform/mail';
import type { PublicFormMail } from '../../abuse/index.ts';
import { dedupeKey, isRepeatOf, repeatWindowStart } from '../submission.ts';
import { type SubmissionStore, type SubmitFormContext, submitForm } from './submit-form.ts';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ack = defineTemplate<{ reference: string }>({
  name: 'ack',
  subject: (v) => v.reference,
  text: (v) => v.reference,
  html: (v) => html`${v.reference}`,
});
type Row = { id: string; reference: string; status: string; email: string; message: string };

function harness(existing?: Row, capped = false) {
  const calls: string[] = [];
  const logs: object[] = [];
  const inserted: object[] = [];
  const TX = { tx: true };
  const ctx: SubmitFormContext & PublicFormMail = {
    db: { transaction: async (fn: (tx: unknown) => unknown) => fn(TX) } as unknown as Db,
    audit: {
      record: async (tx, ...entries) => {
        assert.equal(tx, TX, 'audited in the transaction');
        calls.push(`audit ${entries.map((e) => `${e.action}:${JSON.stringify(e.changes)}`).join()}`);
      },
    },
    clock: { now: () => new Date(NOW), nowMs: () => NOW },
    mail: {
      send: async (template, to, values, opts) => {
        assert.equal(opts?.tx, TX, 'mail queued in the transaction');
        calls.push(`mail ${template.name} ${to} ${JSON.stringify(values)}`);
        return 'job';
      },
    },
    log: { info: (fields) => void logs.push(fields) },
    mailCap: {
      allow: async (to, about, _log, tx) => {
        assert.equal(tx, TX, 'counted in the transaction');
        calls.push(`cap ${to} ${about.entity} ${about.id} ${about.template}`);
        return !capped;
      },
    },
  };
  let since: Date | undefined;
  const store: SubmissionStore<Row, { email: string; message: string }> = {
    getRecentByDedupeKey: async (_key, from) => {
      since = from;
      return existing;
    },
    insert: async (values, tx) => {
      assert.equal(tx, TX);
      inserted.push(values);
      return {
        id: 'id-2',
        status: 'new',
        email: values.email,
        message: values.message,
        reference: values.reference,
      };
    },
  };
  const submit = () =>
    submitForm(ctx, {
      entity: 'thing',
      referencePrefix: 'T',
      sameIf: ['a@example.org', 'private words'],
      values: { email: 'a@example.org', message: 'private words' },
      store,
      acknowledge: (row) => ({ template: ack, to: row.email, values: { reference: row.reference } }),
      who: { ip: '192.0.2.1', requestId: 'r1' },
    });
  return { submit, calls, logs, inserted, since: () => since };
}

test('a repeat within ten minutes answers with the first row and stores, audits and mails nothing', async () => {
  const first: Row = {
    id: 'id-1',
    reference: 'T-AAAAAA',
    status: 'new',
    email: 'a@example.org',
    message: 'x',
  };
  const h = harness(first);
  const { row, created } = await h.submit();
  assert.equal(created, false);
  assert.equal(row, first);
  assert.deepEqual(h.calls, []);
  assert.deepEqual(h.inserted, []);
  assert.deepEqual(h.since(), new Date(NOW - 10 * 60_000));
  assert.deepEqual(h.logs, [{ event: 'thing.duplicate', id: 'id-1' }]);
});

test('a new submission is stored with its reference and key, audited with its status and acknowledged', async () => {
  const h = harness();
  const { row, created } = await h.submit();
  assert.equal(created, true);
  assert.match(row.reference, /^T-[2-9A-Z]{6}$/);
  assert.deepEqual(h.inserted, [
    {
      email: 'a@example.org',
      message: 'private words',
      reference: row.reference,
      dedupeKey: dedupeKey('a@example.org', 'private words'),
      createdAt: new Date(NOW),
      updatedAt: new Date(NOW),
    },
  ]);
  assert.deepEqual(h.calls, [
    'audit thing.created:{"status":"new"}',
    'cap a@example.org thing id-2 ack',
    `mail ack a@example.org {"reference":"${row.reference}"}`,
  ]);
  assert.deepEqual(h.logs, [{ event: 'thing.created', id: 'id-2' }]);
  assert.ok(!JSON.stringify(h.logs).includes('private words'), 'ids, never what was written');
});

test('an address over its daily cap: the submission is stored and audited, only its mail is not queued', async () => {
  const h = harness(undefined, true);
  const { created } = await h.submit();
  assert.equal(created, true);
  assert.equal(h.inserted.length, 1);
  assert.deepEqual(h.calls, ['audit thing.created:{"status":"new"}', 'cap a@example.org thing id-2 ack']);
});

test('a repeat is strictly less than ten minutes old', () => {
  assert.equal(isRepeatOf(new Date(NOW - 9 * 60_000 - 59_999), NOW), true);
  assert.equal(isRepeatOf(new Date(NOW - 10 * 60_000), NOW), false);
  assert.deepEqual(repeatWindowStart(NOW), new Date(NOW - 600_000));
});

test('the same address in another case or with spaces, and content with outer spaces, is the same submission', () => {
  assert.equal(dedupeKey(' A@Example.org ', ' hello '), dedupeKey('a@example.org', 'hello'));
  assert.equal(dedupeKey('a@example.org', undefined), dedupeKey('a@example.org', ''));
  assert.notEqual(dedupeKey('a@example.org', 'hello'), dedupeKey('a@example.org', 'hello!'));
  assert.notEqual(dedupeKey('a@example.org', 'a', 'b'), dedupeKey('a@example.org', 'b', 'a'));
});
