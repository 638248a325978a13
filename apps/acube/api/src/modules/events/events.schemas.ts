import { type Static, Type } from 'typebox';

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
