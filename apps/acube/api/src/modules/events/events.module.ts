// The events module: events with their registrations as one aggregate (the waiting list and its
// promotion live here). Builds the repository and the use cases' context once, then registers
// the mail templates and the public and staff routes. Exports read its tables through the
// adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import { type ListFilter, listExportQuery, listSource } from '../listing/index.ts';
import { eventsAdminRoutes } from './events.admin.routes.ts';
import type { EventsContext } from './events.context.ts';
import {
  createEventListsRepository,
  EVENT_LIST,
  EVENT_SORTABLE,
  REGISTRATION_LIST,
  REGISTRATION_SORTABLE,
  type RegistrationListFilter,
  type RegistrationListRow,
} from './events.lists.repository.ts';
import { eventCancelled, registrationPromoted, registrationReceived } from './events.mail.ts';
import { createEventsRepository, type EventRow } from './events.repository.ts';
import { eventsRoutes } from './events.routes.ts';
import { EventFilter, RegistrationFilter } from './events.schemas.ts';

export interface EventsModuleOptions {
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  /** The stored uploads: an event's image is one. */
  files: Pick<Files, 'find' | 'read' | 'kinds'>;
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
    uploadRules: {
      types: opts.files.kinds.upload?.types ?? [],
      maxBytes: opts.files.kinds.upload?.maxBytes ?? 0,
    },
    link: (token) => `${opts.publicUrl}/registration?token=${encodeURIComponent(token)}`,
  };
  app.mail.template(registrationReceived);
  app.mail.template(registrationPromoted);
  app.mail.template(eventCancelled);
  await app.register(eventsRoutes, { prefix: '/api/events', ctx });
  await app.register(eventsAdminRoutes, { ctx });
};

/** The events a list query matches, in its sort, a batch at a time: what the CSV export reads. */
export function eventsForExport(db: Db, timeZone: string) {
  const lists = createEventListsRepository(db);
  return listSource<EventRow, ListFilter & { sort?: string }>({
    query: listExportQuery(EventFilter, EVENT_SORTABLE, '-starts_at'),
    columns: EVENT_LIST,
    defaultSort: '-starts_at',
    read: (query, after, limit) => lists.findEventsMatchingAfter(query, timeZone, after, limit),
  });
}

/** The registrations (with their event's title) a list query matches, in its sort: what the CSV export reads. */
export function registrationsForExport(db: Db, timeZone: string) {
  const lists = createEventListsRepository(db);
  return listSource<RegistrationListRow, RegistrationListFilter & { sort?: string }>({
    query: listExportQuery(RegistrationFilter, REGISTRATION_SORTABLE, '-created_at'),
    columns: REGISTRATION_LIST,
    defaultSort: '-created_at',
    read: (query, after, limit) => lists.findRegistrationsMatchingAfter(query, timeZone, after, limit),
  });
}
