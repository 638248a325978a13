// Mail as a job: `mail.send(...)` enqueues (inside the caller's transaction when given), so a
// request never waits on SMTP and a failing server delays mail without losing it (the job
// retries with back-off). Without SMTP_URL, each message is written as an .eml file under
// DATA_DIR/mail/ and logged with the address redacted; with it, sent over SMTP.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { Tx } from '../db/database.ts';
import type { JobSystem } from '../jobs/job-system.ts';
import { defineQueue } from '../jobs/queue.ts';
import type { MailTemplate } from './template.ts';

export interface MailerOptions {
  jobs: JobSystem;
  logger: Logger;
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
  /** First retry delay in seconds when SMTP fails (default 30, doubling up to an hour). */
  retryDelaySeconds?: number;
}

export const MAIL_QUEUE = 'mail';

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
          handler: (job) => this.deliver(job.id, job.data.template, job.data.to, job.data.values),
        }),
      );
    }
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
    if (!this.#opts.smtpUrl) {
      const folder = join(this.#opts.dataDir, 'mail');
      await mkdir(folder, { recursive: true });
      file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${templateName}-${jobId}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
    }
    this.#opts.logger.info(
      {
        event: 'mail.sent',
        template: templateName,
        to: redactAddress(to),
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
