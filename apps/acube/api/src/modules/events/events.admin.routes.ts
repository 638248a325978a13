// Events for staff: the seed's POST /api/events (now for admins), and under /api/admin/events:
// list every event, edit, publish, cancel (every registrant is mailed and their registration
// ends), and the registrations of one event.
import { type AuditLog, auditContext } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { conflict, notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import { eventCancelled } from './events.mail.ts';
import { AdminEvent, EventFields, EventParams, toAdminEvent } from './events.schemas.ts';

const STAFF = ['staff', 'superadmin'] as const;
export const eventsAdminRoutes: FastifyPluginAsyncTypebox<{ audit: AuditLog; clock: Clock }> = async (
  app,
  { audit, clock },
) => {
  const config = { rateLimit: 'admin', access: STAFF };
  const find = async (id: string) => {
    const [row] = await app.db.select().from(events).where(eq(events.id, id));
    if (!row) throw notFound('Event');
    return row;
  };

  app.post(
    '/api/events',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Create an event, as a draft (admins; the seed had this public)',
        body: Type.Object({
          ...EventFields,
          description: Type.String({ maxLength: 5000, default: '' }),
          location: Type.String({ maxLength: 300, default: '' }),
          ends_at: Type.Optional(EventFields.ends_at),
        }),
        response: { 201: AdminEvent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const row = await app.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(events)
          .values({
            title: b.title,
            description: b.description,
            location: b.location,
            startsAt: new Date(b.starts_at),
            endsAt: b.ends_at ? new Date(b.ends_at) : null,
            capacity: b.capacity,
            status: 'draft',
          })
          .returning();
        if (!created) throw new Error('event insert returned nothing');
        await audit.record(tx, {
          ...auditContext(request),
          action: 'event.created',
          entity: 'event',
          entityId: created.id,
          changes: { status: 'draft', capacity: created.capacity },
        });
        return created;
      });
      return reply.code(201).send(toAdminEvent(row));
    },
  );

  app.get(
    '/api/admin/events',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Every event, any status, newest first (admins)',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')]),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(AdminEvent) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await app.db
        .select()
        .from(events)
        .where(request.query.status ? eq(events.status, request.query.status) : undefined)
        .orderBy(desc(events.startsAt))
        .limit(request.query.limit);
      return { items: rows.map(toAdminEvent) };
    },
  );

  app.patch(
    '/api/admin/events/:id',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Edit an event (admins)',
        params: EventParams,
        body: Type.Partial(Type.Object(EventFields), { minProperties: 1 }),
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const before = await find(request.params.id);
      if (before.status === 'cancelled') throw conflict('A cancelled event cannot be edited');
      const b = request.body;
      const set = {
        ...(b.title !== undefined ? { title: b.title } : {}),
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(b.location !== undefined ? { location: b.location } : {}),
        ...(b.starts_at !== undefined ? { startsAt: new Date(b.starts_at) } : {}),
        ...(b.ends_at !== undefined ? { endsAt: b.ends_at ? new Date(b.ends_at) : null } : {}),
        ...(b.capacity !== undefined ? { capacity: b.capacity } : {}),
        updatedAt: clock.now(),
      };
      const row = await app.db.transaction(async (tx) => {
        const [after] = await tx.update(events).set(set).where(eq(events.id, before.id)).returning();
        await audit.record(tx, {
          ...auditContext(request),
          action: 'event.edited',
          entity: 'event',
          entityId: before.id,
          changes: { fields: Object.keys(b) },
        });
        return after ?? before;
      });
      return toAdminEvent(row);
    },
  );

  app.post(
    '/api/admin/events/:id/publish',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Publish a draft (admins)',
        params: EventParams,
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const before = await find(request.params.id);
      if (before.status !== 'draft') throw conflict(`A ${before.status} event cannot be published`);
      const row = await app.db.transaction(async (tx) => {
        const [after] = await tx
          .update(events)
          .set({ status: 'published', updatedAt: clock.now() })
          .where(eq(events.id, before.id))
          .returning();
        await audit.record(tx, {
          ...auditContext(request),
          action: 'event.published',
          entity: 'event',
          entityId: before.id,
          changes: { status: { from: 'draft', to: 'published' } },
        });
        return after ?? before;
      });
      return toAdminEvent(row);
    },
  );

  app.post(
    '/api/admin/events/:id/cancel',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Cancel an event: every registrant is mailed, their registrations end (admins)',
        params: EventParams,
        response: {
          200: Type.Object({ event: AdminEvent, notified: Type.Integer() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const before = await find(request.params.id);
      if (before.status === 'cancelled') throw conflict('The event is cancelled already');
      const result = await app.db.transaction(async (tx) => {
        const [after] = await tx
          .update(events)
          .set({ status: 'cancelled', updatedAt: clock.now() })
          .where(eq(events.id, before.id))
          .returning();
        const live = await tx
          .update(registrations)
          .set({ status: 'cancelled', position: null, updatedAt: clock.now() })
          .where(and(eq(registrations.eventId, before.id), ne(registrations.status, 'cancelled')))
          .returning();
        for (const r of live) {
          await app.mail.send(
            eventCancelled,
            r.email,
            { name: r.name, eventTitle: before.title, startsAt: before.startsAt.toISOString() },
            { tx },
          );
        }
        await audit.record(tx, {
          ...auditContext(request),
          action: 'event.cancelled',
          entity: 'event',
          entityId: before.id,
          changes: { status: { from: before.status, to: 'cancelled' }, registrations_ended: live.length },
        });
        return { event: after ?? before, notified: live.length };
      });
      request.log.info(
        {
          event: 'event.cancelled',
          eventId: before.id,
          notified: result.notified,
          by: request.principal?.id,
        },
        'event cancelled',
      );
      return { event: toAdminEvent(result.event), notified: result.notified };
    },
  );

  app.get(
    '/api/admin/events/:id/registrations',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Registrations of an event: confirmed, then the waiting list in order (admins)',
        params: EventParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                email: Type.String(),
                status: Type.String(),
                position: Type.Union([Type.Integer(), Type.Null()]),
                created_at: Type.String(),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      await find(request.params.id);
      const rows = await app.db
        .select()
        .from(registrations)
        .where(eq(registrations.eventId, request.params.id))
        .orderBy(asc(registrations.status), asc(registrations.position), asc(registrations.createdAt));
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          status: r.status,
          position: r.position,
          created_at: r.createdAt.toISOString(),
        })),
      };
    },
  );
};
