// Mail as a job: `mail.send(...)` enqueues (inside the caller's transaction when given), so a
// request never waits on SMTP and a failing server delays mail without losing it (the job
// retries with back-off). Without SMTP_URL, each message is written as an .eml file under
// DATA_DIR/mail/ and logged with the address redacted; with it, sent over SMTP.
// Privacy: the job's payload (address, name, private links) is stored sealed (encrypted under a
// key derived from APP_SECRET); beside it, and in each .eml file's name, only a keyed hash of the
// lower-cased address, so `forgetRecipient` finds one person's mail without reading any.
// Finished mail jobs and .eml files are deleted after MAIL_KEEP_SENT_HOURS (an hourly sweep).
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { Tx } from '../db/database.ts';
import type { JobSystem } from '../jobs/job-system.ts';
import { defineQueue } from '../jobs/queue.ts';
import { keyedHash } from '../jobs/sealed-payload.ts';
import type { MailTemplate } from './template.ts';

export interface MailerOptions {
  jobs: JobSystem;
  logger: Logger;
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
  /** APP_SECRET: the payloads' encryption key and the recipients' hash key are derived from it. */
  appSecret: string;
  /** MAIL_KEEP_SENT_HOURS: finished mail jobs and .eml files older than this are deleted (default 24). */
  keepSentHours?: number;
  /** First retry delay in seconds when SMTP fails (default 30, doubling up to an hour). */
  retryDelaySeconds?: number;
}

export const MAIL_QUEUE = 'mail';
/** The hourly sweep that deletes .eml files older than MAIL_KEEP_SENT_HOURS. */
export const MAIL_SWEEP_QUEUE = 'mail-sweep';
export const MAIL_SWEEP_CRON = '23 * * * *';

/**
 * A mail of one recipient, as their data export shows it: its job (queued, retrying, sent or
 * dead: the template and the values it is made of), and the message as written, if it was.
 */
export interface RecipientMail {
  /** The mail job's id (the .eml file's, when its job is gone). */
  id: string;
  template: string;
  /** The job's state; null when only the file is left. */
  state: string | null;
  queuedAt: string | null;
  values: Record<string, unknown> | null;
  /** The .eml file as written (without SMTP_URL); null when there is none. */
  message: string | null;
}

/** What `forgetRecipient` deleted: mail jobs (queued, retrying, finished or dead) and .eml files. */
export interface ForgottenMail {
  jobs: number;
  files: number;
}

const MailJob = Type.Object({
  template: Type.String(),
  to: Type.String({ maxLength: 320 }),
  values: Type.Record(Type.String(), Type.Unknown()),
});

