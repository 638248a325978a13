// What the events use cases share, built once by events.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { Mailer } from '@campus/platform/mail';
import type { EventListsRepository } from './events.lists.repository.ts';
import type { EventsRepository } from './events.repository.ts';

export interface EventsContext {
  db: Db;
  repo: EventsRepository;
  /** The staff lists' queries. */
  lists: EventListsRepository;
  /** The organisation's zone (TIME_ZONE): the days of the admin lists' date filter are its days. */
  timeZone: string;
  audit: AuditLog;
  mail: Mailer;
  clock: Clock;
  /** Stored uploads: an event's image is one. */
  files: Pick<Files, 'find' | 'read'>;
  /** What the upload store takes (its `upload` kind): an event's image is an upload. */
  uploadRules: { types: readonly string[]; maxBytes: number };
  /** The private link a registrant manages their registration with. */
  link(token: string): string;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
