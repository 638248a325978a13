import { type Static, Type } from 'typebox';
import type { EventRow } from './events.repository.ts';

export const EventParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PublicEventResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: Type.String(),
    description: Type.String(),
    location: Type.String(),
    starts_at: Type.String({ format: 'date-time' }),
    ends_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    capacity: Type.Integer(),
  },
  { $id: 'PublicEvent', title: 'PublicEvent' },
);

export const ListEventsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export const PublicEventList = Type.Object({ items: Type.Array(Type.Ref('PublicEvent')) });

export type PublicEvent = Static<typeof PublicEventResponse>;

/** The fields staff set on an event. */
export const EventFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000 }),
  location: Type.String({ maxLength: 300 }),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
};
/** An event as staff see it, whatever its status. */
export const AdminEvent = Type.Object({
  id: Type.String(),
  status: Type.String(),
  title: Type.String(),
  description: Type.String(),
  location: Type.String(),
  starts_at: Type.String(),
  ends_at: Type.Union([Type.String(), Type.Null()]),
  capacity: Type.Integer(),
});

export const toAdminEvent = (e: EventRow) => ({
  id: e.id,
  status: e.status,
  title: e.title,
  description: e.description,
  location: e.location,
  starts_at: e.startsAt.toISOString(),
  ends_at: e.endsAt ? e.endsAt.toISOString() : null,
  capacity: e.capacity,
});
