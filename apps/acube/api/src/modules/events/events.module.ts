// The events module: events with their registrations as one aggregate (the waiting list and its
// promotion live here). Builds the repository and the use cases' context once, then registers
// the mail templates and the public and staff routes. Exports read its tables through the
// adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import { eventsAdminRoutes } from './events.admin.routes.ts';
import type { EventsContext } from './events.context.ts';
import { createEventListsRepository } from './events.lists.repository.ts';
import { eventCancelled, registrationPromoted, registrationReceived } from './events.mail.ts';
import {
  type CreationCursor,
  createEventsRepository,
  type EventRow,
  type RegistrationRow,
} from './events.repository.ts';
import { eventsRoutes } from './events.routes.ts';

export interface EventsModuleOptions {
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  /** The stored uploads: an event's image is one. */
  files: Pick<Files, 'find' | 'read'>;
  timeZone: string;
}

export const eventsModule: FastifyPluginAsync<EventsModuleOptions> = async (app, opts) => {
  const ctx: EventsContext = {
    db: app.db,
    repo: createEventsRepository(app.db),
    lists: createEventListsRepository(app.db),
    timeZone: opts.timeZone,
    audit: opts.audit,
    mail: app.mail,
    clock: opts.clock,
    files: opts.files,
    link: (token) => `${opts.publicUrl}/registration?token=${encodeURIComponent(token)}`,
  };
  app.mail.template(registrationReceived);
  app.mail.template(registrationPromoted);
  app.mail.template(eventCancelled);
  await app.register(eventsRoutes, { prefix: '/api/events', ctx });
  await app.register(eventsAdminRoutes, { ctx });
};

/** Every event in creation order, a page at a time: what the CSV export reads. */
export function eventsForExport(
  db: Db,
): (after: CreationCursor | undefined, limit: number) => Promise<EventRow[]> {
  const repo = createEventsRepository(db);
  return (after, limit) => repo.findEventsAfter(after, limit);
}

/** Every registration in creation order, a page at a time: what the CSV export reads. */
export function registrationsForExport(
  db: Db,
): (after: CreationCursor | undefined, limit: number) => Promise<RegistrationRow[]> {
  const repo = createEventsRepository(db);
  return (after, limit) => repo.findRegistrationsAfter(after, limit);
}