/** "ana@example.org" → "a***@example.org": enough to tell messages apart, not to read the address. */
export function redactAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export class Mailer {
  readonly #opts: MailerOptions;
  readonly #templates = new Map<string, MailTemplate<never>>();
  readonly #transport: Transporter;
  #queueDefined = false;
  /** Whether this app has a mail queue at all (set by the first template), for `forgetRecipient`. */
  get hasQueue(): boolean {
    return this.#queueDefined;
  }

  constructor(opts: MailerOptions) {
    this.#opts = opts;
    this.#transport = opts.smtpUrl
      ? nodemailer.createTransport({
          url: opts.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Registers a message type; the first one also declares the mail queue. */
  template<V>(template: MailTemplate<V>): void {
    if (this.#templates.has(template.name))
      throw new Error(`mail template "${template.name}" registered twice`);
    this.#templates.set(template.name, template as MailTemplate<never>);
    if (!this.#queueDefined) {
      this.#queueDefined = true;
      this.#opts.jobs.define(
        defineQueue({
          name: MAIL_QUEUE,
          payload: MailJob,
          retryLimit: 10,
          retryDelaySeconds: this.#opts.retryDelaySeconds ?? 30,
          retryDelayMaxSeconds: 3600,
          expireInSeconds: 120,
          concurrency: 2,
          sealed: true,
          lookup: (data) => ({ rcpt: this.recipientKey(data.to) }),
          keepFinishedSeconds: this.#keepHours * 3600,
          handler: (job) => this.deliver(job.id, job.data.template, job.data.to, job.data.values),
        }),
      );
      this.#opts.jobs.define(
        defineQueue({
          name: MAIL_SWEEP_QUEUE,
          payload: Type.Object({}),
          retryLimit: 1,
          expireInSeconds: 600,
          handler: async () => ({ deleted: await this.sweepSent() }),
        }),
      );
      this.#opts.jobs.schedule(MAIL_SWEEP_QUEUE, MAIL_SWEEP_CRON);
    }
  }

  get #keepHours(): number {
    return this.#opts.keepSentHours ?? 24;
  }

  get #folder(): string {
    return join(this.#opts.dataDir, 'mail');
  }

  /**
   * The keyed hash (HMAC-SHA256 under a key derived from APP_SECRET, 32 hex digits) of a
   * lower-cased address: stored beside each mail job and in each .eml file's name.
   */
  recipientKey(address: string): string {
    return keyedHash(this.#opts.appSecret, 'mail-recipient', address.trim().toLowerCase()).slice(0, 32);
  }

  /**
   * Forgets one recipient (erasure on request): deletes every mail job to that address, in any
   * state, with its dead-letter copies, and every .eml file written for it. Returns the counts.
   */
  async forgetRecipient(address: string): Promise<ForgottenMail> {
    const rcpt = this.recipientKey(address);
    const jobs = this.#queueDefined ? await this.#opts.jobs.deleteJobs(MAIL_QUEUE, { rcpt }) : 0;
    let files = 0;
    for (const name of await this.#emlFiles()) {
      if (!name.includes(`-${rcpt}-`)) continue;
      await unlink(join(this.#folder, name)).catch(() => {});
      files++;
    }
    this.#opts.logger.info(
      { event: 'mail.recipient_forgotten', rcpt: rcpt.slice(0, 12), jobs, files },
      'mail to one recipient forgotten',
    );
    return { jobs, files };
  }

  /**
   * Every mail of one recipient (a person's data export): their mail jobs in any state, with the
   * .eml file each was written as, and the files whose job is already gone. Oldest first.
   */
  async recipientMails(address: string): Promise<RecipientMail[]> {
    const rcpt = this.recipientKey(address);
    const jobs = this.#queueDefined ? await this.#opts.jobs.findJobs(MAIL_QUEUE, { rcpt }) : [];
    const files = new Map<string, string>();
    for (const name of (await this.#emlFiles()).sort()) {
      if (name.includes(`-${rcpt}-`)) files.set(name, await readFile(join(this.#folder, name), 'utf8'));
    }
    const fileOf = (jobId: string) => [...files.keys()].find((name) => name.endsWith(`-${jobId}.eml`));
    const mails: RecipientMail[] = jobs.map((job) => {
      const data = job.data as { template?: string; values?: Record<string, unknown> };
      const file = fileOf(job.id);
      const message = file ? (files.get(file) ?? null) : null;
      if (file) files.delete(file);
      return {
        id: job.id,
        template: data.template ?? '',
        state: job.state,
        queuedAt: job.createdOn,
        values: data.values ?? null,
        message,
      };
    });
    for (const [name, message] of files) {
      // <time>-<template>-<recipient key>-<job id>.eml
      const [, template = '', jobId = name] =
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-(.+)-${rcpt}-(.+)\\.eml$`).exec(name) ?? [];
      mails.push({ id: jobId, template, state: null, queuedAt: null, values: null, message });
    }
    return mails;
  }

  /** Deletes the .eml files older than MAIL_KEEP_SENT_HOURS at `now`. Returns how many. */
  async sweepSent(now: Date = new Date()): Promise<number> {
    const before = now.getTime() - this.#keepHours * 3_600_000;
    let deleted = 0;
    for (const name of await this.#emlFiles()) {
      const path = join(this.#folder, name);
      const info = await stat(path).catch(() => undefined);
      if (!info || info.mtimeMs >= before) continue;
      await unlink(path).catch(() => {});
      deleted++;
    }
    if (deleted > 0) this.#opts.logger.info({ event: 'mail.swept', deleted }, 'old .eml files deleted');
    return deleted;
  }

  async #emlFiles(): Promise<string[]> {
    const names = await readdir(this.#folder).catch(() => [] as string[]);
    return names.filter((name) => name.endsWith('.eml'));
  }

  /** Enqueues a message (in `tx` when given: a rolled-back change sends nothing). Returns the job id. */
  async send<V>(template: MailTemplate<V>, to: string, values: V, opts: { tx?: Tx } = {}): Promise<string> {
    if (this.#templates.get(template.name) !== (template as MailTemplate<never>)) {
      throw new Error(`mail template "${template.name}" is not registered`);
    }
    return this.#opts.jobs.send(MAIL_QUEUE, { template: template.name, to, values }, opts);
  }

  /** Renders and hands the message to SMTP or to the .eml folder; run by the mail job. */
  async deliver(
    jobId: string,
    templateName: string,
    to: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const template = this.#templates.get(templateName);
    if (!template) throw new Error(`no mail template "${templateName}"`);
    const v = values as never;
    const message = {
      from: this.#opts.from,
      to,
      subject: template.subject(v),
      text: template.text(v),
      html: template.html(v).value,
      ...(template.attachments ? { attachments: template.attachments(v) } : {}),
      // The job id names the message: a retried job keeps its Message-ID, so a duplicate is visible.
      messageId: `<${jobId}@${this.#opts.from.replace(/.*@/, '').replace(/>.*/, '') || 'localhost'}>`,
    };
    const info = await this.#transport.sendMail(message);
    let file: string | undefined;
    const rcpt = this.recipientKey(to);
    if (!this.#opts.smtpUrl) {
      const folder = this.#folder;
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // <time>-<template>-<recipient key>-<job id>.eml: found again by forgetRecipient.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      file = join(folder, `${stamp}-${templateName}-${rcpt}-${jobId}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
    }
    this.#opts.logger.info(
      {
        event: 'mail.sent',
        template: templateName,
        to: redactAddress(to),
        rcpt: rcpt.slice(0, 12),
        jobId,
        ...(file ? { file } : { via: 'smtp' }),
      },
      'mail sent',
    );
  }

  close(): void {
    this.#transport.close();
  }
}
