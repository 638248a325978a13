// The events feature's HTTP shapes: public events, registration, and events as staff see them.
import { type Static, Type } from 'typebox';
import { eventStatuses } from '../../db/schema/events.ts';
import { registrationStatuses } from '../../db/schema/registrations.ts';
import { listFilter, listPage, listQuery } from '../listing/index.ts';
import {
  EVENT_SORTABLE,
  REGISTRATION_SORTABLE,
  type RegistrationListRow,
} from './events.lists.repository.ts';
import type { EventRow, RegistrationRow } from './events.repository.ts';
import { availability, type PlaceCounts } from './use-cases/waiting-list.ts';

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
    places_left: Type.Integer({ minimum: 0, description: 'capacity less the confirmed places' }),
    waiting: Type.Integer({ minimum: 0, description: 'people on the waiting list' }),
    image_url: Type.Union([Type.String(), Type.Null()], { description: "the event's image, if it has one" }),
  },
  { $id: 'PublicEvent', title: 'PublicEvent' },
);

export const ListEventsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export const PublicEventList = Type.Object({ items: Type.Array(Type.Ref('PublicEvent')) });

export type PublicEvent = Static<typeof PublicEventResponse>;

/**
 * Where the public fetches an event's image: the file's id in the address, so that a browser
 * holding the old image (cached for a week) fetches a replaced one at once.
 */
export const eventImageUrl = (row: Pick<EventRow, 'id' | 'imageFileId'>): string | null =>
  row.imageFileId ? `/api/events/${row.id}/image?v=${row.imageFileId}` : null;

export const toPublicEvent = (row: EventRow, counts: PlaceCounts): PublicEvent => ({
  id: row.id,
  title: row.title,
  description: row.description,
  location: row.location,
  starts_at: row.startsAt.toISOString(),
  ends_at: row.endsAt ? row.endsAt.toISOString() : null,
  capacity: row.capacity,
  places_left: availability(row.capacity, counts).placesLeft,
  waiting: availability(row.capacity, counts).waiting,
  image_url: eventImageUrl(row),
});

export const RegisterBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
});
export const CancelRegistrationBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const RegistrationResponse = Type.Object({
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('waiting'), Type.Literal('cancelled')]),
  position: Type.Union([Type.Integer(), Type.Null()], { description: 'place on the waiting list' }),
  message: Type.String(),
});
export type RegistrationResult = Static<typeof RegistrationResponse>;

export const ManageRegistrationQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
/** A registration as its holder sees it through the private link. */
export const OwnRegistration = Type.Object({
  event: Type.Ref('PublicEvent'),
  name: Type.String(),
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('waiting'), Type.Literal('cancelled')]),
  position: Type.Union([Type.Integer(), Type.Null()], {
    description: 'place in the waiting-list queue now (1 = next); null unless waiting',
  }),
});
/** The event is PublicEvent's shape (a $ref in the schema). */
export type OwnRegistration = Omit<Static<typeof OwnRegistration>, 'event'> & { event: PublicEvent };

/** An uploaded image (POST /api/admin/uploads) to show with the event, or null to remove it. */
export const SetEventImageBody = Type.Object({
  file_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});

/** What an event's image may be: the panel states it and checks a file before sending it. */
export const EventImageRules = Type.Object({
  types: Type.Array(Type.String(), { description: 'the MIME types an event image may have' }),
  max_bytes: Type.Integer({ minimum: 0, description: 'the largest upload, in bytes' }),
});
export type EventImageRules = Static<typeof EventImageRules>;

/** The fields staff set on an event. */
export const EventFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 5000 }),
  location: Type.String({ maxLength: 300 }),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
};
export const CreateEventBody = Type.Object({
  ...EventFields,
  description: Type.String({ maxLength: 5000, default: '' }),
  location: Type.String({ maxLength: 300, default: '' }),
  ends_at: Type.Optional(EventFields.ends_at),
});
export type CreateEventBody = Static<typeof CreateEventBody>;
export const UpdateEventBody = Type.Partial(Type.Object(EventFields), { minProperties: 1 });
export type UpdateEventBody = Static<typeof UpdateEventBody>;

/** The staff list of events: filter, sort (default: latest start first), page. */
export const AdminEventsQuery = listQuery({
  statuses: eventStatuses,
  sortable: EVENT_SORTABLE,
  defaultSort: '-starts_at',
  extra: {},
});
export const EventFilter = listFilter(eventStatuses, {});

const registrationFilterFields = { event_id: Type.Optional(Type.String({ format: 'uuid' })) };
/** Registrations across events: filter (one event's, too), sort, page. */
export const AdminRegistrationsQuery = listQuery({
  statuses: registrationStatuses,
  sortable: REGISTRATION_SORTABLE,
  defaultSort: '-created_at',
  extra: registrationFilterFields,
});
export const RegistrationFilter = listFilter(registrationStatuses, registrationFilterFields);

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
  image_file_id: Type.Union([Type.String(), Type.Null()]),
});
export type AdminEvent = Static<typeof AdminEvent>;
/** An event in the staff list: with its places taken and its waiting list's length. */
export const AdminEventListItem = Type.Object({
  ...AdminEvent.properties,
  confirmed: Type.Integer({ minimum: 0 }),
  waiting: Type.Integer({ minimum: 0 }),
  created_at: Type.String(),
});
export type AdminEventListItem = Static<typeof AdminEventListItem>;
export const AdminEventList = listPage(AdminEventListItem);
export const CancelEventResponse = Type.Object({ event: AdminEvent, notified: Type.Integer() });

export const toAdminEvent = (e: EventRow): AdminEvent => ({
  id: e.id,
  status: e.status,
  title: e.title,
  description: e.description,
  location: e.location,
  starts_at: e.startsAt.toISOString(),
  ends_at: e.endsAt ? e.endsAt.toISOString() : null,
  capacity: e.capacity,
  image_file_id: e.imageFileId,
});

/** A registration as staff see it. */
export const AdminRegistration = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  status: Type.String(),
  position: Type.Union([Type.Integer(), Type.Null()]),
  created_at: Type.String(),
});
export type AdminRegistration = Static<typeof AdminRegistration>;
export const AdminRegistrationList = Type.Object({ items: Type.Array(AdminRegistration) });

export const toAdminRegistration = (r: RegistrationRow): AdminRegistration => ({
  id: r.id,
  name: r.name,
  email: r.email,
  status: r.status,
  position: r.position,
  created_at: r.createdAt.toISOString(),
});

/** A registration in the list across events: with its event. */
export const AdminRegistrationListItem = Type.Object({
  ...AdminRegistration.properties,
  event_id: Type.String(),
  event_title: Type.String(),
  updated_at: Type.String(),
});
export type AdminRegistrationListItem = Static<typeof AdminRegistrationListItem>;
export const AdminRegistrationPage = listPage(AdminRegistrationListItem);

export const toAdminRegistrationListItem = (r: RegistrationListRow): AdminRegistrationListItem => ({
  ...toAdminRegistration(r),
  event_id: r.eventId,
  event_title: r.eventTitle,
  updated_at: r.updatedAt.toISOString(),
});
