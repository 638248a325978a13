// The policy on mail the public forms cause: at most PUBLIC_MAIL_PER_ADDRESS_PER_DAY messages to
// one address in one of the organisation's days (TIME_ZONE). Past it the record is still stored
// and the person answered as ever (the same status and words: nobody learns from the answer that
// an address is being flooded); the message is not sent, the refusal is logged with the record's
// id and a prefix of the address's keyed hash, never the address, and counted in /metrics
// (mail_address_cap_refused_total). The count is taken in the form's own transaction.
import type { Clock } from '@campus/platform/clock';
import type { Tx } from '@campus/platform/db';
import type { AddressCap } from '@campus/platform/mail';

export interface PublicMailCapOptions {
  cap: AddressCap;
  timeZone: string;
  clock: Clock;
}

/** What the mail is about, for the log line when it is not sent. */
export interface MailAbout {
  entity: string;
  id: string;
  template: string;
}

const DAY_MS = 86_400_000;

/** What a public form's use case needs on top of its context: the cap its mail counts against. */
export interface PublicFormMail {
  mailCap: Pick<PublicMailCap, 'allow'>;
  /** The request's logger: where a mail not sent is told. */
  log: { info(fields: object, msg: string): void };
}

export class PublicMailCap {
  readonly #opts: PublicMailCapOptions;
  readonly #day: Intl.DateTimeFormat;

  constructor(opts: PublicMailCapOptions) {
    this.#opts = opts;
    this.#day = new Intl.DateTimeFormat('en-CA', {
      timeZone: opts.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  /** The organisation's day `now` falls in, as YYYY-MM-DD. */
  dayOf(now: Date): string {
    return this.#day.format(now);
  }

  /** Counts one mail to `to` today; true when it may be sent. */
  async allow(
    to: string,
    about: MailAbout,
    log: { info(fields: object, msg: string): void },
    tx: Tx,
  ): Promise<boolean> {
    const now = this.#opts.clock.now();
    // The count is forgotten two days on: past any zone's end of this day.
    const period = { name: this.dayOf(now), end: new Date(now.getTime() + 2 * DAY_MS) };
    const { allowed, addressKey } = await this.#opts.cap.take(to, period, now, tx);
    if (!allowed) {
      log.info(
        {
          event: 'mail.capped',
          template: about.template,
          entity: about.entity,
          id: about.id,
          addressKey: addressKey.slice(0, 16),
          limit: this.#opts.cap.limit,
        },
        'mail not sent: the address had its mails from the public forms today',
      );
    }
    return allowed;
  }
}
